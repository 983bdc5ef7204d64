import PlaybookCore

/// The rules grouped by theme, one line each: number, state badge, title, target and markers.
enum ChecklistView {
    /// Draws the visible rows only: the cost of a frame is bounded by the screen, not the catalogue.
    static func draw(_ s: AppState, layout: Layout, into screen: inout Screen) {
        let area = layout.list
        let end = min(s.rows.count, s.listScroll + area.height)
        var y = area.y
        for row in s.listScroll..<max(s.listScroll, end) {
            drawRow(s, row, area: Layout.Area(x: area.x, y: y, width: area.width, height: 1), into: &screen)
            y += 1
        }
        if !layout.wide {
            let sep = area.y + area.height
            if sep < layout.footerRow - 1 {
                screen.put(String(repeating: "─", count: s.width), x: 0, y: sep, role: .border)
            }
        } else {
            for yy in area.y..<(area.y + area.height) { screen.put("│", x: area.width, y: yy, role: .border) }
        }
    }

    /// One row (a theme heading or a rule) on the first line of `area`.
    static func drawRow(_ s: AppState, _ row: Int, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        let y = area.y
        switch s.rows[row] {
        case .theme(let t):
            let theme = s.catalog.themes[t]
            let score = s.summary.themes[t].overall.map { $0.percent(lang) } ?? ""
            screen.put(theme.title[lang].uppercased(), x: area.x + 1, y: y, role: .title, maxWidth: area.width - 10)
            screen.put(score, x: area.x + area.width - DisplayWidth.of(score) - 1, y: y, role: .muted)
        case .rule(let i):
            drawRule(s, index: i, area: area, y: y, into: &screen)
        }
    }

    static func drawRule(_ s: AppState, index i: Int, area: Layout.Area, y: Int, into screen: inout Screen) {
        let rule = s.catalog.rules[i]
        let answer = s.document.answers[rule.id]
        let selected = i == s.selected
        let base: Role = selected ? .selection : .normal
        if selected { screen.fill(x: area.x, y: y, count: area.width, role: .selection) }
        let number = String(rule.number)
        let numberWidth = max(2, String(s.catalog.rules.last?.number ?? 9).count)
        var x = area.x + 1
        screen.put(String(repeating: " ", count: max(0, numberWidth - number.count)) + number, x: x, y: y, role: base)
        x += numberWidth + 1
        let (badge, badgeRole) = Badge.of(answer?.state)
        screen.put(badge, x: x, y: y, role: badgeRole)
        x += 4
        var markers = answer?.target.map { "→\($0)" } ?? "  "
        markers += answer?.note.isEmpty == false ? "✎" : " "
        markers += answer?.evidence.isEmpty == false ? "◆" : " "
        let open = answer?.actions.filter { $0.status.isOpen }.count ?? 0
        let overdue = answer?.actions.contains { $0.isOverdue(asOf: s.today) } ?? false
        // Target, note, evidence, then `!n` open actions.
        let markerWidth = 6
        let titleWidth = max(0, area.x + area.width - x - markerWidth - 2)
        screen.put(TextWrap.clip(rule.title[s.language], width: titleWidth), x: x, y: y, role: base, maxWidth: titleWidth)
        let mx = area.x + area.width - markerWidth - 1
        if mx > x {
            screen.put(markers, x: mx, y: y, role: selected ? .selection : .target)
            if open > 0 {
                screen.put(
                    "!" + (open > 9 ? "+" : String(open)), x: mx + DisplayWidth.of(markers), y: y, role: overdue ? .overdue : (selected ? .selection : .warning)
                )
            }
        }
    }
}
