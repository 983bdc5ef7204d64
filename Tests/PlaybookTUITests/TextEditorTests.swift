import PlaybookCore
import Testing

@testable import PlaybookTUI

@Suite struct TextEditorTests {
    @Test func typesAndDeletesUnicodeText() {
        var e = TextEditor(singleLine: false)
        e.insert("Élan « vital » — 日本")
        #expect(e.text == "Élan « vital » — 日本")
        e.backspace()
        e.left()
        e.left()
        e.deleteForward()
        #expect(e.text == "Élan « vital » —日")
        #expect(e.cursor == 16)
    }

    @Test func pastedLinesKeepTheirBreaksAndCRLFBecomesLF() {
        var e = TextEditor(singleLine: false)
        e.insert("one\r\ntwo\rthree\nfour")
        #expect(e.text == "one\ntwo\nthree\nfour")
        var single = TextEditor(singleLine: true)
        single.insert("a\nb")
        #expect(single.text == "a b")
    }

    @Test func movesByWord() {
        var e = TextEditor("plan d’affaires commun", singleLine: true)
        e.wordLeft()
        #expect(e.cursor == 16)
        e.wordLeft()
        #expect(e.cursor == 7)
        e.wordLeft()
        #expect(e.cursor == 5)
        e.wordRight()
        #expect(e.cursor == 6)
        e.wordRight()
        #expect(e.cursor == 15)
        e.deleteWordBackward()
        #expect(e.text == "plan d’ commun")
    }

    @Test func wrapsAtSpacesAndMovesByVisualLine() {
        var e = TextEditor("aaa bbb ccc ddd", singleLine: false)
        let lines = e.layout(width: 8)
        #expect(lines.map(e.string) == ["aaa bbb ", "ccc ddd"])
        #expect(e.position(in: lines) == (row: 1, column: 7))
        e.up(width: 8)
        #expect(e.position(in: e.layout(width: 8)).row == 0)
        #expect(e.cursor == 7)
        e.lineStart(width: 8)
        #expect(e.cursor == 0)
        e.lineEnd(width: 8)
        #expect(e.cursor == 7)
        e.down(width: 8)
        e.down(width: 8)
        #expect(e.cursor == 15)
    }

    @Test func longWordsBreakAndWideCharactersCountTwo() {
        let e = TextEditor("日本語日本語", singleLine: false)
        #expect(e.layout(width: 5).map(e.string) == ["日本", "語日", "本語"])
        let f = TextEditor("abcdefghij", singleLine: false)
        #expect(f.layout(width: 4).map(f.string) == ["abcd", "efgh", "ij"])
    }

    @Test func respectsTheLengthLimit() {
        var e = TextEditor(singleLine: true, maxLength: 5)
        e.insert("abcdefgh")
        #expect(e.text == "abcde")
    }

    @Test(arguments: ["", "abc", "e\u{301}té 日本 👍🏽 🇫🇷 x", "a\r\nb\nc\u{1B}"])
    func textIsTheCharactersJoinedByteForByte(_ text: String) {
        let editor = TextEditor(text, singleLine: false)
        #expect(Array(editor.text.utf8) == Array(text.utf8))
        let lines = editor.layout(width: 4)
        #expect(Array(lines.map(editor.string).joined().utf8) == Array(text.filter { $0 != "\n" }.utf8))
    }

    @Test func oneByteCharactersMeasureAsTheGeneralRuleSays() {
        for byte in UInt8(0)..<0x80 {
            let ch = Character(Unicode.Scalar(byte))
            #expect(TextEditor.width(ch) == DisplayWidth.of(ch), "\(byte)")
        }
        for ch: Character in ["é", "e\u{301}", "日", "❤\u{FE0F}", "\r\n"] {
            #expect(TextEditor.width(ch) == DisplayWidth.of(ch))
        }
    }
}
