import Glibc
import Testing

@testable import PlaybookCore

/// The tape, the one JSON parser, against an independent reading (Python's json, with the rules
/// this program adds written from the spec: Tests/e2e/json_reference.py) and literal expectations.
@Suite struct JSONTapeTests {
    /// Random documents, mostly valid, then mutated: the tape accepts exactly what the reference
    /// accepts, with the same value, and fingerprints it as the reference's canonical form.
    @Test func tapeAgreesWithPythonsJSONOnRandomDocuments() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var documents: [[UInt8]] = []
        for _ in 0..<4_000 {
            let choices = (0..<60).map { _ in Int(splitMix(&seed) % 1_001) }
            var random = RandomJSON(choices)
            documents.append(random.document())
        }
        let reference = try pythonReference(documents)
        var accepted = 0
        for (bytes, expected) in zip(documents, reference) {
            let text = String(decoding: bytes, as: UTF8.self).debugDescription
            do throws(JSONSyntaxError) {
                let tape = try JSONTape.parse(bytes)
                accepted += 1
                let (value, sha) = tape.withRoot { ($0.jsonValue, $0.canonicalSHA256()) }
                #expect(expected == "ok \(tagged(value)) \(sha)", "\(text)")
            } catch {
                #expect(expected == "error", "\(text): the tape refused it (\(error))")
                #expect((0...bytes.count).contains(error.offset))
            }
        }
        // Both verdicts are well represented.
        #expect(accepted > 1_000 && accepted < 3_500, "\(accepted) of 4000 accepted")
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
        ("[1,]", 1, 4, .unexpectedCharacter("]")),
        ("{\"a\": 1,}", 1, 9, .expected("\"")),
        ("", 1, 1, .unexpectedEnd),
        ("\u{FEFF}[1 2]", 1, 5, .expected(", ]")),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(input: String, line: Int, column: Int, reason: JSONSyntaxError.Reason) {
        let bytes = Array(input.utf8)
        #expect {
            _ = try JSONTape.parse(bytes)
        } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            let p = TextPosition(offset: e.offset, in: bytes)
            return e.reason == reason && p.line == line && p.column == column
        }
    }

    @Test func parsesNestedDocumentKeepingOrderAndNumberLexemes() throws {
        let value = try tree(#"{"b": [1, 2.50, -3e2, true, null], "a": {"x": "é\u00e9\n"}}"#)
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o.members.map(\.key) == ["b", "a"])
        #expect(o["b"] == .array([.number("1"), .number("2.50"), .number("-3e2"), .bool(true), .null]))
        #expect(o["a"]?.objectValue?["x"] == .string("éé\n"))
    }

    @Test func rejectsInvalidUTF8WithByteOffset() {
        let bytes: [UInt8] = Array("{\"a\": \"ok".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONSyntaxError(offset: 9, reason: .invalidUTF8)) { try JSONTape.parse(bytes) }
        // Overlong encoding of "/" and an encoded surrogate are invalid too.
        #expect(UTF8Validation.firstInvalidOffset([0x41, 0xC0, 0xAF]) == 1)
        #expect(UTF8Validation.firstInvalidOffset([0xED, 0xA0, 0x80]) == 0)
        #expect(UTF8Validation.firstInvalidOffset(Array("€😀é".utf8)) == nil)
    }

    @Test func acceptsLeadingBOM() throws {
        #expect(try tree([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) == .object(JSONObject([JSONMember("a", .number("1"))])))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try tree(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func boundsNestingDepth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError(offset: 128, reason: .tooDeep(128))) { try JSONTape.parse(Array(deep.utf8)) }
        let deepest = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try JSONTape.parse(Array(deepest.utf8))
    }

    @Test func detectsDuplicatesInLargeObjects() {
        var text = "{"
        for i in 0..<20 { text += "\"k\(i)\": \(i), " }
        text += "\"k3\": 0}"
        #expect(throws: JSONSyntaxError(offset: 201, reason: .duplicateKey("k3"))) { try JSONTape.parse(Array(text.utf8)) }
    }

    /// JSON that exercises every rule of the canonical form: key order by code point (astral
    /// after U+FFFF), each kind of escape, raw DEL, C1 and bidi controls, astral scalars written
    /// raw and as surrogate pairs, number lexemes kept as written, whitespace between tokens.
    static let awkwardJSON =
        "{\"z\" : [1, -0, 1.50E+02, 2e-3, 0.0, 12345678901234567890123],\r\n"
        + "\t\"a\": {\"\\u00e9\": \"\\u00e9 e\\u0301\", \"e\": \"tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 esc\\u001b del\\u007f c1\\u0085\\u009f\",\n"
        + "  \"É\": true, \"Z\": false, \"\": null},\n"
        + " \"quotes\": \"\\\" \\\\ / \\/\",\n"
        + " \"bidi\": \"\\u061c \\u200e \\u200f \\u2028 \\u2029 \\u202a \\u202e \\u2066 \\u2069 \\u202f \\u00a0\",\n"
        + " \"raw\": \"\u{7F} \u{85} \u{9F} \u{202E} \u{2028} é 中文 ₂ \u{1F600} e\u{301}\",\n"
        + " \"astral\": \"\\ud83d\\ude00 𝄞\",\n"
        + " \"keys\": {\"\\ud83d\\ude00\": 1, \"\\uffff\": 2, \"\\u00ff\": 3, \"b\": 4, \"B\": 5, \"aa\": 6, \"a\": 7, \"\\u0000\": 8},\n"
        + " \"empty\": [{}, [], \"\"], \"deep\": [[[[{\"x\": [true, null]}]]]]}\n"

    /// `awkwardJSON`'s canonical form, written out by hand.
    static let awkwardCanonical =
        #"{"a":{"":null,"Z":false,"e":"tab\t nl\n cr\r bs\b ff\f nul\u0000 esc\u001b del\u007f c1\u0085\u009f","É":true,"é":"é e\#u{301}"},"#
        + #""astral":"\#u{1F600} 𝄞","bidi":"\u061c \u200e \u200f \u2028 \u2029 \u202a \u202e \u2066 \u2069 \#u{202F} \#u{A0}","deep":[[[[{"x":[true,null]}]]]],"#
        + #""empty":[{},[],""],"keys":{"\u0000":8,"B":5,"a":7,"aa":6,"b":4,"ÿ":3,"\#u{FFFF}":2,"\#u{1F600}":1},"quotes":"\" \\ / /","#
        + #""raw":"\u007f \u0085 \u009f \u202e \u2028 é 中文 ₂ \#u{1F600} e\#u{301}","z":[1,-0,1.50E+02,2e-3,0.0,12345678901234567890123]}"#

    @Test func canonicalFormIsTheOneWrittenOutByHand() throws {
        let tape = try JSONTape.parse(Array(Self.awkwardJSON.utf8))
        #expect(tape.withRoot { $0.canonicalSHA256() } == SHA256.hex(Array(Self.awkwardCanonical.utf8)))
        // Python's json, with the canonical rules applied from the spec, agrees.
        #expect(try pythonReference([Array(Self.awkwardJSON.utf8)]).first?.hasSuffix(" " + SHA256.hex(Array(Self.awkwardCanonical.utf8))) == true)
    }

    @Test func fingerprintOfLongStringsAcrossTheWritersBuffer() throws {
        // Strings longer than the 64 KiB buffer are hashed where they lie; shorter ones straddle its end.
        let long = String(repeating: "lorem ipsum é ", count: 8_000)
        let pieces = (0..<30).map { String(repeating: "x", count: 997 * $0) }
        let value = JSONValue.object(JSONObject([JSONMember("b", .array(pieces.map { .string($0 + "\u{202E}") })), JSONMember("a", .string(long))]))
        let tape = try JSONTape.parse(JSONWriter.pretty(value))
        let canonical = "{\"a\":\"" + long + "\",\"b\":[" + pieces.map { "\"" + $0 + "\\u202e\"" }.joined(separator: ",") + "]}"
        #expect(tape.withRoot { $0.canonicalSHA256() } == SHA256.hex(Array(canonical.utf8)))
    }

    @Test func fingerprintOfTheBuiltInCatalogueIsUnchanged() throws {
        let tape = try JSONTape.parse(DefaultCatalog.bytes)
        #expect(catalog.sha256 == tape.withRoot { $0.canonicalSHA256() })
        #expect(try pythonReference([DefaultCatalog.bytes]).first?.hasSuffix(" " + catalog.sha256) == true)
    }

    @Test func largeCatalogueIsFingerprintedOnASecondThreadWithTheSameResult() throws {
        // Past a megabyte the fingerprint is computed while the rules are decoded.
        guard case .object(var root) = try tree(DefaultCatalog.bytes), case .array(let rules)? = root["rules"] else {
            Issue.record("the built-in catalogue has no rules array")
            return
        }
        var many: [JSONValue] = []
        for copy in 0..<40 {
            for case .object(var rule) in rules {
                let number = many.count + 1
                rule.members = rule.members.map { member in
                    switch member.key {
                    case "id": JSONMember("id", .string("rule-\(copy)-\(number)"))
                    case "number": JSONMember("number", .number(String(number)))
                    default: member
                    }
                }
                many.append(.object(rule))
            }
        }
        root.members = root.members.map { $0.key == "rules" ? JSONMember("rules", .array(many)) : $0 }
        let bytes = JSONWriter.pretty(.object(root))
        #expect(bytes.count > 1 << 20)
        let loaded = try Documents.decodeCatalog(bytes, path: "large.json")
        #expect(loaded.rules.count == many.count)
        #expect(try pythonReference([bytes]).first?.hasSuffix(" " + loaded.sha256) == true)
        // With a problem in it, the load fails the same way, the second thread joined.
        root.members.append(JSONMember("typo", .null))
        #expect(throws: FileError(path: "large.json", kind: .problems([Problem(JSONPointer(["typo"]), .unknownField("typo"))]))) {
            try Documents.decodeCatalog(JSONWriter.pretty(.object(root)), path: "large.json")
        }
    }

    @Test func keysCompareAsStringsDo() throws {
        // "é" precomposed and decomposed, and the Kelvin sign and "K", are the same `String`.
        #expect(throws: JSONSyntaxError(offset: 10, reason: .duplicateKey("e\u{301}"))) {
            try JSONTape.parse(Array("{\"é\": 1, \"e\u{301}\": 2}".utf8))
        }
        let tape = try JSONTape.parse(Array("{\"\u{212A}\": 1, \"\\u0069d\": 2}".utf8))
        tape.withRoot { root in
            #expect(root.object?["K"]?.numberLexeme == "1")
            #expect(root.object?["id"]?.numberLexeme == "2")
            #expect(root.object?.unknownKeys(KnownKeys(["K"]), allowingExtensions: true) == ["id"])
        }
    }
}

