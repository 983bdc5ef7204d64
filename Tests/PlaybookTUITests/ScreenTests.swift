import Testing

@testable import PlaybookTUI

@Suite struct ScreenTests {
    @Test func drawsAccentsCombiningMarksAndWideCharactersByColumn() {
        var screen = Screen(width: 12, height: 3)
        screen.put("élève e\u{301}", x: 0, y: 0)
        screen.put("日本語abc", x: 0, y: 1)
        screen.put("ab日本", x: 0, y: 2, maxWidth: 5)
        #expect(screen.lines == ["élève é", "日本語abc", "ab日…"])
        #expect(screen[1, 1].text == "")
    }

    @Test func clipsAtTheEdgesAndNeverWritesOutside() {
        var screen = Screen(width: 5, height: 2)
        #expect(screen.put("abcdefgh", x: 2, y: 0) == 3)
        screen.put("x", x: 9, y: 0)
        screen.put("x", x: 0, y: 5)
        screen.put("abcd日", x: 0, y: 1)
        #expect(screen.lines == ["  ab…", "abcd…"])
    }

    @Test func controlAndBidiCharactersAreShownEscaped() {
        var screen = Screen(width: 40, height: 1)
        screen.put("a\u{1B}]2;PWNED\u{07}\u{9B}\u{202E}b", x: 0, y: 0)
        #expect(screen.lines == ["a\\x1B]2;PWNED\\x07\\x9B\\u202Eb"])
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E } })
    }

    @Test(arguments: ["", "abc", "Élève « ambitieux » – 2 M€ → ◆ ─│", "ÿĀž ‰ ₤ ↓", "x" + String(repeating: "é", count: 30)])
    func simpleTextDrawsAsTheGeneralPathDraws(_ text: String) {
        // A zero-width space sends the same text down the general path and adds nothing to see.
        for (x, maxWidth) in [(0, nil), (3, 5), (-2, nil), (-2, 4), (7, 0), (11, nil)] as [(Int, Int?)] {
            var fast = Screen(width: 12, height: 1)
            var general = Screen(width: 12, height: 1)
            let used = fast.put(text, x: x, y: 0, role: .title, maxWidth: maxWidth)
            #expect(used == general.put(text + "\u{200B}", x: x, y: 0, role: .title, maxWidth: maxWidth), "\(text) at \(x)")
            #expect(fast == general, "\(text) at \(x), \(String(describing: maxWidth))")
        }
    }

    @Test func zeroSizeScreensAreSafe() {
        var screen = Screen(width: 0, height: 0)
        screen.put("hello", x: 0, y: 0)
        screen.fill(x: 0, y: 0, count: 3, role: .selection)
        #expect(screen.lines.isEmpty)
    }
}

@Suite struct CellTests {
    @Test(arguments: ["a", "~", "é", "ÿ", "─", "€", "日", "😀", "\u{10FFFD}"])
    func aSingleScalarIsDecodedFromTheCellsBytes(_ text: String) {
        #expect(Cell(text).singleScalar == text.unicodeScalars.first!.value)
    }

    @Test(arguments: ["e\u{301}", "👍🏽", "🇫🇷", ""])
    func sequencesAndContinuationsHaveNoSingleScalar(_ text: String) {
        #expect(Cell(text).singleScalar == nil)
    }
}
