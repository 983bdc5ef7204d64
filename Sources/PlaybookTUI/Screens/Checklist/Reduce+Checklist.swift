import PlaybookCore

extension AppState {
    mutating func reduceChecklist(_ action: Action) -> Effect {
        message = nil
        let position = orderOfRule[selected]
        let page = max(1, layout.list.height - 1)
        switch action {
        case .moveDown: select(position: position + 1)
        case .moveUp: select(position: position - 1)
        case .pageDown: select(position: position + page)
        case .pageUp: select(position: position - page)
        case .first: select(position: 0)
        case .last: select(position: ruleOrder.count - 1)
        case .wheel(let delta): select(position: position + delta)
        case .nextUnassessed:
            if let p = nextUnassessedPosition() {
                select(position: p)
            } else {
                message = say("Every rule has been assessed.", "Toutes les règles sont évaluées.", .success)
            }
        case .detailDown, .detailUp:
            let detail = layout.detail
            _ = detailScroll.apply(action, total: RuleDetailView.layOut(self, width: max(1, detail.width - 2)).height, height: detail.height)
        case .click(let x, let y): return click(x: x, y: y)
        case .setScore(let n):
            let effect = edit { $0.state = .scored(n) }
            if advanceAfterScore, !isReadOnly, let p = nextUnassessedPosition() { select(position: p) }
            return effect
        case .beginNotApplicable:
            guard !isReadOnly else { return edit { _ in } }
            var reason = ""
            if case .notApplicable(let r) = answer.state { reason = r }
            mode = .prompt(PromptState(purpose: .notApplicableReason, editor: TextEditor(reason, singleLine: true, maxLength: 2_000), error: nil))
        case .markUnknown:
            let effect = edit { $0.state = .unknown }
            if advanceAfterScore, !isReadOnly, let p = nextUnassessedPosition() { select(position: p) }
            return effect
        case .clearState: return edit { $0.state = nil }
        case .beginTarget:
            guard !isReadOnly else { return edit { _ in } }
            mode = .target
        case .toggleAdvance:
            advanceAfterScore.toggle()
            message =
                advanceAfterScore
                ? say("After scoring, move to the next rule not yet assessed.", "Après une note, passer à la règle suivante non évaluée.")
                : say("After scoring, stay on the rule.", "Après une note, rester sur la règle.")
        case .toggleOriginal:
            showOriginal.toggle()
        case .toggleLanguage:
            language = language == .fr ? .en : .fr
        case .editNote:
            mode = .note(TextEditor(answer.note, singleLine: false))
        case .openEvidence: mode = .evidence(cursor: 0)
        case .openActions: mode = .actions(cursor: 0)
        case .openDetails: mode = .form(detailsForm())
        case .openSummary: mode = .summary(Scroll())
        case .beginExport:
            let base =
                filePath.map { Path.join(Path.directory($0), Path.base($0).replacingSuffix(".json", with: "")) }
                ?? Path.join(".", suggestedFileName().replacingSuffix(".json", with: ""))
            mode = .prompt(PromptState(purpose: .export, editor: TextEditor(base + ".html", singleLine: true, maxLength: 4_096), error: nil))
        case .beginCompare:
            mode = .prompt(
                PromptState(
                    purpose: .compareWith,
                    editor: TextEditor(filePath.map { Path.directory($0) == "." ? "" : Path.directory($0) + "/" } ?? "", singleLine: true, maxLength: 4_096),
                    error: nil))
        case .showHelp: mode = .help(HelpState(returnTo: .checklist))
        case .save: return save()
        case .saveAs: return beginSaveAs()
        case .quit:
            if dirty, !isReadOnly {
                mode = .confirmQuit
            } else {
                return .quit
            }
        default: break
        }
        return .none
    }

    mutating func click(x: Int, y: Int) -> Effect {
        let list = layout.list
        guard x >= list.x, x < list.x + list.width, y >= list.y, y < list.y + list.height else { return .none }
        let row = listScroll + (y - list.y)
        guard row < rows.count, case .rule(let i) = rows[row] else { return .none }
        select(position: orderOfRule[i])
        return .none
    }

    /// Saves to the current file, or asks for a name when there is none.
    mutating func save() -> Effect {
        if let reason = readOnlyReason {
            message = StatusMessage(
                text: language.pick(en: "Cannot save, read-only: ", fr: "Impossible d’enregistrer, lecture seule : ") + reason, kind: .warning)
            quitAfterSave = false
            return .none
        }
        guard let path = filePath else { return beginSaveAs() }
        return saveEffect(path: path, overwrite: false)
    }

    /// Saves to `path`: at once with `overwrite`, else once the runner has said what the file holds now.
    mutating func saveEffect(path: String, overwrite: Bool) -> Effect {
        if dirty { document.touch(now: now, catalog: catalog) }
        pendingSavePath = path
        return overwrite ? .save(path: path, bytes: document.encoded(catalog: catalog)) : .readSaveTarget(path: path)
    }

    /// Decides whether the file found at a save's path may be replaced (D4): the open file only if it
    /// still holds what was loaded or last saved, another file only if there is none.
    mutating func saveTargetRead(path: String, _ target: SaveTarget) -> Effect {
        switch target {
        case .openFile(let bytes) where bytes != diskBytes:
            mode = .conflict(exists: false)
        case .otherFile(exists: true):
            mode = .conflict(exists: true)
        default:
            return .save(path: path, bytes: document.encoded(catalog: catalog))
        }
        return .none
    }

    mutating func beginSaveAs() -> Effect {
        if let reason = readOnlyReason {
            message = StatusMessage(text: language.pick(en: "Read-only: ", fr: "Lecture seule : ") + reason, kind: .warning)
            return .none
        }
        let suggestion = filePath ?? Path.join(".", suggestedFileName())
        mode = .prompt(PromptState(purpose: .saveAs, editor: TextEditor(suggestion, singleLine: true, maxLength: 4_096), error: nil))
        return .none
    }

    /// A file name from the programme and partner names, kept to safe characters (S7).
    func suggestedFileName() -> String {
        let base = [document.program.name, document.program.partner, document.assessedOn.description]
            .filter { !$0.isEmpty }.joined(separator: "-")
        return SafeName.fileName(from: base, fallback: "assessment", extension: "json")
    }
}

extension String {
    /// Without `suffix` at the end, when it is there.
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
