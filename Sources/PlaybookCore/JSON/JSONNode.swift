/// A value of a `JSONTape`, read in place; valid only inside `JSONTape.withRoot`. The decoders
/// read files through it.
struct JSONNode {
    let tape: UnsafePointer<JSONTape.Entry>
    let source: UnsafePointer<UInt8>
    let index: Int

    var entry: JSONTape.Entry { tape[index] }

    /// The node at another index of the same tape.
    @inline(__always)
    func node(_ i: Int) -> JSONNode { JSONNode(tape: tape, source: source, index: i) }

    /// The index after the value at `i` and all it contains.
    @inline(__always)
    func skip(_ i: Int) -> Int {
        let e = tape[i]
        return e.kind.isContainer ? e.next : i + 1
    }

    /// The bytes of a string or number as written.
    var rawBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: source + Int(entry.start), count: Int(entry.length))
    }

    /// The JSON type name used in error messages.
    var typeName: String {
        switch entry.kind {
        case .null: "null"
        case .true, .false: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var stringValue: String? {
        entry.kind == .string ? JSONTape.text(of: entry, source) : nil
    }

    /// The number exactly as written, when the value is a number.
    var numberLexeme: String? {
        entry.kind == .number ? String(decoding: rawBytes, as: UTF8.self) : nil
    }

    var object: JSONObjectNode? {
        entry.kind == .object ? JSONObjectNode(node: self) : nil
    }

    var array: JSONArrayNode? {
        entry.kind == .array ? JSONArrayNode(node: self) : nil
    }

    /// The value as a tree, for what is kept as read (unknown fields).
    var jsonValue: JSONValue {
        switch entry.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(String(decoding: rawBytes, as: UTF8.self))
        case .string: return .string(JSONTape.text(of: entry, source))
        case .array: return .array(JSONArrayNode(node: self).map(\.jsonValue))
        case .object: return .object(JSONObject(JSONObjectNode(node: self).members.map { JSONMember($0.key, $0.value.jsonValue) }))
        }
    }

    /// SHA-256 of the value's canonical form (keys sorted by code point, no whitespace), as hexadecimal digits.
    func canonicalSHA256() -> String { CanonicalWriter.sha256(of: self) }
}

/// The elements of an array node.
struct JSONArrayNode: Collection {
    let node: JSONNode

    var startIndex: Int { node.index + 1 }
    var endIndex: Int { node.entry.next }
    var count: Int { node.entry.count }

    func index(after i: Int) -> Int { node.skip(i) }

    subscript(position: Int) -> JSONNode { node.node(position) }
}

/// The members of an object node.
struct JSONObjectNode {
    let node: JSONNode

    /// Key entries of the object, in order.
    private func forEachKey(_ body: (Int) -> Bool) {
        var k = node.index + 1
        let end = node.entry.next
        while k < end {
            if !body(k) { return }
            k = node.skip(k + 1)
        }
    }

    /// True when the key entry is plain ASCII without escapes: its bytes are its text, and
    /// comparing bytes is what `String` comparison would give.
    @inline(__always)
    private func isPlain(_ key: JSONTape.Entry) -> Bool {
        key.flags.isDisjoint(with: [.escaped, .nonASCII])
    }

    var memberCount: Int { node.entry.count }

    /// The member named `key` (keys compare as `String`s do).
    subscript(key: StaticString) -> JSONNode? {
        var found: Int?
        forEachKey { k in
            let entry = node.tape[k]
            let equal =
                isPlain(entry)
                ? Int(entry.length) == key.utf8CodeUnitCount && JSONTape.memoryEqual(node.source + Int(entry.start), key.utf8Start, key.utf8CodeUnitCount)
                : JSONTape.text(of: entry, node.source) == key.description
            if equal { found = k + 1 }
            return !equal
        }
        return found.map(node.node)
    }

    /// The members in order, as `(key, value)`, the key decoded to a `String`.
    var members: Members { Members(node: node) }

    struct Members: Sequence {
        let node: JSONNode

        func makeIterator() -> Iterator { Iterator(node: node, key: node.index + 1, end: node.entry.next) }

        struct Iterator: IteratorProtocol {
            let node: JSONNode
            var key: Int
            let end: Int

            mutating func next() -> (key: String, value: JSONNode)? {
                guard key < end else { return nil }
                let k = key
                key = node.skip(k + 1)
                return (key: JSONTape.text(of: node.tape[k], node.source), value: node.node(k + 1))
            }
        }
    }

    /// True when the key at `k` is in `known`, compared as `String`s are.
    private func isKnown(_ k: Int, _ known: KnownKeys) -> Bool {
        let entry = node.tape[k]
        if isPlain(entry) { return known.containsBytes(node.node(k).rawBytes) }
        return known.set.contains(JSONTape.text(of: entry, node.source))
    }

    /// The keys outside `known`, in order, leaving out `x-` extensions when `extensions` is true.
    func unknownKeys(_ known: KnownKeys, allowingExtensions extensions: Bool) -> [String] {
        var keys: [String] = []
        forEachKey { k in
            if !isKnown(k, known) {
                let key = JSONTape.text(of: node.tape[k], node.source)
                if !(extensions && key.hasPrefix("x-")) { keys.append(key) }
            }
            return true
        }
        return keys
    }

    /// The members whose key is not in `known`, in order, as a tree (kept and written back).
    func excluding(_ known: KnownKeys) -> JSONObject {
        var members: [JSONMember] = []
        forEachKey { k in
            if !isKnown(k, known) { members.append(JSONMember(JSONTape.text(of: node.tape[k], node.source), node.node(k + 1).jsonValue)) }
            return true
        }
        return JSONObject(members)
    }
}

/// A fixed set of member names, for lookups that must not hash or allocate per member.
struct KnownKeys: Sendable {
    let names: [StaticString]
    let set: Set<String>

    init(_ names: [StaticString]) {
        self.names = names
        set = Set(names.map { $0.description })
    }

    /// True for a key spelled exactly like one of the names (plain ASCII bytes).
    func containsBytes(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for name in names where name.utf8CodeUnitCount == key.count {
            if JSONTape.memoryEqual(name.utf8Start, key.baseAddress!, key.count) { return true }
        }
        return false
    }
}
