import Testing

@testable import PlaybookCore

@Suite struct ScoringTests {
    func assess(_ scores: [String: AnswerState], targets: [String: Int] = [:]) -> ScoreSummary {
        var a = sampleAssessment()
        for (id, state) in scores { a.answers[id] = Answer(state: state, target: targets[id]) }
        for (id, t) in targets where scores[id] == nil { a.answers[id] = Answer(target: t) }
        return Scoring.summarize(a, catalog: catalog)
    }

    func all(_ state: AnswerState) -> [String: AnswerState] {
        Dictionary(uniqueKeysWithValues: catalog.rules.map { ($0.id, state) })
    }

    @Test func sixteenRulesAtTwoShowExactly66Point7Percent() {
        let s = assess(all(.scored(2)))
        #expect(s.overall == Fraction(32_000, 48_000))
        #expect(s.overall?.percent(.en) == "66.7%")
        #expect(s.overall?.percent(.fr) == "66,7\u{202F}%")
        #expect(s.band == 2)
        #expect(s.coverage?.percent(.en) == "100.0%")
    }

    @Test func emptyAssessmentHasNoScoreAndZeroCoverage() {
        let s = assess([:])
        #expect(s.overall == nil)
        #expect(s.band == nil)
        #expect(s.coverage?.percent(.en) == "0.0%")
        #expect(s.unansweredCount == 16)
        #expect(s.priorities.isEmpty)
    }

    @Test func notApplicableLeavesTheDenominatorUnknownLowersCoverage() {
        var states = all(.scored(3))
        states["cross-business"] = .notApplicable(reason: "none")
        states["lawyers-late"] = .unknown
        states["perseverance"] = nil
        let s = assess(states)
        #expect(s.overall?.percent(.en) == "100.0%")
        #expect(s.applicableCount == 15)
        #expect(s.scoredCount == 13)
        #expect(s.coverage == Fraction(13, 15))
        #expect(s.coverage?.percent(.en) == "86.7%")
        #expect(s.notApplicableCount == 1 && s.unknownCount == 1 && s.unansweredCount == 1)
        let relationship = s.themes.first { $0.themeID == "relationship" }!
        #expect(relationship.applicableCount == 3)
        #expect(relationship.scoredCount == 2)
    }

    @Test func weightsCountInTheOverallScore() throws {
        var text = String(decoding: DefaultCatalog.bytes, as: UTF8.self)
        text = text.replacingFirst("\"weight\": 1,", with: "\"weight\": 3,")
        let heavy = try Documents.decodeCatalog(Array(text.utf8), path: "c.json")
        var a = sampleAssessment()
        a.answers["strategic-level"] = Answer(state: .scored(3))
        a.answers["ambitious-targets"] = Answer(state: .scored(0))
        let s = Scoring.summarize(a, catalog: heavy)
        // (3×3 + 1×0) / ((3 + 1) × 3) = 9/12
        #expect(s.overall?.percent(.en) == "75.0%")
        #expect(s.band == 2)
    }

    @Test func percentToTargetCountsShortfallsOnly() {
        // Targets 3, 2, 1; scores 1, 3, 1: shortfalls 2 + 0 + 0 = 2 of 6 → 66.7 %; exceeding rule 2 hides nothing.
        let s = assess(
            ["strategic-level": .scored(1), "ambitious-targets": .scored(3), "strong-governance": .scored(1)],
            targets: ["strategic-level": 3, "ambitious-targets": 2, "strong-governance": 1, "communicate": 3])
        #expect(s.toTarget == Fraction(4, 6))
        #expect(s.toTarget?.percent(.en) == "66.7%")
        #expect(s.targetCount == 3)
    }

    @Test func noTargetsMeansNoPercentToTarget() {
        #expect(assess(all(.scored(1))).toTarget == nil)
    }

    @Test func prioritiesOrderByWeightedGapThenRuleNumber() {
        let s = assess(
            [
                "strategic-level": .scored(2), "ambitious-targets": .scored(0), "communicate": .scored(1),
                "perseverance": .scored(3), "be-concrete": .scored(1),
            ],
            targets: ["communicate": 3, "be-concrete": 1])
        #expect(s.priorities.map(\.number) == [2, 11, 1])
        #expect(s.priorities.first?.goal == 3)
        #expect(s.priorities[1].hasTarget)
    }

    @Test func bandIsTheLevelTheAverageHasReached() {
        var states = all(.scored(2))
        states["strategic-level"] = .scored(1)
        #expect(assess(states).band == 1)
        #expect(assess(all(.scored(3))).band == 3)
    }

    @Test func percentagesRoundHalfUp() {
        #expect(Fraction(1, 3).percent(.en) == "33.3%")
        #expect(Fraction(2, 3).percent(.en) == "66.7%")
        #expect(Fraction(1, 8).percent(.en) == "12.5%")
        #expect(Fraction(1, 16).percent(.en) == "6.3%")
        #expect(Fraction.formatPermille(-125, .en, signed: true) == "−12.5%")
    }
}
