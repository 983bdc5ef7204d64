/// Escaping of user and file text for HTML (S1): `& < > " '` become character references, so the
/// result is safe both as element content and inside a quoted attribute; terminal and bidi
/// controls become visible escapes (`\x1B`, `\u202E`) so no text can reorder or hide what is shown.
/// The one HTML escaper works on UTF-8 bytes and copies runs that need nothing whole.
enum HTMLText {
    /// `text` escaped; line breaks are kept (CRLF read as one) when `keepNewlines`, else become spaces.
    static func escape(_ text: String, keepNewlines: Bool = true) -> String {
        var out: [UInt8] = []
        append(text, keepNewlines: keepNewlines, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape(text, keepNewlines:)` appended to `out`: CR LF and CR read as LF, line feeds kept
    /// (or spaces), tabs as spaces, other controls, C1 and bidi characters as visible escapes.
    static func append(_ text: String, keepNewlines: Bool = true, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { s in
            TerminalSafety.append(s, plain: plain, to: &out) { i in
                switch s[i] {
                case UInt8(ascii: "&"): .replace("&amp;", length: 1)
                case UInt8(ascii: "<"): .replace("&lt;", length: 1)
                case UInt8(ascii: ">"): .replace("&gt;", length: 1)
                case UInt8(ascii: "\""): .replace("&quot;", length: 1)
                case UInt8(ascii: "'"): .replace("&#39;", length: 1)
                case 0x0A: keepNewlines ? .copy : .replace(" ", length: 1)
                case 0x0D: .replace(keepNewlines ? "\n" : " ", length: i + 1 < s.count && s[i + 1] == 0x0A ? 2 : 1)
                case 0x09: .replace(" ", length: 1)
                default: .visibleIfUnsafe
                }
            }
        }
    }

    /// The bytes copied as they are: all but markup characters, controls, DEL and the lead bytes
    /// of the unsafe scalars.
    private static let plain: [Bool] = (0...255).map { b in
        switch b {
        case 0x00..<0x20, 0x7F, 0xC2, 0xD8, 0xE2, 0x26, 0x3C, 0x3E, 0x22, 0x27: return false
        default: return true
        }
    }
}

/// An HTML document being written: markup from this program goes in with `raw`, every piece of
/// user or file text with `text`, so escaping is decided once, at the call, and is easy to review.
/// The page is built as bytes; text is escaped by `HTMLText.append`.
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
