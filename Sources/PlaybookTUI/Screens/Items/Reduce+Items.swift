import PlaybookCore

/// The evidence and actions lists; their keys: `Keymap.itemList` (Input/Keymap.swift).
extension AppState {
    /// The evidence or actions list of the selected rule.
    mutating func reduceItems(_ action: Action, cursor: Int, evidence: Bool) -> Effect {
        let count = evidence ? answer.evidence.count : answer.actions.count
        var cursor = min(cursor, max(0, count - 1))
        let wrap: (Int) -> Mode = { evidence ? .evidence(cursor: $0) : .actions(cursor: $0) }
        if action != .deleteItem { pendingDelete = nil }
        switch action {
        case .listDown, .wheel(1...): cursor = min(max(0, count - 1), cursor + 1)
        case .listUp, .wheel(...0): cursor = max(0, cursor - 1)
        case .addItem:
            guard !isReadOnly else { return edit { _ in } }
            mode = .form(evidence ? evidenceForm(index: nil) : actionForm(index: nil))
            return .none
        case .editItem where count > 0:
            guard !isReadOnly else { return edit { _ in } }
            mode = .form(evidence ? evidenceForm(index: cursor) : actionForm(index: cursor))
            return .none
        case .deleteItem where count > 0:
            guard !isReadOnly else { return edit { _ in } }
            if pendingDelete != cursor {
                pendingDelete = cursor
                let key = Keymap.keyName(.deleteItem, in: evidence ? .evidence : .actions, language)
                message = say("Press \(key) again to delete this item.", "Appuyez encore sur \(key) pour supprimer cet élément.", .warning)
                mode = wrap(cursor)
                return .none
            }
            pendingDelete = nil
            message = say("Deleted.", "Supprimé.")
            let index = cursor
            let effect = edit { answer in
                if evidence { answer.evidence.remove(at: index) } else { answer.actions.remove(at: index) }
            }
            mode = wrap(max(0, min(cursor, count - 2)))
            return effect
        case .back:
            mode = .checklist
            message = nil
            return .none
        case .showHelp:
            mode = .help(HelpState(returnTo: wrap(cursor)))
            return .none
        default: break
        }
        mode = wrap(cursor)
        return .none
    }
}
