import PlaybookCore

/// The side-by-side comparison: rules with both scores and the change, then the selected rule's two notes.
enum CompareViewDraw {
    static func draw(_ s: AppState, view: CompareView, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        let c = view.comparison
        let w = CompareWords(lang: lang, kind: c.kind)
        let filterName: String = switch view.filter {
        case .all: lang.pick(en: "all rules", fr: "toutes les règles")
        case .changed: lang.pick(en: "changed only", fr: "modifiées seulement")
        case .worst: c.kind == .overTime ? lang.pick(en: "regressions only", fr: "reculs seulement") : lang.pick(en: "gaps of 2 or more only", fr: "écarts de 2 ou plus seulement")
        }
        screen.put(w.title(c), x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        let overall: String = w.percent(c.before.summary.overall) + " → " + w.percent(c.after.summary.overall)
        let change: String = " (" + w.points(c.overallChange) + ") · "
        let figures: String = lang.pick(en: "Overall ", fr: "Score global ") + overall + change + lang.pick(en: "Filter: ", fr: "Filtre : ") + filterName
        screen.put(figures, x: 1, y: area.y + 1, role: .muted, maxWidth: area.width - 2)
        let listTop = area.y + 3
        let listHeight = max(1, area.height / 2 - 2)
        let numberWidth = 4, scoreWidth = 8
        let changeWidth = min(24, max(8, area.width / 4))
        let titleWidth = max(4, area.width - numberWidth - scoreWidth * 2 - changeWidth - 2)
        var head: String = TextWrap.pad("#", width: numberWidth) + TextWrap.pad(lang.pick(en: "Rule", fr: "Règle"), width: titleWidth)
        head += TextWrap.pad(w.beforeLabel, width: scoreWidth) + TextWrap.pad(w.afterLabel, width: scoreWidth) + w.changeLabel
        screen.put(head, x: 1, y: area.y + 2, role: .key, maxWidth: area.width - 2)
        let rules = view.rules
        if rules.isEmpty {
            screen.put(lang.pick(en: "No rule matches this filter (f changes it).", fr: "Aucune règle pour ce filtre (f pour le changer)."), x: 2, y: listTop, role: .muted, maxWidth: area.width - 3)
            return
        }
        let first = max(0, min(view.cursor - listHeight + 1, rules.count - listHeight))
        for (row, i) in (max(0, first)..<min(rules.count, max(0, first) + listHeight)).enumerated() {
            let r = rules[i]
            let y = listTop + row
            let selected = i == view.cursor
            if selected { screen.fill(x: 0, y: y, count: area.width, role: .selection) }
            let role: Role = selected ? .selection : (r.change == .regressed || (c.kind == .sides && (r.gap ?? 0) >= 2) ? .warning : (r.change == .improved ? .success : .normal))
            let difference = w.difference(r).isEmpty ? w.change(r) : w.difference(r)
            var line: String = TextWrap.pad(String(r.number), width: numberWidth)
            line += TextWrap.pad(r.title[lang], width: titleWidth)
            line += TextWrap.pad(w.state(r.before), width: scoreWidth) + TextWrap.pad(w.state(r.after), width: scoreWidth)
            line += difference
            screen.put(line, x: 1, y: y, role: role, maxWidth: area.width - 2)
        }
        let r = rules[min(view.cursor, rules.count - 1)]
        let notesTop = listTop + listHeight + 1
        guard notesTop < area.y + area.height - 1 else { return }
        screen.put(String(repeating: "─", count: area.width), x: 0, y: notesTop - 1, role: .border)
        let half = max(1, (area.width - 3) / 2)
        let height = area.y + area.height - notesTop
        for (k, (label, answer)) in [(w.beforeLabel, r.before), (w.afterLabel, r.after)].enumerated() {
            let x = 1 + k * (half + 1)
            let state = answer.score.map { lang.pick(en: "score \($0)", fr: "niveau \($0)") } ?? w.state(answer)
            var lines = [label + " — " + state + (answer.target.map { lang.pick(en: " · target \($0)", fr: " · cible \($0)") } ?? "")]
            if case .notApplicable(let reason) = answer.state { lines.append(lang.pick(en: "N/A: ", fr: "N/A : ") + reason) }
            lines.append(contentsOf: answer.note.isEmpty ? [lang.pick(en: "(no note)", fr: "(pas de note)")] : TextWrap.lines(answer.note, width: half - 1))
            for (row, text) in lines.prefix(height).enumerated() {
                screen.put(text, x: x, y: notesTop + row, role: row == 0 ? .title : .normal, maxWidth: half - 1)
            }
            if k == 0 { for yy in notesTop..<(notesTop + height) { screen.put("│", x: half + 1, y: yy, role: .border) } }
        }
    }
}
