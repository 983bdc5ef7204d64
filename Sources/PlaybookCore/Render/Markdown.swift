/// Escaping of user and file text for Markdown output (S2), the one escaper of every Markdown
/// this program writes (reports, comparisons, the catalogue). It escapes only the punctuation that
/// would make structure where the text stands (CommonMark 0.31 and the GFM extensions), removes
/// control and bidi characters, and keeps inline text on one line:
/// - anywhere: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `|` (tables), `~` (GFM strikethrough and
///   fences), `&` before a letter or `#` (an entity), a closing `#` run (` ##` ending a heading),
///   and what GFM would turn into a link by itself: the `:` of `://`, the `.` of `www.` (an email
///   address stays a `mailto:` link: GFM finds it after escapes are read, so no escape can stop it,
///   and its target is its own visible text);
/// - at the start of a line (after its leading spaces and tabs, which are dropped so that no line
///   becomes indented code): `#` headings, `>` quotes, `-`/`+` list items, `-`/`=` rules and setext
///   underlines, `1.`/`1)` ordered-list markers.
/// `!` needs nothing: an image needs the `[` that is always escaped.
public enum Markdown {
    /// Inline text (a table cell, a heading, after a label): line breaks and tabs become spaces.
    /// `atLineStart` when the text begins a line of the document.
    public static func inline(_ text: String, atLineStart: Bool = false) -> String {
        var out: [UInt8] = []
        append(text, block: false, atLineStart: atLineStart, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Multi-line text as a paragraph: each line escaped, line breaks (CR LF, CR, LF, VT, FF, NEL,
    /// U+2028, U+2029) kept as hard breaks (`\` then a line feed), so no line starts a new block.
    /// `atLineStart` is false when the first line follows a label on its line.
    public static func block(_ text: String, atLineStart: Bool = true) -> String {
        var out: [UInt8] = []
        append(text, block: true, atLineStart: atLineStart, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `inline` or `block` of `text`, appended to `out` (the reports write their bytes with it).
    static func append(_ text: String, block: Bool, atLineStart: Bool, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, block: block, atLineStart: atLineStart, into: &out) }
    }

    private static func escape(_ s: UnsafeBufferPointer<UInt8>, block: Bool, atLineStart: Bool, into out: inout [UInt8]) {
        let n = s.count
        guard n > 0, let base = s.baseAddress else { return }
        out.reserveCapacity(out.count + n + 8)
        var lineStart = atLineStart
        var run = 0
        var i = 0
        @inline(__always) func flush(_ end: Int) {
            if end > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: end - run)) }
        }
        @inline(__always) func escaped(_ b: UInt8) {
            out.append(0x5C)
            out.append(b)
        }
        while i < n {
            let b = s[i]
            if !lineStart, plain[Int(b)] {
                i += 1
                continue
            }
            flush(i)
            var length = 1
            if b >= 0x80 {
                length = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
                let p = base + i
                if b == 0xC2 || b == 0xD8 || b == 0xE2 {
                    if block, isLineSeparator(p) {
                        out.append(0x5C)
                        out.append(0x0A)
                        lineStart = true
                        i += length
                        run = i
                        continue
                    }
                    if TerminalSafety.isUnsafeSequence(p) {
                        i += length
                        run = i
                        continue
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
                lineStart = false
            } else if b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
                if block {
                    if b == 0x0D, i + 1 < n, s[i + 1] == 0x0A { length = 2 }
                    out.append(0x5C)
                    out.append(0x0A)
                    lineStart = true
                } else if (b == 0x0A || b == 0x0D), !lineStart {
                    out.append(0x20)
                }
            } else if b == 0x20 || b == 0x09 {
                if !lineStart { out.append(0x20) }
            } else if b < 0x20 || b == 0x7F {
                // Other controls are dropped.
            } else {
                if lineStart {
                    lineStart = false
                    if let marker = lineStartMarker(s, at: i) {
                        // Digits of an ordered-list marker are copied, its `.` or `)` escaped.
                        out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: marker - i))
                        escaped(s[marker])
                        i = marker + 1
                        run = i
                        continue
                    }
                }
                if !plain[Int(b)], needsEscape(s, at: i) { escaped(b) } else { out.append(b) }
            }
            i += length
            run = i
        }
        flush(n)
    }

    /// The bytes copied as they are in the middle of a line: everything but controls, tabs, the
    /// punctuation `needsEscape` looks at, and lead bytes of line separators and unsafe scalars.
    private static let plain: [Bool] = (0...255).map { b in
        switch b {
        case 0x20: return true
        case 0x00..<0x20, 0x7F, 0xC2, 0xD8, 0xE2: return false
        case 0x80...: return true
        default: return !"\\`*_[]<|~&#:.".utf8.contains(UInt8(b))
        }
    }

    /// Whether the punctuation at `i` (not at a line start) would make structure unescaped.
    private static func needsEscape(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = s.count
        func byte(_ k: Int) -> UInt8? { k >= 0 && k < n ? s[k] : nil }
        func isLetter(_ b: UInt8?) -> Bool { b.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? false }
        func isAlnum(_ b: UInt8?) -> Bool { isLetter(b) || (b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) }
        switch s[i] {
        case UInt8(ascii: "&"):
            // Only an entity or numeric character reference starts with `&` then a letter or `#`.
            return isLetter(byte(i + 1)) || byte(i + 1) == UInt8(ascii: "#")
        case UInt8(ascii: "#"):
            // A closing sequence: ` ###` then only spaces to the end of the line ends a heading.
            guard let before = byte(i - 1), before == 0x20 || before == 0x09 else { return false }
            var k = i
            while let b = byte(k), b == UInt8(ascii: "#") { k += 1 }
            while let b = byte(k), b == 0x20 || b == 0x09 { k += 1 }
            return k == n || byte(k) == 0x0A || byte(k) == 0x0D
        case UInt8(ascii: ":"):
            // GFM's extended autolinks: `http://`, `https://`, `ftp://`.
            return byte(i + 1) == UInt8(ascii: "/") && byte(i + 2) == UInt8(ascii: "/") && isLetter(byte(i - 1))
        case UInt8(ascii: "."):
            // GFM's extended autolinks: `www.`.
            guard i >= 3 else { return false }
            return (s[i - 3] | 0x20) == 0x77 && (s[i - 2] | 0x20) == 0x77 && (s[i - 1] | 0x20) == 0x77
        default:
            return true
        }
    }

    /// At the first byte of a line, the index of the byte to escape when the line would open a
    /// block there: the byte itself (`#`, `>`, `-`, `+`, `=`), or the `.`/`)` after an ordered
    /// list's digits. Nil when the line is plain text.
    private static func lineStartMarker(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = s.count
        func ends(_ k: Int) -> Bool { k >= n || s[k] == 0x20 || s[k] == 0x09 || s[k] == 0x0A || s[k] == 0x0D }
        let b = s[i]
        switch b {
        case UInt8(ascii: ">"):
            return i
        case UInt8(ascii: "#"):
            var k = i
            while k < n, s[k] == UInt8(ascii: "#") { k += 1 }
            return k - i <= 6 && ends(k) ? i : nil
        case UInt8(ascii: "-"), UInt8(ascii: "="):
            return ends(i + 1) || s[i + 1] == b ? i : nil
        case UInt8(ascii: "+"):
            return ends(i + 1) ? i : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var k = i
            while k < n, k - i < 10, s[k] >= UInt8(ascii: "0"), s[k] <= UInt8(ascii: "9") { k += 1 }
            guard k - i <= 9, k < n, s[k] == UInt8(ascii: ".") || s[k] == UInt8(ascii: ")"), ends(k + 1) else { return nil }
            return k
        default:
            return nil
        }
    }

    /// NEL, U+2028 or U+2029 at `p`: line separators for `Character.isNewline`, beside LF, VT, FF and CR.
    @inline(__always)
    static func isLineSeparator(_ p: UnsafePointer<UInt8>) -> Bool {
        (p[0] == 0xC2 && p[1] == 0x85) || (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
    }
}
