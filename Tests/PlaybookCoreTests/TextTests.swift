import PropertyBased
import Testing

@testable import PlaybookCore

@Suite struct TextTests {
    @Test func terminalSafetyMakesControlsVisible() {
        #expect(TerminalSafety.visible("a\u{1B}]2;PWNED\u{07}b") == "a\\x1B]2;PWNED\\x07b")
        #expect(TerminalSafety.visible("x\u{9B}y\u{202E}z\u{7F}") == "x\\x9By\\u202Ez\\x7F")
        #expect(TerminalSafety.visible("line1\nline2", keepNewlines: true) == "line1\nline2")
        #expect(TerminalSafety.visible("line1\nline2") == "line1\\nline2")
        #expect(TerminalSafety.visible("Crème « brûlée » — 日本") == "Crème « brûlée » — 日本")
    }

    @Test func visibleOutputNeverHoldsAnUnsafeScalarAndIsIdempotent() async {
        let scalars = Gen.oneOf(Gen.int(in: 0...0x2FF), Gen.int(in: 0x2000...0x206F)).map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(count: 500, input: scalars.array(of: 0...30)) { chars in
            let once = TerminalSafety.visible(String(chars))
            #expect(!once.unicodeScalars.contains(where: TerminalSafety.isUnsafe))
            #expect(TerminalSafety.visible(once) == once)
        }
    }

    @Test func displayWidthCountsAccentsCombiningMarksAndWideCharacters() {
        #expect(DisplayWidth.of("élève") == 5)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("«\u{A0}»") == 3)
    }

    @Test func wrapsByColumnsAndBreaksLongWords() {
        #expect(TextWrap.lines("aa bb cc", width: 5) == ["aa bb", "cc"])
        #expect(TextWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextWrap.lines("日本語日本", width: 4) == ["日本", "語日", "本"])
        #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextWrap.clip("Gouvernance", width: 6) == "Gouve…")
        #expect(TextWrap.pad("é", width: 3) == "é  ")
    }

    @Test func markdownEscapingKeepsStructure() {
        #expect(Markdown.inline("a|b*c*\n# d <script>") == "a\\|b\\*c\\* # d \\<script>")
        #expect(!Markdown.inline("x\u{1B}[2J\u{202E}").unicodeScalars.contains(where: TerminalSafety.isUnsafe))
    }

