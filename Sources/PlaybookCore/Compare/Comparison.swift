/// Two assessments of one programme side by side: a quarter apart, or our view against the partner's.
public struct Comparison: Sendable {
    public enum Kind: String, Sendable {
        /// The same programme at two dates: "before" is the older.
        case overTime
        /// Our assessment against the partner's: what matters is the perception gap.
        case sides
    }

    /// One assessment with the catalogue it was made with.
    public struct Side: Sendable {
        public var assessment: Assessment
        public var catalog: Catalog
        public var path: String
        public var summary: ScoreSummary

        public init(assessment: Assessment, catalog: Catalog, path: String) {
            self.assessment = assessment
            self.catalog = catalog
            self.path = path
            summary = Scoring.summarize(assessment, catalog: catalog)
        }
    }

    public var kind: Kind
    /// Over time: the older assessment. Sides: ours (or the first given when neither is ours).
    public var before: Side
    public var after: Side
    /// Rules in the "after" catalogue order, then rules only the "before" catalogue has.
    public var rules: [RuleChange]
    public var themes: [ThemeChange]
    public var catalogChanged: Bool
    public var warnings: [Warning]
    /// When true, a rule that leaves the scored set (to N/A, unknown or not assessed) is not a regression.
    public var allowRescoping = false

    public enum Warning: Equatable, Sendable {
        case differentPrograms(String, String)
        case catalogVersionChanged(from: String, to: String)
        case catalogContentChanged
        case differentCatalogs(String, String)
        case sameDate

        public func message(_ lang: Language) -> String {
            switch self {
            case .differentPrograms(let a, let b):
                return lang.pick(
                    en: "the two files name different programmes (\(JSONWriter.quoted(a)) and \(JSONWriter.quoted(b)))",
                    fr: "les deux fichiers nomment des programmes différents (\(JSONWriter.quoted(a)) et \(JSONWriter.quoted(b)))")
            case .catalogVersionChanged(let from, let to):
                return lang.pick(
                    en: "the catalogue changed from version \(from) to \(to): rules are compared by id",
                    fr: "le catalogue est passé de la version \(from) à la \(to) : les règles sont comparées par identifiant")
            case .catalogContentChanged:
                return lang.pick(
                    en: "same catalogue version but different content (fingerprints differ)",
                    fr: "même version de catalogue mais contenu différent (empreintes différentes)")
            case .differentCatalogs(let a, let b):
                return lang.pick(
                    en: "different catalogues (\(JSONWriter.quoted(a)) and \(JSONWriter.quoted(b))) compared by rule id",
                    fr: "catalogues différents (\(JSONWriter.quoted(a)) et \(JSONWriter.quoted(b))) comparés par identifiant de règle")
            case .sameDate:
                return lang.pick(
                    en: "both assessments have the same date: the order given is kept",
                    fr: "les deux évaluations ont la même date : l’ordre donné est conservé")
            }
        }
    }

    /// True when some rule has a lower score after, or left the scored set without `allowRescoping`
    /// (what `--fail-on-regression` checks).
    public var hasRegression: Bool {
        kind == .overTime && rules.contains(where: isRegression)
    }

    /// A lower score, or a scored rule that is no longer scored (unless rescoping is allowed):
    /// leaving the scored set would otherwise hide a fall of the score.
    public func isRegression(_ r: RuleChange) -> Bool {
        r.change == .regressed || (!allowRescoping && r.leftScoredSet)
    }

    /// The headline figures that fell, by name: `overall`, `coverage` (what every format says first).
    public var fell: [String] {
        guard kind == .overTime else { return [] }
        return [("overall", overallChange), ("coverage", coverageChange)].compactMap { ($0.1 ?? 0) < 0 ? $0.0 : nil }
    }

    /// Changes in the headline figures, in tenths of a percentage point (nil when either side has none).
    public var overallChange: Int? { delta(before.summary.overall, after.summary.overall) }
    public var coverageChange: Int? { delta(before.summary.coverage, after.summary.coverage) }
    public var toTargetChange: Int? { delta(before.summary.toTarget, after.summary.toTarget) }
}

func delta(_ a: Fraction?, _ b: Fraction?) -> Int? {
    guard let a, let b else { return nil }
    return b.permille - a.permille
}

/// How one rule differs between the two assessments.
public struct RuleChange: Sendable {
    public enum Presence: Sendable, Equatable {
        case both
        /// Only in the "after" catalogue.
        case added
        /// Only in the "before" catalogue.
        case removed
    }

    public enum Change: String, Sendable, Equatable {
        case improved
        case regressed
        case unchanged
        case newlyAssessed
        case noLongerAssessed
        case nowNotApplicable
        case nowApplicable
        case nowUnknown
        case nowKnown
        case stateChanged
        case added
        case removed
    }

    public var ruleID: String
    public var number: Int
    public var title: LocalizedText
    public var theme: String
    public var presence: Presence
    public var before: Answer
    public var after: Answer
    public var change: Change
    /// After score − before score, when both are scored.
    public var delta: Int?
    public var noteChanged: Bool
    public var noteDiff: [WordDiff.Token]
    public var actionsOpened: [ActionItem]
    public var actionsCompleted: [ActionItem]
    public var actionsDropped: [ActionItem]
    /// Between sides (where opened, completed and dropped mean nothing): the open actions of each file.
    public var actionsOnlyBefore: [ActionItem] = []
    public var actionsOnlyAfter: [ActionItem] = []
    /// Between sides: open actions with the same title in both files (as the "before" file words them).
    public var actionsOnBothSides: [ActionItem] = []

    /// The absolute difference when both are scored (the perception gap between sides).
    public var gap: Int? { delta.map(abs) }

    public var targetChanged: Bool { before.target != after.target }

    /// Scored before, in both catalogues, and N/A, unknown or not assessed after.
    public var leftScoredSet: Bool { presence == .both && before.score != nil && after.score == nil }
}

/// One theme's score before and after.
public struct ThemeChange: Sendable {
    public var themeID: String
    public var title: LocalizedText
    public var before: ThemeScore?
    public var after: ThemeScore?

    public var change: Int? { delta(before?.overall, after?.overall) }
}
