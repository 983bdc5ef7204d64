/// The canonical form of a tape's value (keys sorted by code point, no whitespace, strings as
/// `JSONWriter` writes them), hashed as it is written: the one canonical writer, used for the
/// catalogue fingerprint. A string without escapes or characters the writer escapes is copied
/// from the source bytes as it stands, which is almost every string of a catalogue; the others
/// are decoded and written by `JSONWriter.writeString`.
struct CanonicalWriter {
    /// Bytes waiting for the hasher: a fixed buffer, written without the checks of an array append.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var used = 0
    private var hasher = SHA256.Hasher()
    /// Member key indices of the objects being written, sorted in place one object at a time.
    private var order: [Int] = []

    /// The SHA-256 of the canonical form of `node`.
    static func sha256(of node: JSONNode) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            var writer = CanonicalWriter(buffer: buffer)
            writer.write(node)
            writer.flush()
            return writer.hasher.finalize()
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    private mutating func write(_ node: JSONNode) {
        let entry = node.entry
        switch entry.kind {
        case .null: put("null")
        case .true: put("true")
        case .false: put("false")
        case .number: put(node.rawBytes)
        case .string: writeString(node)
        case .array:
            put(UInt8(ascii: "["))
            var first = true
            for element in JSONArrayNode(node: node) {
                if !first { put(UInt8(ascii: ",")) }
                first = false
                write(element)
            }
            put(UInt8(ascii: "]"))
        case .object:
            put(UInt8(ascii: "{"))
            let start = order.count
            var k = node.index + 1
            while k < entry.next {
                order.append(k)
                k = node.skip(k + 1)
            }
            sortKeys(node, from: start)
            for i in start..<order.count {
                if i > start { put(UInt8(ascii: ",")) }
                let key = order[i]
                writeString(node.node(key))
                put(UInt8(ascii: ":"))
                write(node.node(key + 1))
            }
            order.removeSubrange(start...)
            put(UInt8(ascii: "}"))
        }
    }

    private mutating func flush() {
        hasher.update(UnsafeBufferPointer(rebasing: buffer[0..<used]))
        used = 0
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if used == buffer.count { flush() }
        buffer[used] = byte
        used += 1
    }

    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        if used + bytes.count > buffer.count {
            flush()
            // Longer than the buffer: hashed where it lies.
            if bytes.count > buffer.count {
                hasher.update(bytes)
                return
            }
        }
        if let source = bytes.baseAddress, bytes.count > 0 {
            (buffer.baseAddress! + used).update(from: source, count: bytes.count)
            used += bytes.count
        }
    }

    private mutating func put(_ literal: StaticString) {
        put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func writeString(_ node: JSONNode) {
        let entry = node.entry
        if entry.flags.isDisjoint(with: [.escaped, .unsafe]) {
            put(UInt8(ascii: "\""))
            put(node.rawBytes)
            put(UInt8(ascii: "\""))
        } else {
            var escaped: [UInt8] = []
            JSONWriter.writeString(JSONTape.text(of: entry, node.source), into: &escaped)
            escaped.withUnsafeBufferPointer { put($0) }
        }
    }

    /// Sorts `order[start...]` by key, comparing the keys' text byte by byte: UTF-8 order is code point order.
    private mutating func sortKeys(_ node: JSONNode, from start: Int) {
        let count = order.count - start
        guard count > 1 else { return }
        let escaped = order[start...].contains { node.tape[$0].flags.contains(.escaped) }
        if escaped {
            // Rare: keys with escapes are compared by their decoded bytes.
            var keyed = order[start...].map { k in (k, JSONTape.withTextBytes(of: node.tape[k], node.source) { Array($0) }) }
            keyed.sort { $0.1.lexicographicallyPrecedes($1.1) }
            order.replaceSubrange(start..., with: keyed.map(\.0))
            return
        }
        if count <= 16 {
            // Objects of a document are small: insertion sort, no closure per comparison.
            for i in (start + 1)..<order.count {
                let key = order[i]
                var j = i
                while j > start, CanonicalWriter.precedes(node.node(key).rawBytes, node.node(order[j - 1]).rawBytes) {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = key
            }
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
