/// A comparison as GitHub-flavoured Markdown: tables that no note can break, each cell on one
/// line, and the notes (which span lines) in a section per rule under each table.
public enum CompareMarkdown {
    public static func render(_ c: Comparison, lang: Language) -> String {
        String(decoding: renderBytes(c, lang: lang), as: UTF8.self)
    }

    /// The comparison's bytes, each line ended by a line feed.
    static func renderBytes(_ c: Comparison, lang: Language) -> [UInt8] {
        let w = CompareWords(lang: lang, kind: c.kind)
        let m = { (text: String) in Markdown.inline(text) }
        var out = ReportBytes(capacity: 4_096 + c.rules.count * 200)
        out.line("# " + m(w.title(c)))
        out.line("")
        out.line("- " + m(w.sideLine(w.beforeLabel, c.before)))
        out.line("- " + m(w.sideLine(w.afterLabel, c.after)))
        for warning in c.warnings { out.line("- **" + lang.pick(en: "Warning", fr: "Attention") + "**: " + m(warning.message(lang))) }
        out.line("")
        out.line(Markdown.inline(w.reading(c), atLineStart: true))
        out.line("")
        out.line("| | \(m(w.beforeLabel)) | \(m(w.afterLabel)) | \(m(w.changeLabel)) |")
        out.line("|---|---:|---:|---:|")
        func row(_ label: String, _ a: Fraction?, _ b: Fraction?, _ d: Int?) {
            out.line("| \(m(label)) | \(m(w.percent(a))) | \(m(w.percent(b))) | \(m(w.points(d))) |")
        }
        row(lang.pick(en: "Overall", fr: "Score global"), c.before.summary.overall, c.after.summary.overall, c.overallChange)
        row(lang.pick(en: "Coverage", fr: "Couverture"), c.before.summary.coverage, c.after.summary.coverage, c.coverageChange)
        if c.before.summary.toTarget != nil || c.after.summary.toTarget != nil {
            row(lang.pick(en: "To target", fr: "Vers la cible"), c.before.summary.toTarget, c.after.summary.toTarget, c.toTargetChange)
        }
        for t in c.themes { row(t.title[lang], t.before?.overall, t.after?.overall, t.change) }
        if c.catalogChanged {
            out.line("")
            out.line("## " + lang.pick(en: "Catalogue changes", fr: "Changements du catalogue"))
            out.line("")
            for r in c.rules where r.presence != .both {
                out.line("- " + (r.presence == .added ? "\\+" : "−") + " \(r.number). " + m(r.title[lang]) + " — " + m(w.change(r)))
            }
        }
        for (section, rules) in c.sections() where !rules.isEmpty {
            out.line("")
            out.line("## " + m(section.title(lang)) + " (\(rules.count))")
            out.line("")
            out.line(
                "| # | " + lang.pick(en: "Rule", fr: "Règle") + " | \(m(w.beforeLabel)) | \(m(w.afterLabel)) | \(m(w.changeLabel)) | "
                    + lang.pick(en: "Details", fr: "Détails") + " |")
            out.line("|---:|---|:---:|:---:|:---:|---|")
            for r in rules {
                // A row per rule, each cell escaped as `Markdown.inline` does.
                out.raw("| ")
                out.raw(r.number)
                out.raw(" | ")
                out.markdownInline(r.title[lang])
                out.raw(" | ")
                out.markdownInline(w.state(r.before))
                out.raw(" | ")
                out.markdownInline(w.state(r.after))
                out.raw(" | ")
                out.markdownInline(w.difference(r))
                out.raw(" | ")
                for (i, detail) in w.details(r).enumerated() {
                    if i > 0 { out.raw(" · ") }
                    out.markdownInline(detail)
                }
                out.line(" |")
            }
            for r in rules {
                let notes = w.notes(r)
                if notes.isEmpty { continue }
                out.line("")
                out.raw("### \(r.number). ")
                out.markdownInline(r.title[lang])
                out.line("")
                out.line("")
                for (label, note) in notes {
                    out.raw("- **" + label + "**" + lang.pick(en: ": ", fr: " : "))
                    switch note {
                    case .text(let text): out.markdownBlock(text, atLineStart: false)
                    case .diff(let tokens): out.markdownBlock(WordDiff.inline(tokens), atLineStart: false)
                    }
                    out.line("")
                }
            }
        }
        // The lines were joined by line feeds after a last empty line: every line ends with one.
        return out.bytes
    }
}
