/// Pretty JSON (two-space indentation, members in the order given) written as it comes: the one
/// pretty writer. `JSONWriter.pretty` streams a tree through it; documents with a member per rule
/// (reports, comparisons) are written without building one. The caller writes keys in the order
/// they must appear.
struct JSONPrettyStream {
    private(set) var bytes: [UInt8] = []
    /// For each open container, how many members or elements it has so far.
    private var counts: [Int] = []
    /// True between a key and its value.
    private var afterKey = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The document, ended by a line feed as saved files are.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    /// The separator and indentation before the next element, or before the next member's key.
    private mutating func next() {
        guard !counts.isEmpty else { return }
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        newline(counts.count)
    }

    private mutating func newline(_ indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<(indent * 2) { bytes.append(0x20) }
    }

    /// Starts a member of the current object: its key, then its value with one of the value calls.
    mutating func key(_ key: String) {
        next()
        JSONWriter.writeString(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        afterKey = true
    }

    /// Starts a value: a member's after its key, else the next element of the current array.
    private mutating func element() {
        if afterKey {
            afterKey = false
        } else {
            next()
        }
    }

    mutating func beginObject() {
        element()
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        element()
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        if count > 0 { newline(counts.count) }
        bytes.append(bracket)
    }

    mutating func string(_ s: String) {
        element()
        JSONWriter.writeString(s, into: &bytes)
    }

    mutating func number(_ n: Int) {
        element()
        bytes.append(contentsOf: String(n).utf8)
    }

    /// A number written as the lexeme given (`1.5`, `66.7`).
    mutating func number(lexeme: String) {
        element()
        bytes.append(contentsOf: lexeme.utf8)
    }

    mutating func bool(_ b: Bool) {
        element()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    mutating func null() {
        element()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A whole value from a tree, for the small parts of a document.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let lexeme): number(lexeme: lexeme)
        case .string(let s): string(s)
        case .array(let elements):
            beginArray()
            for e in elements { value(e) }
            endArray()
        case .object(let o):
            beginObject()
            for m in o.members {
                key(m.key)
                value(m.value)
            }
            endObject()
        }
    }

    /// `key` then a whole value.
    mutating func member(_ key: String, _ v: JSONValue) {
        self.key(key)
        value(v)
    }
}
