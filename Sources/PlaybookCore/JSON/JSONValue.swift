/// A parsed JSON document that keeps member order and number lexemes, so unknown
/// fields survive a load and save unchanged.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written in the source (validated JSON number syntax).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name used in error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

/// One member of a JSON object.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object with its members in source order; keys are unique (the parser rejects duplicates).
public struct JSONObject: Equatable, Sendable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    public var isEmpty: Bool { members.isEmpty }

    /// Linear lookup: objects read by key are small; large maps are iterated instead.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The members whose key is not in `known`, in source order.
    public func excluding(_ known: Set<String>) -> JSONObject {
        JSONObject(members.filter { !known.contains($0.key) })
    }

    /// Appends a member (callers keep keys unique).
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(JSONMember(key, value))
    }

    /// This object's members with `other`'s appended, then all sorted by key (code point order).
    public func merged(with other: JSONObject) -> JSONObject {
        JSONObject((members + other.members).sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) })
    }
}
