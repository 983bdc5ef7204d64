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

    public static func diff(_ a: String, _ b: String) -> [Token] {
        if let tokens = diffOfSimpleText(a, b) { return tokens }
        return diff(words: wordsByCharacters(a), wordsByCharacters(b))
    }

    /// The general path of `diff`, over words as `String`s (also what tests compare the fast path with).
    static func diff(words x: [String], _ y: [String]) -> [Token] {
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

    /// `diff` of two notes made of simple text (see `simpleWords`), on their bytes: words are
    /// ranges, compared byte for byte (simple text has one spelling per string), and each run is
    /// joined once. Nil for any other text, or for notes too long to diff.
    static func diffOfSimpleText(_ a: String, _ b: String) -> [Token]? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> [Token]? in
                guard let xw = simpleWordRanges(x, spacesOnly: false), let yw = simpleWordRanges(y, spacesOnly: false),
                      xw.count <= maxWords, yw.count <= maxWords else { return nil }
                let n = xw.count, m = yw.count
                // Each word's first eight bytes as a number: most pairs differ there, in one comparison.
                let xp = xw.map { WordDiff.prefix(x, $0) }, yp = yw.map { WordDiff.prefix(y, $0) }
                func same(_ i: Int, _ j: Int) -> Bool {
                    guard xp[i] == yp[j] else { return false }
                    let u = xw[i], v = yw[j]
                    return u.count == v.count && (u.count <= 8 || JSONTape.memoryEqual(x.baseAddress! + u.lowerBound + 8, y.baseAddress! + v.lowerBound + 8, u.count - 8))
                }
                var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
                lcs.withUnsafeMutableBufferPointer { t in
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        for j in stride(from: m - 1, through: 0, by: -1) {
                            t[i * (m + 1) + j] = same(i, j) ? t[(i + 1) * (m + 1) + j + 1] + 1 : max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1])
                        }
                    }
                }
                var runs = Runs()
                var i = 0, j = 0
                while i < n || j < m {
                    if i < n, j < m, same(i, j) {
                        runs.add(.same(""), UnsafeBufferPointer(rebasing: x[xw[i]])); i += 1; j += 1
                    } else if i < n, j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                        runs.add(.removed(""), UnsafeBufferPointer(rebasing: x[xw[i]])); i += 1
                    } else {
                        runs.add(.added(""), UnsafeBufferPointer(rebasing: y[yw[j]])); j += 1
                    }
                }
                return runs.finish()
            }
        }
    }

    /// Up to the first eight bytes of `bytes[range]`, zero-padded, as one number.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<min(8, range.count) { value |= UInt64(bytes[range.lowerBound + k]) << (8 * k) }
        return value
    }

    /// Tokens built run by run: the words of a run joined by spaces, as `merge` joins them.
    private struct Runs {
        var tokens: [Token] = []
        var kind: Token?
        var text: [UInt8] = []

        mutating func add(_ kind: Token, _ word: UnsafeBufferPointer<UInt8>) {
            if let current = self.kind, !current.sameKind(as: kind) { flush() }
            if self.kind == nil { self.kind = kind } else { text.append(0x20) }
            text.append(contentsOf: word)
        }

        private mutating func flush() {
            if let kind { tokens.append(kind.with(String(decoding: text, as: UTF8.self))) }
            kind = nil
            text.removeAll(keepingCapacity: true)
        }

        mutating func finish() -> [Token] {
            flush()
            return tokens
        }
    }

    static func words(_ s: String) -> [String] {
        simpleWords(s, spacesOnly: false) ?? wordsByCharacters(s)
    }

    /// The general path of `words`, character by character (also what tests compare the fast path with).
    static func wordsByCharacters(_ s: String) -> [String] {
        s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The words of text made of simple scalars (`DisplayWidth.isSimple`: each its own character)
    /// and ASCII whitespace, split on bytes: the same words as splitting by character, where the
    /// separators are the whitespace characters (with `spacesOnly`, the space alone). Nil for other text.
    static func simpleWords(_ s: String, spacesOnly: Bool) -> [String]? {
        var s = s
        return s.withUTF8 { bytes in
            simpleWordRanges(bytes, spacesOnly: spacesOnly)?.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// The byte ranges of `simpleWords`.
    static func simpleWordRanges(_ bytes: UnsafeBufferPointer<UInt8>, spacesOnly: Bool) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var start = 0
        var k = 0
        func cut(_ end: Int, next: Int) {
            if end > start { words.append(start..<end) }
            start = next
        }
        while k < bytes.count {
            let b = bytes[k]
            if b < 0x80 {
                switch b {
                case 0x20: cut(k, next: k + 1)
                case 0x09...0x0D:
                    guard !spacesOnly else { return nil }
                    cut(k, next: k + 1)
                case 0x00..<0x20, 0x7F: return nil
                default: break
                }
                k += 1
            } else if b < 0xE0 {
                let v = UInt32(b & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
                guard DisplayWidth.isSimple(v) else { return nil }
                // No-break space: whitespace to `Character.isWhitespace`.
                if v == 0xA0, !spacesOnly { cut(k, next: k + 2) }
                k += 2
            } else if b < 0xF0 {
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                guard DisplayWidth.isSimple(v) else { return nil }
                k += 3
            } else {
                return nil
            }
        }
        cut(bytes.count, next: bytes.count)
        return words
    }

    /// Runs of the same kind joined into one token.
    static func merge(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            var j = i + 1
            while j < tokens.count, tokens[j].sameKind(as: tokens[i]) { j += 1 }
            // Joined once per run: adding word by word copied the run again for every word.
            out.append(j == i + 1 ? tokens[i] : tokens[i].with(tokens[i..<j].map(\.text).joined(separator: " ")))
            i = j
        }
        return out
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
        var text = s
        let count = text.withUTF8 { simpleWordRanges($0, spacesOnly: true)?.count }
        // Simple text of few words, the common case, is kept without making a `String` per word.
        if let count, count <= context * 2 { return s }
        let w = simpleWords(s, spacesOnly: true) ?? s.split(separator: " ").map(String.init)
        return w.count > context * 2 ? (w.prefix(context) + ["…"] + w.suffix(context)).joined(separator: " ") : s
    }
}
