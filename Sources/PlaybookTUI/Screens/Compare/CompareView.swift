import PlaybookCore

/// The side-by-side comparison: rules with both scores and the change, then the selected rule's two notes.
/// (The header names both files with their scores: `HeaderView`.)
enum CompareView {
    /// Where the parts go in `area`: the figures, column heads and list, then the notes under a rule.
    struct Geometry {
        var listTop: Int
        var listHeight: Int
        /// The row of the two notes' headings, and the scrolled rows under it (nil when there is no room).
        var notesTop: Int
        var notes: Layout.Area?
        /// Columns of each note pane.
        var half: Int

        init(_ area: Layout.Area) {
            listTop = area.y + 2
            listHeight = max(1, area.height / 2 - 2)
            notesTop = listTop + listHeight + 1
            let bottom = area.y + area.height
            notes = notesTop + 1 < bottom ? Layout.Area(x: area.x, y: notesTop + 1, width: area.width, height: bottom - notesTop - 1) : nil
            half = max(1, (area.width - 3) / 2)
        }
    }

    /// The lines under a note pane's heading: the reason for N/A, then the note, wrapped to `width`.
    static func noteLines(_ answer: Answer, width: Int, lang: Language) -> [String] {
        var text = ""
        if case .notApplicable(let reason) = answer.state { text = lang.pick(en: "N/A: ", fr: "N/A : ") + reason + "\n" }
        text += answer.note.isEmpty ? lang.pick(en: "(no note)", fr: "(pas de note)") : answer.note
        return TextWrap.lines(TerminalSafety.visible(text, keepNewlines: true, expandTabs: true), width: max(1, width))
    }

    /// How many note lines the selected rule has (the longer side) and the rows they scroll in.
    static func notesExtent(_ s: AppState, view: CompareState, area: Layout.Area) -> (total: Int, height: Int)? {
        let g = Geometry(area)
        let rules = view.rules
        guard let notes = g.notes, !rules.isEmpty else { return nil }
        let r = rules[min(view.cursor, rules.count - 1)]
        let total = max(noteLines(r.before, width: g.half - 1, lang: s.language).count, noteLines(r.after, width: g.half - 1, lang: s.language).count)
        return (total, notes.height)
    }

    static func draw(_ s: AppState, view: CompareState, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        let c = view.comparison
        let w = CompareWords(lang: lang, kind: c.kind)
        let g = Geometry(area)
        let filterName: String =
            switch view.filter {
            case .all: lang.pick(en: "all rules", fr: "toutes les règles")
            case .changed: lang.pick(en: "changed only", fr: "modifiées seulement")
            case .worst:
                c.kind == .overTime
                    ? lang.pick(en: "regressions only", fr: "reculs seulement") : lang.pick(en: "gaps of 2 or more only", fr: "écarts de 2 ou plus seulement")
            }
        let overall: String = w.percent(c.before.summary.overall) + " → " + w.percent(c.after.summary.overall)
        let change: String = " (" + w.points(c.overallChange) + ") · "
        let figures: String = lang.pick(en: "Overall ", fr: "Score global ") + overall + change + lang.pick(en: "Filter: ", fr: "Filtre : ") + filterName
        screen.put(figures, x: 1, y: area.y, role: .muted, maxWidth: area.width - 2)
        let numberWidth = 4, scoreWidth = 8
        let changeWidth = min(24, max(8, area.width / 4))
        let titleWidth = max(4, area.width - numberWidth - scoreWidth * 2 - changeWidth - 2)
        var head: String = TextWrap.pad("#", width: numberWidth) + TextWrap.pad(lang.pick(en: "Rule", fr: "Règle"), width: titleWidth)
        // A label longer than its column ("Partenaire") is cut with … and still keeps a space after it.
        head += TextWrap.pad(w.beforeLabel, width: scoreWidth - 1) + " " + TextWrap.pad(w.afterLabel, width: scoreWidth - 1) + " " + w.changeLabel
        screen.put(head, x: 1, y: area.y + 1, role: .key, maxWidth: area.width - 2)
        let rules = view.rules
        if rules.isEmpty {
            let filter = Keymap.keyName(.cycleFilter, in: .compare, lang)
            screen.put(
                lang.pick(en: "No rule matches this filter (\(filter) changes it).", fr: "Aucune règle pour ce filtre (\(filter) pour le changer)."),
                x: 2, y: g.listTop, role: .muted, maxWidth: area.width - 3)
            return
        }
        // The list follows the cursor; the same indicator as a scrolled pane says where it stands.
        let listRows = Scroll.textRows(total: rules.count, height: g.listHeight)
        let first = max(0, min(view.cursor - listRows + 1, rules.count - listRows))
        ScrollIndicator.draw(
            Scroll(top: first), total: rules.count, area: Layout.Area(x: area.x, y: g.listTop, width: area.width, height: g.listHeight),
            lang: lang, into: &screen)
        for (row, i) in (first..<min(rules.count, first + listRows)).enumerated() {
            let r = rules[i]
            let y = g.listTop + row
            let selected = i == view.cursor
            if selected { screen.fill(x: 0, y: y, count: area.width, role: .selection) }
            let role: Role =
                selected
                ? .selection
                : ((c.kind == .overTime && c.isRegression(r)) || (c.kind == .sides && (r.gap ?? 0) >= 2)
                    ? .warning : (r.change == .improved ? .success : .normal))
            let difference = w.difference(r).isEmpty ? w.change(r) : w.difference(r)
            // A cut title keeps a space before the scores' column.
            var line: String = TextWrap.pad(String(r.number), width: numberWidth)
            line += TextWrap.pad(TerminalSafety.visible(r.title[lang]), width: titleWidth - 1) + " "
            line += TextWrap.pad(w.state(r.before), width: scoreWidth) + TextWrap.pad(w.state(r.after), width: scoreWidth)
            line += difference
            screen.put(line, x: 1, y: y, role: role, maxWidth: area.width - 2)
        }
        let r = rules[min(view.cursor, rules.count - 1)]
        guard let notes = g.notes else { return }
        screen.put(String(repeating: "─", count: area.width), x: 0, y: g.notesTop - 1, role: .border)
        let sides = [(w.beforeLabel, r.before), (w.afterLabel, r.after)]
        let lines = sides.map { noteLines($0.1, width: g.half - 1, lang: lang) }
        let total = lines.map(\.count).max() ?? 0
        let top = view.notes.first(total: total, height: notes.height)
        let rows = Scroll.textRows(total: total, height: notes.height)
        for (k, (label, answer)) in sides.enumerated() {
            let x = 1 + k * (g.half + 1)
            let state = answer.score.map { lang.pick(en: "score \($0)", fr: "niveau \($0)") } ?? w.state(answer)
            let heading = label + " — " + state + (answer.target.map { lang.pick(en: " · target \($0)", fr: " · cible \($0)") } ?? "")
            screen.put(heading, x: x, y: g.notesTop, role: .title, maxWidth: g.half - 1)
            for (row, text) in lines[k].dropFirst(top).prefix(rows).enumerated() {
                screen.put(text, x: x, y: notes.y + row, role: .normal, maxWidth: g.half - 1)
            }
        }
        for y in g.notesTop..<(notes.y + rows) { screen.put("│", x: g.half + 1, y: y, role: .border) }
        ScrollIndicator.draw(
            view.notes, total: total, area: notes, keys: Keymap.keysLabel([.detailDown, .detailUp], in: .compare, lang),
            lang: lang, into: &screen)
    }
}
