import PlaybookCore

/// The notes editor: the rule's title, then the note wrapped to the pane, scrolled to keep the cursor visible.
enum NoteEditorView {
    static func draw(_ s: AppState, editor: TextEditor, layout: Layout, into screen: inout Screen) {
        let lang = s.language
        let body = layout.body
        screen.put(lang.pick(en: "Note — ", fr: "Note — ") + "\(s.rule.number). " + s.rule.title[lang], x: 1, y: body.y, role: .title, maxWidth: body.width - 2)
        let count = lang.count(editor.characters.count, en: "character", "characters", fr: "caractère", "caractères")
        screen.put(count, x: 1, y: body.y + 1, role: .muted, maxWidth: body.width - 2)
        let area = layout.editor
        let lines = editor.layout(width: area.width)
        let cursorRow = editor.position(in: lines).row
        let top = firstVisibleRow(cursorRow: cursorRow, height: area.height)
        for (i, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            screen.put(editor.string(line), x: area.x, y: area.y + i, role: .input, maxWidth: area.width)
        }
    }

    /// The first row shown so that the cursor's row stays on screen.
    static func firstVisibleRow(cursorRow: Int, height: Int) -> Int {
        max(0, cursorRow - max(1, height) + 1)
    }
}
