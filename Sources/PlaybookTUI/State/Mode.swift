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
    case summary(Scroll)
    case compare(CompareView)

    /// The keymap table that applies.
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

/// The keymap tables, one per kind of screen.
public enum ModeKind: CaseIterable, Sendable {
    case checklist, help, note, prompt, target, confirmQuit, conflict, fileExists, recovery, evidence, actions, form, summary, compare
}

/// What the help screen describes: the keys of the screen it was opened from.
public struct HelpTopic: Equatable, Sendable {
    public var kind: ModeKind
    public var returnTo: Mode
    public var scroll: Scroll
}

/// A one-line question with a text answer.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case notApplicableReason
        case saveAs
        case export
        case compareWith
    }

    public var purpose: Purpose
    public var editor: TextEditor
    public var error: String?
    /// An export path the user was told exists; submitting it again overwrites it.
    public var confirmedOverwrite: String?
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

/// The side-by-side view of two assessments (issue 5), opened from the checklist or by `compare --interactive`.
public struct CompareView: Sendable {
    public enum Filter: CaseIterable, Sendable {
        case all
        case changed
        /// Regressions over time; gaps of 2 levels or more between sides.
        case worst
    }

    public var comparison: Comparison
    public var filter: Filter
    /// Index into the filtered rules.
    public var cursor: Int
    /// True when the checklist is behind this view (Esc returns to it); false for `compare --interactive`.
    public var fromChecklist: Bool
    /// How far the selected rule's two notes are scrolled (together, so their lines stay side by side).
    public var notes: Scroll

    public init(comparison: Comparison, fromChecklist: Bool) {
        self.comparison = comparison
        filter = .all
        cursor = 0
        self.fromChecklist = fromChecklist
        notes = Scroll()
    }

    /// The rules the filter shows, in catalogue order.
    public var rules: [RuleChange] {
        switch filter {
        case .all: comparison.rules
        case .changed: comparison.rules.filter { $0.change != .unchanged || $0.noteChanged || ($0.gap ?? 0) > 0 }
        case .worst: comparison.kind == .overTime ? comparison.rules.filter { $0.change == .regressed } : comparison.rules.filter { ($0.gap ?? 0) >= 2 }
        }
    }
}

extension CompareView: Equatable {
    public static func == (a: CompareView, b: CompareView) -> Bool {
        a.filter == b.filter && a.cursor == b.cursor && a.fromChecklist == b.fromChecklist && a.notes == b.notes
            && a.comparison.before.path == b.comparison.before.path && a.comparison.after.path == b.comparison.after.path
    }
}
