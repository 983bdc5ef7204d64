import PropertyBased
import Testing

@testable import PlaybookCore

@Suite struct ReportEscapingTests {
    @Test func htmlEscapesTheFiveSpecialCharactersAndShowsControls() {
        #expect(HTMLText.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTMLText.escape("a\u{1B}]2;PWNED\u{07}b\u{9B}\u{202E}") == "a\\x1B]2;PWNED\\x07b\\x9B\\u202E")
        #expect(HTMLText.escape("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree four")
        #expect(HTMLText.escape("one\ntwo", keepNewlines: false) == "one two")
        #expect(HTMLText.escape("&amp; already") == "&amp;amp; already")
        #expect(HTMLText.escape("Crème « brûlée » — 日本 😀") == "Crème « brûlée » — 日本 😀")
    }

    @Test func htmlEscapingNeverLetsMarkupOrControlsThrough() async {
        let ranges = Gen.oneOf(Gen.int(in: 0...0x2FF), Gen.int(in: 0x2000...0x206F), Gen.int(in: 0xE000...0xFFFD), Gen.int(in: 0x1F300...0x1F64F))
        let scalars = ranges.map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(count: 1_000, input: scalars.array(of: 0...40)) { chars in
            let input = String(chars)
            for keep in [true, false] {
                let out = HTMLText.escape(input, keepNewlines: keep)
                for scalar in out.unicodeScalars {
                    #expect(!["<", ">", "\"", "'"].contains(scalar))
                    #expect(scalar == "\n" ? keep : !TerminalSafety.isUnsafe(scalar))
                }
                // Every `&` starts one of the references the escaper writes (compared by scalars: a
                // combining mark after the `;` would make a Character comparison fail).
                let scalars = Array(out.unicodeScalars)
                for (i, scalar) in scalars.enumerated() where scalar == "&" {
                    let tail = String(String.UnicodeScalarView(scalars[i..<min(scalars.count, i + 6)]))
                    #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { tail.unicodeScalars.starts(with: $0.unicodeScalars) }, "\(tail)")
                }
            }
        }
    }

    @Test func htmlEscapingRoundTripsThroughAnHTMLDecoder() async {
        let scalars = Gen.int(in: 0x20...0x7E).map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(count: 500, input: scalars.array(of: 0...40)) { chars in
            let input = String(chars)
            #expect(Self.decodeReferences(HTMLText.escape(input)) == input)
        }
    }

    static func decodeReferences(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        let table = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let (ref, char) = table.first(where: { tail.hasPrefix($0.key) }) else { return out + tail }
            out += char
            rest = tail.dropFirst(ref.count)
        }
        return out + rest
    }

    @Test func csvQuotesOnlyWhenNeededAndDoublesQuotes() {
        var out: [UInt8] = []
        CSVWriter.append("plain", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain")
        out = []
        CSVWriter.append("Comma, \"quoted\" and\nnewline", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"Comma, \"\"quoted\"\" and\nnewline\"")
        var w = CSVWriter(capacity: 64)
        w.row(["a", "b,c", ""])
        w.row(["é", "x\r\ny"])
        #expect(String(decoding: w.bytes, as: UTF8.self) == "a,\"b,c\",\r\né,\"x\ny\"\r\n")
    }

    /// One cell as written, read back by the RFC 4180 reader below.
    static func cell(_ text: String) -> String {
        var w = CSVWriter(capacity: 64)
        w.row([text])
        return readCSVRecord(w.bytes)[0]
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"])
    func csvDefusesFormulas(_ cell: String) {
        let text = Self.cell(cell)
        #expect(text.hasPrefix("'"))
        #expect(!text.hasPrefix("'\r"))
    }

    @Test func csvShowsTerminalControlsAndKeepsTabsAndNewlines() {
        #expect(Self.cell("a\u{1B}[2Jb\u{9B}\u{202E}c\u{7F}\u{0}") == "a\\x1B[2Jb\\x9B\\u202Ec\\x7F\\x00")
        #expect(Self.cell("a\tb\nc") == "a\tb\nc")
        #expect(Self.cell("x = 1") == "x = 1")
        #expect(Self.cell("one\r\ntwo\rthree") == "one\ntwo\nthree")
        #expect(Self.cell("\r\u{85}x, \"y\"") == "'\n\\x85x, \"y\"")
        var out: [UInt8] = []
        CSVWriter.append("\u{1B}\"", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"\\x1B\"\"\"")
        out = []
        CSVWriter.append("", to: &out)
        #expect(out.isEmpty)
    }

    @Test func csvEscapingRoundTripsThroughAnRFC4180Reader() async {
        let scalars = Gen.oneOf(Gen.int(in: 0x20...0x7E), Gen.int(in: 0xE0...0xFF), Gen.always(0x0A), Gen.always(0x22), Gen.always(0x2C))
            .map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(count: 500, input: scalars.array(of: 0...30).array(of: 1...5)) { rows in
            let cells = rows.map { String($0) }
            var w = CSVWriter(capacity: 256)
            w.row(cells)
            // Without controls a cell reads back as it is, a formula defused with `'`.
            #expect(Self.readCSVRecord(w.bytes) == cells.map { "=+-@".contains($0.first ?? " ") ? "'" + $0 : $0 })
        }
    }

    /// A minimal RFC 4180 reader for one record ending in CRLF.
    static func readCSVRecord(_ bytes: [UInt8]) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                break
            } else {
                field.append(b)
            }
            i += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors { #expect(HTMLStyle.base64(Array(plain.utf8)) == encoded) }
    }

    @Test func contentSecurityPolicyAllowsExactlyTheInlineStylesheet() {
        let policy = HTMLStyle.contentSecurityPolicy
        #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
        #expect(!policy.contains("script") && !policy.contains("unsafe"))
        // The hash is written out in the source: it must be the stylesheet's.
        #expect(HTMLStyle.cssHash == HTMLStyle.computedCSSHash, "set HTMLStyle.cssHash to \(HTMLStyle.computedCSSHash)")
        #expect(policy == HTMLStyle.policy(styleHash: HTMLStyle.computedCSSHash))
        // The hash of the empty string, as a check of the encoding path: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=
        #expect(
            HTMLStyle.base64([
                0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
                0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
            ])
                == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }
}
