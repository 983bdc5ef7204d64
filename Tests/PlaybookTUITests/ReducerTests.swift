import PlaybookCore
import Testing

@testable import PlaybookTUI

@Suite struct ReducerTests {
    @Test func scoringMovesToTheNextUnassessedRule() {
        var s = makeState()
        press(&s, [.char("2")])
        #expect(s.document.answers["strategic-level"]?.state == .scored(2))
        #expect(s.rule.id == "ambitious-targets")
        #expect(s.dirty)
        press(&s, [.char("m"), .char("3")])
        #expect(s.rule.id == "ambitious-targets")
        #expect(s.document.answers["ambitious-targets"]?.score == 3)
    }

    @Test func notApplicableAsksForAReasonAndRefusesAnEmptyOne() {
        var s = makeState()
        press(&s, [.char("n"), .enter])
        if case .prompt(let p) = s.mode { #expect(p.error == "A reason is required for not applicable.") } else { Issue.record("no prompt") }
        #expect(s.document.answers["strategic-level"] == nil)
        press(&s, typed("Pas de revente") + [.enter])
        #expect(s.document.answers["strategic-level"]?.state == .notApplicable(reason: "Pas de revente"))
        #expect(s.mode == .checklist)
    }

    @Test func unknownTargetAndClear() {
        var s = makeState()
        press(&s, [.char("m"), .char("u"), .char("t"), .char("2")])
        #expect(s.answer.state == .unknown)
        #expect(s.answer.target == 2)
        press(&s, [.char("t"), .char("x"), .char("x")])
        #expect(s.document.answers["strategic-level"] == nil)
        #expect(s.summary.unansweredCount == 16)
    }

    @Test func navigationFollowsThemeOrderAndNextUnassessedWraps() {
        var s = makeState()
        press(&s, [.down, .down, .down])
        #expect(s.rule.number == 16)
        press(&s, [.down])
        #expect(s.rule.number == 3)
        press(&s, [.end])
        #expect(s.rule.number == 15)
        press(&s, [.char("2"), .home])
        #expect(s.rule.number == 1)
        press(&s, [.tab])
        #expect(s.rule.number == 2)
    }

    @Test func noteKeystrokesGoIntoTheDocumentAtOnce() {
        var s = makeState()
        press(&s, [.enter] + typed("Ligne « un »\nLine two"))
        #expect(s.document.answers["strategic-level"]?.note == "Ligne « un »\nLine two")
        press(&s, [.backspace, .escape])
        #expect(s.mode == .checklist)
        #expect(s.answer.note == "Ligne « un »\nLine tw")
    }

    @Test func saveWritesThroughAnEffectAndMarksCleanOnlyWhenSaved() {
        var s = makeState()
        press(&s, [.char("1")])
        #expect(press(&s, [.char("s")]) == [.readSaveTarget(path: "acme.json")])
        guard case .save(let path, let bytes) = reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: nil))) else {
            Issue.record("no save effect"); return
        }
        #expect(path == "acme.json")
        #expect(s.dirty)
        _ = reduce(&s, .saved(path: path, bytes: bytes))
        #expect(!s.dirty)
        #expect(s.message?.text == "Saved acme.json.")
    }

    @Test func saveWithoutAFileAsksForANameSuggestedFromTheProgramme() {
        var s = makeState(path: nil)
        press(&s, [.char("s")])
        guard case .prompt(let p) = s.mode else { Issue.record("no prompt"); return }
        #expect(p.editor.text == "Cloud-Alliance-Acme-2026-11-27.json")
        let effects = press(&s, [.enter])
        #expect(effects.count == 1)
        #expect(effects == [.readSaveTarget(path: "Cloud-Alliance-Acme-2026-11-27.json")])
    }

    @Test func quitWithUnsavedChangesAsks() {
        var s = makeState()
        #expect(press(&s, [.char("q")]) == [.quit])
        var d = makeState()
        press(&d, [.char("2"), .char("q")])
        #expect(d.mode == .confirmQuit)
        press(&d, [.escape])
        #expect(d.mode == .checklist)
        press(&d, [.char("q")])
        #expect(press(&d, [.char("d")]) == [.quit])
        var e = makeState()
        press(&e, [.char("2"), .char("q")])
        #expect(press(&e, [.char("s")]) == [.readSaveTarget(path: "acme.json")])
        guard case .save(_, let bytes) = reduce(&e, .saveTargetRead(path: "acme.json", .openFile(bytes: nil))) else { Issue.record("no save"); return }
        #expect(reduce(&e, .saved(path: "acme.json", bytes: bytes)) == .quit)
    }

    @Test func conflictOffersSaveAsReloadOrOverwrite() {
        var s = makeState()
        press(&s, [.char("2"), .char("s")])
        _ = reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: Array("{}\n".utf8))))
        #expect(s.mode == .conflict(exists: false))
        let effects = press(&s, [.char("o")])
        if case .save(let path, _)? = effects.first { #expect(path == "acme.json") } else { Issue.record("no overwrite") }
        press(&s, [.char("s")])
        _ = reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: Array("{}\n".utf8))))
        #expect(press(&s, [.char("r")]) == [.reload(path: "acme.json")])
    }

    @Test func reduceDecidesASaveConflictFromWhatTheFileHoldsNow() {
        // Loaded from disk: the file must still hold those bytes to be replaced (D4).
        var s = makeState()
        let loaded = Array("{\"formatVersion\":\"1.0\"}\n".utf8)
        s.setDiskBytes(loaded)
        press(&s, [.char("2")])
        #expect(press(&s, [.char("s")]) == [.readSaveTarget(path: "acme.json")])
        guard case .save(let path, let bytes) = reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: loaded))) else {
            Issue.record("unchanged file not saved"); return
        }
        _ = reduce(&s, .saved(path: path, bytes: bytes))
        // Saved: what was written is now what the file must hold; someone else's edit is a conflict.
        press(&s, [.char("3"), .char("s")])
        #expect(reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: bytes))) != .none)
        #expect(s.mode == .checklist)
        press(&s, [.char("1"), .char("s")])
        #expect(reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: loaded))) == .none)
        #expect(s.mode == .conflict(exists: false))
        #expect(frame(s).contains { $0.contains("changed on disk") })
        // Deleted meanwhile: also a change made by someone else.
        press(&s, [.escape, .char("s")])
        #expect(reduce(&s, .saveTargetRead(path: "acme.json", .openFile(bytes: nil))) == .none)
        #expect(s.mode == .conflict(exists: false))
        // Under another name: only a file already there is a conflict.
        press(&s, [.escape, .char("S"), .ctrl("u")] + typed("other.json") + [.enter])
        #expect(reduce(&s, .saveTargetRead(path: "other.json", .otherFile(exists: true))) == .none)
        #expect(s.mode == .conflict(exists: true))
        press(&s, [.escape, .char("S"), .ctrl("u")] + typed("new.json") + [.enter])
        guard case .save(let newPath, _) = reduce(&s, .saveTargetRead(path: "new.json", .otherFile(exists: false))) else {
            Issue.record("new file not saved"); return
        }
        #expect(newPath == "new.json")
    }

    @Test func reduceBuildsTheComparisonFromTheLoadedFile() {
        var s = makeState(width: 100, height: 30)
        press(&s, [.char("2")])
        var other = makeState().document
        other.answers["strategic-level"] = Answer(state: .scored(3))
        press(&s, [.char("c")] + typed("q3.json") + [.enter])
        _ = reduce(&s, .compareFileLoaded(path: "q3.json", other))
        guard case .compare = s.mode else { Issue.record("no comparison"); return }
        #expect(frame(s).contains { $0.contains("q3.json") })
        // Another catalogue: the prompt says why, and stays open.
        var s2 = makeState(width: 100, height: 30)
        var foreign = other
        foreign.catalog.id = "another-catalogue"
        press(&s2, [.char("c")] + typed("q3.json") + [.enter])
        _ = reduce(&s2, .compareFileLoaded(path: "q3.json", foreign))
        guard case .prompt(let prompt) = s2.mode else { Issue.record("no prompt"); return }
        #expect(prompt.error?.contains("different catalogues") == true)
    }

    @Test func recoveryCopyAfter200TypedCharactersAndWhenIdle() {
        var s = makeState()
        var effects = press(&s, [.enter] + typed(String(repeating: "é", count: 199)))
        #expect(effects.isEmpty)
        effects = press(&s, typed("x"))
        guard case .writeRecovery(let bytes)? = effects.first else { Issue.record("no recovery"); return }
        #expect(String(decoding: bytes, as: UTF8.self).contains(String(repeating: "é", count: 199) + "x"))
        press(&s, typed("y"))
        #expect(reduce(&s, .idle) != .none)
        #expect(reduce(&s, .idle) == .none)
    }

    @Test func formsValidateDatesAndFocusTheFieldToFix() {
        var s = makeState()
        press(&s, [.char("a"), .char("a")] + typed("Write plan") + [.tab] + typed("Paul") + [.tab] + typed("2026-02-30") + [.ctrl("s")])
        guard case .form(let form) = s.mode else { Issue.record("form closed"); return }
        #expect(form.focus == 2)
        #expect(form.error == "Due date: \"2026-02-30\" is not a real date (YYYY-MM-DD)")
        press(&s, [.backspace, .backspace] + typed("15") + [.ctrl("s")])
        #expect(s.mode == .actions(cursor: 0))
        let action = s.answer.actions.first
        #expect(action?.title == "Write plan")
        #expect(action?.owner == "Paul")
        #expect(action?.due == CalendarDate(iso: "2026-02-15"))
        #expect(action?.id == "A1")
        #expect(action?.isOverdue(asOf: s.today) == true)
    }

    @Test func deletingAnItemAsksTwice() {
        var s = makeState()
        press(&s, [.char("v"), .char("a")] + typed("Minutes") + [.ctrl("s")])
        #expect(s.answer.evidence.count == 1)
        press(&s, [.char("d")])
        #expect(s.answer.evidence.count == 1)
        #expect(s.message?.text == "Press d again to delete this item.")
        press(&s, [.char("d")])
        #expect(s.answer.evidence.isEmpty)
    }

    @Test func detailsFormEditsTheProgramme() {
        var s = makeState()
        press(&s, [.char("p"), .ctrl("u")])
        press(&s, [.end] + Array(repeating: .backspace, count: 20) + typed("Alliance Cloud") + [.tab, .tab, .right, .tab, .tab, .right, .ctrl("s")])
        #expect(s.document.program.name == "Alliance Cloud")
        #expect(s.document.program.segment == .marketingAlliance)
        #expect(s.document.side == .partner)
        #expect(s.dirty)
    }

    @Test func readOnlyDocumentsRefuseEdits() {
        var s = makeState()
        s.setReadOnly("open in another playbook: marie@host (pid 42)")
        press(&s, [.char("2"), .char("s")])
        #expect(s.document.answers.isEmpty)
        #expect(!s.dirty)
        #expect(s.message?.kind == .warning)
    }

    @Test func recoveryIsOfferedNotApplied() {
        var s = makeState()
        var other = s.document
        other.answers["strategic-level"] = Answer(state: .scored(3), note: "recovered")
        s.offerRecovery(RecoveryOffer(document: other, bytes: [], savedAt: fixedNow, diskIsNewer: true))
        #expect(s.document.answers.isEmpty)
        #expect(frame(s).contains { $0.contains("The file on disk is NEWER than this copy.") })
        press(&s, [.char("r")])
        #expect(s.answer.note == "recovered")
        #expect(s.dirty)
    }

    @Test func clickSelectsAndWheelMoves() {
        var s = makeState(width: 120, height: 30)
        _ = reduce(&s, .click(x: 5, y: 9))
        #expect(s.rule.number == 4)
        press(&s, [.wheelDown])
        #expect(s.rule.number == 6)
    }

    @Test func figuresFollowEveryEditEvenWhenNotesSkipTheRecount() {
        var s = makeState()
        let keys: [Key] =
            [.char("2"), .enter] + typed("a note") + [
                .escape, .home, .char("t"), .char("3"), .char("m"), .char("1"),
                .enter, .backspace, .escape, .char("t"), .char("x"), .char("u"), .char("x"),
            ]
        for key in keys {
            press(&s, [key])
            #expect(s.summary == Scoring.summarize(s.document, catalog: s.catalog), "after \(key)")
        }
    }
}

