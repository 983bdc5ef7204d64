/// A short word-level difference between two notes (longest common subsequence of words).
public enum WordDiff {
    public enum Token: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)

        var text: String {
            switch self {
            case .same(let s), .removed(let s), .added(let s): s
            }
        }

        func sameKind(as other: Token) -> Bool {
            switch (self, other) {
            case (.same, .same), (.removed, .removed), (.added, .added): true
            default: false
            }
        }

        /// The same kind of token with another text.
        func with(_ text: String) -> Token {
            switch self {
            case .same: .same(text)
            case .removed: .removed(text)
            case .added: .added(text)
            }
        }
    }

    /// Notes longer than this many words are reported as rewritten rather than diffed (keeps cost bounded).
    public static let maxWords = 800

    /// The words of `a` and `b` (split at whitespace) as kept, removed and added runs: a longest
    /// common subsequence of words, removals before additions in a replacement as git's word diff
    /// shows them. Notes of more than `maxWords` words are one removal and one addition.
    /// (The standard library's `difference(from:)` was measured in its place: generic and not
    /// specialised, it made a 10,000-rule comparison three times as costly; see DECISIONS.md.)
    public static func diff(_ a: String, _ b: String) -> [Token] {
        let x = words(a), y = words(b)
        guard x.count <= maxWords, y.count <= maxWords else {
            return [.removed(x.joined(separator: " ")), .added(y.joined(separator: " "))].filter { !$0.text.isEmpty }
        }
        // Words compared as numbers: one dictionary lookup per word instead of a `String`
        // comparison for every cell of the table.
        var ids: [String: Int32] = [:]
        func id(_ word: String) -> Int32 {
            if let known = ids[word] { return known }
            let next = Int32(ids.count)
            ids[word] = next
            return next
        }
        let xi = x.map(id), yi = y.map(id)
        let n = x.count, m = y.count
        var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        lcs.withUnsafeMutableBufferPointer { t in
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    t[i * (m + 1) + j] = xi[i] == yi[j] ? t[(i + 1) * (m + 1) + j + 1] + 1 : max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1])
                }
            }
        }
        // Runs of one kind are joined as they are read, each word added once.
        var tokens: [Token] = []
        var run: Token?
        var text = ""
        func add(_ kind: Token, _ word: String) {
            if let current = run, !current.sameKind(as: kind) {
                tokens.append(current.with(text))
                run = nil
            }
            if run == nil {
                run = kind
                text = word
            } else {
                text += " "
                text += word
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, xi[i] == yi[j] {
                add(.same(""), x[i]); i += 1; j += 1
            } else if i < n, j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                add(.removed(""), x[i]); i += 1
            } else {
                add(.added(""), y[j]); j += 1
            }
        }
        if let current = run { tokens.append(current.with(text)) }
        return tokens
    }

    /// The words of `s`: what splitting its `Character`s at whitespace gives (a character is
    /// whitespace when its first scalar is), read scalar by scalar on the UTF-8 bytes, asking
    /// where characters end only around scalars that are not simple.
    static func words(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            var inWord = false
            var previous: Unicode.Scalar?
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                let scalar = TerminalSafety.scalar(at: bytes.baseAddress! + i, length: length)
                // A scalar that does not start a character belongs to the word or the space it follows.
                if previous.map({ TextWrap.isCharacterBreak($0, scalar) }) ?? true {
                    if isWhitespace(scalar) {
                        if inWord { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                        inWord = false
                    } else if !inWord {
                        start = i
                        inWord = true
                    }
                }
                previous = scalar
                i += length
            }
            if inWord { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, without the property lookup for ASCII and simple scalars.
    @inline(__always)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if DisplayWidth.isSimple(v) { return v == 0xA0 || v == 0x202F }
        return scalar.properties.isWhitespace
    }

    /// `kept [-old-]{+new+}` as git's word diff writes it, with long unchanged runs shortened.
    public static func inline(_ tokens: [Token], context: Int = 4) -> String {
        var out = ""
        walk(tokens, context: context) { token in
            switch token {
            case .same(let s): out += s
            case .removed(let s): out += "[-" + s + "-]"
            case .added(let s): out += "{+" + s + "+}"
            }
        }
        return out
    }

    /// The pieces `inline` is written from, in order: unchanged runs shortened around `…` and the
    /// spaces between pieces as `.same`, changes as they are (each format marks them its own way).
    public static func walk(_ tokens: [Token], context: Int = 4, _ emit: (Token) -> Void) {
        var previous: Token?
        for token in tokens {
            // A replacement reads as one unit: `[-old-]{+new+}`.
            if previous != nil {
                if case .removed? = previous, case .added = token {} else { emit(.same(" ")) }
            }
            if case .same(let s) = token { emit(.same(shortened(s, context: context))) } else { emit(token) }
            previous = token
        }
    }

    /// An unchanged run with more than `2 × context` words as its first and last `context` words around `…`.
    static func shortened(_ s: String, context: Int) -> String {
        // A run has at most one word more than it has space bytes: most runs are short, and kept whole without splitting.
        if s.utf8.reduce(0, { $0 + ($1 == 0x20 ? 1 : 0) }) < context * 2 { return s }
        let w = s.split(separator: " ")
        return w.count > context * 2 ? (w.prefix(context) + ["…"] + w.suffix(context)).joined(separator: " ") : s
    }
}
