import PlaybookCore
import Testing

@testable import PlaybookTUI

/// Issue 11 items 3 and 9: what the terminal sends becomes the key it means, or nothing; never
/// Esc followed by ordinary keys that score a rule.
@Suite struct KeyDecoderTests {
    static let esc: UInt32 = 27

    static func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// The key a terminfo capability names, or nil for one the checklist does not use.
    static func key(ofCapability name: String) -> Key? {
        switch name {
        case "kcuu1": return .up
        case "kcud1": return .down
        case "kcub1": return .left
        case "kcuf1": return .right
        case "khome": return .home
        case "kend": return .end
        case "kpp": return .pageUp
        case "knp": return .pageDown
        case "kdch1": return .delete
        case "kcbt", "kcbt2": return .backTab
        case "kent": return .enter
        case "kLFT5": return .ctrlLeft
        case "kRIT5": return .ctrlRight
        default:
            if name.hasPrefix("kf"), let n = Int(name.dropFirst(2)), (1...12).contains(n) { return .function(n) }
            return nil
        }
    }

    /// xterm's modifier forms, Shift (2) to Meta-Ctrl-Alt-Shift (8): `CSI 1;N X` and `CSI n;N ~`.
    static let modifierForms: [(bytes: [UInt32], key: Key?)] = {
        var forms: [(bytes: [UInt32], key: Key?)] = []
        for n in 2...8 {
            for final in "ABCDHFPQRS" {
                let key: Key? = n == 5 && final == "D" ? .ctrlLeft : n == 5 && final == "C" ? .ctrlRight : nil
                forms.append((codes("\u{1B}[1;\(n)\(final)"), key))
            }
            for code in [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24] {
                forms.append((codes("\u{1B}[\(code);\(n)~"), nil))
            }
        }
        return forms
    }()

    /// Every sequence with the keys it may mean: a sequence two terminals use for two keys (putty's
    /// Ctrl-← is xterm's ←) may decode to either; one no capability names a used key decodes to nothing.
    static let allSequences: [(bytes: [UInt32], keys: Set<Key>)] = {
        var meanings: [[UInt32]: Set<Key>] = [:]
        var order: [[UInt32]] = []
        func add(_ bytes: [UInt32], _ key: Key?) {
            if meanings[bytes] == nil { order.append(bytes) }
            meanings[bytes, default: []].formUnion(key.map { [$0] } ?? [])
        }
        for entry in terminalKeySequences { add(entry.bytes, key(ofCapability: entry.capability)) }
        for form in modifierForms { add(form.bytes, form.key) }
        return order.map { ($0, meanings[$0]!) }
    }()

    @Test func everyTerminfoSequenceIsOneKeyOrNothing() {
        #expect(terminalKeySequences.count > 300)
        for (bytes, keys) in KeyDecoderTests.allSequences {
            let got = decoded(bytes)
            #expect(got.count <= 1, "\(bytes) decoded to \(got)")
            if keys.isEmpty {
                #expect(got.isEmpty, "\(bytes) means no key here, decoded to \(got)")
            } else {
                #expect(got.count == 1 && keys.contains(got[0]), "\(bytes) should be one of \(keys), decoded to \(got)")
            }
        }
    }

