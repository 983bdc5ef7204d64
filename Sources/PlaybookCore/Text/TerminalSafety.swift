/// Makes text safe to show on a terminal: control, DEL, C1 and bidi characters become
/// visible escapes (`\x1B`, `\u202E`) so no file or user text can drive the terminal.
/// The one escaper works on UTF-8 bytes; `visible` is its `String` form.
public enum TerminalSafety {
    /// True for scalars that a terminal may interpret or that reorder text (S3): C0, DEL, C1,
    /// U+061C, U+200E–200F, U+2028–202E, U+2066–2069. Judged on the scalar's UTF-8 bytes, as in text.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v < 0x20 || v == 0x7F }
        guard v < 0x10000 else { return false }
        let utf8: (UInt8, UInt8, UInt8) =
            v < 0x800
            ? (UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F), 0)
            : (UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F))
        return withUnsafeBytes(of: utf8) { isUnsafeSequence($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Tab stops are this many columns apart, on screen and in the text report.
    public static let tabStop = 8

    /// `text` with every unsafe scalar replaced by a visible escape; newlines kept when asked, and
    /// tabs, when asked, turned into spaces to the next tab stop (counted from the start of the line).
    /// The spaces are no-break spaces (U+00A0): wrapping folds a run of plain spaces into one, and
    /// would take a tab's width away.
    public static func visible(_ text: String, keepNewlines: Bool = false, expandTabs: Bool = false) -> String {
        var text = text
        return text.withUTF8 { s in
            guard hasUnsafe(s) else { return nil }
            var out: [UInt8] = []
            appendVisible(s, keepNewlines: keepNewlines, expandTabs: expandTabs, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `visible` of the UTF-8 text `s`, appended to `out`: runs that need nothing are copied whole.
    static func appendVisible(_ s: UnsafeBufferPointer<UInt8>, keepNewlines: Bool, expandTabs: Bool, to out: inout [UInt8]) {
        guard let base = s.baseAddress else { return }
        let n = s.count
        // The column within the line, only needed for tabs; an escape counts as the characters it shows.
        var column = 0
        var run = 0
        var i = 0
        @inline(__always) func flush(_ end: Int) {
            if end > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: end - run)) }
        }
        while i < n {
            let b = s[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            if b < 0x20 || b == 0x7F || ((b == 0xC2 || b == 0xD8 || b == 0xE2) && isUnsafeSequence(base + i)) {
                flush(i)
                if keepNewlines, b == 0x0A {
                    out.append(0x0A)
                    column = 0
                } else if expandTabs, b == 0x09 {
                    let spaces = tabStop - column % tabStop
                    for _ in 0..<spaces { out.append(contentsOf: [0xC2, 0xA0]) }
                    column += spaces
                } else {
                    column += appendEscape(base + i, to: &out)
                }
                i += length
                run = i
                continue
            }
            if expandTabs { column += b < 0x80 ? 1 : DisplayWidth.of(scalar(at: base + i, length: length)) }
            i += length
        }
        flush(n)
    }

    /// What an escaper does at a byte its table does not call plain.
    enum Escape {
        /// Copy the byte.
        case copy
        /// Write this instead of the next `length` bytes.
        case replace(StaticString, length: Int)
        /// A control, DEL or unsafe scalar becomes its visible escape; anything else is copied.
        case visibleIfUnsafe
    }

    /// The loop of the HTML and CSV escapers: copies the UTF-8 text `s` to `out`, runs of bytes
    /// `plain` marks whole, and asks `decide` what to do at any other byte (given its index).
    @inline(__always)
    static func append(_ s: UnsafeBufferPointer<UInt8>, plain: [Bool], to out: inout [UInt8], _ decide: (Int) -> Escape) {
        guard let base = s.baseAddress else { return }
        let n = s.count
        var run = 0
        var i = 0
        while i < n {
            while i < n, plain[Int(s[i])] { i += 1 }
            guard i < n else { break }
            let b = s[i]
            var length = 1
            switch decide(i) {
            case .copy:
                i += 1
                continue
            case .replace(let text, let count):
                if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                length = count
            case .visibleIfUnsafe:
                if b >= 0x20, b != 0x7F {
                    guard isUnsafeSequence(base + i) else {
                        i += 1
                        continue
                    }
                    length = b < 0xE0 ? 2 : 3
                }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run)) }
                appendEscape(base + i, to: &out)
            }
            i += length
            run = i
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: n - run)) }
    }

    /// The scalar whose valid UTF-8 sequence of `length` bytes starts at `p`.
    @inline(__always)
    static func scalar(at p: UnsafePointer<UInt8>, length: Int) -> Unicode.Scalar {
        var v = UInt32(p[0])
        if length > 1 {
            v &= 0x7F >> UInt32(length)
            for k in 1..<length { v = v << 6 | UInt32(p[k] & 0x3F) }
        }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    /// True when the UTF-8 sequence at `p` encodes a scalar `isUnsafe` names at or above
    /// U+0080: C1 (C2 80–9F), U+061C (D8 9C), U+200E–200F, U+2028–202E (E2 80 …), U+2066–2069
    /// (E2 81 …). `p` must start a complete sequence of valid UTF-8.
    @inline(__always)
    static func isUnsafeSequence(_ p: UnsafePointer<UInt8>) -> Bool {
        switch p[0] {
        case 0xC2: return p[1] <= 0x9F
        case 0xD8: return p[1] == 0x9C
        case 0xE2:
            if p[1] == 0x80 { return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xA8 && p[2] <= 0xAE) }
            if p[1] == 0x81 { return p[2] >= 0xA6 && p[2] <= 0xA9 }
            return false
        default: return false
        }
    }

    /// True when the UTF-8 text `s` holds an unsafe scalar: every unsafe scalar's encoding starts
    /// with a byte below 0x20, 0x7F, or a lead byte `isUnsafeSequence` checks; printable ASCII is
    /// skipped eight bytes at a time.
    static func hasUnsafe(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = s.baseAddress else { return false }
        let n = s.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        while i < n {
            // A byte below 0x20, at 0x7F or above stops the scan.
            i = s.skipWords(from: i, to: n) { w in (w &- ones &* 0x20) & ~w | w | (w &+ ones) }
            guard i < n else { return false }
            let b = s[i]
            if b < 0x20 || b == 0x7F { return true }
            if b == 0xC2 || b == 0xD8 || b == 0xE2, isUnsafeSequence(base + i) { return true }
            i += 1
        }
        return false
    }

    /// Appends the visible escape of the unsafe scalar at `p` (`\t`, `\n`, `\r`, `\x1B`, `\u202E`)
    /// and returns how many characters it shows.
    @discardableResult
    static func appendEscape(_ p: UnsafePointer<UInt8>, to out: inout [UInt8]) -> Int {
        let v = scalar(at: p, length: p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : 3).value
        switch v {
        case 0x09: out += [0x5C, UInt8(ascii: "t")]; return 2
        case 0x0A: out += [0x5C, UInt8(ascii: "n")]; return 2
        case 0x0D: out += [0x5C, UInt8(ascii: "r")]; return 2
        default:
            let hex: StaticString = "0123456789ABCDEF"
            out += [0x5C, UInt8(ascii: v < 0x100 ? "x" : "u")]
            let digits = v < 0x100 ? 2 : 4
            for shift in stride(from: 4 * (digits - 1), through: 0, by: -4) {
                out.append(hex.utf8Start[Int(v >> UInt32(shift) & 0xF)])
            }
            return 2 + digits
        }
    }
}
