import PlaybookCore

/// Which screen or question has the keyboard.
public enum Mode: Equatable, Sendable {
    case checklist
    indirect case help(HelpTopic)
    case note(TextEditor)
    case prompt(Prompt)
    case target
    case confirmQuit
    case conflict(exists: Bool)
    case recovery(RecoveryOffer)
    case evidence(cursor: Int)
    case actions(cursor: Int)
    case form(Form)
    case summary(scroll: Int)

    /// The keymap table that applies.
    public var kind: ModeKind {
        switch self {
        case .checklist: .checklist
        case .help: .help
        case .note: .note
        case .prompt: .prompt
        case .target: .target
        case .confirmQuit: .confirmQuit
        case .conflict: .conflict
        case .recovery: .recovery
        case .evidence: .evidence
        case .actions: .actions
        case .form: .form
        case .summary: .summary
        }
    }
}

/// The keymap tables, one per kind of screen.
public enum ModeKind: CaseIterable, Sendable {
    case checklist, help, note, prompt, target, confirmQuit, conflict, recovery, evidence, actions, form, summary
}

/// What the help screen describes: the keys of the screen it was opened from.
public struct HelpTopic: Equatable, Sendable {
    public var kind: ModeKind
    public var returnTo: Mode
    public var scroll: Int
}

/// A one-line question with a text answer.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case notApplicableReason
        case saveAs
    }

    public var purpose: Purpose
    public var editor: TextEditor
    public var error: String?
}

/// A recovery copy found when the file was opened (D7).
public struct RecoveryOffer: Equatable, Sendable {
    public var document: Assessment
    public var bytes: [UInt8]
    /// The recovery copy's time, and whether the file on disk was written after it.
    public var savedAt: Timestamp?
    public var diskIsNewer: Bool

    public init(document: Assessment, bytes: [UInt8], savedAt: Timestamp?, diskIsNewer: Bool) {
        self.document = document
        self.bytes = bytes
        self.savedAt = savedAt
        self.diskIsNewer = diskIsNewer
    }
}
