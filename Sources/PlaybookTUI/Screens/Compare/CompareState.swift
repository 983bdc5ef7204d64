import PlaybookCore

/// The side-by-side view of two assessments (issue 5), opened from the checklist or by `compare --interactive`.
public struct CompareState: Sendable {
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
        case .worst: comparison.kind == .overTime ? comparison.rules.filter(comparison.isRegression) : comparison.rules.filter { ($0.gap ?? 0) >= 2 }
        }
    }
}

extension CompareState: Equatable {
    public static func == (a: CompareState, b: CompareState) -> Bool {
        a.filter == b.filter && a.cursor == b.cursor && a.fromChecklist == b.fromChecklist && a.notes == b.notes
            && a.comparison.before.path == b.comparison.before.path && a.comparison.after.path == b.comparison.after.path
    }
}
