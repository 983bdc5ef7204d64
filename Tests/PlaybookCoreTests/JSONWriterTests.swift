import PropertyBased
import Testing

@testable import PlaybookCore

@Suite struct JSONWriterTests {
    @Test func writesTwoSpacePrettyJSONWithTrailingNewline() {
        let value = JSONValue.object(
            JSONObject([
                JSONMember("b", .array([.number("1"), .string("x")])),
                JSONMember("a", .object(JSONObject())),
                JSONMember("c", .array([])),
            ]))
        let text = String(decoding: JSONWriter.pretty(value), as: UTF8.self)
        #expect(text == "{\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"a\": {},\n  \"c\": []\n}\n")
    }

    @Test func canonicalFormSortsKeysAtEveryLevel() throws {
        let tape = try JSONTape.parse(Array(#"{"b": {"z": null, "é": null, "a": null}, "a": false}"#.utf8))
        #expect(tape.withRoot { $0.canonicalSHA256() } == SHA256.hex(Array(#"{"a":false,"b":{"a":null,"z":null,"é":null}}"#.utf8)))
    }

    @Test func escapesTerminalAndBidiControlsSoTheFileIsSafeToCat() {
        let text = String(decoding: JSONWriter.pretty(.string("a\u{1B}]2;PWNED\u{07}\u{9B}\u{202E}\u{7F}\n\t\"\\")), as: UTF8.self)
        #expect(text == "\"a\\u001b]2;PWNED\\u0007\\u009b\\u202e\\u007f\\n\\t\\\"\\\\\"\n")
        #expect(!text.unicodeScalars.dropLast().contains(where: TerminalSafety.isUnsafe))
    }

    @Test func anyStringSurvivesWriteThenParse() async {
        let scalars = Gen.oneOf(
            Gen.int(in: 0...0xD7FF),
            Gen.int(in: 0xE000...0x10FFFF)
        ).map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(count: 300, input: scalars.array(of: 0...40)) { chars in
            let s = String(chars)
            let bytes = JSONWriter.pretty(.object(JSONObject([JSONMember(s, .string(s))])))
            let back = try? tree(bytes)
            #expect(back == .object(JSONObject([JSONMember(s, .string(s))])))
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
        }
    }

    @Test func prettyOutputReadsBackAsTheSameValue() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...1_000).array(of: 0...40)) { choices in
            var position = 0
            func next(_ bound: Int) -> Int {
                defer { position += 1 }
                return position < choices.count ? choices[position] % bound : 0
            }
            func value(_ depth: Int) -> JSONValue {
                switch next(depth > 3 ? 5 : 7) {
                case 0: return .null
                case 1: return .bool(next(2) == 0)
                case 2: return .number(["0", "-1.5", "1e3"][next(3)])
                case 3, 4: return .string(["", "plain", "é \u{1B} \"q\" \\", "\u{202E}\n"][next(4)])
                case 5: return .array((0..<next(4)).map { _ in value(depth + 1) })
                default: return .object(JSONObject((0..<next(4)).map { i in JSONMember("k\(i)", value(depth + 1)) }))
                }
            }
            let v = value(0)
            #expect((try? tree(JSONWriter.pretty(v))) == v)
        }
    }
}