    /// Issue 11, item 13: only what would make structure where the text stands is escaped.
    @Test(arguments: [
        // Nothing to escape in ordinary prose, figures and names.
        (
            "54.8% of Île-de-France (Q3) — 1+1=2, e-mail: x; #1 'ok' \"yes\" {a} $5 ^ ! 100 %", false,
            "54.8% of Île-de-France (Q3) — 1+1=2, e-mail: x; #1 'ok' \"yes\" {a} $5 ^ ! 100 %"
        ),
        // Inline markup is escaped anywhere.
        (
            "a *b* _c_ `d` [e](f) ![g](h) <i> a|b ~~s~~ \\ &amp; &#38; & x", false,
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) !\\[g\\](h) \\<i> a\\|b \\~\\~s\\~\\~ \\\\ \\&amp; \\&#38; & x"
        ),
        // GFM autolinks: the `://` and the `www.` (an email address cannot be escaped: it stays as it is).
        ("see http://x.io www.y.io a@b.io", false, "see http\\://x.io www\\.y.io a@b.io"),
        // A closing `#` run would be cut from a heading.
        ("C# and F # #", false, "C# and F # \\#"),
        // At a line start: headings, quotes, list items, rules, setext lines, ordered lists, indentation.
        ("# h", true, "\\# h"), ("#tag", true, "#tag"), ("####### seven", true, "####### seven"),
        ("> q", true, "\\> q"), ("- i", true, "\\- i"), ("-5 °C", true, "-5 °C"), ("+ i", true, "\\+ i"),
        ("---", true, "\\---"), ("===", true, "\\==="), ("1. a", true, "1\\. a"), ("12) a", true, "12\\) a"),
        ("2026-09-30", true, "2026-09-30"), ("    code", true, "code"), ("\tcode", true, "code"),
        ("# h", false, "# h"), ("> q", false, "> q"), ("1. a", false, "1. a"),
    ])
    func markdownEscapesOnlyWhatWouldMakeStructure(_ text: String, _ atLineStart: Bool, _ expected: String) {
        #expect(Markdown.inline(text, atLineStart: atLineStart) == expected)
    }

    @Test func markdownBlocksEscapeEveryLineStart() {
        #expect(Markdown.block("a\n# b\n- c\n1. d\n---\n    e\r\nf.") == "a\\\n\\# b\\\n\\- c\\\n1\\. d\\\n\\---\\\ne\\\nf.")
        #expect(Markdown.block("- a\n- b", atLineStart: false) == "- a\\\n\\- b")
        #expect(Markdown.inline("a\nb\u{7}c\u{85}d\u{2028}e") == "a bcde")
    }

    @Test func datesAreRealCalendarDates() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-1-01") == nil)
        #expect(CalendarDate(iso: "2026-11-27")?.daysSinceEpoch == 20_784)
        #expect(CalendarDate(daysSinceEpoch: 20_784).description == "2026-11-27")
        #expect(Timestamp(iso: "2026-11-27T10:30:00+01:00")?.description == "2026-11-27T09:30:00Z")
        #expect(Timestamp(iso: "2026-11-27 10:30:00Z") == nil)
    }

    /// Line breaks of every kind, spaces that belong to a character, wide and combining text, cuts.
    @Test func wrappingFollowsCharactersNotBytes() {
        #expect(TextWrap.lines("a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h", width: 10) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(TextWrap.lines("", width: 5) == [""])
        #expect(TextWrap.lines("\n", width: 5) == ["", ""])
        #expect(TextWrap.lines("   lead  and   trail   ", width: 40) == ["lead and trail"])
        #expect(TextWrap.lines("aa bb", width: 0) == ["a", "a", "b", "b"])
        // A space followed by a combining mark is one character, not a break; so is a prepended mark and a space.
        #expect(TextWrap.lines("ab \u{301}cd ef", width: 6) == ["ab \u{301}cd", "ef"])
        #expect(TextWrap.lines("x \u{903}y z", width: 3) == ["x \u{903}y", "z"])
        #expect(TextWrap.lines("\u{600} x y", width: 2) == ["\u{600} x", "y"])
        // Wide characters take two columns; a long word is cut between characters, never inside one.
        #expect(TextWrap.lines("日本 語", width: 4) == ["日本", "語"])
        #expect(TextWrap.lines("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
        #expect(TextWrap.lines("😀😀😀 🇫🇷🇫🇷", width: 4) == ["😀😀", "😀", "🇫🇷🇫🇷"])
        #expect(TextWrap.lines("élève à l’école", width: 7) == ["élève à", "l’école"])
        // Controls are one column each (they are made visible before they are shown).
        #expect(TextWrap.lines("a\tb \u{1B}c", width: 3) == ["a\tb", "\u{1B}c"])
    }

    /// What any wrapping must give, checked with the standard library's characters: no line wider
    /// than the width unless it is one character, and every visible character but the separating
    /// spaces and line breaks kept in order.
    @Test func wrappingKeepsEveryCharacterAndFitsTheWidth() async {
        let pieces = [
            "a", "é", "Z", "’", "—", "→", "€", "\u{A0}", " ", "  ", "\n", "\r\n", "\r", "\u{85}", "\u{2028}",
            "e\u{301}", " \u{301}", "\u{600} ", "日", "😀", "❤\u{FE0F}", "\u{200D}", "\u{1B}", "\t", "longerwordthanthewidth",
        ]
        let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...40).map { $0.joined() }
        await propertyCheck(count: 1_500, input: texts, Gen.int(in: 1...12)) { text, width in
            let lines = TextWrap.lines(text, width: width)
            for line in lines { #expect(DisplayWidth.of(line) <= width || line.count == 1, "\(line)") }
            // (A word of no width at all, such as a lone mark, is left out where another word follows.)
            let kept = Array(text.filter { $0 != " " && !$0.isNewline && DisplayWidth.of($0) > 0 }.unicodeScalars)
            #expect(lines.flatMap { $0.filter { $0 != " " && DisplayWidth.of($0) > 0 }.unicodeScalars } == kept)
            #expect(lines.count >= text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count)
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
    }

    @Test func incrementalSHA256MatchesTheOneShotDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for split in [0, 1, 63, 64, 65, 500, 1000] {
            var hasher = SHA256.Hasher()
            hasher.update(Array(bytes[..<split]))
            hasher.update(Array(bytes[split...]))
            #expect(hasher.finalize() == SHA256.hex(bytes))
        }
    }

    @Test func utf8ValidationFindsWhereTheStandardDecoderFails() async {
        // Runs of ASCII (skipped eight bytes at a time) around the sequences that are hard to get right.
        let pieces: [[UInt8]] = [
            Array("plain ascii text".utf8), Array("é€😀".utf8), [0x80], [0xC0, 0xAF], [0xC2], [0xE0, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5], [0xFF], [0xE2, 0x82],
        ]
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...12)) { picks in
            let bytes = picks.flatMap { pieces[$0] }
            var reference: Int?
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var offset = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break loop
                case .error:
                    reference = offset
                    break loop
                }
            }
            #expect(UTF8Validation.firstInvalidOffset(bytes) == reference)
        }
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// `[String].joined(separator:)` is ours (concrete, for speed); it must give what the standard
/// library's gives.
@Suite struct JoiningTests {
    @Test(arguments: [[], [""], ["", ""], ["a"], ["a", "b"], ["été", "", "日本語", "e\u{301}"], ["x", "y", "z", "w"]] as [[String]])
    func joinedAsTheStandardLibrary(_ parts: [String]) {
        for separator in ["", "\n", ", ", "—"] {
            let reference = parts.enumerated().reduce(into: "") { out, item in
                if item.offset > 0 { out += separator }
                out += item.element
            }
            #expect(parts.joined(separator: separator) == reference)
            #expect(Array(parts.joined(separator: separator).utf8) == Array(reference.utf8))
            // The standard library's own version, reached through a protocol-typed sequence.
            #expect(AnySequence(parts).joined(separator: separator) == reference)
        }
    }
}

