import PlaybookCore

/// The only place state changes: applies `action` and says what IO the runner must do.
public func reduce(_ state: inout AppState, _ action: Action) -> Effect {
    if let effect = state.handleRunnerEvent(action) { return effect }
    let effect: Effect
    switch state.mode {
    case .checklist: effect = state.reduceChecklist(action)
    case .help(let topic): effect = state.reduceHelp(action, topic)
    case .note(let editor): effect = state.reduceNote(action, editor)
    case .prompt(let prompt): effect = state.reducePrompt(action, prompt)
    case .target: effect = state.reduceTarget(action)
    case .confirmQuit: effect = state.reduceConfirmQuit(action)
    case .conflict(let exists): effect = state.reduceConflict(action, exists: exists)
    case .recovery(let offer): effect = state.reduceRecovery(action, offer)
    case .evidence(let cursor): effect = state.reduceItems(action, cursor: cursor, evidence: true)
    case .actions(let cursor): effect = state.reduceItems(action, cursor: cursor, evidence: false)
    case .form(let form): effect = state.reduceForm(action, form)
    case .summary(let scroll): effect = state.reduceSummary(action, scroll)
    case .compare(let view): effect = state.reduceCompare(action, view)
    }
    state.ensureSelectionVisible()
    return effect
}

extension AppState {
    var layout: Layout { Layout(width: width, height: height) }

    func say(_ en: String, _ fr: String, _ kind: StatusMessage.Kind = .info) -> StatusMessage {
        StatusMessage(text: language.pick(en: en, fr: fr), kind: kind)
    }

    /// Results and events from the runner, whatever the screen.
    mutating func handleRunnerEvent(_ action: Action) -> Effect? {
        switch action {
        case .redraw:
            return .redraw
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            ensureSelectionVisible()
            return Effect.none
        case .tick(let t, let day):
            now = t
            if !todayIsFixed { today = day }
            return Effect.none
        case .idle:
            return takeRecoveryCopy(force: false)
        case .saved(let path, let bytes):
            filePath = path
            diskBytes = bytes
            dirty = false
            editsSinceRecovery = 0
            recoveryPending = false
            pendingSavePath = nil
            switch mode {
            case .conflict, .prompt: mode = .checklist
            default: break
            }
            message = say("Saved \(Path.base(path)).", "Enregistré : \(Path.base(path)).", .success)
            if quitAfterSave { return .quit }
            return Effect.none
        case .saveFailed(let text):
            quitAfterSave = false
            message = StatusMessage(text: text, kind: .error)
            return Effect.none
        case .saveTargetRead(let path, let target):
            return saveTargetRead(path: path, target)
        case .reloaded(let doc, let bytes):
            document = doc
            diskBytes = bytes
            dirty = false
            editsSinceRecovery = 0
            recoveryPending = false
            mode = .checklist
            recompute()
            message = say("Reloaded from disk.", "Rechargé depuis le disque.", .success)
            return Effect.none
        case .reloadFailed(let text):
            message = StatusMessage(text: text, kind: .error)
            return Effect.none
        case .editorFinished(let text):
            guard case .note(var editor) = mode else { return Effect.none }
            if let text {
                editor = TextEditor(text, singleLine: false)
                mode = .note(editor)
                return setNote(editor.text, typed: text.count)
            }
            message = say("The editor did not return a note; nothing changed.", "L’éditeur n’a pas rendu de note ; rien n’a changé.", .warning)
            return Effect.none
        case .recoveryWritten:
            return Effect.none
        case .exported(let path):
            mode = .checklist
            message = say("Report written to \(path).", "Rapport écrit dans \(path).", .success)
            return Effect.none
        case .exportExists(let path):
            if case .prompt(var prompt) = mode, prompt.purpose == .export {
                prompt.confirmedOverwrite = path
                let submit = Keymap.keyName(.submit, in: .prompt, language)
                prompt.error = language.pick(
                    en: "\(Path.base(path)) exists: \(submit) again to replace it, or change the name.",
                    fr: "\(Path.base(path)) existe : \(submit) de nouveau pour le remplacer, ou changez le nom.")
                mode = .prompt(prompt)
            }
            return Effect.none
        case .exportFailed(let text), .compareFailed(let text):
            if case .prompt(var prompt) = mode {
                prompt.error = text
                mode = .prompt(prompt)
            } else {
                message = StatusMessage(text: text, kind: .error)
            }
            return Effect.none
        case .compareFileLoaded(let path, let other):
            let current = Comparison.Side(
                assessment: document, catalog: catalog,
                path: filePath ?? language.pick(en: "(this assessment)", fr: "(cette évaluation)"))
            do throws(Comparison.BuildError) {
                openComparison(
                    CompareState(
                        comparison: try Comparison.build(current, Comparison.Side(assessment: other, catalog: catalog, path: path)),
                        fromChecklist: true))
                return Effect.none
            } catch {
                return handleRunnerEvent(.compareFailed(error.message(language)))
            }
        default:
            return nil
        }
    }

