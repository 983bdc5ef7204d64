import PlaybookCore

/// The notes editor; its keys: `Keymap.note` (Input/Keymap.swift).
extension AppState {
    /// The notes editor: every keystroke goes into the document at once, so nothing typed can be lost.
    mutating func reduceNote(_ action: Action, _ editor: TextEditor) -> Effect {
        var editor = editor
        switch action {
        case .back:
            mode = .checklist
            return .none
        case .externalEditor:
            if let reason = readOnlyReason {
                message = readOnlyRefusal(reason)
                return .none
            }
            return .runEditor(text: editor.text)
        case .showHelp:
            mode = .help(HelpState(returnTo: mode))
            return .none
        case .click, .wheel:
            return .none
        default:
            break
        }
        let before = editor
        guard apply(action, to: &editor, width: layout.editor.width) else { return .none }
        mode = .note(editor)
        // Unchanged characters keep their storage, so this is quick when only the cursor moved.
        if editor.characters == before.characters { return .none }
        if isReadOnly {
            mode = .note(TextEditor(before.text, singleLine: false))
            return edit { _ in }
        }
        var typed = 1
        if case .insert(let text) = action { typed = text.count }
        return setNote(editor.text, typed: typed)
    }
}
