/// Building a comparison: order the two files, match rules by id, classify every change.
extension Comparison {
    public enum BuildError: Error, Equatable, Sendable {
        case differentCatalogs(String, String)

        public func message(_ lang: Language) -> String {
            switch self {
            case .differentCatalogs(let a, let b):
                return lang.pick(
                    en:
                        "the two assessments use different catalogues (\(JSONWriter.quoted(a)) and \(JSONWriter.quoted(b))); use --allow-different-catalogs to compare them by rule id",
                    fr:
                        "les deux évaluations utilisent des catalogues différents (\(JSONWriter.quoted(a)) et \(JSONWriter.quoted(b))) ; --allow-different-catalogs les compare par identifiant de règle"
                )
            }
        }
    }

    /// Compares `a` and `b`. Over time, the older (by assessment date) is "before" whatever the
    /// argument order; `sides` forces the two-sides view, which is also chosen automatically for the
    /// same programme assessed by different sides within 31 days.
    public static func build(
        _ a: Side, _ b: Side, sides: Bool = false, allowDifferentCatalogs: Bool = false,
        allowRescoping: Bool = false
    ) throws(BuildError) -> Comparison {
        var warnings: [Warning] = []
        let idA = a.assessment.catalog.id, idB = b.assessment.catalog.id
        if idA != idB {
            guard allowDifferentCatalogs else { throw .differentCatalogs(idA, idB) }
            warnings.append(.differentCatalogs(idA, idB))
        }
        let sameProgramme = a.assessment.program.name.lowercased() == b.assessment.program.name.lowercased()
        let days = abs(a.assessment.assessedOn.daysSinceEpoch - b.assessment.assessedOn.daysSinceEpoch)
        let kind: Kind = sides || (sameProgramme && a.assessment.side != b.assessment.side && days <= 31) ? .sides : .overTime
        var (before, after) = (a, b)
        switch kind {
        case .overTime:
            if (b.assessment.assessedOn, b.assessment.updated) < (a.assessment.assessedOn, a.assessment.updated) { (before, after) = (b, a) }
            if a.assessment.assessedOn == b.assessment.assessedOn { warnings.append(.sameDate) }
        case .sides:
            if b.assessment.side == .ours, a.assessment.side != .ours { (before, after) = (b, a) }
        }
        if !sameProgramme { warnings.append(.differentPrograms(before.assessment.program.name, after.assessment.program.name)) }
        let refBefore = before.assessment.catalog, refAfter = after.assessment.catalog
        var catalogChanged = before.catalog.version != after.catalog.version || before.catalog.id != after.catalog.id
        if refBefore.id == refAfter.id {
            if refBefore.version != refAfter.version {
                warnings.append(.catalogVersionChanged(from: refBefore.version, to: refAfter.version))
                catalogChanged = true
            } else if refBefore.sha256 != refAfter.sha256 {
                warnings.append(.catalogContentChanged)
            }
        }

        var rules: [RuleChange] = []
        rules.reserveCapacity(after.catalog.rules.count)
        for rule in after.catalog.rules {
            let inBefore = before.catalog.rule(rule.id) != nil
            rules.append(
                change(
                    rule, presence: inBefore ? .both : .added, before: before.assessment.answer(rule.id), after: after.assessment.answer(rule.id), kind: kind))
        }
        for rule in before.catalog.rules where after.catalog.rule(rule.id) == nil {
            rules.append(change(rule, presence: .removed, before: before.assessment.answer(rule.id), after: Answer(), kind: kind))
        }
        var themes: [ThemeChange] = []
        for theme in after.catalog.themes {
            let b = before.catalog.themeIndex(theme.id).map { before.summary.themes[$0] }
            let a = after.catalog.themeIndex(theme.id).map { after.summary.themes[$0] }
            themes.append(ThemeChange(themeID: theme.id, title: theme.title, before: b, after: a))
        }
        for (i, theme) in before.catalog.themes.enumerated() where after.catalog.themeIndex(theme.id) == nil {
            themes.append(ThemeChange(themeID: theme.id, title: theme.title, before: before.summary.themes[i], after: nil))
        }
        return Comparison(
            kind: kind, before: before, after: after, rules: rules, themes: themes,
            catalogChanged: catalogChanged, warnings: warnings, allowRescoping: allowRescoping)
    }