    @Test func knownSequencesOfCommonTerminalsMeanTheirKey() {
        let cases: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[7~", .home),
            ("\u{1B}[4~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end), ("\u{1B}[8~", .end),
            ("\u{1B}[1;5D", .ctrlLeft), ("\u{1B}[1;5C", .ctrlRight), ("\u{1B}Od", .ctrlLeft), ("\u{1B}Oc", .ctrlRight),
            ("\u{1B}[[A", .function(1)), ("\u{1B}OP", .function(1)), ("\u{1B}[11~", .function(1)),
            ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab), ("\u{1B}\t", .backTab),
        ]
        for (text, key) in cases {
            #expect(decoded(KeyDecoderTests.codes(text)) == [key], "\(text.debugDescription)")
        }
    }

    @Test func incompleteAndMalformedSequencesAreDroppedWhole() {
        // Cut off by the wait: nothing.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}[21;7")) == [])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}O")) == [])
        // A mouse report's three bytes belong to it, SGR mouse and bracketed-paste marks too.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}[M !!")) == [])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}[<0;12;5M")) == [])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}[200~2\u{1B}[201~")) == [.char("2")])
        // rxvt's Alt-arrows (ESC ESC [ A) mean nothing; two Esc pressed are two.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}\u{1B}[A")) == [])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}\u{1B}")) == [.escape, .escape])
        // A control character breaks a sequence: what came before is dropped, the character counts.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}[2\r")) == [.enter])
        // Alt-x, Esc then Enter, and plain text around a sequence.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}b")) == [.alt("b")])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}\r")) == [.escape, .enter])
        #expect(decoded(KeyDecoderTests.codes("a\u{1B}[21;7~é")) == [.char("a"), .char("é")])
    }

    /// A terminal's reply to a query (OSC, DCS, APC, PM, SOS strings) is dropped whole, up to BEL
    /// or ESC \\, never read as Esc and keys (it used to score rules).
    @Test func controlStringsAreDroppedWhole() {
        #expect(decoded(KeyDecoderTests.codes("\u{1B}]11;rgb:1e1e/1e1e/1e1e\u{07}")) == [])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}]11;rgb:1e1e/1e1e/1e1e\u{1B}\\x")) == [.char("x")])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}P1$r0m\u{1B}\\2")) == [.char("2")])
        #expect(decoded(KeyDecoderTests.codes("\u{1B}_app\u{1B}\\\u{1B}^pm\u{07}\u{1B}Xsos\u{07}")) == [])
        // ESC inside a string followed by anything but a backslash ends it and starts anew.
        #expect(decoded(KeyDecoderTests.codes("\u{1B}]0;title\u{1B}[A")) == [.up])
        // An unfinished string (the wait ran out) is dropped too.
        var decoder = KeyDecoder()
        for code in KeyDecoderTests.codes("\u{1B}]11;rgb") { _ = decoder.feed(.character(code)) }
        #expect(decoder.feed(.timeout) == [])
        #expect(decoder.feed(.character(50)) == [.char("2")])
    }

    /// Item 9: a resize (or a click) that arrives while the decoder waits after Esc is kept, after the Esc.
    @Test func aResizeRightAfterEscIsKept() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.isWaiting)
        #expect(decoder.feed(.key(.resize)) == [.escape, .resize])
        #expect(!decoder.isWaiting)
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.feed(.character(91)) == [])
        #expect(decoder.feed(.key(.resize)) == [.resize])
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.feed(.key(.click(x: 3, y: 4))) == [.escape, .click(x: 3, y: 4)])
        // An arrow ncurses decoded right after Esc is Alt-arrow: nothing.
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.feed(.key(.up)) == [])
    }

    @Test func ctrlArrowsMoveByWordInTheNoteEditor() {
        var state = makeState()
        press(&state, [.enter] + typed("one two three"))
        press(&state, decoded(KeyDecoderTests.codes("\u{1B}[1;5D")) + [.char("[")])
        press(&state, decoded(KeyDecoderTests.codes("\u{1B}[1;5D\u{1B}[1;5D")) + [.char("(")])
        press(&state, decoded(KeyDecoderTests.codes("\u{1B}[1;5C")) + [.char(")")])
        #expect(state.answer.note == "(one) two [three")
    }

    @Test func theIssueCasesChangeNothing() {
        // Ctrl-Alt-F10 on a rule scored 2.
        var state = makeState()
        press(&state, [.char("2"), .up])
        let before = (frame(state), state.document)
        press(&state, decoded(KeyDecoderTests.codes("\u{1B}[21;7~")))
        #expect(frame(state) == before.0)
        #expect(state.document == before.1)
        // PuTTY's Home under TERM=xterm in the note editor: the start of the line, the editor stays open.
        press(&state, [.enter] + typed("abc"))
        press(&state, decoded(KeyDecoderTests.codes("\u{1B}[1~")) + [.char("X")])
        #expect(state.mode.kind == .note)
        #expect(state.answer.note == "Xabc")
        #expect(state.answer.state == .scored(2))
    }

    /// One state per screen, each with something a stray key could change.
    static func screens() throws -> [(String, AppState)] {
        var list: [(String, AppState)] = []
        func make(_ name: String, _ keys: [Key], _ also: (inout AppState) -> Void = { _ in }) {
            var state = makeState()
            press(&state, [.char("2"), .up] + keys)
            also(&state)
            list.append((name, state))
        }
        make("checklist", [])
        make("note", [.enter] + typed("abc def") + [.left, .left])
        make("prompt", [.down, .char("n")] + typed("no channel"))
        make("target", [.char("t")])
        make("confirmQuit", [.char("q")])
        make("conflict", [.char("s")]) { _ = reduce(&$0, .saveTargetRead(path: "acme.json", .openFile(bytes: [0x7B]))) }
        make("fileExists", [.char("S")] + typed("b.json") + [.enter]) { _ = reduce(&$0, .saveTargetRead(path: "b.json", .otherFile(exists: true))) }
        make("recovery", []) { $0.offerRecovery(RecoveryOffer(document: $0.document, bytes: [], savedAt: fixedNow, diskIsNewer: false)) }
        make("evidence", [.char("v"), .char("a")] + typed("signed plan") + [.ctrl("s")])
        make("actions", [.char("a"), .char("a")] + typed("call") + [.ctrl("s"), .char("a")] + typed("write") + [.ctrl("s")])
        make("form", [.char("p")] + typed("Orion") + [.tab] + typed("Globex"))
        make("summary", [.char("r"), .down])
        make("help", [.char("?"), .down])
        let catalog = DefaultCatalog.catalog
        let base = makeState().document
        let side = Comparison.Side(assessment: base, catalog: catalog, path: "a.json")
        let comparison = try Comparison.build(side, Comparison.Side(assessment: list[0].1.document, catalog: catalog, path: "b.json"))
        make("compare", []) { $0.openComparison(CompareState(comparison: comparison, fromChecklist: true)) }
        return list
    }

    /// What a user would notice: the screen, the document and whether it is marked unsaved.
    static func seen(_ state: AppState) -> [String] {
        frame(state) + [String(decoding: state.document.encoded(catalog: state.catalog), as: UTF8.self), "\(state.dirty)"]
    }

    @Test func onEveryScreenASequenceDoesWhatItsKeyIsBoundToOrNothing() throws {
        let screens = try KeyDecoderTests.screens()
        #expect(Set(screens.map { "\($0.1.mode.kind)" }).count == ModeKind.allCases.count)
        for (name, screen) in screens {
            let unchanged = KeyDecoderTests.seen(screen)
            for (bytes, keys) in KeyDecoderTests.allSequences {
                var state = screen
                press(&state, decoded(bytes))
                let after = KeyDecoderTests.seen(state)
                var allowed = keys.map { key -> [String] in
                    var s = screen
                    press(&s, [key])
                    return KeyDecoderTests.seen(s)
                }
                if keys.isEmpty { allowed = [unchanged] }
                let asBound = allowed.contains(after)
                #expect(asBound, "\(name): \(bytes) changed what its key would not")
            }
        }
    }
}
