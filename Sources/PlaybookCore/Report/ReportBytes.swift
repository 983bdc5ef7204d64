/// A report's bytes as they are written: text of this program's goes in with `raw`, file and
/// user text through the escaper of its format. The escapers work on UTF-8 bytes and copy runs
/// that need nothing whole: Markdown's is `Markdown`'s own; the HTML one gives the bytes of
/// `HTMLText.escape`, which a property test checks.
struct ReportBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    /// Literals one after the other, appended at once (markup is written in many small pieces).
    mutating func raw(_ pieces: [StaticString]) {
        let total = pieces.reduce(0) { $0 + $1.utf8CodeUnitCount }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var p = buffer.baseAddress!
            for piece in pieces {
                p.update(from: piece.utf8Start, count: piece.utf8CodeUnitCount)
                p += piece.utf8CodeUnitCount
            }
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// A number in decimal digits.
    mutating func raw(_ n: Int) { raw(String(n)) }

    @inline(__always)
    mutating func newline() { bytes.append(0x0A) }

    /// `n` spaces.
    mutating func spaces(_ n: Int) {
        let run: StaticString = "                                                                "
        var left = n
        while left > 0 {
            let k = min(left, run.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: run.utf8Start, count: k))
            left -= k
        }
    }

    /// `text` then a line feed.
    mutating func line(_ text: String) {
        raw(text)
        newline()
    }

    // MARK: Markdown

    /// `Markdown.inline(text)`: the one Markdown escaper, writing into these bytes.
    mutating func markdownInline(_ text: String, atLineStart: Bool = false) {
        Markdown.append(text, block: false, atLineStart: atLineStart, to: &bytes)
    }

    /// `Markdown.block(text)`: each line escaped, line breaks as hard breaks; `atLineStart` false
    /// when the first line follows a label.
    mutating func markdownBlock(_ text: String, atLineStart: Bool = true) {
        Markdown.append(text, block: true, atLineStart: atLineStart, to: &bytes)
    }

    @inline(__always)
    private mutating func append(_ s: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        if end > start { bytes.append(contentsOf: UnsafeBufferPointer(start: s.baseAddress! + start, count: end - start)) }
    }

    /// What an escaper does with a byte, by table: a byte not marked plain stops the scan.
    private enum ByteClass {
        static let plain: UInt8 = 0
        static let escape: UInt8 = 1
        static let lineBreak: UInt8 = 2
        static let space: UInt8 = 3
        static let control: UInt8 = 4
        /// C2, D8 and E2: lead bytes of the scalars `TerminalSafety` calls unsafe and of the line separators.
        static let lead: UInt8 = 5
    }

    private static let htmlBytes: [UInt8] = (0...255).map { b -> UInt8 in
        switch b {
        case 0x0A, 0x0D: return ByteClass.lineBreak
        case 0x09: return ByteClass.space
        case 0x00..<0x20, 0x7F: return ByteClass.control
        case 0xC2, 0xD8, 0xE2: return ByteClass.lead
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: return ByteClass.escape
        default: return ByteClass.plain
        }
    }

    // MARK: HTML

    /// `HTMLText.escape(text, keepNewlines:)`: `& < > " '` as character references, CR LF and CR
    /// read as LF, line feeds kept (or spaces), tabs as spaces, other controls as visible escapes.
    mutating func html(_ text: String, keepNewlines: Bool = true) {
        var text = text
        text.withUTF8 { s in
            ReportBytes.htmlBytes.withUnsafeBufferPointer { table in
                let n = s.count
                var run = 0
                var i = 0
                while i < n {
                    while i < n, table[Int(s[i])] == ByteClass.plain { i += 1 }
                    guard i < n else { break }
                    let b = s[i]
                    var length = 1
                    switch table[Int(b)] {
                    case ByteClass.escape:
                        append(s, from: run, to: i)
                        switch b {
                        case UInt8(ascii: "&"): raw("&amp;")
                        case UInt8(ascii: "<"): raw("&lt;")
                        case UInt8(ascii: ">"): raw("&gt;")
                        case UInt8(ascii: "\""): raw("&quot;")
                        default: raw("&#39;")
                        }
                    case ByteClass.lineBreak:
                        if b == 0x0A, keepNewlines {
                            i += 1
                            continue
                        }
                        if b == 0x0D, i + 1 < n, s[i + 1] == 0x0A { length = 2 }
                        append(s, from: run, to: i)
                        bytes.append(keepNewlines ? 0x0A : 0x20)
                    case ByteClass.space:
                        append(s, from: run, to: i)
                        bytes.append(0x20)
                    case ByteClass.control:
                        append(s, from: run, to: i)
                        visibleEscape(s.baseAddress! + i)
                    default:
                        guard TerminalSafety.isUnsafeSequence(s.baseAddress! + i) else {
                            i += 1
                            continue
                        }
                        append(s, from: run, to: i)
                        visibleEscape(s.baseAddress! + i)
                        length = b < 0xE0 ? 2 : 3
                    }
                    i += length
                    run = i
                }
                append(s, from: run, to: n)
            }
        }
    }

    /// `TerminalSafety.escape` of the scalar at `p` (a control other than tab, LF and CR, DEL, C1 or bidi).
    private mutating func visibleEscape(_ p: UnsafePointer<UInt8>) {
        var v = UInt32(p[0])
        if v >= 0x80 {
            let length = v < 0xE0 ? 2 : 3
            v = length == 2 ? v & 0x1F : v & 0x0F
            for k in 1..<length { v = v << 6 | UInt32(p[k] & 0x3F) }
        }
        let hex: StaticString = "0123456789ABCDEF"
        raw(v < 0x100 ? "\\x" : "\\u")
        for shift in stride(from: v < 0x100 ? 4 : 12, through: 0, by: -4) {
            bytes.append(hex.utf8Start[Int(v >> UInt32(shift) & 0xF)])
        }
    }
}
