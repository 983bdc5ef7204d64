import PlaybookCore

/// The summary screen: the same text as `playbook show`, scrolled.
enum SummaryView {
    /// The summary's lines for a pane `width` columns wide (what the screen scrolls through).
    static func lines(_ s: AppState, width: Int) -> [String] {
        let text = SummaryText.render(
            s.document, catalog: s.catalog, summary: s.summary,
            options: SummaryText.Options(lang: s.language, width: width, today: s.today, maxPriorities: 10))
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func draw(_ s: AppState, scroll: Scroll, area: Layout.Area, into screen: inout Screen) {
        let lines = lines(s, width: area.width - 2)
        let top = scroll.first(total: lines.count, height: area.height)
        for (row, line) in lines.dropFirst(top).prefix(Scroll.textRows(total: lines.count, height: area.height)).enumerated() {
            let heading = !line.hasPrefix(" ") && line == line.uppercased() && !line.isEmpty
            screen.put(line, x: 1, y: area.y + row, role: heading ? .title : .normal, maxWidth: area.width - 2)
            paintBars(line, x: 1, y: area.y + row, into: &screen)
        }
        ScrollIndicator.draw(scroll, total: lines.count, area: area, lang: s.language, into: &screen)
    }

    /// Colours the filled part of the block-character bars.
    static func paintBars(_ line: String, x: Int, y: Int, into screen: inout Screen) {
        var column = x
        for ch in line {
            if "█▏▎▍▌▋▊▉".contains(ch) { screen.paint(x: column, y: y, count: 1, role: .barFilled) }
            column += DisplayWidth.of(ch)
        }
    }
}
