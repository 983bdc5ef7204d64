/// Makes text safe to show on a terminal: control, DEL, C1 and bidi characters become
/// visible escapes (`\x1B`, `\u202E`) so no file or user text can drive the terminal.
public enum TerminalSafety {
    /// True for scalars that a terminal may interpret or that reorder text (S3).
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F { return true }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Tab stops are this many columns apart, on screen and in the text report.
    public static let tabStop = 8

    /// `text` with every unsafe scalar replaced by a visible escape; newlines kept when asked, and
    /// tabs, when asked, turned into spaces to the next tab stop (counted from the start of the line).
    /// The spaces are no-break spaces (U+00A0): wrapping folds a run of plain spaces into one, and
    /// would take a tab's width away.
    public static func visible(_ text: String, keepNewlines: Bool = false, expandTabs: Bool = false) -> String {
        guard hasUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        // The column within the line, only needed for tabs; an escape counts as the characters it shows.
        var column = 0
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" {
                out.append(scalar)
                column = 0
            } else if expandTabs, scalar == "\t" {
                let spaces = tabStop - column % tabStop
                out.append(contentsOf: String(repeating: "\u{A0}", count: spaces).unicodeScalars)
                column += spaces
            } else if isUnsafe(scalar) {
                let escaped = escape(scalar)
                out.append(contentsOf: escaped.unicodeScalars)
                column += escaped.unicodeScalars.count
            } else {
                out.append(scalar)
                if expandTabs { column += DisplayWidth.of(scalar) }
            }
        }
        return String(out)
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

    /// True when `text` holds an unsafe scalar. Reads the UTF-8 bytes: every unsafe scalar's
    /// encoding starts with a byte below 0x20, 0x7F, or a lead byte `isUnsafeSequence` checks;
    /// nothing else needs decoding.
    static func hasUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2 || b == 0xD8 || b == 0xE2, isUnsafeSequence(base + i) { return true }
            }
            return false
        }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        switch v {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        default:
            let hex = String(v, radix: 16, uppercase: true)
            if v < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}
