/// The catalogue as a document for people: wrapped text for a terminal, or Markdown.
public enum CatalogText {
    /// The rules grouped by theme, wrapped to `width` columns; with `details`, questions and levels too.
    public static func text(_ catalog: Catalog, lang: Language, width: Int, details: Bool) -> String {
        let width = max(20, width)
        var out: [String] = []
        out.append(
            contentsOf: TextWrap.lines(safe(catalog.title[lang]) + " — " + lang.pick(en: "version ", fr: "version ") + safe(catalog.version), width: width))
        if let source = sourceLine(catalog, lang) { out.append(contentsOf: TextWrap.lines(source, width: width)) }
        out.append("")
        out.append(contentsOf: TextWrap.lines(safe(catalog.description[lang]), width: width))
        for theme in catalog.themes {
            out.append("")
            out.append(TextWrap.clip(safe(theme.title[lang]).uppercased(), width: width))
            for rule in catalog.rules where rule.theme == theme.id {
                out.append("")
                let head = "\(rule.number). " + safe(rule.title[lang]) + "  [\(safe(rule.id))]"
                out.append(contentsOf: indent(TextWrap.lines(head, width: width - 2), by: 2))
                out.append(contentsOf: indent(TextWrap.lines(safe(rule.text[lang]), width: width - 6), by: 6))
                for note in rule.footnotes {
                    out.append(contentsOf: indent(TextWrap.lines("[\(safe(note.marker))] " + safe(note.text[lang]), width: width - 6), by: 6))
                }
                if details {
                    out.append(contentsOf: indent([lang.pick(en: "Questions to ask:", fr: "Questions à se poser :")], by: 6))
                    for q in rule.questions {
                        out.append(contentsOf: hanging(TextWrap.lines(safe(q[lang]), width: width - 10), first: "      - ", rest: 8))
                    }
                    out.append(contentsOf: indent([lang.pick(en: "Levels:", fr: "Niveaux :")], by: 6))
                    for (level, description) in rule.levels.enumerated() {
                        out.append(contentsOf: hanging(TextWrap.lines(safe(description[lang]), width: width - 10), first: "      \(level) ", rest: 8))
                    }
                }
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// The catalogue as GitHub-flavoured Markdown.
    public static func markdown(_ catalog: Catalog, lang: Language) -> String {
        var out: [String] = []
        out.append("# " + Markdown.inline(catalog.title[lang]))
        out.append("")
        out.append(Markdown.inline(lang.pick(en: "Version", fr: "Version") + " " + catalog.version) + "  ")
        if let source = sourceLine(catalog, lang) { out.append(Markdown.inline(source, atLineStart: true)) }
        out.append("")
        out.append(Markdown.block(catalog.description[lang]))
        out.append("")
        out.append("## " + lang.pick(en: "Scale", fr: "Échelle"))
        out.append("")
        for level in catalog.scale {
            out.append("- **\(level.level) — \(Markdown.inline(level.label[lang]))**: " + Markdown.inline(level.meaning[lang]))
        }
        for theme in catalog.themes {
            out.append("")
            out.append("## " + Markdown.inline(theme.title[lang]))
            for rule in catalog.rules where rule.theme == theme.id {
                out.append("")
                out.append("### \(rule.number)\\. " + Markdown.inline(rule.title[lang]))
                out.append("")
                out.append(Markdown.block(rule.text[lang]))
                for note in rule.footnotes {
                    out.append("")
                    out.append("\\[\(Markdown.inline(note.marker))\\] " + Markdown.inline(note.text[lang]))
                }
                out.append("")
                out.append("**" + lang.pick(en: "Questions to ask", fr: "Questions à se poser") + "**")
                out.append("")
                for q in rule.questions { out.append("- " + Markdown.inline(q[lang], atLineStart: true)) }
                out.append("")
                out.append("**" + lang.pick(en: "Levels", fr: "Niveaux") + "**")
                out.append("")
                for (level, description) in rule.levels.enumerated() { out.append("- \(level): " + Markdown.inline(description[lang])) }
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// `Source: author, “title” (date) url`, or nil for a catalogue without a source.
    static func sourceLine(_ catalog: Catalog, _ lang: Language) -> String? {
        guard let source = catalog.source else { return nil }
        var line = lang.pick(en: "Source: ", fr: "Source : ") + safe(source.author) + ", “" + safe(source.title) + "”"
        if let date = source.date { line += " (\(date))" }
        if let url = source.url { line += " " + safe(url) }
        return line
    }

    static func safe(_ text: String) -> String { TerminalSafety.visible(text) }

    static func indent(_ lines: [String], by n: Int) -> [String] {
        let pad = String(repeating: " ", count: n)
        return lines.map { $0.isEmpty ? $0 : pad + $0 }
    }

    static func hanging(_ lines: [String], first: String, rest: Int) -> [String] {
        let pad = String(repeating: " ", count: rest)
        return lines.enumerated().map { $0.offset == 0 ? first + $0.element : pad + $0.element }
    }
}