/// Ctrl-L repaints the whole screen on every screen, as in most terminal programs: the
/// checklist draws only what changed, so this is the way back after something else wrote on
/// the terminal.
@Suite struct RedrawTests {
    @Test func ctrlLAsksForAWholeRedrawOnEveryScreenAndChangesNothingElse() {
        for kind in ModeKind.allCases {
            #expect(Keymap.action(for: .ctrl("l"), in: kind) == .redraw, "\(kind)")
        }
        var state = makeState()
        press(&state, [.char("2"), .enter])  // a score, then the note editor open
        let before = frame(state)
        #expect(press(&state, [.ctrl("l")]) == [.redraw])
        #expect(frame(state) == before)
        // The help screens list it (helpIsWrittenFromTheKeymap checks they show every binding).
        #expect(Keymap.bindings(.note).contains { $0.help[.en] == "redraw the screen" })
    }
}

/// Issue 11 item 15: text typed in a form or the N/A prompt is part of the recovery copy, as a
/// note's is, both when the user pauses and when a signal ends the session.
@Suite struct PendingTextRecoveryTests {
    func recovered(_ s: inout AppState) -> Assessment? {
        guard case .writeRecovery(let bytes) = reduce(&s, .idle) else { return nil }
        return try? Documents.decodeAssessment(bytes, path: "r.json", catalog: s.catalog).assessment
    }

