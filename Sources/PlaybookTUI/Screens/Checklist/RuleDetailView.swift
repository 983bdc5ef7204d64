import PlaybookCore

/// The selected rule in full: text, guiding questions, the four levels with the current one
/// highlighted, and what has been recorded for it.
enum RuleDetailView {
    struct Line: Equatable {
        var text: String
        var role: Role
        var indent: Int = 0
    }

    static func draw(_ s: AppState, area: Layout.Area, into screen: inout Screen, memo: inout PaneMemo) {
        guard area.width > 2, area.height > 0 else { return }
        let width = area.width - 2
        let pane = memo.pane(for: lines(s), width: width)
        let top = s.detailScroll.first(total: pane.height, height: area.height)
        let rows = Scroll.textRows(total: pane.height, height: area.height)
        for row in 0..<max(0, min(rows, pane.height - top)) {
            screen.copy(from: pane, y: top + row, count: width, toX: area.x + 1, y: area.y + row)
        }
        ScrollIndicator.draw(
            s.detailScroll, total: pane.height, area: area, keys: Keymap.keysLabel([.detailDown, .detailUp], in: .checklist, s.language),
            lang: s.language, into: &screen)
    }

    /// Every line of the pane, wrapped to `width` columns, one row of the returned grid each.
    static func layOut(_ s: AppState, width: Int) -> Screen {
        layOut(lines(s), width: width)
    }

    static func layOut(_ lines: [Line], width: Int) -> Screen {
        var wrapped: [(String, Role)] = []
        for line in lines {
            if line.text.isEmpty {
                wrapped.append(("", line.role))
                continue
            }
            let pad = String(repeating: " ", count: line.indent)
            // Escapes and tabs are wrapped as the columns they take on screen.
            let text = TerminalSafety.visible(line.text, expandTabs: true)
            // Continuation lines hang under the first line's text.
            for (k, piece) in TextWrap.lines(text, width: max(1, width - line.indent)).enumerated() {
                wrapped.append((k == 0 ? piece : pad + piece, line.role))
            }
        }
        var pane = Screen(width: width, height: wrapped.count)
        for (row, item) in wrapped.enumerated() {
            if item.1 == .levelCurrent { pane.fill(x: 0, y: row, count: width, role: .levelCurrent) }
            pane.put(item.0, x: 0, y: row, role: item.1, maxWidth: width)
        }
        return pane
    }

    static func lines(_ s: AppState) -> [Line] {
        let lang = s.language
        let rule = s.rule
        let answer = s.answer
        var out: [Line] = []
        out.append(Line(text: "\(rule.number). " + rule.title[lang], role: .title))
        let theme = s.catalog.theme(rule.theme)?.title[lang] ?? rule.theme
        out.append(Line(text: theme + " · " + rule.id, role: .muted))
        out.append(Line(text: stateText(s, answer), role: .normal))
        out.append(Line(text: "", role: .normal))
        out.append(Line(text: rule.text[lang], role: .normal))
        if s.showOriginal {
            let other: Language = lang == s.catalog.sourceLanguage ? (lang == .fr ? .en : .fr) : s.catalog.sourceLanguage
            let label =
                other == s.catalog.sourceLanguage
                ? lang.pick(en: "Original (French):", fr: "Original :")
                : lang.pick(en: "In French:", fr: "En anglais :")
            out.append(Line(text: "", role: .normal))
            out.append(Line(text: label, role: .muted))
            out.append(Line(text: "« " + rule.text[other] + " »", role: .muted))
        }
        for note in rule.footnotes {
            out.append(Line(text: "[\(note.marker)] " + note.text[lang], role: .muted))
        }
        out.append(Line(text: "", role: .normal))
        out.append(Line(text: lang.pick(en: "Levels", fr: "Niveaux"), role: .title))
        for (level, description) in rule.levels.enumerated() {
            let current = answer.score == level
            let mark = answer.target == level ? "◎" : (current ? "▶" : " ")
            out.append(
                Line(
                    text: "\(mark)\(level) " + s.catalog.levelLabel(level, lang) + " — " + description[lang],
                    role: current ? .levelCurrent : .normal, indent: 3))
        }
        out.append(Line(text: "", role: .normal))
        out.append(Line(text: lang.pick(en: "Questions to ask", fr: "Questions à se poser"), role: .title))
        for q in rule.questions { out.append(Line(text: "• " + q[lang], role: .normal, indent: 2)) }
        if !answer.note.isEmpty {
            out.append(Line(text: "", role: .normal))
            out.append(Line(text: lang.pick(en: "Note", fr: "Note"), role: .title))
            for paragraph in answer.note.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(Line(text: String(paragraph), role: .normal))
            }
        }
        if !answer.evidence.isEmpty {
            out.append(Line(text: "", role: .normal))
            out.append(Line(text: lang.pick(en: "Evidence", fr: "Preuves") + " (\(Keymap.keyName(.openEvidence, in: .checklist, lang)))", role: .title))
            for e in answer.evidence {
                out.append(Line(text: "◆ " + e.text + " — " + e.strength.label(lang) + (e.date.map { ", \($0)" } ?? ""), role: .normal, indent: 2))
            }
        }
        if !answer.actions.isEmpty {
            out.append(Line(text: "", role: .normal))
            out.append(Line(text: lang.pick(en: "Actions", fr: "Actions") + " (\(Keymap.keyName(.openActions, in: .checklist, lang)))", role: .title))
            for a in answer.actions { out.append(ItemsView.actionLine(a, s)) }
        }
        return out
    }

    static func stateText(_ s: AppState, _ answer: Answer) -> String {
        let lang = s.language
        var text: String
        switch answer.state {
        case .scored(let n): text = lang.pick(en: "Score \(n) — ", fr: "Niveau \(n) — ") + s.catalog.levelLabel(n, lang)
        case .notApplicable(let reason): text = lang.pick(en: "Not applicable: ", fr: "Non applicable : ") + reason
        case .unknown: text = lang.pick(en: "Unknown", fr: "Inconnu")
        case nil: text = lang.pick(en: "Not assessed yet", fr: "Pas encore évaluée")
        }
        if let t = answer.target { text += lang.pick(en: " · target \(t)", fr: " · cible \(t)") }
        return text
    }
}

/// The rule panes last wrapped, each kept with exactly what it was wrapped from (its lines and
/// width), so that it cannot go stale: going back to a rule reuses its pane instead of wrapping again.
public struct PaneMemo: Sendable {
    private var kept: [(lines: [RuleDetailView.Line], width: Int, pane: Screen)] = []
    /// A pane is 24 bytes a cell (about 50 KiB for 40 rows of 52 columns): 32 stay within 2 MiB.
    static let limit = 32

    public init() {}

    /// The pane wrapped from `lines` at `width`: the kept one, or a new one (then kept, most recent last).
    mutating func pane(for lines: [RuleDetailView.Line], width: Int) -> Screen {
        if let i = kept.lastIndex(where: { $0.width == width && $0.lines == lines }) {
            if i != kept.count - 1 { kept.append(kept.remove(at: i)) }
            return kept[kept.count - 1].pane
        }
        let pane = RuleDetailView.layOut(lines, width: width)
        kept.append((lines, width, pane))
        if kept.count > PaneMemo.limit { kept.removeFirst() }
        return pane
    }
}
