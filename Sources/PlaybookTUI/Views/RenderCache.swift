import PlaybookCore

/// Parts of earlier frames kept for the next one: the selected rule's pane with every line
/// wrapped, each checklist row, and the footer's key hints. When a key leaves a part's inputs
/// unchanged its cells are copied instead of its text being wrapped and measured again; a line
/// move then lays out only the new rule's pane (once) and the two rows whose selection changed.
/// Only ever a shortcut: `render(_:into:cache:)` draws the same cells as `render(_:into:)`
/// (tests compare both through edits, language switches, resizes and scrolling).
/// One cache serves the states of one session: its key names the catalogue by its SHA-256.
public struct RenderCache: Sendable {
    public init() {}

    var rulePane: (key: RulePaneKey, lines: Screen)?
    var listRows: [(key: ListRowKey, cells: Screen)?] = []
    var footer: (key: FooterKey, hints: Screen, runs: [Range<Int>])?
}

/// Everything `RuleDetailView.lines` reads, and the width it is wrapped to.
struct RulePaneKey: Equatable {
    var catalog: String
    var rule: Int
    var language: Language
    var showOriginal: Bool
    var answer: Answer
    /// Actions are flagged overdue against it.
    var today: CalendarDate
    var width: Int

    init(_ s: AppState, width: Int) {
        catalog = s.catalog.sha256
        rule = s.selected
        language = s.language
        showOriginal = s.showOriginal
        answer = s.answer
        today = s.today
        self.width = width
    }
}

/// Everything one checklist row reads: a theme's heading and score, or a rule's line.
struct ListRowKey: Equatable {
    var catalog: String
    var row: Int
    var language: Language
    var width: Int
    var selected: Bool
    var answer: Answer?
    var today: CalendarDate
    var themeScore: Fraction?

    init(_ s: AppState, row: Int, width: Int) {
        catalog = s.catalog.sha256
        self.row = row
        language = s.language
        self.width = width
        today = s.today
        switch s.rows[row] {
        case .theme(let t):
            selected = false
            answer = nil
            themeScore = s.summary.themes[t].overall
        case .rule(let i):
            selected = i == s.selected
            answer = s.document.answers[s.catalog.rules[i].id]
            themeScore = nil
        }
    }
}

/// The footer's hints depend only on the screen's keymap, the language and the width.
struct FooterKey: Equatable {
    var kind: ModeKind
    var language: Language
    var width: Int
}
