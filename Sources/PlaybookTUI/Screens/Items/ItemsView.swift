import PlaybookCore

/// The evidence and actions lists of the selected rule.
enum ItemsView {
    static func drawEvidence(_ s: AppState, cursor: Int, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        screen.put(
            lang.pick(en: "Evidence — ", fr: "Preuves — ") + "\(s.rule.number). " + s.rule.title[lang], x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        // The strength and date are kept whole; the text is what gets cut.
        let items = s.answer.evidence.map { e in
            TextWrap.fit(
                head: "◆ ", body: TerminalSafety.visible(e.text, expandTabs: true), tail: " — " + e.strength.label(lang) + (e.date.map { " · \($0)" } ?? ""),
                width: area.width - 3)
        }
        let add = Keymap.keyName(.addItem, in: .evidence, lang)
        drawList(
            items, roles: items.map { _ in .normal }, cursor: cursor,
            empty: lang.pick(en: "No evidence yet: press \(add) to add some.", fr: "Aucune preuve pour l’instant : \(add) pour en ajouter."), area: area,
            lang: lang, into: &screen)
    }

    static func drawActions(_ s: AppState, cursor: Int, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        screen.put(
            lang.pick(en: "Actions — ", fr: "Actions — ") + "\(s.rule.number). " + s.rule.title[lang], x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        let lines = s.answer.actions.map { actionLine($0, s, width: area.width - 3) }
        let add = Keymap.keyName(.addItem, in: .actions, lang)
        drawList(
            lines.map(\.text), roles: lines.map(\.role), cursor: cursor,
            empty: lang.pick(en: "No action yet: press \(add) to add one.", fr: "Aucune action pour l’instant : \(add) pour en ajouter."), area: area,
            lang: lang, into: &screen)
    }

    /// An action as one line: status, title, owner, due date and the overdue flag. Within `width`
    /// columns the status, due date and flag are kept whole and the title is cut (the owner too,
    /// when it would leave the title less than 10 columns); without a width it is the whole line.
    static func actionLine(_ a: ActionItem, _ s: AppState, width: Int? = nil) -> RuleDetailView.Line {
        let lang = s.language
        let head = "[\(a.status.label(lang))] "
        let title = TerminalSafety.visible(a.title, expandTabs: true)
        let owner = a.owner.isEmpty ? "" : " — " + TerminalSafety.visible(a.owner, expandTabs: true)
        var tail = ""
        if let due = a.due { tail += " — " + lang.pick(en: "due ", fr: "échéance ") + due.description }
        let overdue = a.isOverdue(asOf: s.today)
        if overdue { tail += lang.pick(en: " — OVERDUE", fr: " — EN RETARD") }
        let text: String
        if let width {
            let keepOwner = DisplayWidth.of(head + owner + tail) + 10 <= width
            text = TextWrap.fit(head: head, body: keepOwner ? title : title + owner, tail: keepOwner ? owner + tail : tail, width: width)
        } else {
            text = head + title + owner + tail
        }
        return RuleDetailView.Line(text: text, role: overdue ? .overdue : (a.status.isOpen ? .normal : .muted), indent: 2)
    }

    static func drawList(_ items: [String], roles: [Role], cursor: Int, empty: String, area: Layout.Area, lang: Language, into screen: inout Screen) {
        let top = area.y + 2
        let height = max(1, area.height - 2)
        if items.isEmpty {
            screen.put(empty, x: 2, y: top, role: .muted, maxWidth: area.width - 3)
            return
        }
        // The list follows the cursor; the same indicator as a scrolled pane says where it stands.
        let rows = Scroll.textRows(total: items.count, height: height)
        let first = max(0, cursor - rows + 1)
        for (row, i) in (first..<min(items.count, first + rows)).enumerated() {
            let selected = i == cursor
            if selected { screen.fill(x: 0, y: top + row, count: area.width, role: .selection) }
            screen.put(items[i], x: 2, y: top + row, role: selected ? .selection : roles[i], maxWidth: area.width - 3)
        }
        ScrollIndicator.draw(
            Scroll(top: first), total: items.count, area: Layout.Area(x: area.x, y: top, width: area.width, height: height),
            lang: lang, into: &screen)
    }
}
