/// Escaping of user and file text for HTML (S1): `& < > " '` become character references, so the
/// result is safe both as element content and inside a quoted attribute; terminal and bidi
/// controls become visible escapes (`\x1B`, `\u202E`) so no text can reorder or hide what is shown.
enum HTMLText {
    /// `text` escaped; line breaks are kept (CRLF read as one) when `keepNewlines`, else become spaces.
    static func escape(_ text: String, keepNewlines: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out, keepNewlines: keepNewlines)
        return out
    }

    static func append(_ text: String, to out: inout String, keepNewlines: Bool = true) {
        // Most text needs no escaping at all: one scan, then one append.
        let plain = !text.unicodeScalars.contains { scalar in
            switch scalar {
            case "&", "<", ">", "\"", "'", "\t": return true
            case "\n": return !keepNewlines
            default: return TerminalSafety.isUnsafe(scalar)
            }
        }
        if plain {
            out += text
            return
        }
        for scalar in ReportText.unifyingNewlines(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += keepNewlines ? "\n" : " "
            case "\t": out += " "
            default:
                if TerminalSafety.isUnsafe(scalar) {
                    out += TerminalSafety.escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}

/// An HTML document being written: markup from this program goes in with `raw`, every piece of
/// user or file text with `text`, so escaping is decided once, at the call, and is easy to review.
struct HTMLBuilder {
    private(set) var html = ""

    init(capacity: Int) {
        html.reserveCapacity(capacity)
    }

    /// Markup written by this program; never user or file text.
    mutating func raw(_ markup: String) { html += markup }

    /// User or file text, escaped.
    mutating func text(_ s: String) { HTMLText.append(s, to: &html) }

    /// `<tag class="…">text</tag>` with the text escaped; `cls` is a class name of this program's.
    mutating func element(_ tag: String, _ s: String, cls: String? = nil) {
        html += "<" + tag
        if let cls { html += " class=\"" + cls + "\"" }
        html += ">"
        text(s)
        html += "</" + tag + ">"
    }
}
