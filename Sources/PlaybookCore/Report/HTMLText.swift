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
/// The page is built as bytes; text is escaped by `ReportBytes.html`, the bytes of `HTMLText.escape`.
struct HTMLBuilder {
    private var out: ReportBytes

    init(capacity: Int) {
        out = ReportBytes(capacity: capacity)
    }

    /// The page's bytes (UTF-8).
    var bytes: [UInt8] { out.bytes }

    /// Markup written by this program; never user or file text.
    mutating func raw(_ markup: String) { out.raw(markup) }

    /// User or file text, escaped.
    mutating func text(_ s: String) { out.html(s) }

    /// Markup written by this program, from a literal.
    mutating func raw(_ markup: StaticString) { out.raw(markup) }

    /// A number, as text.
    mutating func number(_ n: Int) { out.raw(n) }

    /// `<tag class="…">text</tag>` with the text escaped; `cls` is a class name of this program's.
    mutating func element(_ tag: StaticString, _ s: String, cls: StaticString? = nil) {
        open(tag, cls: cls)
        out.html(s)
        close(tag)
    }

    /// `<tag class="…">`, for an element whose content is written piece by piece.
    mutating func open(_ tag: StaticString, cls: StaticString? = nil) {
        if let cls {
            out.raw(["<", tag, " class=\"", cls, "\">"])
        } else {
            out.raw(["<", tag, ">"])
        }
    }

    mutating func close(_ tag: StaticString) {
        out.raw(["</", tag, ">"])
    }
}
