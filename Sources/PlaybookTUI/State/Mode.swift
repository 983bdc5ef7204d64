import PlaybookCore

/// Which screen or question has the keyboard.
public enum Mode: Equatable, Sendable {
    case checklist
    indirect case help(HelpState)
    case note(TextEditor)
    case prompt(PromptState)
    case target
    case confirmQuit
    case conflict(exists: Bool)
    case recovery(RecoveryOffer)
    case evidence(cursor: Int)
    case actions(cursor: Int)
    case form(FormState)
    case summary(Scroll)
    case compare(CompareState)

    /// The keymap table that applies: `ModeKind` is derived from the mode here, by a switch the
    /// compiler checks covers every mode, and `Keymap.screenBindings` gives each kind its table.
    public var kind: ModeKind {
        switch self {
        case .checklist: .checklist
        case .help: .help
        case .note: .note
        case .prompt: .prompt
        case .target: .target
        case .confirmQuit: .confirmQuit
        case .conflict(let exists): exists ? .fileExists : .conflict
        case .recovery: .recovery
        case .evidence: .evidence
        case .actions: .actions
        case .form: .form
        case .summary: .summary
        case .compare: .compare
        }
    }
}

/// The keymap tables, one per kind of screen (`Mode.kind`); each screen's files are in Screens/<screen>/.
public enum ModeKind: CaseIterable, Sendable {
    case checklist, help, note, prompt, target, confirmQuit, conflict, fileExists, recovery, evidence, actions, form, summary, compare
}
