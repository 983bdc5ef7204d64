import PropertyBased
import Testing
@testable import PlaybookCore

@Suite struct JSONWriterTests {
    @Test func writesTwoSpacePrettyJSONWithTrailingNewline() {
        let value = JSONValue.object(JSONObject([
            JSONMember("b", .array([.number("1"), .string("x")])),
            JSONMember("a", .object(JSONObject())),
            JSONMember("c", .array([])),
        ]))
        let text = String(decoding: JSONWriter.pretty(value), as: UTF8.self)
        #expect(text == "{\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"a\": {},\n  \"c\": []\n}\n")
    }

    @Test func canonicalFormSortsKeysAtEveryLevel() {
        let value = JSONValue.object(JSONObject([JSONMember("b", .object(JSONObject([JSONMember("z", .null), JSONMember("é", .null), JSONMember("a", .null)]))), JSONMember("a", .bool(false))]))
        #expect(String(decoding: JSONWriter.canonical(value), as: UTF8.self) == #"{"a":false,"b":{"a":null,"z":null,"é":null}}"#)
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
            let back = try? JSONParser.parse(bytes)
            #expect(back == .object(JSONObject([JSONMember(s, .string(s))])))
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
        }
    }
}
