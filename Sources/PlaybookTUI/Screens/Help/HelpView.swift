import PlaybookCore

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
            lines.append(
                (
                    lang.pick(en: "other keys", fr: "autres touches"),
                    lang.pick(en: "type text (accents, any language; paste works)", fr: "saisir du texte (accents, toute langue ; le collage fonctionne)")
                ))
        }
        return lines
    }

    /// The scrolled part of the screen: under the title and a blank row.
    static func listArea(_ area: Layout.Area) -> Layout.Area {
        Layout.Area(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2))
    }

    static func draw(_ s: AppState, topic: HelpState, area: Layout.Area, into screen: inout Screen) {
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
