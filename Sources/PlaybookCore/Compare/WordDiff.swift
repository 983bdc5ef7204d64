/// A short word-level difference between two notes (the standard library's difference of their words).
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

    /// The words of `a` and `b` (split at whitespace) as kept, removed and added runs, from the
    /// standard library's difference (Myers); in each replacement the removed words come first, as
    /// git's word diff shows them. Notes of more than `maxWords` words are one removal and one addition.
    public static func diff(_ a: String, _ b: String) -> [Token] {
        let x = words(a), y = words(b)
        guard x.count <= maxWords, y.count <= maxWords else {
            return [.removed(x.joined(separator: " ")), .added(y.joined(separator: " "))].filter { !$0.text.isEmpty }
        }
        // Words compared as numbers: one dictionary lookup per word instead of a `String`
        // comparison at every step of the search (twelve times the instructions for a rewritten note).
        var ids: [String: Int] = [:]
        func id(_ word: String) -> Int {
            if let known = ids[word] { return known }
            ids[word] = ids.count
            return ids.count - 1
        }
        let xi = x.map(id), yi = y.map(id)
        var removed = [Bool](repeating: false, count: x.count)
        var added = [Bool](repeating: false, count: y.count)
        for change in yi.difference(from: xi) {
            switch change {
            case .remove(let offset, _, _): removed[offset] = true
            case .insert(let offset, _, _): added[offset] = true
            }
        }
        var tokens: [Token] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, removed[i] {
                tokens.append(.removed(x[i])); i += 1
            } else if j < y.count, added[j] {
                tokens.append(.added(y[j])); j += 1
            } else {
                tokens.append(.same(x[i])); i += 1; j += 1
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
        let w = s.split(separator: " ")
        return w.count > context * 2 ? (w.prefix(context) + ["…"] + w.suffix(context)).joined(separator: " ") : s
    }
}
