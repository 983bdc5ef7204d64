/// Everything a report shows, computed once in one pass over the catalogue so every format
/// says the same thing and the cost stays linear in the number of rules.
struct ReportContent {
    let assessment: Assessment
    let catalog: Catalog
    let lang: Language
    /// The day overdue actions are judged against.
    let asOf: CalendarDate
    let summary: ScoreSummary
    /// One line per catalogue rule, in catalogue order, assessed or not.
    let rules: [RuleLine]
    /// Every action of every rule, in catalogue order then file order.
    let actions: [ActionLine]
    /// Σ max(0, target − score) over scored rules with a target: the levels still missing.
    let shortfall: Int
    let openActionCount: Int
    let overdueActionCount: Int
    /// True when at least one rule has a target, scored or not.
    let hasTargets: Bool

    init(_ assessment: Assessment, catalog: Catalog, lang: Language, asOf: CalendarDate) {
        self.assessment = assessment
        self.catalog = catalog
        self.lang = lang
        self.asOf = asOf
        let summary = Scoring.summarize(assessment, catalog: catalog)
        self.summary = summary
        var rank = [Int?](repeating: nil, count: catalog.rules.count)
        for (i, p) in summary.priorities.enumerated() {
            if let index = catalog.ruleIndex(p.ruleID) { rank[index] = i + 1 }
        }
        var rules: [RuleLine] = []
        rules.reserveCapacity(catalog.rules.count)
        var actions: [ActionLine] = []
        var shortfall = 0
        var open = 0
        var overdue = 0
        var hasTargets = false
        for (index, rule) in catalog.rules.enumerated() {
            let answer = assessment.answer(rule.id)
            var ruleOpen = 0
            var ruleOverdue = 0
            for action in answer.actions {
                let late = action.isOverdue(asOf: asOf)
                if action.status.isOpen { ruleOpen += 1 }
                if late { ruleOverdue += 1 }
                actions.append(ActionLine(rule: rule, action: action, overdue: late))
            }
            open += ruleOpen
            overdue += ruleOverdue
            var gap: Int?
            if let score = answer.score, let target = answer.target {
                gap = max(0, target - score)
                shortfall += max(0, target - score)
            }
            if answer.target != nil { hasTargets = true }
            let themeTitle = catalog.theme(rule.theme)?.title[lang] ?? rule.theme
            rules.append(
                RuleLine(
                    rule: rule, answer: answer, themeTitle: themeTitle, priorityRank: rank[index],
                    gap: gap, openActions: ruleOpen, overdueActions: ruleOverdue))
        }
        self.rules = rules
        self.actions = actions
        self.shortfall = shortfall
        openActionCount = open
        overdueActionCount = overdue
        self.hasTargets = hasTargets
    }

    /// How many priorities are shown in detail, with notes and actions; the rest are listed in one line.
    static let detailedPriorities = 5

    /// `Also below their goal, in order: rule 3 (2 → 3), rule 5 (1 → 2).`: the priorities after the detailed ones,
    /// numbers only, so every format can show it as it is.
    var otherPriorities: String? {
        let rest = summary.priorities.dropFirst(ReportContent.detailedPriorities)
        guard !rest.isEmpty else { return nil }
        let items = rest.map { p in
            lang.pick(en: "rule \(p.number) (\(p.score) → \(p.goal))", fr: "règle \(p.number) (\(p.score) → \(p.goal))")
        }
        return lang.pick(en: "Also below their goal, in order: ", fr: "Aussi sous leur objectif, dans l’ordre\u{A0}: ") + items.joined(separator: ", ") + "."
    }

    /// The title of a theme in the report's language (its id when the catalogue lacks it).
    func themeTitle(_ theme: ThemeScore) -> String {
        catalog.theme(theme.themeID)?.title[lang] ?? theme.themeID
    }

    /// The rule a priority points at, with its line.
    func line(for priority: Priority) -> RuleLine? {
        catalog.ruleIndex(priority.ruleID).map { rules[$0] }
    }

    /// The catalogue's label for a level (`Established`).
    func levelLabel(_ level: Int) -> String {
        catalog.levelLabel(level, lang)
    }

    /// The catalogue's original language when it differs from the report's: the rule text is then quoted in it.
    var originalLanguage: Language? {
        catalog.sourceLanguage == lang ? nil : catalog.sourceLanguage
    }
}

/// One rule as a report shows it.
struct RuleLine {
    let rule: Catalog.Rule
    let answer: Answer
    let themeTitle: String
    /// 1 for the rule with the largest weighted gap; nil when the rule is not a priority.
    let priorityRank: Int?
    /// Levels still to climb to the target (0 once reached); nil without both a score and a target.
    let gap: Int?
    let openActions: Int
    let overdueActions: Int

    var score: Int? { answer.score }
    var target: Int? { answer.target }

    /// What this rule's level looks like, from the catalogue (empty when the level has no description).
    func levelDescription(_ level: Int, _ lang: Language) -> String {
        rule.levels.indices.contains(level) ? rule.levels[level][lang] : ""
    }

    /// The N/A reason, when the rule is not applicable.
    var reason: String? {
        if case .notApplicable(let reason) = answer.state { return reason }
        return nil
    }
}

/// One action as a report shows it.
struct ActionLine {
    let rule: Catalog.Rule
    let action: ActionItem
    /// Still open and due before the report's as-of date.
    let overdue: Bool
}
