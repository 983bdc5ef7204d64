import PlaybookCore

extension AppState {
    /// Applies an editing action to `editor`; returns false when the action is not an edit.
    func apply(_ action: Action, to editor: inout TextEditor, width: Int) -> Bool {
        switch action {
        case .insert(let text): editor.insert(text)
        case .newline: editor.insert("\n")
        case .backspace: editor.backspace()
        case .deleteForward: editor.deleteForward()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .deleteToLineStart: editor.deleteToLineStart()
        case .cursorLeft: editor.left()
        case .cursorRight: editor.right()
        case .wordLeft: editor.wordLeft()
        case .wordRight: editor.wordRight()
        case .lineStart: editor.lineStart(width: width)
        case .lineEnd: editor.lineEnd(width: width)
        case .cursorUp: editor.up(width: width)
        case .cursorDown: editor.down(width: width)
        default: return false
        }
        return true
    }
}
