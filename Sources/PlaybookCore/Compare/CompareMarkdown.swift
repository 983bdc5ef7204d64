/// A comparison as GitHub-flavoured Markdown: tables that no note can break.
public enum CompareMarkdown {
    public static func render(_ c: Comparison, lang: Language) -> String {
        let w = CompareWords(lang: lang, kind: c.kind)
        let m = Markdown.inline
        var out: [String] = []
        out.append("# " + m(w.title(c)))
        out.append("")
        out.append("- " + m(w.sideLine(w.beforeLabel, c.before)))
        out.append("- " + m(w.sideLine(w.afterLabel, c.after)))
        for warning in c.warnings { out.append("- **" + lang.pick(en: "Warning", fr: "Attention") + "**: " + m(warning.message(lang))) }
        out.append("")
        out.append(m(w.reading(c)))
        out.append("")
        out.append("| | \(m(w.beforeLabel)) | \(m(w.afterLabel)) | \(m(w.changeLabel)) |")
        out.append("|---|---:|---:|---:|")
        func row(_ label: String, _ a: Fraction?, _ b: Fraction?, _ d: Int?) {
            out.append("| \(m(label)) | \(m(w.percent(a))) | \(m(w.percent(b))) | \(m(w.points(d))) |")
        }
        row(lang.pick(en: "Overall", fr: "Score global"), c.before.summary.overall, c.after.summary.overall, c.overallChange)
        row(lang.pick(en: "Coverage", fr: "Couverture"), c.before.summary.coverage, c.after.summary.coverage, c.coverageChange)
        if c.before.summary.toTarget != nil || c.after.summary.toTarget != nil {
            row(lang.pick(en: "To target", fr: "Vers la cible"), c.before.summary.toTarget, c.after.summary.toTarget, c.toTargetChange)
        }
        for t in c.themes { row(t.title[lang], t.before?.overall, t.after?.overall, t.change) }
        if c.catalogChanged {
            out.append("")
            out.append("## " + lang.pick(en: "Catalogue changes", fr: "Changements du catalogue"))
            out.append("")
            for r in c.rules where r.presence != .both {
                out.append("- " + (r.presence == .added ? "+" : "−") + " \(r.number)\\. " + m(r.title[lang]) + " — " + m(w.change(r)))
            }
        }
        for (section, rules) in c.sections() where !rules.isEmpty {
            out.append("")
            out.append("## " + m(section.title(lang)) + " (\(rules.count))")
            out.append("")
            out.append("| # | " + lang.pick(en: "Rule", fr: "Règle") + " | \(m(w.beforeLabel)) | \(m(w.afterLabel)) | \(m(w.changeLabel)) | " + lang.pick(en: "Details", fr: "Détails") + " |")
            out.append("|---:|---|:---:|:---:|:---:|---|")
            for r in rules {
                let details = w.details(r)
                let cells = [String(r.number), m(r.title[lang]), m(w.state(r.before)), m(w.state(r.after)), m(w.difference(r)),
                             details.map(m).joined(separator: "<br>")]
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}
