/// RFC 6901 JSON Pointers, used to say where in a file a value is wrong.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(_ tokens: [String] = []) {
        self.tokens = tokens
    }

    public static let root = JSONPointer()

    /// The pointer to a member or element below this one.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens + [token])
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public var description: String {
        if tokens.isEmpty { return "/" }
        var out = ""
        for token in tokens {
            out += "/"
            for ch in token {
                switch ch {
                case "~": out += "~0"
                case "/": out += "~1"
                default: out.append(ch)
                }
            }
        }
        return out
    }
}
