/// Small text helpers every report format shares.
enum ReportText {
    /// `: ` in English, ` : ` in French (a no-break space before the colon, as French typography wants).
    static func colon(_ lang: Language) -> String { lang.pick(en: ": ", fr: "\u{A0}: ") }

    /// `Label:` in English, `Label :` in French.
    static func label(_ text: String, _ lang: Language) -> String { text + lang.pick(en: ":", fr: "\u{A0}:") }

    /// `text` with CRLF and lone CR read as LF, so a note typed on any system breaks lines the same way.
    static func unifyingNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(scalar)
        }
        return String(out)
    }

    /// A percentage in tenths (`667`) as a JSON or CSV number lexeme (`66.7`).
    static func decimalTenths(_ permille: Int) -> String {
        (permille < 0 ? "-" : "") + "\(abs(permille) / 10).\(abs(permille) % 10)"
    }
}
