import PlaybookCore

/// The questions over the checklist; their keys: `Keymap.target`, `.confirmQuit`, `.conflict`, `.fileExists`, `.recovery` (Input/Keymap.swift).
extension AppState {
    mutating func reduceTarget(_ action: Action) -> Effect {
        switch action {
        case .setTarget(let t):
            mode = .checklist
            return edit { $0.target = t }
        case .back:
            mode = .checklist
        default: break
        }
        return .none
    }

    mutating func reduceConfirmQuit(_ action: Action) -> Effect {
        switch action {
        case .saveAndQuit:
            mode = .checklist
            quitAfterSave = true
            return save()
        case .discardAndQuit:
            return .quit
        case .back:
            mode = .checklist
        default: break
        }
        return .none
    }

    mutating func reduceConflict(_ action: Action, exists: Bool) -> Effect {
        switch action {
        case .saveAs:
            return beginSaveAs()
        case .reload where !exists:
            mode = .checklist
            quitAfterSave = false
            if let path = filePath { return .reload(path: path) }
        case .overwrite:
            mode = .checklist
            if let path = pendingSavePath { return saveEffect(path: path, overwrite: true) }
        case .back:
            mode = .checklist
            quitAfterSave = false
        default: break
        }
        return .none
    }

    mutating func reduceRecovery(_ action: Action, _ offer: RecoveryOffer) -> Effect {
        switch action {
        case .recover:
            document = offer.document
            mode = .checklist
            recompute()
            dirty = true
            recoveryPending = false
            message = say("Recovered the unsaved changes; save to keep them.", "Modifications récupérées ; enregistrez pour les garder.", .success)
        case .discardRecovery:
            mode = .checklist
            return .discardRecovery
        case .back:
            mode = .checklist
        default: break
        }
        return .none
    }
}
