import PropertyBased
import Testing

@testable import PlaybookCore

/// The bytes the reports write: Markdown line breaks, numbers.
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

    @Test func numbersAreWrittenInDecimal() {
        var out = ReportBytes(capacity: 0)
        for n in [0, 7, -3, 10_000, Int.max, Int.min] { out.raw(n); out.raw(" ") }
        #expect(String(decoding: out.bytes, as: UTF8.self) == "0 7 -3 10000 \(Int.max) \(Int.min) ")
    }
}
