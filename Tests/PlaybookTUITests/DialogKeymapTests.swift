import PlaybookCore
import Testing

@testable import PlaybookTUI

/// Issue 12 item 8: a dialog's keys live in the keymap like every screen's; its question line,
/// its footer and its help are written from there, so changing a key is one edit.
@Suite struct DialogKeymapTests {
    /// Each dialog, opened the way a user meets it.
    static func dialogs(_ lang: Language, width: Int = 120) -> [(ModeKind, AppState)] {
        func make(_ keys: [Key], _ also: (inout AppState) -> Void = { _ in }) -> AppState {
            var s = makeState(width: width, language: lang)
            press(&s, [.char("2"), .up] + keys)
            also(&s)
            return s
        }
        return [
            (.confirmQuit, make([.char("q")])),
            (.conflict, make([.char("s")]) { _ = reduce(&$0, .saveTargetRead(path: "acme.json", .openFile(bytes: [0x7B]))) }),
            (.fileExists, make([.char("S"), .enter]) { _ = reduce(&$0, .saveTargetRead(path: "acme.json", .otherFile(exists: true))) }),
            (.recovery, make([]) { $0.offerRecovery(RecoveryOffer(document: $0.document, bytes: [], savedAt: fixedNow, diskIsNewer: false)) }),
            (.target, make([.char("t")])),
        ]
    }

    @Test(arguments: [Language.en, .fr])
    func everyDialogOffersEachOfItsBindingsByItsKey(lang: Language) {
        for (kind, state) in DialogKeymapTests.dialogs(lang) {
            #expect(state.mode.kind == kind)
            let lines = frame(state)
            let separator = kind == .target ? ", " : " · "
            let line = Keymap.askHints(kind, lang).joined(separator: separator)
            #expect(lines.contains { $0.contains(line) }, "\(kind) \(lang): \(line)")
            // Every answer the dialog takes is in its question (Ctrl-L, bound everywhere, is in the help).
            for binding in Keymap.screenBindings(kind) {
                #expect(binding.ask != nil, "\(kind): \(binding.label(lang)) is not offered")
            }
        }
    }

    @Test func theQuestionsReadAsBefore() {
        let expected: [Language: [ModeKind: String]] = [
            .en: [
                .confirmQuit: "s save and quit · d discard · Esc cancel",
                .conflict: "a save as · r reload (drop your changes) · o overwrite · Esc cancel",
                .fileExists: "o overwrite · a another name · Esc cancel",
                .recovery: "r recover · d discard the copy · Esc decide later",
                .target: "Target level for rule 1: 0–3, x to remove, Esc to cancel",
            ],
            .fr: [
                .confirmQuit: "s enregistrer et quitter · d abandonner · Échap annuler",
                .conflict: "a enregistrer sous · r recharger (perdre vos modifications) · o écraser · Échap annuler",
                .fileExists: "o écraser · a autre nom · Échap annuler",
                .recovery: "r récupérer · d supprimer la copie · Échap plus tard",
                .target: "Niveau cible de la règle 1 : 0–3, x pour l’enlever, Échap pour annuler",
            ],
        ]
        for lang in [Language.en, .fr] {
            for (kind, state) in DialogKeymapTests.dialogs(lang) {
                let box = frame(state).filter { $0.contains("│") }
                #expect(box.contains { $0.contains("│ " + expected[lang]![kind]! + " ") }, "\(kind) \(lang): \(box)")
            }
        }
    }

    /// The "already exists" question takes o, a and Esc; its footer used to offer r, which did nothing there.
    @Test func theFileExistsFooterOffersOnlyWhatTheQuestionTakes() {
        var s = DialogKeymapTests.dialogs(.en, width: 80)[2].1
        #expect(frame(s).last == " o overwrite the file a save under another name Esc cancel")
        let before = s.document
        #expect(press(&s, [.char("r")]).isEmpty)
        #expect(s.mode == .conflict(exists: true) && s.document == before)
    }

    @Test func eachAnswerDoesWhatItSays() {
        var quit = DialogKeymapTests.dialogs(.en)[0].1
        #expect(press(&quit, [.char("d")]) == [.quit])
        quit = DialogKeymapTests.dialogs(.en)[0].1
        guard case .readSaveTarget(path: "acme.json")? = press(&quit, [.char("s")]).first else { Issue.record("no save"); return }
        #expect(quit.quitAfterSave)
        var changed = DialogKeymapTests.dialogs(.fr)[1].1
        #expect(press(&changed, [.char("r")]) == [.reload(path: "acme.json")])
        changed = DialogKeymapTests.dialogs(.fr)[1].1
        guard case .save(path: "acme.json", _)? = press(&changed, [.char("o")]).first else { Issue.record("no overwrite"); return }
        changed = DialogKeymapTests.dialogs(.fr)[1].1
        press(&changed, [.char("a")])
        #expect(changed.mode.kind == .prompt)
        var recovery = DialogKeymapTests.dialogs(.en)[3].1
        #expect(press(&recovery, [.char("d")]) == [.discardRecovery])
        recovery = DialogKeymapTests.dialogs(.en)[3].1
        #expect(press(&recovery, [.char("r")]).isEmpty)
        #expect(recovery.dirty && recovery.mode == .checklist)
    }

    /// Sentences that name a key take it from the keymap: the delete confirmation, an existing
    /// export, an empty list, the rule pane's headings and the too-small screen.
    @Test(arguments: [Language.en, .fr])
    func sentencesNameTheKeysTheKeymapBinds(lang: Language) {
        let fr = lang == .fr
        var s = makeState(language: lang)
        press(&s, [.char("v")])
        #expect(frame(s).contains(fr ? "  Aucune preuve pour l’instant : a pour en ajouter." : "  No evidence yet: press a to add some."))
        press(&s, [.char("a")] + typed("signed plan") + [.ctrl("s"), .delete])
        #expect(s.message?.text == (fr ? "Appuyez encore sur d pour supprimer cet élément." : "Press d again to delete this item."))
        press(&s, [.escape, .char("a")])
        #expect(frame(s).contains(fr ? "  Aucune action pour l’instant : a pour en ajouter." : "  No action yet: press a to add one."))
        press(&s, [.char("a")] + typed("call") + [.ctrl("s"), .escape])
        let pane = frame(makeState(width: 120, height: 70, language: lang, document: s.document))
        #expect(pane.contains { $0.hasSuffix(fr ? " Preuves (v)" : " Evidence (v)") })
        #expect(pane.contains { $0.hasSuffix(" Actions (a)") })
        press(&s, [.char("X")])
        _ = reduce(&s, .exportExists(path: "acme.html"))
        if case .prompt(let p) = s.mode {
            #expect(
                p.error
                    == (fr
                        ? "acme.html existe : Entrée de nouveau pour le remplacer, ou changez le nom."
                        : "acme.html exists: Enter again to replace it, or change the name."))
        } else {
            Issue.record("no prompt")
        }
        #expect(frame(makeState(width: 30, height: 10, language: lang)).contains { $0.contains(fr ? "q pour quitter" : "q quits") })
        let t = Keymap.bindings(.checklist).first { $0.keys == [.char("t")] }
        #expect(t?.help[lang] == (fr ? "fixer la cible (puis 0–3, ou x pour l’enlever)" : "set the target (then 0–3, or x to remove)"))
    }
}
