import PlaybookCore
import Testing

@testable import PlaybookTUI

@Suite struct ReadOnlyAndPromptTests {
    @Test func readOnlyScoringSaysNothingChanged() {
        var s = makeState(width: 80, height: 24)
        s.setReadOnly("open elsewhere")
        press(&s, [.char("2")])
        #expect(s.answer.state == nil)
        #expect(s.message?.text == "Read-only: nothing was changed (open elsewhere).")
        s.setReadOnly("open elsewhere")
        press(&s, [.char("u")])
        #expect(frame(s)[22] == " Read-only: nothing was changed (open elsewhere).")
    }

    @Test func readOnlyInFrench() {
        var s = makeState(width: 80, height: 24, language: .fr)
        s.setReadOnly("ouvert ailleurs")
        press(&s, [.char("3")])
        #expect(s.message?.text == "Lecture seule : rien n’a été modifié (ouvert ailleurs).")
    }

    @Test func readOnlyFooterOffersNoEditingKeys() {
        var s = makeState(width: 100, height: 30)
        s.setReadOnly("open elsewhere")
        let footer = frame(s).last!
        #expect(!footer.contains("score"))
        #expect(!footer.contains("N/A"))
        #expect(!footer.contains("save"))
        #expect(footer.contains("? help"))
        #expect(footer.contains("q quit"))
        press(&s, [.char("v")])
        #expect(!frame(s).last!.contains("add"))
    }

    @Test func readOnlyTargetAndExternalEditorAreRefusedAtOnce() {
        var s = makeState(width: 80, height: 24)
        s.setReadOnly("open elsewhere")
        press(&s, [.char("t")])
        #expect(s.mode == .checklist)
        #expect(s.message?.text == "Read-only: nothing was changed (open elsewhere).")
        press(&s, [.enter])
        #expect(press(&s, [.ctrl("x")]).isEmpty)
        #expect(s.message?.text == "Read-only: nothing was changed (open elsewhere).")
        #expect(!frame(s).last!.contains("$EDITOR"))
    }

    @Test func ctrlUClearsAPrompt() {
        var s = makeState()
        press(&s, [.char("X")])
        press(&s, [.ctrl("u")])
        guard case .prompt(let p) = s.mode else { Issue.record("no prompt"); return }
        #expect(p.editor.text == "")
        #expect(frame(s)[22] == " Export report to:")
    }

    @Test func ctrlUClearsAFormField() {
        var s = makeState()
        press(&s, [.char("p"), .ctrl("u"), .ctrl("s")])
        #expect(s.document.program.name == "")
    }

    @Test func evidenceDatesDefaultToTheAssessmentDate() {
        var doc = Assessment(
            catalog: DefaultCatalog.catalog, program: Program(name: "Cloud Alliance"), assessor: "", side: .ours,
            now: fixedNow, assessedOn: CalendarDate(iso: "2026-09-30")!, language: .en)
        doc.answers = [:]
        var s = makeState(document: doc)
        press(&s, [.char("v"), .char("a")] + typed("Minutes") + [.ctrl("s")])
        #expect(s.answer.evidence.first?.date == CalendarDate(iso: "2026-09-30"))
    }

    @Test func theHeaderCountsAnsweredRulesOutOfAll() {
        var s = makeState(width: 80, height: 24)
        press(&s, [.char("2"), .char("n")] + typed("No resale") + [.enter, .char("u")])
        #expect(frame(s)[1].hasPrefix(" Answered 3/16 · Score 66.7%"))
        press(&s, [.char("r")])
        #expect(frame(s).contains(" Answered   3 of 16 rules (scored, not applicable or unknown)"))
        press(&s, [.escape, .char("L")])
        #expect(frame(s)[1].hasPrefix(" Réponses 3/16 · Score 66,7"))
    }
}
