import PlaybookCore
import Testing

@testable import PlaybookTUI

/// Text cut to fit is marked with …, and the fields that matter are kept before a title is cut.
@Suite struct CutTextTests {
    func state(language: Language = .en) -> AppState {
        var doc = Assessment(
            catalog: DefaultCatalog.catalog, program: Program(name: "Cloud Alliance", partner: "Acme"), assessor: "Marie",
            side: .ours, now: fixedNow, assessedOn: CalendarDate(iso: "2026-09-30")!, language: language)
        doc.answers["strategic-level"] = Answer(
            state: .scored(2),
            evidence: [
                Evidence(
                    text: "Minutes of the steering committee where the revenue target was agreed with the partner", strength: .verified,
                    date: CalendarDate(iso: "2026-09-12")!)
            ],
            actions: [
                ActionItem(
                    id: "A1", title: "Track revenue against the plan in the quarterly business review with the partner", owner: "Paul Martin",
                    due: CalendarDate(iso: "2026-10-15")!, status: .inProgress)
            ])
        return makeState(width: 80, height: 24, language: language, document: doc)
    }

    @Test func anActionRowKeepsItsStatusDueDateAndOverdueFlag() {
        var s = state()
        press(&s, [.char("a")])
        let row = frame(s)[4]
        #expect(row.hasPrefix("  [in progress] Track revenue against…"))
        #expect(row.contains(" — Paul Martin — "))
        #expect(row.hasSuffix("— due 2026-10-15 — OVERDUE"))
        #expect(row.contains("…"))
        #expect(DisplayWidth.of(row) <= 79)
    }

    @Test func anActionRowInFrench() {
        var s = state(language: .fr)
        press(&s, [.char("a")])
        let row = frame(s)[4]
        #expect(row.hasPrefix("  [en cours] Track revenue"))
        #expect(row.hasSuffix("— échéance 2026-10-15 — EN RETARD"))
        #expect(row.contains("…"))
    }

    @Test func anEvidenceRowKeepsItsStrengthAndDate() {
        var s = state()
        press(&s, [.char("v")])
        let row = frame(s)[4]
        #expect(row.hasPrefix("  ◆ Minutes of the steering committee"))
        #expect(row.hasSuffix("… — verified · 2026-09-12"))
    }

    @Test func textCutAtTheEdgeEndsWithAnEllipsis() {
        var s = state()
        press(&s, [.char("p"), .end] + typed(" and a very long programme name that cannot fit in the form"))
        press(&s, [.tab])
        let row = frame(s)[4]
        #expect(row.hasSuffix("…"))
        #expect(DisplayWidth.of(row) == 78)
    }

    @Test func screenMarksACutWithAnEllipsis() {
        var screen = Screen(width: 10, height: 3)
        screen.put("abcdefghijkl", x: 0, y: 0)
        screen.put("abcdefghijkl", x: 2, y: 1, maxWidth: 5)
        screen.put("ab日本語", x: 0, y: 2, maxWidth: 6)
        #expect(screen.lines == ["abcdefghi…", "  abcd…", "ab日…"])
    }
}
