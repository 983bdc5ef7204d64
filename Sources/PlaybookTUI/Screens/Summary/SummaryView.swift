import PlaybookCore

/// The summary screen: the same text as `playbook show`, scrolled.
enum SummaryView {
    /// The summary's lines for a pane `width` columns wide (what the screen scrolls through).
    static func lines(_ s: AppState, width: Int) -> [String] {
        let text = SummaryText.render(s.document, catalog: s.catalog, summary: s.summary,
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

/// The help screen, written from the keymap of the screen it was opened from.
enum HelpView {
    /// One line per binding of `kind`'s screen: the keys and what they do.
    static func lines(_ s: AppState, kind: ModeKind) -> [(String, String)] {
        let lang = s.language
        var lines: [(String, String)] = []
        for binding in Keymap.bindings(kind) {
            lines.append((binding.label(lang), binding.help[lang]))
        }
        if Keymap.textEntry(kind) {
            lines.append((lang.pick(en: "other keys", fr: "autres touches"), lang.pick(en: "type text (accents, any language; paste works)", fr: "saisir du texte (accents, toute langue ; le collage fonctionne)")))
        }
        return lines
    }

    /// The scrolled part of the screen: under the title and a blank row.
    static func listArea(_ area: Layout.Area) -> Layout.Area {
        Layout.Area(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2))
    }

    static func draw(_ s: AppState, topic: HelpTopic, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        let lines = lines(s, kind: topic.kind)
        screen.put(lang.pick(en: "Help — keys on this screen", fr: "Aide — touches de cet écran"), x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        let keyWidth = min(24, (lines.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        let list = listArea(area)
        let top = topic.scroll.first(total: lines.count, height: list.height)
        for (row, line) in lines.dropFirst(top).prefix(Scroll.textRows(total: lines.count, height: list.height)).enumerated() {
            screen.put(line.0, x: 2, y: list.y + row, role: .key, maxWidth: keyWidth)
            screen.put(line.1, x: 2 + keyWidth, y: list.y + row, role: .normal, maxWidth: area.width - keyWidth - 3)
        }
        ScrollIndicator.draw(topic.scroll, total: lines.count, area: list, lang: lang, into: &screen)
    }
}
