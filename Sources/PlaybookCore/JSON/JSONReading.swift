/// A JSON value as the decoders read it: a tree (`JSONValue`) or a node of a tape (`JSONNode`).
/// The decoders are generic over it, so a file is decoded from its tape while values built in
/// memory (and the tests that compare both) go through the same code.
protocol JSONReading {
    associatedtype Object: JSONObjectReading where Object.Value == Self
    associatedtype Elements: Collection where Elements.Element == Self

    /// The JSON type name used in error messages.
    var typeName: String { get }
    var stringValue: String? { get }
    /// The number exactly as written, when the value is a number.
    var numberLexeme: String? { get }
    var objectReading: Object? { get }
    var arrayReading: Elements? { get }
    /// The value as a tree.
    var jsonValue: JSONValue { get }
    /// SHA-256 of the value's canonical form (`JSONWriter.canonical`), as hexadecimal digits.
    func canonicalSHA256() -> String
}

/// An object as the decoders read it.
protocol JSONObjectReading {
    associatedtype Value
    associatedtype Members: Sequence where Members.Element == (key: String, value: Value)

    var memberCount: Int { get }
    /// The member named `key` (keys compare as `String`s do).
    subscript(key: StaticString) -> Value? { get }
    /// The members in order (a name that `JSONObject.members` does not already use).
    var pairs: Members { get }
    /// The keys outside `known`, in order, leaving out `x-` extensions when `extensions` is true.
    func unknownKeys(_ known: KnownKeys, allowingExtensions extensions: Bool) -> [String]
    /// The members whose key is not in `known`, in order.
    func excluding(_ known: KnownKeys) -> JSONObject
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

extension JSONValue: JSONReading {
    var numberLexeme: String? {
        if case .number(let lexeme) = self { return lexeme }
        return nil
    }

    var objectReading: JSONObject? { objectValue }
    var arrayReading: [JSONValue]? { arrayValue }
    var jsonValue: JSONValue { self }

    func canonicalSHA256() -> String { JSONWriter.canonicalSHA256(self) }
}

extension JSONObject: JSONObjectReading {
    subscript(key: StaticString) -> JSONValue? { self[key.description] }

    var memberCount: Int { members.count }

    var pairs: [(key: String, value: JSONValue)] { members.map { (key: $0.key, value: $0.value) } }

    func unknownKeys(_ known: KnownKeys, allowingExtensions extensions: Bool) -> [String] {
        members.map(\.key).filter { !known.set.contains($0) && !(extensions && $0.hasPrefix("x-")) }
    }

    func excluding(_ known: KnownKeys) -> JSONObject { excluding(known.set) }
}
