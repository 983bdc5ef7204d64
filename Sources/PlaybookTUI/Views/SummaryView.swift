import PlaybookCore

/// The summary screen: the same text as `playbook show`, scrolled.
enum SummaryView {
    static func draw(_ s: AppState, scroll: Int, area: Layout.Area, into screen: inout Screen) {
        let text = SummaryText.render(s.document, catalog: s.catalog, summary: s.summary,
                                      options: SummaryText.Options(lang: s.language, width: area.width - 2, today: s.today, maxPriorities: 10))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = min(scroll, max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let heading = !line.hasPrefix(" ") && line == line.uppercased() && !line.isEmpty
            screen.put(line, x: 1, y: area.y + row, role: heading ? .title : .normal, maxWidth: area.width - 2)
            paintBars(line, x: 1, y: area.y + row, into: &screen)
        }
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
    static func draw(_ s: AppState, topic: HelpTopic, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        var lines: [(String, String)] = []
        for binding in Keymap.bindings(topic.kind) {
            lines.append((binding.label(lang), binding.help[lang]))
        }
        if Keymap.textEntry(topic.kind) {
            lines.append((lang.pick(en: "other keys", fr: "autres touches"), lang.pick(en: "type text (accents, any language; paste works)", fr: "saisir du texte (accents, toute langue ; le collage fonctionne)")))
        }
        screen.put(lang.pick(en: "Help — keys on this screen", fr: "Aide — touches de cet écran"), x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        let keyWidth = min(24, (lines.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        let top = min(topic.scroll, max(0, lines.count - (area.height - 2)))
        for (row, line) in lines.dropFirst(top).prefix(max(0, area.height - 2)).enumerated() {
            screen.put(line.0, x: 2, y: area.y + 2 + row, role: .key, maxWidth: keyWidth)
            screen.put(line.1, x: 2 + keyWidth, y: area.y + 2 + row, role: .normal, maxWidth: area.width - keyWidth - 3)
        }
    }
}
