import PlaybookCore

/// The one-line prompts (N/A reason, save as, export, compare); their keys: `Keymap.prompt` (Input/Keymap.swift).
extension AppState {
    mutating func reducePrompt(_ action: Action, _ prompt: PromptState) -> Effect {
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
                    prompt.error = language.pick(
                        en: "End the name with .html, .md, .txt, .csv or .json to choose the format.",
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
