import PropertyBased
import Testing

@testable import PlaybookCore

@Suite struct CompareTests {
    func side(_ name: String, catalog cat: Catalog = catalog) throws -> Comparison.Side {
        let path = "Tests/Fixtures/compare/\(name)"
        let loaded = try Documents.decodeAssessment(try readRepoFile(path), path: path, catalog: cat)
        return Comparison.Side(assessment: loaded.assessment, catalog: cat, path: path)
    }

    func rule(_ c: Comparison, _ id: String) -> RuleChange { c.rules.first { $0.ruleID == id }! }

    @Test func overTimeOrdersByDateWhateverTheArgumentOrder() throws {
        let ab = try Comparison.build(side("q3.json"), side("q4.json"))
        let ba = try Comparison.build(side("q4.json"), side("q3.json"))
        #expect(ab.kind == .overTime)
        #expect(ab.before.assessment.assessedOn.description == "2026-09-30")
        #expect(ba.before.assessment.assessedOn.description == "2026-09-30")
        #expect(CompareText.render(ab, lang: .en, width: 80) == CompareText.render(ba, lang: .en, width: 80))
        #expect(CompareJSON.render(ab) == CompareJSON.render(ba))
    }

    @Test func classifiesEveryKindOfChange() throws {
        let c = try Comparison.build(side("q3.json"), side("q4.json"))
        #expect(rule(c, "strategic-level").change == .improved)
        #expect(rule(c, "strategic-level").delta == 1)
        #expect(rule(c, "right-level-right-time").change == .regressed)
        #expect(rule(c, "alliance-partner").change == .nowKnown)
        #expect(rule(c, "perseverance").change == .nowApplicable)
        #expect(rule(c, "cross-business").change == .nowNotApplicable)
        #expect(rule(c, "programme-approach").change == .nowUnknown)
        #expect(rule(c, "ambitious-targets").change == .unchanged)
        #expect(rule(c, "strategic-level").targetChanged)
        #expect(c.hasRegression)
    }

    @Test func notesAndActionsChanges() throws {
        let c = try Comparison.build(side("q3.json"), side("q4.json"))
        let r = rule(c, "strategic-level")
        #expect(r.noteChanged)
        #expect(WordDiff.inline(r.noteDiff) == "Target agreed at [-1-]{+2+} M€ with the VP sales {+and the CFO+}")
        #expect(r.actionsOpened.map(\.title) == ["Quarterly business review"])
        #expect(r.actionsCompleted.map(\.title) == ["Write the joint plan"])
        #expect(rule(c, "strong-governance").actionsDropped.map(\.title) == ["Monthly steering committee"])
    }

    @Test func sectionsPutRegressionsFirst() throws {
        let c = try Comparison.build(side("q3.json"), side("q4.json"))
        let sections = c.sections()
        #expect(sections.map(\.0) == [.regressions, .improvements, .otherChanges, .unchanged])
        // A fall of score first, then the scored rules that are no longer scored (N/A, unknown).
        #expect(sections[0].1.map(\.ruleID) == ["right-level-right-time", "cross-business", "programme-approach"])
        let text = CompareText.render(c, lang: .en, width: 100)
        let firstScreen = text.split(separator: "\n").prefix(24).joined(separator: "\n")
        #expect(firstScreen.contains("REGRESSIONS (3)"))
        #expect(firstScreen.contains("3. Not too low, not too high… and at the right time — 3 → 2 (−1)"))
        #expect(firstScreen.contains("IMPROVEMENTS"))
        #expect(text.contains("Overall         47.6%     47.6%     ±0.0 pts") || text.contains("Overall "))
    }

    @Test func sidesAreDetectedAndGapsFlaggedFirst() throws {
        let c = try Comparison.build(side("theirs.json"), side("ours.json"))
        #expect(c.kind == .sides)
        #expect(c.before.assessment.side == .ours)
        let sections = c.sections()
        #expect(sections.first?.0 == .largeGaps)
        #expect(sections[0].1.map(\.number) == [7, 1, 5, 10, 11])
        #expect(sections[1].1.map(\.number) == [4, 9, 12, 13, 15, 16])
        let text = CompareText.render(c, lang: .en, width: 100)
        #expect(text.contains("PERCEPTION GAPS (2 LEVELS OR MORE) (5)"))
        #expect(text.contains("7. Do not underestimate cross-business — ours 0 · theirs 3 (gap 3)"))
        #expect(text.contains("Ours: We think the revenue target is ambitious and shared"))
        #expect(text.contains("Theirs: No revenue target agreed on our side yet"))
        #expect(!c.hasRegression || c.kind == .sides)
    }

    @Test func catalogueVersionChangeComparesByIDAndListsAddedAndRemovedRules() throws {
        let v11 = try Documents.loadCatalog(Path.join(repositoryRoot, "Tests/Fixtures/compare/catalog-v1.1.json"))
        let c = try Comparison.build(side("q4.json"), side("q1-2027-v1.1.json", catalog: v11))
        #expect(c.catalogChanged)
        #expect(c.warnings.contains(.catalogVersionChanged(from: "1.0.0", to: "1.1.0")))
        #expect(rule(c, "shared-dashboard").presence == .added)
        #expect(rule(c, "perseverance").presence == .removed)
        let text = CompareText.render(c, lang: .en, width: 100)
        #expect(text.contains("The catalogue changed: 1 rule added, 1 removed."))
    }

