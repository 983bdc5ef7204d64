import Testing
@testable import PlaybookCore

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingOrderAndNumberLexemes() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.50, -3e2, true, null], "a": {"x": "é\u00e9\n"}}"#)
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o.members.map(\.key) == ["b", "a"])
        #expect(o["b"] == .array([.number("1"), .number("2.50"), .number("-3e2"), .bool(true), .null]))
        #expect(o["a"]?.objectValue?["x"] == .string("éé\n"))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3, JSONSyntaxError.Reason.duplicateKey("a")),
        ("{\"a\": [1, 2,\n   }", 2, 4, .unexpectedCharacter("}")),
        ("{\"a\": 1", 1, 8, .unexpectedEnd),
        ("[01]", 1, 2, .invalidNumber),
        ("{\"a\": \"x\ty\"}", 1, 9, .controlCharacterInString),
        ("{\"a\": \"\\ud800\"}", 1, 8, .loneSurrogate),
        ("{\"a\": \"\\q\"}", 1, 8, .invalidEscape),
        ("{} {}", 1, 4, .trailingContent),
        ("{'a': 1}", 1, 2, .expected("\"")),
        ("{\"é\": tru}", 1, 7, .unexpectedCharacter("t")),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(input: String, line: Int, column: Int, reason: JSONSyntaxError.Reason) {
        let bytes = Array(input.utf8)
        #expect {
            _ = try JSONParser.parse(bytes)
        } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            let p = TextPosition(offset: e.offset, in: bytes)
            return e.reason == reason && p.line == line && p.column == column
        }
    }

    @Test func rejectsInvalidUTF8WithByteOffset() {
        let bytes: [UInt8] = Array("{\"a\": \"ok".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONSyntaxError(offset: 9, reason: .invalidUTF8)) { try JSONParser.parse(bytes) }
        // Overlong encoding of "/" and an encoded surrogate are invalid too.
        #expect(UTF8Validation.firstInvalidOffset([0x41, 0xC0, 0xAF]) == 1)
        #expect(UTF8Validation.firstInvalidOffset([0xED, 0xA0, 0x80]) == 0)
        #expect(UTF8Validation.firstInvalidOffset(Array("€😀é".utf8)) == nil)
    }

    @Test func acceptsLeadingBOM() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) == .object(JSONObject([JSONMember("a", .number("1"))])))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError(offset: JSONParser.maxDepth, reason: .tooDeep(JSONParser.maxDepth))) { try JSONParser.parse(deep) }
    }

    @Test func detectsDuplicatesInLargeObjects() {
        var text = "{"
        for i in 0..<20 { text += "\"k\(i)\": \(i), " }
        text += "\"k3\": 0}"
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }
}
