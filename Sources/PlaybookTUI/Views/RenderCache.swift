import PlaybookCore

/// Parts of earlier frames kept for the next one: the panes of recently selected rules with every
/// line wrapped, each checklist row, and the footer's key hints. When a key leaves a part's inputs
/// unchanged its cells are copied instead of its text being wrapped and measured again; a line
/// move then copies the newly selected rule's pane (laid out once, on its first visit) and lays out
/// only the two rows whose selection changed.
/// Only ever a shortcut: `render(_:into:cache:)` draws the same cells as `render(_:into:)` (tests
/// compare both through edits, language switches, resizes and scrolling).
public struct RenderCache: Sendable {
    public init() {}

    /// What every cached part depends on: the catalogue (by its SHA-256) and the day actions are
    /// judged overdue against. A state with others starts the cache afresh.
    var catalog: String?
    var today: CalendarDate?
    /// Laid-out panes by rule index, the most recently laid out last; at most `paneLimit` are kept.
    var rulePanes: [Int: (key: RulePaneKey, lines: Screen)] = [:]
    var paneOrder: [Int] = []
    /// A pane is 24 bytes a cell (about 50 KiB for 40 rows of 52 columns): 64 of them stay within a few MiB.
    static let paneLimit = 64
    /// One entry per checklist row.
    var listRowKeys: [ListRowKey?] = []
    var listRowCells: [Screen] = []
    var footer: (key: FooterKey, hints: Screen, runs: [Range<Int>])?
    var header: (key: HeaderKey, rows: Screen)?

    /// Drops everything when the state's catalogue or day is not the one the cached parts were drawn for.
    mutating func begin(_ s: AppState) {
        guard catalog != s.catalog.sha256 || today != s.today || listRowKeys.count != s.rows.count else { return }
        self = RenderCache()
        catalog = s.catalog.sha256
        today = s.today
        listRowKeys = Array(repeating: nil, count: s.rows.count)
        listRowCells = Array(repeating: Screen(width: 0, height: 0), count: s.rows.count)
    }

    /// The pane laid out for `key`, when it is kept.
    func rulePane(_ key: RulePaneKey) -> Screen? {
        guard let entry = rulePanes[key.rule], entry.key == key else { return nil }
        return entry.lines
    }

    /// Keeps `lines` as the pane for `key`, forgetting the oldest pane beyond `paneLimit`.
    mutating func keepRulePane(_ key: RulePaneKey, _ lines: Screen) {
        if rulePanes.updateValue((key, lines), forKey: key.rule) == nil {
            paneOrder.append(key.rule)
            if paneOrder.count > RenderCache.paneLimit { rulePanes[paneOrder.removeFirst()] = nil }
        }
    }
}

/// Everything `RuleDetailView.lines` reads besides the catalogue and the day, and the width it is wrapped to.
struct RulePaneKey: Equatable {
    var rule: Int
    var language: Language
    var showOriginal: Bool
    var answer: Answer
    var width: Int
}

/// Everything one checklist row shows: a theme's heading and score, or a rule's line.
struct ListRowKey: Equatable {
    var language: Language
    var width: Int
    var selected: Bool
    var themeScore: Fraction?
    /// The rule's badge, target and markers.
    var state: AnswerState?
    var target: Int?
    var hasNote: Bool
    var hasEvidence: Bool
    var openActions: Int
    var overdue: Bool

    init(language: Language, width: Int, selected: Bool = false, themeScore: Fraction? = nil, answer: Answer? = nil, today: CalendarDate) {
        self.language = language
        self.width = width
        self.selected = selected
        self.themeScore = themeScore
        state = answer?.state
        target = answer?.target
        hasNote = answer?.note.isEmpty == false
        hasEvidence = answer?.evidence.isEmpty == false
        openActions = answer?.actions.reduce(0) { $0 + ($1.status.isOpen ? 1 : 0) } ?? 0
        overdue = answer?.actions.contains { $0.isOverdue(asOf: today) } ?? false
    }
}

/// The footer's hints depend only on the screen's keymap, the language, the width and whether the document can be changed.
struct FooterKey: Equatable {
    var kind: ModeKind
    var language: Language
    var width: Int
    var readOnly: Bool
}

/// Everything the two header rows show: the programme and file, and the live figures.
struct HeaderKey: Equatable {
    var program: String
    var partner: String
    var side: Side
    var filePath: String?
    var dirty: Bool
    var readOnly: Bool
    var language: Language
    var width: Int
    var answered: Int
    var total: Int
    var overall: Fraction?
    var band: Int?
    var coverage: Fraction?
    var toTarget: Fraction?

    init(_ s: AppState) {
        program = s.document.program.name
        partner = s.document.program.partner
        side = s.document.side
        filePath = s.filePath
        dirty = s.dirty
        readOnly = s.isReadOnly
        language = s.language
        width = s.width
        (answered, total) = HeaderView.answeredCount(s.summary)
        overall = s.summary.overall
        band = s.summary.band
        coverage = s.summary.coverage
        toTarget = s.summary.toTarget
    }
}