    /// Recomputes the figures after a change to the document.
    mutating func recompute() {
        summary = Scoring.summarize(document, catalog: catalog)
    }

    /// Changes the selected rule's answer, marks the document unsaved, and asks for a recovery copy when due (D5).
    mutating func edit(typed: Int = 1, _ change: (inout Answer) -> Void) -> Effect {
        if let reason = readOnlyReason {
            message = readOnlyRefusal(reason)
            return .none
        }
        var answer = document.answer(rule.id)
        let (state, target) = (answer.state, answer.target)
        change(&answer)
        document.answers[rule.id] = answer.isEmpty ? nil : answer
        // The figures come from states and targets only: a note typed key by key leaves them as they are.
        return documentChanged(typed: typed, figuresChanged: answer.state != state || answer.target != target)
    }

    /// What a refused change says in a read-only session: that nothing changed, and why.
    func readOnlyRefusal(_ reason: String) -> StatusMessage {
        StatusMessage(
            text: language.pick(en: "Read-only: nothing was changed (\(reason)).", fr: "Lecture seule : rien n’a été modifié (\(reason))."), kind: .warning)
    }

    mutating func documentChanged(typed: Int, figuresChanged: Bool = true) -> Effect {
        dirty = true
        recoveryPending = true
        editsSinceRecovery += typed
        if figuresChanged { recompute() }
        if editsSinceRecovery >= 200 { return takeRecoveryCopy(force: true) }
        return .none
    }

    mutating func takeRecoveryCopy(force: Bool) -> Effect {
        guard recoveryPending || force, hasUnsavedWork else { return .none }
        recoveryPending = false
        editsSinceRecovery = 0
        return .writeRecovery(bytes: documentWithPendingText.encoded(catalog: catalog))
    }

    mutating func setNote(_ text: String, typed: Int) -> Effect {
        edit(typed: typed) { $0.note = text }
    }

    /// Keeps the selected rule's row on screen, with its theme heading when it is the first of its theme.
    mutating func ensureSelectionVisible() {
        let visible = max(1, layout.list.height)
        let row = rowOfRule.isEmpty ? 0 : rowOfRule[selected]
        var wanted = row
        if row > 0, case .theme = rows[row - 1] { wanted = row - 1 }
        if wanted < listScroll { listScroll = wanted }
        if row >= listScroll + visible { listScroll = row - visible + 1 }
        listScroll = max(0, min(listScroll, max(0, rows.count - visible)))
    }

    /// Selects the rule at `position` in checklist order.
    mutating func select(position: Int) {
        guard !ruleOrder.isEmpty else { return }
        let p = max(0, min(ruleOrder.count - 1, position))
        if ruleOrder[p] != selected { detailScroll = Scroll() }
        selected = ruleOrder[p]
    }

    /// The next rule (after the selected one, wrapping around) that has no state yet.
    func nextUnassessedPosition() -> Int? {
        let n = ruleOrder.count
        let here = orderOfRule[selected]
        for step in 1...max(1, n) {
            let p = (here + step) % n
            if document.answers[catalog.rules[ruleOrder[p]].id]?.state == nil { return p }
        }
        return nil
    }
}