    static func change(_ rule: Catalog.Rule, presence: RuleChange.Presence, before: Answer, after: Answer, kind sideKind: Kind = .overTime) -> RuleChange {
        var delta: Int?
        let kind: RuleChange.Change
        switch (before.state, after.state) {
        case (.scored(let x), .scored(let y)):
            delta = y - x
            kind = y > x ? .improved : (y < x ? .regressed : .unchanged)
        case (nil, nil), (.unknown, .unknown): kind = .unchanged
        case (.notApplicable(let r1), .notApplicable(let r2)): kind = r1 == r2 ? .unchanged : .stateChanged
        case (nil, _): kind = .newlyAssessed
        case (_, nil): kind = .noLongerAssessed
        case (_, .notApplicable): kind = .nowNotApplicable
        case (.notApplicable, _): kind = .nowApplicable
        case (_, .unknown): kind = .nowUnknown
        case (.unknown, _): kind = .nowKnown
        }
        let finalKind: RuleChange.Change = presence == .added ? .added : (presence == .removed ? .removed : kind)
        let beforeActions = Dictionary(before.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var opened: [ActionItem] = []
        var completed: [ActionItem] = []
        var dropped: [ActionItem] = []
        for action in after.actions {
            let old = beforeActions[action.id]
            if old == nil, action.status.isOpen { opened.append(action) }
            if action.status == .done, old?.status != .done { completed.append(action) }
            if action.status == .dropped, old?.status != .dropped { dropped.append(action) }
        }
        let afterIDs = Set(after.actions.map(\.id))
        if presence != .removed {
            for action in before.actions where !afterIDs.contains(action.id) && action.status.isOpen { dropped.append(action) }
        }
        let noteChanged = before.note != after.note
        var result = RuleChange(
            ruleID: rule.id, number: rule.number, title: rule.title, theme: rule.theme, presence: presence,
            before: before, after: after, change: finalKind, delta: delta, noteChanged: noteChanged,
            noteDiff: noteChanged ? WordDiff.diff(before.note, after.note) : [],
            actionsOpened: opened, actionsCompleted: completed, actionsDropped: dropped)
        if sideKind == .sides {
            // Each side keeps its own list: nothing was opened or dropped, each file has what it has.
            result.actionsOpened = []
            result.actionsCompleted = []
            result.actionsDropped = []
            // The same title on both sides (ignoring case) is one shared action; ids are each file's own.
            let ours = before.actions.filter(\.status.isOpen), theirs = after.actions.filter(\.status.isOpen)
            let ourTitles = Set(ours.map { $0.title.lowercased() }), theirTitles = Set(theirs.map { $0.title.lowercased() })
            result.actionsOnlyBefore = ours.filter { !theirTitles.contains($0.title.lowercased()) }
            result.actionsOnlyAfter = theirs.filter { !ourTitles.contains($0.title.lowercased()) }
            result.actionsOnBothSides = ours.filter { theirTitles.contains($0.title.lowercased()) }
        }
        return result
    }

    /// Rules in the order a reader needs them, by section.
    public func sections() -> [(Section, [RuleChange])] {
        switch kind {
        case .overTime:
            var regressions: [RuleChange] = [], improvements: [RuleChange] = [], other: [RuleChange] = [], unchanged: [RuleChange] = []
            for r in rules {
                if isRegression(r) {
                    regressions.append(r)
                    continue
                }
                switch r.change {
                case .improved: improvements.append(r)
                case .unchanged: unchanged.append(r)
                default: other.append(r)
                }
            }
            // Rules that left the scored set have no delta: after the falls of score, by number.
            regressions.sort { ($0.delta ?? 0, $0.number) < ($1.delta ?? 0, $1.number) }
            improvements.sort { (-($0.delta ?? 0), $0.number) < (-($1.delta ?? 0), $1.number) }
            return [(.regressions, regressions), (.improvements, improvements), (.otherChanges, other), (.unchanged, unchanged)]
        case .sides:
            // One pass: rule ids are unique, so "not a joint priority" is the joint test itself.
            var large: [RuleChange] = [], joint: [RuleChange] = [], small: [RuleChange] = [], agree: [RuleChange] = [], other: [RuleChange] = []
            for r in rules {
                guard let gap = r.gap else {
                    other.append(r)
                    continue
                }
                let isJoint = (r.before.score ?? 3) <= 1 && (r.after.score ?? 3) <= 1 && gap < 2
                if gap >= 2 { large.append(r) }
                if isJoint { joint.append(r) }
                if gap == 1, !isJoint { small.append(r) }
                if gap == 0, !isJoint { agree.append(r) }
            }
            large.sort { (-$0.gap!, $0.number) < (-$1.gap!, $1.number) }
            return [(.largeGaps, large), (.jointPriorities, joint), (.smallGaps, small), (.agreement, agree), (.notComparable, other)]
        }
    }

    public enum Section: String, Sendable {
        case regressions, improvements, otherChanges, unchanged
        case largeGaps, jointPriorities, smallGaps, agreement, notComparable

        public func title(_ lang: Language) -> String {
            switch self {
            case .regressions: lang.pick(en: "Regressions", fr: "Reculs")
            case .improvements: lang.pick(en: "Improvements", fr: "Progrès")
            case .otherChanges: lang.pick(en: "Other changes", fr: "Autres changements")
            case .unchanged: lang.pick(en: "Unchanged", fr: "Inchangées")
            case .largeGaps: lang.pick(en: "Perception gaps (2 levels or more)", fr: "Écarts de perception (2 niveaux ou plus)")
            case .jointPriorities: lang.pick(en: "Joint priorities (both sides score 0 or 1)", fr: "Priorités communes (les deux côtés notent 0 ou 1)")
            case .smallGaps: lang.pick(en: "Small differences (1 level)", fr: "Petites différences (1 niveau)")
            case .agreement: lang.pick(en: "Agreement", fr: "Accord")
            case .notComparable: lang.pick(en: "Not scored on both sides", fr: "Non notées des deux côtés")
            }
        }
    }
}
