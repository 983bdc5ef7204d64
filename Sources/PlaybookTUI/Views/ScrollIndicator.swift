import PlaybookCore

/// The one drawing of where a scrolled pane stands, on the pane's last row (which `Scroll` keeps
/// free of text): `↓ lines 1–19 of 54`, `↑↓ …`, `↑ …`, with the pane's keys when they are not the arrows.
enum ScrollIndicator {
    static func draw(_ scroll: Scroll, total: Int, area: Layout.Area, keys: String? = nil, lang: Language, into screen: inout Screen) {
        guard total > area.height, area.height > 1 else { return }
        let rows = Scroll.textRows(total: total, height: area.height)
        let first = scroll.first(total: total, height: area.height)
        let last = min(total, first + rows)
        let arrows = (first > 0 ? "↑" : "") + (last < total ? "↓" : "")
        var text = arrows + " " + lang.pick(en: "lines \(first + 1)–\(last) of \(total)", fr: "lignes \(first + 1)–\(last) sur \(total)")
        if let keys { text += " · " + keys }
        let width = min(DisplayWidth.of(text), max(0, area.width - 2))
        screen.put(text, x: area.x + area.width - 1 - width, y: area.y + area.height - 1, role: .muted, maxWidth: width)
    }
}
