/// A comparison for a terminal or an email: what got worse first, wrapped to the width.
public enum CompareText {
    public static func render(_ c: Comparison, lang: Language, width: Int) -> String {
        String(decoding: renderBytes(c, lang: lang, width: width), as: UTF8.self)
    }

    /// The comparison's bytes, laid out as they are written (the lines of `TextWrap`).
    static func renderBytes(_ c: Comparison, lang: Language, width: Int) -> [UInt8] {
        let width = max(40, width)
        let w = CompareWords(lang: lang, kind: c.kind)
        var out = Lines(capacity: 4_096 + c.rules.count * 200)
        func add(_ text: String, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            // A note's own line breaks start new lines at the same indent (never a visible `\n`).
            for part in TextReport.safeBlock(text).split(separator: "\n", omittingEmptySubsequences: false) {
                var visible = String(part)
                visible.withUTF8 { bytes in
                    TextWrap.wrap(bytes, width: width - indent) { _, line in
                        out.bytes.append(contentsOf: pad.utf8)
                        out.bytes.append(contentsOf: line)
                        out.bytes.append(0x0A)
                    }
                }
            }
        }
        add(w.title(c))
        add(w.sideLine(w.beforeLabel, c.before))
        add(w.sideLine(w.afterLabel, c.after))
        for warning in c.warnings { add(lang.pick(en: "Warning: ", fr: "Attention : ") + warning.message(lang)) }
        out.append("")
        add(w.reading(c))
        out.append("")
        let longest = ([lang.pick(en: "To target", fr: "Vers la cible")] + c.themes.map { "  " + $0.title[lang] }).map(DisplayWidth.of).max() ?? 12
        let labelWidth = min(longest + 2, max(16, width - 30))
        func row(_ label: String, _ a: String, _ b: String, _ d: String) {
            out.append(TextWrap.pad(label, width: labelWidth) + TextWrap.pad(a, width: 10) + TextWrap.pad(b, width: 10) + d)
        }
        row("", w.beforeLabel, w.afterLabel, w.changeLabel)
        row(lang.pick(en: "Overall", fr: "Score global"), w.percent(c.before.summary.overall), w.percent(c.after.summary.overall), w.points(c.overallChange))
        row(lang.pick(en: "Coverage", fr: "Couverture"), w.percent(c.before.summary.coverage), w.percent(c.after.summary.coverage), w.points(c.coverageChange))
        if c.before.summary.toTarget != nil || c.after.summary.toTarget != nil {
            row(
                lang.pick(en: "To target", fr: "Vers la cible"), w.percent(c.before.summary.toTarget), w.percent(c.after.summary.toTarget),
                w.points(c.toTargetChange))
        }
        for theme in c.themes {
            row("  " + TerminalSafety.visible(theme.title[lang]), w.percent(theme.before?.overall), w.percent(theme.after?.overall), w.points(theme.change))
        }
        if c.catalogChanged {
            let added = c.rules.filter { $0.presence == .added }, removed = c.rules.filter { $0.presence == .removed }
            out.append("")
            add(
                lang.pick(en: "The catalogue changed: ", fr: "Le catalogue a changé : ")
                    + lang.count(added.count, en: "rule added", "rules added", fr: "règle ajoutée", "règles ajoutées")
                    + lang.pick(en: ", \(removed.count) removed.", fr: ", \(removed.count) \(removed.count <= 1 ? "retirée" : "retirées")."))
            for r in added { add("+ \(r.number). " + r.title[lang], indent: 2) }
            for r in removed { add("− \(r.number). " + r.title[lang], indent: 2) }
        }
        for (section, rules) in c.sections() where !rules.isEmpty {
            out.append("")
            out.append(TerminalSafety.visible(section.title(lang)).uppercased() + " (\(rules.count))")
            for r in rules {
                // Unchanged scores still show what did change around them (notes, actions, targets).
                let compact = (section == .unchanged || section == .agreement) && !r.noteChanged && w.actions(r).isEmpty
                var line = "\(r.number). " + r.title[lang] + " — " + w.scores(r)
                let d = w.difference(r)
                if !d.isEmpty { line += " (" + d + ")" }
                if !compact, c.kind == .overTime, r.change != .improved, r.change != .regressed { line += " · " + w.change(r) }
                if let t = w.target(r) { line += " · " + t }
                add(line, indent: 2)
                if compact { continue }
                if let note = w.noteLine(r) { add(note, indent: 5) }
                for a in w.actions(r) { add(lang.pick(en: "actions ", fr: "actions ") + a, indent: 5) }
                if c.kind == .sides {
                    if !r.before.note.isEmpty { add(w.beforeLabel + lang.pick(en: ": ", fr: " : ") + r.before.note, indent: 5) }
                    if !r.after.note.isEmpty { add(w.afterLabel + lang.pick(en: ": ", fr: " : ") + r.after.note, indent: 5) }
                }
            }
        }
        // The lines were joined by line feeds after a last empty line: every line ends with one.
        return out.bytes
    }

    /// Lines written as bytes, each ended by a line feed.
    private struct Lines {
        var bytes: [UInt8] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        mutating func append(_ line: String) {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
    }
}
