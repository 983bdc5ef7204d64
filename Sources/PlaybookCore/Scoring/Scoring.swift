/// The numbers of an assessment, computed exactly so a manager can explain each one.
public struct ScoreSummary: Sendable, Equatable {
    /// Σ(weight × score) / Σ(weight × 3) over scored rules; nil when nothing is scored.
    public var overall: Fraction?
    /// The level reached by the weighted average score (floor), named by the catalogue's scale.
    public var band: Int?
    /// Scored rules / applicable rules (all rules except those not applicable).
    public var coverage: Fraction?
    public var scoredCount: Int
    public var applicableCount: Int
    public var notApplicableCount: Int
    public var unknownCount: Int
    public var unansweredCount: Int
    /// 1 − Σ max(0, target − score) / Σ target over scored rules with a target; nil without targets.
    public var toTarget: Fraction?
    public var targetCount: Int
    public var themes: [ThemeScore]
    /// Scored rules with a gap, largest weighted gap first, ties by rule number.
    public var priorities: [Priority]
}

/// One theme's score and coverage.
public struct ThemeScore: Sendable, Equatable {
    public var themeID: String
    public var overall: Fraction?
    public var band: Int?
    public var coverage: Fraction?
    public var scoredCount: Int
    public var applicableCount: Int
    public var ruleCount: Int
}

/// A rule that most needs work: its weighted gap to its target (or to 3 without one).
public struct Priority: Sendable, Equatable {
    public var ruleID: String
    public var number: Int
    public var score: Int
    public var goal: Int
    public var hasTarget: Bool
    /// weight × (goal − score), in thousandths of a level.
    public var weightedGap: Int
}

public enum Scoring {
    /// Computes every figure of `assessment` in one pass over the catalogue.
    public static func summarize(_ assessment: Assessment, catalog: Catalog) -> ScoreSummary {
        var totals = Totals()
        var themeTotals = [Totals](repeating: Totals(), count: catalog.themes.count)
        var gapSum = 0
        var targetSum = 0
        var targetCount = 0
        var priorities: [Priority] = []
        for rule in catalog.rules {
            let answer = assessment.answers[rule.id]
            let themeIndex = catalog.themeIndex(rule.theme)
            totals.add(answer?.state, weight: rule.weight.thousandths)
            if let themeIndex { themeTotals[themeIndex].add(answer?.state, weight: rule.weight.thousandths) }
            guard case .scored(let score) = answer?.state else { continue }
            if let target = answer?.target {
                targetCount += 1
                targetSum += target
                gapSum += max(0, target - score)
            }
            let goal = answer?.target ?? 3
            if goal > score {
                priorities.append(
                    Priority(
                        ruleID: rule.id, number: rule.number, score: score, goal: goal,
                        hasTarget: answer?.target != nil, weightedGap: rule.weight.thousandths * (goal - score)))
            }
        }
        priorities.sort { ($0.weightedGap, -$0.number) > ($1.weightedGap, -$1.number) }
        let themes = catalog.themes.enumerated().map { i, theme in
            let t = themeTotals[i]
            return ThemeScore(
                themeID: theme.id, overall: t.overall, band: t.band, coverage: t.coverage,
                scoredCount: t.scored, applicableCount: t.applicable, ruleCount: t.rules)
        }
        var toTarget: Fraction?
        if targetCount > 0 {
            toTarget = targetSum == 0 ? Fraction(1, 1) : Fraction(targetSum - gapSum, targetSum)
        }
        return ScoreSummary(
            overall: totals.overall, band: totals.band, coverage: totals.coverage,
            scoredCount: totals.scored, applicableCount: totals.applicable,
            notApplicableCount: totals.notApplicable, unknownCount: totals.unknown,
            unansweredCount: totals.unanswered, toTarget: toTarget, targetCount: targetCount,
            themes: themes, priorities: priorities)
    }
}

private struct Totals {
    var weightedScore = 0
    var weightSum = 0
    var rules = 0
    var scored = 0
    var notApplicable = 0
    var unknown = 0
    var unanswered = 0

    var applicable: Int { rules - notApplicable }

    mutating func add(_ state: AnswerState?, weight: Int) {
        rules += 1
        switch state {
        case .scored(let s):
            scored += 1
            weightedScore += weight * s
            weightSum += weight
        case .notApplicable: notApplicable += 1
        case .unknown: unknown += 1
        case nil: unanswered += 1
        }
    }

    var overall: Fraction? { weightSum > 0 ? Fraction(weightedScore, weightSum * 3) : nil }
    var band: Int? { weightSum > 0 ? weightedScore / weightSum : nil }
    var coverage: Fraction? { applicable > 0 ? Fraction(scored, applicable) : nil }
}