    @Test func differentCatalogueIDsAreRefusedUnlessAllowed() throws {
        let other = try Documents.loadCatalog(Path.join(repositoryRoot, "Tests/Fixtures/compare/catalog-other.json"))
        #expect(throws: Comparison.BuildError.differentCatalogs("alliances-16-golden-rules", "another-playbook")) {
            try Comparison.build(side("q3.json"), side("other-catalogue.json", catalog: other))
        }
        let c = try Comparison.build(side("q3.json"), side("other-catalogue.json", catalog: other), allowDifferentCatalogs: true)
        #expect(c.warnings.contains(.differentCatalogs("alliances-16-golden-rules", "another-playbook")))
    }

    @Test func differentProgrammeNamesAreAWarningNotARefusal() throws {
        var b = try side("q4.json")
        b.assessment.program.name = "Other Alliance"
        let c = try Comparison.build(side("q3.json"), b)
        #expect(c.warnings.contains(.differentPrograms("Cloud Alliance", "Other Alliance")))
    }

    @Test func wordDiffIsBoundedAndReadable() {
        #expect(WordDiff.inline(WordDiff.diff("a b c", "a x c")) == "a [-b-]{+x+} c")
        #expect(WordDiff.diff("", "new note") == [.added("new note")])
        let long = String(repeating: "w ", count: 2000)
        #expect(WordDiff.diff(long, long + "x").count == 2)
    }

    @Test func wordDiffSplitsAtEveryWhitespaceAndShortensLongRuns() {
        #expect(WordDiff.inline(WordDiff.diff("plan\trevue\u{A0}é\ncoût", "plan revue  é\r\nprix")) == "plan revue é [-coût-]{+prix+}")
        #expect(WordDiff.inline(WordDiff.diff("a b c d e f g h i j", "a b c d e f g h i x"), context: 2) == "a b … h i [-j-]{+x+}")
        #expect(WordDiff.inline(WordDiff.diff("Kelvin \u{212A}", "Kelvin K")) == "Kelvin \u{212A}")
        #expect(WordDiff.diff("same words", "same  words") == [.same("same words")])
        #expect(WordDiff.diff("old", "") == [.removed("old")])
    }

    /// Whatever the alignment, the kept and removed words are the old note's words in order, the
    /// kept and added ones the new note's, and no word is both removed and added beside itself.
    @Test func wordDiffRebuildsBothNotes() async {
        let pieces = [
            "plan", "revue", "é", "\u{212A}", "K", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}",
            "—", "e\u{301}", " \u{301}", "\u{600} ", "\u{1B}", "日本", "😀", "ʰ", "a", "b",
        ]
        let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...24).map { $0.joined() }
        await propertyCheck(count: 1_500, input: texts, texts) { a, b in
            let tokens = WordDiff.diff(a, b)
            func words(_ keep: (WordDiff.Token) -> Bool) -> [String] {
                tokens.filter(keep).flatMap { token -> [String] in
                    switch token {
                    case .same(let s), .removed(let s), .added(let s): s.split(separator: " ").map(String.init)
                    }
                }
            }
            let old = words { if case .added = $0 { false } else { true } }
            let new = words { if case .removed = $0 { false } else { true } }
            #expect(old == a.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(new == b.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(zip(tokens, tokens.dropFirst()).allSatisfy { !$0.sameKind(as: $1) })
            let w = a.split(separator: " ")
            #expect(WordDiff.shortened(a, context: 2) == (w.count > 4 ? (w.prefix(2) + ["…"] + w.suffix(2)).joined(separator: " ") : a))
        }
    }

    @Test func sectionsInOnePassAreTheFilteredOnes() async throws {
        var c = try Comparison.build(side("q3.json"), side("q4.json"))
        let states: [AnswerState?] = [nil, .unknown, .notApplicable(reason: "r"), .scored(0), .scored(1), .scored(2), .scored(3)]
        let rules = catalog.rules
        await propertyCheck(count: 300, input: Gen.int(in: 0...48).array(of: 0...40), Gen.bool()) { pairs, sides in
            c.kind = sides ? .sides : .overTime
            // Rule ids are unique in a comparison (a catalogue refuses duplicates).
            c.rules = pairs.enumerated().map { i, pair in
                var rule = rules[i % rules.count]
                rule.id = "rule-\(i)"
                rule.number = i + 1
                return Comparison.change(rule, presence: .both, before: Answer(state: states[pair / 7]), after: Answer(state: states[pair % 7]))
            }
            // The sections as they were defined, filter by filter.
            let r = c.rules
            let expected: [(Comparison.Section, [RuleChange])]
            switch c.kind {
            case .overTime:
                // A scored rule that is no longer scored is a regression too (issue 11, item 4).
                let fell = r.filter { $0.change == .regressed || ($0.before.score != nil && $0.after.score == nil) }
                expected = [
                    (.regressions, fell.sorted { ($0.delta ?? 0, $0.number) < ($1.delta ?? 0, $1.number) }),
                    (.improvements, r.filter { $0.change == .improved }.sorted { (-($0.delta ?? 0), $0.number) < (-($1.delta ?? 0), $1.number) }),
                    (.otherChanges, r.filter { ![.regressed, .improved, .unchanged].contains($0.change) && !fell.map(\.ruleID).contains($0.ruleID) }),
                    (.unchanged, r.filter { $0.change == .unchanged }),
                ]
            case .sides:
                let both = r.filter { $0.gap != nil }
                let joint = both.filter { ($0.before.score ?? 3) <= 1 && ($0.after.score ?? 3) <= 1 && $0.gap! < 2 }
                expected = [
                    (.largeGaps, both.filter { $0.gap! >= 2 }.sorted { (-$0.gap!, $0.number) < (-$1.gap!, $1.number) }),
                    (.jointPriorities, joint),
                    (.smallGaps, both.filter { $0.gap! == 1 && !joint.map(\.ruleID).contains($0.ruleID) }),
                    (.agreement, both.filter { $0.gap! == 0 && !joint.map(\.ruleID).contains($0.ruleID) }),
                    (.notComparable, r.filter { $0.gap == nil }),
                ]
            }
            let got = c.sections()
            #expect(got.map(\.0) == expected.map(\.0))
            #expect(got.map { $0.1.map(\.ruleID) } == expected.map { $0.1.map(\.ruleID) })
        }
    }
}

