import PlaybookCore

/// The help screen; its keys: `Keymap.help` (Input/Keymap.swift).
extension AppState {
    mutating func reduceHelp(_ action: Action, _ topic: HelpState) -> Effect {
        var topic = topic
        switch action {
        case .back:
            mode = topic.returnTo
            return .none
        default:
            _ = topic.scroll.apply(action, total: HelpView.lines(self, kind: topic.kind).count, height: HelpView.listArea(layout.body).height)
        }
        mode = .help(topic)
        return .none
    }
}
