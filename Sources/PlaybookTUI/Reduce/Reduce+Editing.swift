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
            mode = .help(HelpTopic(kind: .note, returnTo: mode, scroll: Scroll()))
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

    mutating func reducePrompt(_ action: Action, _ prompt: Prompt) -> Effect {
        var prompt = prompt
        switch action {
        case .back:
            mode = .checklist
            quitAfterSave = false
            return .none
        case .submit:
            let value = prompt.editor.text.trimmingSpaces()
            switch prompt.purpose {
            case .notApplicableReason:
                guard !value.isEmpty else {
                    prompt.error = language.pick(en: "A reason is required for not applicable.", fr: "Une raison est obligatoire pour « non applicable ».")
                    mode = .prompt(prompt)
                    return .none
                }
                mode = .checklist
                let effect = edit { $0.state = .notApplicable(reason: value) }
                if advanceAfterScore, let p = nextUnassessedPosition() { select(position: p) }
                return effect
            case .saveAs:
                guard !value.isEmpty else {
                    prompt.error = language.pick(en: "Give a file name.", fr: "Donnez un nom de fichier.")
                    mode = .prompt(prompt)
                    return .none
                }
                var path = value
                if !path.hasSuffix(".json") { path += ".json" }
                mode = .checklist
                return saveEffect(path: path, overwrite: false)
            case .export:
                guard let format = ReportFormat(path: value) else {
                    prompt.error = language.pick(en: "End the name with .html, .md, .txt, .csv or .json to choose the format.",
                                                 fr: "Terminez le nom par .html, .md, .txt, .csv ou .json pour choisir le format.")
                    mode = .prompt(prompt)
                    return .none
                }
                let bytes = Report.render(document, catalog: catalog, options: ReportOptions(format: format, lang: language, width: 80))
                return .export(path: value, bytes: bytes, overwrite: prompt.confirmedOverwrite == value)
            case .compareWith:
                guard !value.isEmpty, !value.hasSuffix("/") else {
                    prompt.error = language.pick(en: "Give the file of the other assessment.", fr: "Donnez le fichier de l’autre évaluation.")
                    mode = .prompt(prompt)
                    return .none
                }
                return .loadForCompare(path: value)
            }
        default:
            if apply(action, to: &prompt.editor, width: max(1, width - 2)) {
                prompt.error = nil
                prompt.confirmedOverwrite = nil
                mode = .prompt(prompt)
                if prompt.purpose == .notApplicableReason { recoveryPending = true }
            }
            return .none
        }
    }
}
