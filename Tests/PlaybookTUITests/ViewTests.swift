import PlaybookCore
import Testing

@testable import PlaybookTUI

@Suite struct ViewTests {
    func scored() -> AppState {
        var s = makeState(width: 80, height: 24)
        press(&s, [.char("2"), .char("n")] + typed("Pas de revente") + [.enter, .char("u"), .char("t"), .char("3")])
        press(&s, [.enter] + typed("Note « é » 日本") + [.escape])
        return s
    }

    @Test func checklistAt80x24ShowsListAboveTheRule() {
        #expect(
            frame(scored()) == [
                " Playbook │ Cloud Alliance · Acme · our side                    acme.json ●  EN",
                " Answered 3/16 · Score 66.7% Established · Coverage 6.7%",
                " STRATEGY AND TARGETS                                                     66.7%",
                "  1  2  Work at a strategic level",
                "  2 N/A Set ambitious, quantified targets",
                " 12  ?  Take a programme approach",
                " 16     Segment and label                                                →3✎",
                " GOVERNANCE AND DECISION-MAKING",
                "  3     Not too low, not too high… and at the right time",
                "  4     Plan and put in place strong governance",
                "  5     No partnership without an Alliance Partner",
                "  8     Involve the lawyers… not too much, not too early",
                "────────────────────────────────────────────────────────────────────────────────",
                " 16. Segment and label",
                " Strategy and targets · segment-and-label",
                " Not assessed yet · target 3",
                "",
                " Do not mix up resale partnerships, marketing alliances, sales alignment… and",
                " award a label to the most deserving partners.",
                "",
                " Levels",
                "                                                        ↓ lines 1–8 of 27 · J/K",
                "",
                " 0–3 score n N/A u unknown t target Tab next Enter note s save ? help q quit",
            ])
    }

    @Test func selectedRowAndBadgesCarryTheirRoles() {
        var screen = Screen(width: 0, height: 0)
        let s = scored()
        render(s, into: &screen)
        #expect(screen.roles(6)[10] == .selection)
        #expect(screen.roles(3)[5] == .score2)
        #expect(screen.roles(4)[5] == .notApplicable)
        #expect(screen.roles(5)[5] == .unknown)
    }

    @Test func wideTerminalShowsTheRuleBesideTheList() {
        var s = makeState(width: 120, height: 30)
        press(&s, [.char("m"), .char("2")])
        let lines = frame(s)
        #expect(lines[2].hasPrefix(" STRATEGY AND TARGETS"))
        #expect(lines[2].contains("│ 1. Work at a strategic level"))
        #expect(lines.contains { $0.contains("│ ▶2 Established — A written revenue target and marketing plan") })
    }

    @Test func frenchInterfaceAndTexts() {
        var s = makeState(width: 60, height: 20, language: .fr)
        press(&s, [.char("1")])
        let lines = frame(s)
        #expect(lines[1] == " Réponses 1/16 · Score 33,3\u{202F}% Émergent · Couverture 6,3\u{202F}%")
        #expect(lines[3] == "  1  1  Travailler à un niveau stratégique")
        #expect(lines[11] == " 2. Fixer des objectifs ambitieux et chiffrés")
        #expect(lines.last == " 0–3 niveau n N/A u inconnu s enregistrer ? aide q quitter")
    }

    @Test func languageSwitchesWithL() {
        var s = makeState()
        press(&s, [.char("L")])
        #expect(frame(s)[3] == "  1     Travailler à un niveau stratégique")
    }

    @Test func tooSmallTerminalAsksForMoreRoom() {
        #expect(
            frame(makeState(width: 30, height: 10)) == [
                "", "", "",
                "     Enlarge the terminal",
                " (at least 40×12; now 30×10)",
                "           q quits",
                "", "", "", "",
            ])
    }

    @Test func everySizeFromOneByOneRenders() {
        for (w, h) in [(1, 1), (2, 1), (1, 5), (39, 11), (40, 12), (41, 13), (99, 30), (100, 30), (300, 100)] {
            var s = makeState(width: w, height: h)
            press(&s, [.char("2"), .enter] + typed("日本 é") + [.escape, .char("v"), .escape, .char("?")])
            #expect(frame(s).count == h)
        }
    }

    @Test func noteEditorWrapsToThePane() {
        var s = makeState(width: 40, height: 12)
        press(&s, [.enter] + typed("Première ligne assez longue pour passer à la suivante\nDeux"))
        let lines = frame(s)
        #expect(lines[2] == " Note — 1. Work at a strategic level")
        #expect(lines[4] == " Première ligne assez longue pour")
        #expect(lines[5] == " passer à la suivante")
        #expect(lines[6] == " Deux")
        #expect(cursorPosition(s)! == (x: 5, y: 6))
    }

    @Test func helpIsWrittenFromTheKeymap() {
        var s = makeState(width: 100, height: 40)
        press(&s, [.char("?")])
        let lines = frame(s)
        #expect(lines[2] == " Help — keys on this screen")
        for binding in Keymap.bindings(.checklist) {
            #expect(lines.contains { $0.contains(binding.label(.en)) && $0.contains(binding.help.en) }, "\(binding.label(.en))")
        }
        press(&s, [.escape])
        #expect(s.mode == .checklist)
    }

    /// The help of every screen, the dialogs' included, lists each of its bindings.
    @Test func everyScreensHelpListsEachOfItsBindings() throws {
        let screens = try KeyDecoderTests.screens()
        #expect(Set(screens.map { $0.1.mode.kind }).count == ModeKind.allCases.count)
        for (name, screen) in screens {
            var t = screen
            _ = reduce(&t, .resize(width: 100, height: 50))
            t.mode = .help(HelpState(returnTo: screen.mode))
            let lines = frame(t)
            for binding in Keymap.bindings(screen.mode.kind) {
                #expect(lines.contains { $0.contains(binding.label(.en)) && $0.contains(binding.help.en) }, "\(name): \(binding.label(.en))")
            }
        }
    }

    @Test func summaryShowsBarsAndPriorities() {
        var s = makeState(width: 80, height: 30)
        press(&s, [.char("2"), .char("0"), .char("r")])
        let lines = frame(s)
        #expect(lines.contains(" Overall    33.3% — Ad hoc (level 1)"))
        #expect(lines.contains { $0.contains("Strategy and targets") && $0.contains("█") })
        #expect(lines.contains("   2. Set ambitious, quantified targets — 0 → 3 (max 3)"))
    }

    @Test func hostileNoteIsShownEscapedInTheDetailPane() {
        var s = makeState(width: 120, height: 70)
        press(&s, [.enter, .char("\u{1B}"), .char("]")] + typed("2;PWNED") + [.char("\u{07}"), .char("\u{9B}"), .char("\u{202E}"), .escape])
        let lines = frame(s)
        #expect(lines.contains { $0.contains("\\x1B]2;PWNED\\x07\\x9B\\u202E") })
    }

    @Test func dialogsAreDrawnOverTheChecklist() {
        var s = makeState()
        press(&s, [.char("2"), .char("q")])
        #expect(frame(s).contains { $0.contains("s save and quit · d discard · Esc cancel") })
    }
}