/// Every comparison format in both languages for three fixture pairs, compared byte for byte with
/// Tests/Fixtures/compare-reports/PAIR.LANG.EXT; `PLAYBOOK_RECORD=1 swift test` writes them anew.
@Suite struct CompareSnapshotTests {
    static func comparison(_ pair: String) throws -> Comparison {
        func side(_ name: String, _ cat: Catalog = catalog) throws -> Comparison.Side {
            let path = "Tests/Fixtures/compare/\(name)"
            let loaded = try Documents.decodeAssessment(try readRepoFile(path), path: path, catalog: cat)
            return Comparison.Side(assessment: loaded.assessment, catalog: cat, path: path)
        }
        switch pair {
        case "over-time": return try Comparison.build(side("q4.json"), side("q3.json"))
        case "sides": return try Comparison.build(side("ours.json"), side("theirs.json"))
        default:
            let v11 = try Documents.loadCatalog(Path.join(repositoryRoot, "Tests/Fixtures/compare/catalog-v1.1.json"))
            return try Comparison.build(side("q4.json"), side("q1-2027-v1.1.json", v11))
        }
    }

    @Test(arguments: ["over-time", "sides", "catalog-change"], Language.allCases)
    func comparisonsMatchTheirSnapshots(_ pair: String, _ lang: Language) throws {
        let c = try Self.comparison(pair)
        for (ext, format) in [("txt", CompareRender.Format.text), ("md", .markdown), ("html", .html), ("json.snap", .json)] {
            let bytes = CompareRender.render(c, format: format, lang: lang, width: 80)
            let relative = "Tests/Fixtures/compare-reports/\(pair).\(lang.rawValue).\(ext)"
            if ReportSnapshotTests.recording {
                writeRaw(bytes, to: Path.join(repositoryRoot, relative))
                continue
            }
            let expected = try SafeFile.read(Path.join(repositoryRoot, relative))
            #expect(bytes == expected, "\(relative) differs: \(ReportSnapshotTests.firstDifference(bytes, expected))")
        }
    }

    @Test func hostileNotesCannotChangeTheComparisonsStructure() throws {
        var c = try Self.comparison("sides")
        let evil = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> | # * [x](javascript:alert(1))\n\u{1B}]2;PWNED\u{07}"
        for i in c.rules.indices {
            c.rules[i].before.note = evil
            c.rules[i].after.note = evil
        }
        let html = String(decoding: CompareRender.render(c, format: .html, lang: .en, width: 80), as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let md = String(decoding: CompareRender.render(c, format: .markdown, lang: .en, width: 80), as: UTF8.self)
        // Every `<` of user text is backslash-escaped, and there is no raw tag at all (no `<br>` in cells).
        let chars = Array(md)
        for (i, ch) in chars.enumerated() where ch == "<" { #expect(i > 0 && chars[i - 1] == "\\") }
        #expect(md.contains("\\<script>alert(1)\\</script>"))
        // The notes are out of the tables, in a section per rule.
        #expect(md.contains("### 1. Work at a strategic level\n\n- **Ours**: \\<script>"))
        for line in md.split(separator: "\n") where line.hasPrefix("| ") { #expect(line.hasSuffix(" |")) }
        let text = String(decoding: CompareRender.render(c, format: .text, lang: .en, width: 80), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
    }
}
