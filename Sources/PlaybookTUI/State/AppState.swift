import PlaybookCore

/// Everything the checklist shows, as plain data; changed only by `reduce`.
public struct AppState: Sendable {
    public let catalog: Catalog
    public internal(set) var document: Assessment
    public internal(set) var filePath: String?
    /// Unsaved changes exist.
    public internal(set) var dirty: Bool
    /// Why the document cannot be saved (another instance holds it, newer format), if so.
    public internal(set) var readOnlyReason: String?
    public internal(set) var language: Language
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Index of the selected rule in catalogue order.
    public internal(set) var selected: Int
    public internal(set) var listScroll: Int
    /// How far the selected rule's text is scrolled.
    public internal(set) var detailScroll: Scroll
    public internal(set) var mode: Mode
    public internal(set) var showOriginal: Bool
    public internal(set) var advanceAfterScore: Bool
    public internal(set) var message: StatusMessage?
    public internal(set) var summary: ScoreSummary
    public internal(set) var now: Timestamp
    /// The date used to flag overdue actions.
    public internal(set) var today: CalendarDate
    /// True when `--as-of` fixed the day overdue actions are judged by: the clock does not move it.
    public var todayIsFixed = false
    /// Edits since the last recovery copy; 200 triggers one (D5).
    public internal(set) var editsSinceRecovery: Int
    /// A recovery copy is due when the user pauses.
    public internal(set) var recoveryPending: Bool
    /// Quit once the pending save succeeds.
    public internal(set) var quitAfterSave: Bool
    /// What the file held when loaded or last saved (nil: no file yet), to notice changes made by others (D4).
    public internal(set) var diskBytes: [UInt8]?
    /// Where the save that met a conflict was going.
    public internal(set) var pendingSavePath: String?
    /// The item the next delete key press will remove (asked once, then done).
    public internal(set) var pendingDelete: Int?
    /// The checklist rows: theme headings and rules, in catalogue order.
    public let rows: [Row]
    /// For each rule index, its row.
    public let rowOfRule: [Int]
    /// The rules in checklist (theme) order, as rule indices, and each rule's place in it.
    public let ruleOrder: [Int]
    public let orderOfRule: [Int]

    public enum Row: Equatable, Sendable {
        case theme(Int)
        case rule(Int)
    }

    public struct StatusMessage: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case info, success, warning, error }
        public var text: String
        public var kind: Kind
    }

    /// The smallest terminal the checklist can be drawn in; below it a message asks for more room.
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public init(
        catalog: Catalog, document: Assessment, filePath: String?, language: Language,
        width: Int, height: Int, now: Timestamp, today: CalendarDate, readOnlyReason: String? = nil
    ) {
        self.catalog = catalog
        self.document = document
        self.filePath = filePath
        self.language = language
        self.width = width
        self.height = height
        self.now = now
        self.today = today
        self.readOnlyReason = readOnlyReason
        dirty = false
        selected = 0
        listScroll = 0
        detailScroll = Scroll()
        mode = .checklist
        showOriginal = false
        advanceAfterScore = true
        message = nil
        editsSinceRecovery = 0
        recoveryPending = false
        quitAfterSave = false
        diskBytes = nil
        pendingSavePath = nil
        pendingDelete = nil
        summary = Scoring.summarize(document, catalog: catalog)
        var rows: [Row] = []
        var rowOfRule = [Int](repeating: 0, count: catalog.rules.count)
        var byTheme = [[Int]](repeating: [], count: catalog.themes.count)
        var orphans: [Int] = []
        for (i, rule) in catalog.rules.enumerated() {
            if let t = catalog.themeIndex(rule.theme) { byTheme[t].append(i) } else { orphans.append(i) }
        }
        for (t, members) in byTheme.enumerated() where !members.isEmpty {
            rows.append(.theme(t))
            for i in members {
                rowOfRule[i] = rows.count
                rows.append(.rule(i))
            }
        }
        for i in orphans {
            rowOfRule[i] = rows.count
            rows.append(.rule(i))
        }
        self.rows = rows
        self.rowOfRule = rowOfRule
        let order = rows.compactMap { row -> Int? in if case .rule(let i) = row { return i } else { return nil } }
        var orderOfRule = [Int](repeating: 0, count: catalog.rules.count)
        for (position, i) in order.enumerated() { orderOfRule[i] = position }
        ruleOrder = order
        self.orderOfRule = orderOfRule
        selected = order.first ?? 0
    }

    /// The selected rule.
    public var rule: Catalog.Rule { catalog.rules[selected] }

    /// The selected rule's answer.
    public var answer: Answer { document.answer(rule.id) }

    public var isReadOnly: Bool { readOnlyReason != nil }

    /// True when the terminal is too small for the checklist.
    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }
}

extension AppState {
    /// Marks the document read-only, saying why (another instance holds it, a newer format).
    public mutating func setReadOnly(_ reason: String) {
        readOnlyReason = reason
        message = StatusMessage(text: language.pick(en: "Read-only: ", fr: "Lecture seule : ") + reason, kind: .warning)
    }

    /// Remembers what the open file held when it was loaded (D4).
    public mutating func setDiskBytes(_ bytes: [UInt8]?) {
        diskBytes = bytes
    }

    /// Opens on a comparison (`playbook compare A B --interactive`); closing it ends the session.
    public mutating func openComparison(_ view: CompareState) {
        mode = .compare(view)
    }

    /// Opens with the question whether to recover an earlier session's unsaved changes.
    public mutating func offerRecovery(_ offer: RecoveryOffer) {
        mode = .recovery(offer)
    }
}
