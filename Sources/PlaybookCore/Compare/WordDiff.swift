/// A short word-level difference between two notes (longest common subsequence of words).
public enum WordDiff {
    public enum Token: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Notes longer than this many words are reported as rewritten rather than diffed (keeps cost bounded).
    public static let maxWords = 800

    public static func diff(_ a: String, _ b: String) -> [Token] {
        let x = words(a), y = words(b)
        guard x.count <= maxWords, y.count <= maxWords else {
            return [.removed(x.joined(separator: " ")), .added(y.joined(separator: " "))].filter {
                if case .removed(let s) = $0 { return !s.isEmpty }
                if case .added(let s) = $0 { return !s.isEmpty }
                return true
            }
        }
        let n = x.count, m = y.count
        var lcs = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = x[i] == y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var tokens: [Token] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] {
                tokens.append(.same(x[i])); i += 1; j += 1
            } else if i < n, j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                // Removals before additions, as git's word diff shows a replacement.
                tokens.append(.removed(x[i])); i += 1
            } else {
                tokens.append(.added(y[j])); j += 1
            }
        }
        return merge(tokens)
    }

    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Runs of the same kind joined into one token.
    static func merge(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        for t in tokens {
            switch (out.last, t) {
            case (.same(let a)?, .same(let b)): out[out.count - 1] = .same(a + " " + b)
            case (.removed(let a)?, .removed(let b)): out[out.count - 1] = .removed(a + " " + b)
            case (.added(let a)?, .added(let b)): out[out.count - 1] = .added(a + " " + b)
            default: out.append(t)
            }
        }
        return out
    }

    /// `kept [-old-]{+new+}` as git's word diff writes it, with long unchanged runs shortened.
    public static func inline(_ tokens: [Token], context: Int = 4) -> String {
        var out = ""
        var previous: Token?
        for token in tokens {
            // A replacement reads as one unit: `[-old-]{+new+}`.
            if previous != nil {
                if case .removed? = previous, case .added = token {} else { out += " " }
            }
            switch token {
            case .same(let s):
                let w = s.split(separator: " ")
                out += w.count > context * 2 ? (w.prefix(context) + ["…"] + w.suffix(context)).joined(separator: " ") : s
            case .removed(let s): out += "[-" + s + "-]"
            case .added(let s): out += "{+" + s + "+}"
            }
            previous = token
        }
        return out
    }
}