/// The scalars S3 names unsafe, and only them, are escaped, alone and between other text.
@Suite struct TerminalSafetyScalarTests {
    static func listedUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || [0x061C, 0x200E, 0x200F].contains(v)
            || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    @Test func everyScalarIsJudgedAsTheListSays() {
        var disagreements: [UInt32] = []
        var values = Array(UInt32(0)...0xFFFF)
        values += stride(from: UInt32(0x10000), through: 0x10FFFF, by: 97)
        for v in values {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let alone = String(Character(scalar))
            let between = "é’" + alone + "x\u{2019}"
            let unsafe = Self.listedUnsafe(v)
            if TerminalSafety.isUnsafe(scalar) != unsafe || (TerminalSafety.visible(alone) != alone) != unsafe
                || (TerminalSafety.visible(between) != between) != unsafe
            {
                disagreements.append(v)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
        #expect(TerminalSafety.visible("d’or \u{202E}evil\u{1B}[2J") == "d’or \\u202Eevil\\x1B[2J")
        #expect(TerminalSafety.visible("\u{0}\u{1F}\u{85}\u{61C}\u{200F}\u{2069}\r") == "\\x00\\x1F\\x85\\u061C\\u200F\\u2069\\r")
    }
}

@Suite struct PluralAndSuggestionTests {
    @Test func countsFollowEachLanguagesRule() {
        #expect(Language.en.count(0, en: "file", "files", fr: "fichier", "fichiers") == "0 files")
        #expect(Language.en.count(1, en: "file", "files", fr: "fichier", "fichiers") == "1 file")
        #expect(Language.fr.count(0, en: "file", "files", fr: "fichier", "fichiers") == "0 fichier")
        #expect(Language.fr.count(1, en: "file", "files", fr: "fichier", "fichiers") == "1 fichier")
        #expect(Language.fr.count(2, en: "file", "files", fr: "fichier", "fichiers") == "2 fichiers")
    }

    @Test func suggestionsPreferWholePartsThenFewTypos() {
        let ids = ["strategic-level", "ambitious-targets", "right-level-right-time", "strong-governance"]
        #expect(Suggestion.nearest("strategic", among: ids) == ["strategic-level"])
        #expect(Suggestion.nearest("governance", among: ids) == ["strong-governance"])
        #expect(Suggestion.nearest("stratgeic-level", among: ids) == ["strategic-level"])
        #expect(Suggestion.nearest("xyz", among: ids) == [])
        #expect(Suggestion.distance("shwo", "show") == 1)
        #expect(Suggestion.distance("repot", "report") == 1)
    }
}

/// Issue 11 item 16: wrapped French never starts a line with `:` `;` `?` `!` `»`, nor ends one with `«`.
@Suite struct FrenchWrapTests {
    @Test func frenchPunctuationStaysWithItsWord() {
        let text = "Le score global : 54 % ; la couverture ? Voilà ! Le « partenariat sur affaires » n’existe pas."
        // From the width of the longest word with its mark ("« partenariat", 13): narrower, words are cut anyway.
        for width in 13...40 {
            for line in TextWrap.lines(text, width: width) {
                let trimmed = line.drop { $0 == " " }
                #expect(!(trimmed.first.map { ":;?!»".contains($0) } ?? false), "\(width): \(line)")
                #expect(!line.hasSuffix("«"), "\(width): \(line)")
            }
        }
        #expect(TextWrap.lines("Le score global : 54", width: 16) == ["Le score", "global : 54"])
    }
}
