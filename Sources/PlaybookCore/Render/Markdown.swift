/// Escaping of user and file text for Markdown output (S2): punctuation is backslash-escaped,
/// control and bidi characters are removed, and table cells stay on one line.
public enum Markdown {
    /// Inline text: every character that could start markup is escaped; newlines become spaces.
    public static func inline(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                out.append(0x20)
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "&", "~", "\"", "'", "=", ":", "$", "%", "^", "@":
                out.append(UInt8(ascii: "\\"))
                out.appendUTF8(scalar)
            default:
                if TerminalSafety.isUnsafe(scalar) { continue }
                out.appendUTF8(scalar)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Multi-line text as a paragraph block: each line escaped, line breaks kept as hard breaks.
    public static func block(_ text: String) -> String {
        // With no newline other than LF, the lines can be cut on bytes instead of by grapheme.
        guard !TextWrap.hasNewlinesOtherThanLF(text) else {
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { inline(String($0)) }
                .joined(separator: "\\\n")
        }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { inline(String(Substring($0))) }
            .joined(separator: "\\\n")
    }
}
