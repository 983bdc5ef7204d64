/// The canonical form of a tape's value (`JSONWriter.canonical`: keys sorted by code point, no
/// whitespace), hashed as it is written. A string without escapes or characters the writer
/// escapes is copied from the source bytes as it stands, which is almost every string of a
/// catalogue; the others are decoded and written by `JSONWriter`, so the bytes are the same.
struct CanonicalWriter {
    private var buffer: [UInt8] = []
    private var hasher = SHA256.Hasher()
    /// Member key indices of the objects being written, sorted in place one object at a time.
    private var order: [Int] = []

    private static let flushSize = 1 << 16

    init() {
        buffer.reserveCapacity(CanonicalWriter.flushSize + 4096)
    }

    mutating func write(_ node: JSONNode) {
        let entry = node.entry
        switch entry.kind {
        case .null: append("null")
        case .true: append("true")
        case .false: append("false")
        case .number: buffer.append(contentsOf: node.rawBytes)
        case .string: writeString(node)
        case .array:
            buffer.append(UInt8(ascii: "["))
            var first = true
            for element in JSONArrayNode(node: node) {
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                write(element)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object:
            buffer.append(UInt8(ascii: "{"))
            let start = order.count
            var k = node.index + 1
            while k < entry.next {
                order.append(k)
                k = node.skip(k + 1)
            }
            sortKeys(node, from: start)
            for i in start..<order.count {
                if i > start { buffer.append(UInt8(ascii: ",")) }
                let key = order[i]
                writeString(node.node(key))
                buffer.append(UInt8(ascii: ":"))
                write(node.node(key + 1))
            }
            order.removeSubrange(start...)
            buffer.append(UInt8(ascii: "}"))
        }
        if buffer.count >= CanonicalWriter.flushSize { flush() }
    }

    /// The digest of everything written (the writer is spent).
    mutating func finalize() -> String {
        flush()
        return hasher.finalize()
    }

    private mutating func flush() {
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ literal: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func writeString(_ node: JSONNode) {
        let entry = node.entry
        if entry.flags.isDisjoint(with: [.escaped, .unsafe]) {
            buffer.append(UInt8(ascii: "\""))
            buffer.append(contentsOf: node.rawBytes)
            buffer.append(UInt8(ascii: "\""))
        } else {
            JSONWriter.writeString(JSONTape.text(of: entry, node.source), into: &buffer)
        }
    }

    /// Sorts `order[start...]` by key, comparing the keys' text byte by byte: UTF-8 order is code point order.
    private mutating func sortKeys(_ node: JSONNode, from start: Int) {
        guard order.count - start > 1 else { return }
        let escaped = order[start...].contains { node.tape[$0].flags.contains(.escaped) }
        if escaped {
            // Rare: keys with escapes are compared by their decoded bytes.
            var keyed = order[start...].map { k in (k, JSONTape.withTextBytes(of: node.tape[k], node.source) { Array($0) }) }
            keyed.sort { $0.1.lexicographicallyPrecedes($1.1) }
            order.replaceSubrange(start..., with: keyed.map(\.0))
            return
        }
        order[start...].sort { a, b in
            CanonicalWriter.precedes(node.node(a).rawBytes, node.node(b).rawBytes)
        }
    }

    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] { return a[i] < b[i] }
        return a.count < b.count
    }
}
