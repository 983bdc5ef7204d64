/// Escaping of user and file text for Markdown output (S2): punctuation is backslash-escaped,
/// control and bidi characters are removed, and table cells stay on one line.
public enum Markdown {
    /// Inline text: every character that could start markup is escaped; newlines become spaces.
    public static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                out.append(" ")
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "&", "~", "\"", "'", "=", ":", "$", "%", "^", "@":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            default:
                if TerminalSafety.isUnsafe(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Multi-line text as a paragraph block: each line escaped, line breaks kept as hard breaks.
    public static func block(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { inline(String($0)) }
            .joined(separator: "\\\n")
    }
}
