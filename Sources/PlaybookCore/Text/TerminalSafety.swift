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

    /// `text` with every unsafe scalar replaced by a visible escape; newlines kept when asked.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        guard hasUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" {
                out.append(scalar)
            } else if isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `text` holds an unsafe scalar. Reads the UTF-8 bytes: every unsafe scalar's
    /// encoding starts with a byte below 0x20, 0x7F, 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (the bidi
    /// marks and separators), and those are checked exactly; nothing else needs decoding.
    static func hasUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < n, bytes[i + 1] <= 0x9F { return true }
                if b == 0xD8, i + 1 < n, bytes[i + 1] == 0x9C { return true }
                if b == 0xE2, i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2) { return true }
                    if b1 == 0x81, (0xA6...0xA9).contains(b2) { return true }
                }
                i += 1
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
