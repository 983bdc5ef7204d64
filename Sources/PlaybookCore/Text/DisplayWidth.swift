/// Terminal column widths computed in pure Swift, so layout does not depend on the C locale.
public enum DisplayWidth {
    /// Columns taken by one scalar: 0 for combining and format marks, 2 for wide and emoji, else 1.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns taken by one grapheme cluster (its first scalar decides; the rest combine).
    public static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        // Looking for a second scalar instead of counting them all: most characters have one.
        if scalars.next() != nil, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        return of(first)
    }

    /// Columns taken by a whole string.
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of(utf8: $0) }
    }

    /// Columns taken by the UTF-8 text `bytes`: when every scalar is simple, each is a character of
    /// its own, one column wide, and they are counted; otherwise the characters' widths are added.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var simple = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard isSimple(TerminalSafety.scalar(at: bytes.baseAddress! + i, length: length).value) else {
                return String(decoding: bytes, as: UTF8.self).reduce(0) { $0 + of($1) }
            }
            simple += 1
            i += length
        }
        return simple
    }

    /// True for scalars that are always a grapheme cluster of their own (no combining mark, joiner,
    /// variation selector or CR among them) and one column wide: printable Latin, Latin-1 and
    /// Latin Extended, typographic punctuation, the narrow no-break space and minus sign of numbers,
    /// currency signs, arrows, box drawing and the geometric shapes the views use. Text made only of them can be measured and cut scalar by scalar, without
    /// grapheme breaking, which is most of the cost of laying out text.
    @inline(__always)
    public static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x7F { return v >= 0x20 }
        if v < 0x300 { return v >= 0xA0 }
        switch v {
        case 0x2010...0x2027, 0x202F, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF, 0x2212, 0x2500...0x25FC: return true
        default: return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
            0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
            0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
