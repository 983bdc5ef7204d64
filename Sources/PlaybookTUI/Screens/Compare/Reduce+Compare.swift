import PlaybookCore

/// The comparison; its keys: `Keymap.compare` (Input/Keymap.swift).
extension AppState {
    mutating func reduceCompare(_ action: Action, _ view: CompareState) -> Effect {
        var view = view
        let count = view.rules.count
        let page = max(1, layout.body.height / 2 - 2)
        switch action {
        case .listDown, .wheel(1...): view.cursor = min(max(0, count - 1), view.cursor + 1)
        case .listUp, .wheel(...0): view.cursor = max(0, view.cursor - 1)
        case .pageDown: view.cursor = min(max(0, count - 1), view.cursor + page)
        case .pageUp: view.cursor = max(0, view.cursor - page)
        case .detailDown, .detailUp:
            if let notes = CompareView.notesExtent(self, view: view, area: layout.body) {
                _ = view.notes.apply(action, total: notes.total, height: notes.height)
            }
        case .cycleFilter:
            let all = CompareState.Filter.allCases
            view.filter = all[(all.firstIndex(of: view.filter)! + 1) % all.count]
            view.cursor = 0
        case .toggleLanguage: language = language == .fr ? .en : .fr
        case .showHelp:
            mode = .help(HelpState(returnTo: mode))
            return .none
        case .back:
            if view.fromChecklist {
                mode = .checklist
                return .none
            }
            return .quit
        default: break
        }
        // Another rule's notes start at their top.
        if case .compare(let before) = mode, before.cursor != view.cursor || before.filter != view.filter { view.notes = Scroll() }
        mode = .compare(view)
        return .none
    }
}