/// The next number of a SplitMix64 sequence.
private func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// A value in the reference's unambiguous ASCII form: what Python's `json.dumps(ensure_ascii=True)`
/// writes for strings, numbers as `{"n": lexeme}`, objects as `{"o": [[key, value], ...]}`.
private func tagged(_ value: JSONValue) -> String {
    func string(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let lexeme): return "{\"n\":" + string(lexeme) + "}"
    case .string(let s): return string(s)
    case .array(let elements): return "[" + elements.map(tagged).joined(separator: ",") + "]"
    case .object(let o): return "{\"o\":[" + o.members.map { "[" + string($0.key) + "," + tagged($0.value) + "]" }.joined(separator: ",") + "]}"
    }
}

/// One line per document from Tests/e2e/json_reference.py: `error`, or `ok VALUE SHA256`.
private func pythonReference(_ documents: [[UInt8]]) throws -> [String] {
    let folder = makeTempDirectory()
    defer { removeTree(folder) }
    let input = Path.join(folder, "documents.hex")
    let hex = Array("0123456789abcdef".utf8)
    var lines: [UInt8] = []
    for document in documents {
        for b in document { lines += [hex[Int(b >> 4)], hex[Int(b & 0xF)]] }
        lines.append(0x0A)
    }
    writeRaw(lines, to: input)
    let output = Path.join(folder, "reference.txt")
    let script = Path.join(repositoryRoot, "Tests/e2e/json_reference.py")
    let status = system("python3 '\(script)' '\(input)' > '\(output)'")
    guard status == 0 else {
        Issue.record("python3 Tests/e2e/json_reference.py failed (status \(status)); CI installs python3")
        return []
    }
    let result = String(decoding: try SafeFile.read(output), as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(result.count == documents.count)
    return result
}

/// Deterministic choices taken from a property test's input, 0 once it runs out.
private struct Choices {
    let values: [Int]
    var position = 0

    init(_ values: [Int]) { self.values = values }

    mutating func next(_ bound: Int) -> Int {
        defer { position += 1 }
        return position < values.count ? values[position] % bound : 0
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

/// A JSON text built from choices: mostly valid, with the cases the parser must get exactly
/// right (escapes, surrogates, canonically equal keys, unsafe characters, bad numbers), and
/// then, unless turned off, one mutation of its bytes.
private struct RandomJSON {
    var choices: Choices
    var mutations = true

    init(_ values: [Int]) { choices = Choices(values) }

    static let strings = [
        "", "a", "plain text", "é", "e\u{301}", "K", "\u{212A}", "x-note", "id", "\\u00e9", "\\n", "\\t\\\"\\\\\\/",
        "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\ud800\\u0041", "\\q", "\\u12", "\u{1B}", "\t", "\u{7F}", "\u{85}",
        "\u{9B}", "\u{202E}", "\u{2028}", "\u{61C}", "\u{200F}", "\u{2066}", "\\u202e", "\\u001b", "😀", "日本",
        "a long run of plain bytes without anything special in it at all", "\u{A0}€",
    ]
    static let numbers = ["0", "-0", "1", "12.50", "-3e2", "1E+9", "2.5e-3", "01", "-", "1.", "1e", "-a", ".5", "1.5.3", "+1"]
    static let spaces = ["", " ", "\n  ", "\t", "\r\n    ", "\n                   ", "        \t         "]
    static let garbage: [[UInt8]] = [[0xC3], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0x22], [0x2C], [0x7D], [0x5D], [0x5C], [0x00], [0x3A], [0x20]]

    mutating func document() -> [UInt8] {
        var out: [UInt8] = []
        space(&out)
        value(depth: 0, into: &out)
        space(&out)
        guard mutations else { return out }
        switch choices.next(7) {
        case 1: out.removeSubrange(choices.next(out.count + 1)...)
        case 2: out.insert(contentsOf: choices.pick(RandomJSON.garbage), at: choices.next(out.count + 1))
        case 3: out = [0xEF, 0xBB, 0xBF] + out
        case 4: out += Array(" x".utf8)
        case 5:
            if !out.isEmpty { out[choices.next(out.count)] = choices.pick(RandomJSON.garbage)[0] }
        default: break
        }
        return out
    }

    private mutating func space(_ out: inout [UInt8]) { out += Array(choices.pick(RandomJSON.spaces).utf8) }

    private mutating func string(_ out: inout [UInt8]) {
        out.append(0x22)
        for _ in 0..<choices.next(3) + 1 { out += Array(choices.pick(RandomJSON.strings).utf8) }
        out.append(0x22)
    }

    private mutating func value(depth: Int, into out: inout [UInt8]) {
        switch choices.next(depth > 3 ? 5 : 9) {
        case 0: out += Array("null".utf8)
        case 1: out += Array(choices.pick(["true", "false", "tru", "nul"]).utf8)
        case 2: out += Array(choices.pick(RandomJSON.numbers).utf8)
        case 3, 4: string(&out)
        case 5, 6:
            out.append(UInt8(ascii: "["))
            let n = choices.next(4)
            for i in 0..<n {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                space(&out)
                value(depth: depth + 1, into: &out)
                space(&out)
            }
            out.append(UInt8(ascii: "]"))
        case 7:
            out.append(UInt8(ascii: "{"))
            // Up to twelve members: duplicates are looked for differently from eight on.
            let n = choices.next(13)
            for i in 0..<n {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                space(&out)
                if choices.next(3) == 0 { string(&out) } else { out += Array("\"k\(choices.next(16))\"".utf8) }
                space(&out)
                out.append(UInt8(ascii: ":"))
                space(&out)
                value(depth: depth + 1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            let n = 120 + choices.next(16)
            out += [UInt8](repeating: UInt8(ascii: "["), count: n) + [UInt8](repeating: UInt8(ascii: "]"), count: n)
        }
    }
}
