import PlaybookCore
import Testing

@testable import PlaybookTUI

/// Every pane that scrolls (summary, help, the rule's text, the compare notes) scrolls the same way:
/// by line, page and to either end, clamped at the end, with an indicator on its own row.
@Suite struct ScrollingTests {
    /// The summary's lines as the screen shows them at 80 columns.
    func summaryLines(_ s: AppState) -> [String] {
        SummaryText.render(
            s.document, catalog: s.catalog, summary: s.summary,
            options: SummaryText.Options(lang: s.language, width: 78, today: s.today, maxPriorities: 10)
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func scoredState(language: Language = .en) -> AppState {
        var s = makeState(width: 80, height: 16, language: language)
        press(&s, [.char("m")] + (0..<16).flatMap { _ in [Key.char("1"), .down] })
        press(&s, [.char("a"), .char("a")] + typed("Write the plan") + [.tab, .tab] + typed("2026-02-15") + [.ctrl("s"), .escape])
        return s
    }

    @Test func summaryPagesToBothEndsAndStopsAtTheEnd() {
        var s = scoredState()
        press(&s, [.char("r")])
        let text = summaryLines(s)
        let n = text.count
        // 12 body rows (2–13): 11 of text and the indicator.
        #expect(n > 23)
        var lines = frame(s)
        #expect(lines[2] == " " + text[0])
        #expect(lines[13] == String(repeating: " ", count: 80 - 1 - DisplayWidth.of("↓ lines 1–11 of \(n)")) + "↓ lines 1–11 of \(n)")
        press(&s, [.pageDown])
        lines = frame(s)
        #expect(lines[2] == " " + text[10])
        #expect(lines[13].hasSuffix("↑↓ lines 11–21 of \(n)"))
        press(&s, [.end])
        lines = frame(s)
        #expect(lines[11] == " " + text[n - 2])
        #expect(lines[13].hasSuffix("↑ lines \(n - 10)–\(n) of \(n)"))
        // Past the end nothing counts: one ↑ moves up at once.
        press(&s, Array(repeating: .down, count: 30) + [.up])
        #expect(frame(s)[13].hasSuffix("↑↓ lines \(n - 11)–\(n - 1) of \(n)"))
        press(&s, [.home])
        #expect(frame(s)[2] == " " + text[0])
        press(&s, [.char(" ")])
        #expect(frame(s)[2] == " " + text[10])
        press(&s, [.pageUp])
        #expect(frame(s)[2] == " " + text[0])
    }

    @Test func summaryIndicatorInFrench() {
        var s = scoredState(language: .fr)
        press(&s, [.char("r")])
        let n = summaryLines(s).count
        #expect(frame(s)[13].hasSuffix("↓ lignes 1–11 sur \(n)"))
        press(&s, [.end])
        #expect(frame(s)[13].hasSuffix("↑ lignes \(n - 10)–\(n) sur \(n)"))
    }

    @Test func helpScrollsTheSameWay() {
        var s = makeState(width: 80, height: 24)
        press(&s, [.char("?")])
        let count = Keymap.bindings(.checklist).count
        // Title, a blank row, 17 rows of keys and the indicator.
        #expect(frame(s)[21].hasSuffix("↓ lines 1–17 of \(count)"))
        press(&s, [.end])
        var lines = frame(s)
        #expect(lines[20].contains("redraw the screen"))
        #expect(lines[21].hasSuffix("↑ lines \(count - 16)–\(count) of \(count)"))
        press(&s, Array(repeating: .down, count: 40) + [.up])
        lines = frame(s)
        #expect(lines[21].hasSuffix("↑↓ lines \(count - 17)–\(count - 1) of \(count)"))
        press(&s, [.home])
        #expect(frame(s)[4].hasPrefix("  0–3"))
    }

    @Test func theRuleTextIndicatorHasARowOfItsOwn() {
        var s = makeState(width: 80, height: 24)
        let pane = RuleDetailView.layOut(s, width: 78)
        let n = pane.height
        var lines = frame(s)
        // Detail rows 13–21: 8 of text, then the indicator, which overwrites nothing.
        #expect(lines[20] == " " + pane.line(7))
        #expect(lines[21] == String(repeating: " ", count: 80 - 1 - DisplayWidth.of("↓ lines 1–8 of \(n) · J/K")) + "↓ lines 1–8 of \(n) · J/K")
        press(&s, Array(repeating: .char("J"), count: 40) + [.char("K")])
        lines = frame(s)
        #expect(lines[21].hasSuffix("↑↓ lines \(n - 10)–\(n - 3) of \(n) · J/K"))
        #expect(lines[13] == " " + pane.line(n - 11))
    }

    func longNotes() throws -> AppState {
        let catalog = DefaultCatalog.catalog
        func side(_ note: String, score: Int, path: String) -> Comparison.Side {
            var doc = Assessment(
                catalog: catalog, program: Program(name: "Cloud Alliance", partner: "Acme"), assessor: "Marie", side: .ours,
                now: fixedNow, assessedOn: CalendarDate(iso: path == "q3.json" ? "2026-09-30" : "2026-12-31")!, language: .en)
            doc.answers["strategic-level"] = Answer(state: .scored(score), note: note)
            return Comparison.Side(assessment: doc, catalog: catalog, path: path)
        }
        let lines = (1...12).map { "Line \($0) of the note." }
        var changed = lines
        changed[10] = "Line 11 was changed."
        let c = try Comparison.build(
            side(lines.joined(separator: "\n"), score: 1, path: "q3.json"),
            side(changed.joined(separator: "\n"), score: 2, path: "q4.json"))
        var s = makeState(width: 80, height: 24)
        s.openComparison(CompareState(comparison: c, fromChecklist: false))
        return s
    }

    @Test func compareNotesScrollToTheChangedLine() throws {
        var s = try longNotes()
        var lines = frame(s)
        #expect(!lines.contains { $0.contains("Line 11 was changed.") })
        #expect(lines[21].hasSuffix("↓ lines 1–7 of 12 · J/K"))
        press(&s, [.char("J"), .char("J")])
        lines = frame(s)
        #expect(lines.contains { $0.contains("Line 11 of the note.") && $0.contains("│Line 11 was changed.") })
        #expect(lines[21].hasSuffix("↑ lines 6–12 of 12 · J/K"))
        // Another rule starts its notes at the top.
        press(&s, [.down])
        #expect(!frame(s)[21].contains("↑"))
    }

    @Test func theCompareRuleListSaysWhereItStands() throws {
        let root = repositoryRootForTUI()
        func side(_ name: String) throws -> Comparison.Side {
            let path = root + "/Tests/Fixtures/compare/" + name
            return Comparison.Side(
                assessment: try Documents.loadAssessment(path, catalog: DefaultCatalog.catalog).assessment, catalog: DefaultCatalog.catalog, path: path)
        }
        var s = makeState(width: 80, height: 24)
        s.openComparison(CompareState(comparison: try Comparison.build(side("q3.json"), side("q4.json")), fromChecklist: true))
        var lines = frame(s)
        // List rows 4–11: 7 rules, then the indicator.
        #expect(lines[10].hasPrefix(" 7   "))
        #expect(lines[11].hasSuffix("↓ lines 1–7 of 16"))
        press(&s, Array(repeating: .down, count: 10))
        lines = frame(s)
        #expect(lines[11].hasSuffix("↑↓ lines 5–11 of 16"))
    }

    @Test func aLongActionListSaysWhereItStands() {
        var doc = Assessment(
            catalog: DefaultCatalog.catalog, program: Program(name: "Cloud Alliance"), assessor: "", side: .ours,
            now: fixedNow, assessedOn: fixedToday, language: .en)
        doc.answers["strategic-level"] = Answer(state: .scored(1), actions: (1...25).map { ActionItem(id: "A\($0)", title: "Step \($0)") })
        var s = makeState(width: 80, height: 24, document: doc)
        press(&s, [.char("a")])
        #expect(frame(s)[21].hasSuffix("↓ lines 1–17 of 25"))
        press(&s, Array(repeating: .down, count: 20))
        let lines = frame(s)
        #expect(lines[20].hasPrefix("  [open] Step 21"))
        #expect(lines[21].hasSuffix("↑↓ lines 5–21 of 25"))
    }

    @Test func thePaneMemoFollowsWhatItWraps() {
        // Kept panes are found by the text they were wrapped from: a changed answer, language or
        // width is never shown from an older pane, and every frame equals one drawn without the memo.
        var memo = PaneMemo()
        var screen = Screen(width: 0, height: 0)
        var s = makeState(width: 100, height: 30)
        for keys in [
            [], [Key.char("m"), .char("3"), .char("t"), .char("2")], [.down, .up], [.char("L")], [.char("o")], [.enter] + typed("note é 日本") + [.escape],
            [.down, .up],
        ] {
            press(&s, keys)
            render(s, into: &screen, memo: &memo)
            #expect(screen.lines == frame(s), "after \(keys)")
        }
        #expect(screen.lines.contains { $0.contains("Niveau 3 — ") && $0.contains("cible 2") })
        _ = reduce(&s, .resize(width: 120, height: 40))
        render(s, into: &screen, memo: &memo)
        #expect(screen.lines == frame(s))
    }
}