    @Test func theProgrammeFormsTextIsInTheRecoveryCopy() {
        var s = makeState()
        press(&s, [.char("p")] + typed(" Orion") + [.tab] + typed("?") + [.char("?")])
        #expect(s.mode.kind == .form)
        #expect(!s.dirty)
        #expect(s.hasUnsavedWork)
        #expect(recovered(&s)?.program.name == "Cloud Alliance Orion")
        #expect(recovered(&s) == nil)  // nothing new typed since
        // Help opened over the form keeps it; the document itself is untouched until the form is saved.
        press(&s, [.function(1)])
        #expect(s.documentWithPendingText.program.partner == "Acme??")
        #expect(s.document.program.name == "Cloud Alliance")
    }

    @Test func theNotApplicableReasonAndItemFormsAreInTheRecoveryCopy() {
        var s = makeState()
        press(&s, [.char("n")] + typed("no channel"))
        #expect(recovered(&s)?.answers["strategic-level"]?.state == .notApplicable(reason: "no channel"))
        press(&s, [.escape, .char("a"), .char("a")] + typed("Call the partner"))
        #expect(recovered(&s)?.answers["strategic-level"]?.actions.map(\.title) == ["Call the partner"])
        press(&s, [.escape, .escape, .char("v"), .char("a")] + typed("Signed plan"))
        #expect(recovered(&s)?.answers["strategic-level"]?.evidence.map(\.text) == ["Signed plan"])
        // A file-name prompt holds no part of the assessment.
        press(&s, [.escape, .escape, .char("S")] + typed("other"))
        #expect(!s.hasUnsavedWork)
    }
}

/// Issue 12 item 11: the day overdue actions are judged by follows the clock, unless `--as-of` fixed it.
@Suite struct ClockTests {
    @Test func aSessionRunningPastMidnightJudgesByTheNewDay() {
        var s = makeState()
        let before = s.today
        let next = CalendarDate(daysSinceEpoch: before.daysSinceEpoch + 1)
        _ = reduce(&s, .tick(fixedNow, today: next))
        #expect(s.today == next)
        var fixed = makeState()
        fixed.todayIsFixed = true
        _ = reduce(&fixed, .tick(fixedNow, today: next))
        #expect(fixed.today == before)
    }
}
