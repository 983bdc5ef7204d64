import PlaybookCore

/// The summary; its keys: `Keymap.summary` (Input/Keymap.swift).
extension AppState {
    mutating func reduceSummary(_ action: Action, _ scroll: Scroll) -> Effect {
        var scroll = scroll
        switch action {
        case .back: mode = .checklist
        case .toggleLanguage: language = language == .fr ? .en : .fr
        case .showHelp: mode = .help(HelpState(returnTo: mode))
        default:
            let body = layout.body
            if scroll.apply(action, total: SummaryView.lines(self, width: body.width - 2).count, height: body.height) { mode = .summary(scroll) }
        }
        return .none
    }
}
