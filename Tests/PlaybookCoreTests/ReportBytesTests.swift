import PropertyBased
import Testing
@testable import PlaybookCore

/// The byte escapers the reports write with, against the `String` escapers they stand for.
@Suite struct ReportBytesTests {
    /// Text mixing everything the escapers treat apart: ASCII controls and markup, C1, Latin,
    /// the Arabic letter mark, bidi controls and line separators, emoji, and CR LF pairs.
    static let texts = Gen.oneOf(
        Gen.int(in: 0...0x7F), Gen.int(in: 0x80...0x9F), Gen.int(in: 0xA0...0x2FF), Gen.int(in: 0x600...0x61F),
        Gen.int(in: 0x2000...0x206F), Gen.int(in: 0x1F300...0x1F64F), Gen.always(0x0D), Gen.always(0x0A), Gen.always(0x2C), Gen.always(0x22)
    ).map { Character(Unicode.Scalar(UInt32($0))!) }.array(of: 0...40).map { String($0) }

    /// The reports write Markdown with `Markdown`'s own escaper: CR LF, CR and the other line
    /// separators break a block's lines as LF does, and inline text never holds a line break.
    @Test func markdownBlocksReadEveryLineBreakAlike() async {
        await propertyCheck(count: 2_000, input: Self.texts) { text in
            var block = ReportBytes(capacity: 0)
            block.markdownBlock(text)
            #expect(String(decoding: block.bytes, as: UTF8.self) == Markdown.block(ReportText.unifyingNewlines(text)))
            var inline = ReportBytes(capacity: 0)
            inline.markdownInline(text)
            #expect(!inline.bytes.contains(0x0A) && !inline.bytes.contains(0x0D))
        }
    }

    @Test func htmlEscapingMatchesTheStringEscaper() async {
        await propertyCheck(count: 2_000, input: Self.texts, Gen.bool()) { text, keepNewlines in
            var out = ReportBytes(capacity: 0)
            out.html(text, keepNewlines: keepNewlines)
            #expect(String(decoding: out.bytes, as: UTF8.self) == HTMLText.escape(text, keepNewlines: keepNewlines))
        }
    }

    @Test func textLayoutGivesTextWrapsLines() async {
        // Words of simple and of other text (wide, combining, controls), spaces and line breaks of every kind.
        let pieces = ["word", "é", "longerwordthanthewidth", " ", "  ", "\n", "\r\n", "—", "→", "€", "e\u{301}", "日本", "😀", "\u{1B}",
                      "\u{85}", "\u{2028}", "\t", "x", "−1", "66,7\u{202F}%", "\u{202F}\u{301}"]
        let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...40).map { $0.joined() }
        await propertyCheck(count: 1_500, input: texts, Gen.int(in: -2...14)) { text, width in
            var lines: [String] = []
            var bytes = text
            bytes.withUTF8 { ReportTextLayout.wrap($0, width: width) { i, line in
                #expect(i == lines.count)
                lines.append(String(decoding: line, as: UTF8.self))
            } }
            #expect(lines == TextWrap.lines(text, width: width))
            #expect(TextReport.safe(text) == TerminalSafety.visible(text, expandTabs: true))
            #expect(TextReport.safeBlock(text) == TerminalSafety.visible(ReportText.unifyingNewlines(text), keepNewlines: true, expandTabs: true))
        }
    }

    @Test func csvCellsMatchTheStringPath() async {
        let starts = Gen.int(in: 0...5).map { ["", "=", "+", "-", "@", "\t"][$0] }
        await propertyCheck(count: 2_000, input: starts, Self.texts) { start, text in
            var fast: [UInt8] = []
            var general: [UInt8] = []
            CSVWriter.append(start + text, to: &fast)
            CSVWriter.appendEscaped(start + text, to: &general)
            #expect(fast == general)
        }
    }

    @Test func numbersAreWrittenInDecimal() {
        var out = ReportBytes(capacity: 0)
        for n in [0, 7, -3, 10_000, Int.max, Int.min] { out.raw(n); out.raw(" ") }
        #expect(String(decoding: out.bytes, as: UTF8.self) == "0 7 -3 10000 \(Int.max) \(Int.min) ")
    }
}
