/// File names derived from user text (programme names, partner names) that cannot leave the
/// chosen folder or pass for an option (S7).
public enum SafeName {
    /// `text` made into one path component: no `/`, NUL, control or bidi characters, no leading
    /// `.` or `-`, at most 255 bytes with the extension; `fallback` when nothing is left.
    public static func fileName(from text: String, fallback: String, extension ext: String) -> String {
        var out = ""
        var lastWasDash = false
        for ch in text {
            let bad = ch == "/" || ch == "\\" || ch == ":" || ch.unicodeScalars.contains { $0.value == 0 || TerminalSafety.isUnsafe($0) }
            let c: Character = bad || ch.isWhitespace ? "-" : ch
            if c == "-" {
                if lastWasDash { continue }
                lastWasDash = true
            } else {
                lastWasDash = false
            }
            out.append(c)
        }
        while let f = out.first, f == "." || f == "-" { out.removeFirst() }
        while let l = out.last, l == "." || l == "-" { out.removeLast() }
        let suffix = ext.isEmpty ? "" : "." + ext
        let limit = 255 - suffix.utf8.count
        while out.utf8.count > limit { out.removeLast() }
        if out.isEmpty { out = fallback }
        return out + suffix
    }
}
