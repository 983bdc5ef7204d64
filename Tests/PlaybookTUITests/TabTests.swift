import PlaybookCore
import Testing

@testable import PlaybookTUI

/// A tab is kept in the text and shown as spaces to the next tab stop (every 8 columns).
@Suite struct TabTests {
    @Test func aPastedTabIsKeptInTheNote() {
        var s = makeState(width: 80, height: 24)
        press(&s, [.enter] + typed("ab") + [.tab] + typed("c"))
        #expect(s.answer.note == "ab\tc")
        let lines = frame(s)
        #expect(lines[4] == " ab" + String(repeating: "\u{A0}", count: 6) + "c")
        #expect(cursorPosition(s)! == (x: 10, y: 4))
        press(&s, [.left, .left])
        #expect(cursorPosition(s)! == (x: 3, y: 4))
    }

    @Test func aTabIsShownAsSpacesInTheRulePane() {
        var s = makeState(width: 120, height: 70)
        press(&s, [.enter] + typed("Owner:") + [.tab] + typed("Paul") + [.escape])
        let lines = frame(s)
        #expect(lines.contains { $0.hasSuffix("│ Owner:\u{A0}\u{A0}Paul") })
        #expect(!lines.contains { $0.contains("\\t") })
    }

    @Test func otherControlsStayEscaped() {
        var screen = Screen(width: 30, height: 1)
        screen.put("a\tb\u{1B}c", x: 0, y: 0)
        #expect(screen.lines == ["a" + String(repeating: "\u{A0}", count: 7) + "b\\x1Bc"])
    }
}