@Suite struct CompareViewTests {
    func view(fromChecklist: Bool = true) throws -> (AppState, CompareState) {
        let root = repositoryRootForTUI()
        func side(_ name: String) throws -> Comparison.Side {
            let path = root + "/Tests/Fixtures/compare/" + name
            let loaded = try Documents.loadAssessment(path, catalog: DefaultCatalog.catalog)
            return Comparison.Side(assessment: loaded.assessment, catalog: DefaultCatalog.catalog, path: path)
        }
        let c = try Comparison.build(side("q3.json"), side("q4.json"))
        var s = makeState(width: 110, height: 32)
        let v = CompareState(comparison: c, fromChecklist: fromChecklist)
        s.openComparison(v)
        return (s, v)
    }

    @Test func showsBothScoresTheChangeAndBothNotes() throws {
        var (s, _) = try view()
        press(&s, [.down, .up])
        let lines = frame(s)
        #expect(lines[0].hasPrefix(" Playbook │ Progress over time — Cloud Alliance"))
        #expect(lines[2] == " Overall 47.6% → 61.9% (+14.3 pts) · Filter: all rules")
        #expect(lines[4].hasPrefix(" 1   Work at a strategic level"))
        #expect(lines[4].hasSuffix("2       3       +1"))
        #expect(lines.contains { $0.contains("Before — score 2 · target 3") && $0.contains("│After — score 3 · target 2") })
        #expect(lines.contains { $0.contains("Target agreed at 1 M€ with the VP") && $0.contains("│Target agreed at 2 M€ with the VP") })
    }

    @Test func filterShowsOnlyRegressions() throws {
        var (s, _) = try view()
        press(&s, [.char("f"), .char("f")])
        let lines = frame(s)
        #expect(lines[2].hasSuffix("Filter: regressions only"))
        #expect(lines[4].hasPrefix(" 3   Not too low, not too high"))
        // A rule that left the scored set is a regression here as for --fail-on-regression.
        #expect(lines[5].hasPrefix(" 7   Do not underestimate cross-business") && lines[5].hasSuffix("now not applicable"))
        #expect(lines[6].hasPrefix(" "))
        #expect(lines.filter { $0.hasPrefix(" ") && $0.dropFirst().first?.isNumber == true }.count == 3)
    }

    @Test func escapeReturnsToTheChecklistOrQuits() throws {
        var (s, _) = try view()
        #expect(press(&s, [.escape]).isEmpty)
        #expect(s.mode == .checklist)
        var (t, _) = try view(fromChecklist: false)
        #expect(press(&t, [.char("q")]) == [.quit])
    }

    @Test func checklistAsksForTheFileToCompareWith() {
        var s = makeState()
        #expect(press(&s, [.char("c")] + typed("q3.json") + [.enter]) == [.loadForCompare(path: "q3.json")])
    }

    @Test func exportAsksForANameAndChoosesTheFormatFromIt() {
        var s = makeState()
        press(&s, [.char("2"), .char("X")])
        guard case .prompt(let p) = s.mode else { Issue.record("no prompt"); return }
        #expect(p.editor.text == "acme.html")
        let effects = press(&s, [.enter])
        guard case .export(let path, let bytes, let overwrite)? = effects.first else { Issue.record("no export"); return }
        #expect(path == "acme.html")
        #expect(!overwrite)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        _ = reduce(&s, .exportExists(path: "acme.html"))
        if case .prompt(let q) = s.mode { #expect(q.error == "acme.html exists: Enter again to replace it, or change the name.") }
        guard case .export(_, _, let again)? = press(&s, [.enter]).first else { Issue.record("no export"); return }
        #expect(again)
        press(&s, [.backspace] + typed("x") + [.enter])
        if case .prompt(let q) = s.mode { #expect(q.error == "End the name with .html, .md, .txt, .csv or .json to choose the format.") }
    }
}

func repositoryRootForTUI() -> String {
    var path = #filePath
    for _ in 0..<3 { path = Path.directory(path) }
    return path
}
