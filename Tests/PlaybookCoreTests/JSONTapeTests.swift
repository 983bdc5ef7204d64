import PropertyBased
import Testing
@testable import PlaybookCore

/// The tape (how files are loaded) against the tree parser and the tree decoders (the general path).
@Suite struct JSONTapeTests {
    @Test func tapeAndTreeParsersAgreeOnEveryDocument() async {
        await propertyCheck(count: 3_000, input: Gen.int(in: 0...1_000).array(of: 1...60)) { choices in
            var random = RandomJSON(choices)
            let bytes = random.document()
            let tree = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
            let tape = Result { () throws(JSONSyntaxError) in try JSONTape.parse(bytes) }
            switch (tree, tape) {
            case (.success(let value), .success(let tape)):
                #expect(tape.withRoot { $0.jsonValue } == value)
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
            default:
                Issue.record("tree \(tree), tape \(tape) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func canonicalFingerprintFromTheSourceBytesIsTheWritersOne() async {
        await propertyCheck(count: 1_500, input: Gen.int(in: 0...1_000).array(of: 1...60)) { choices in
            var random = RandomJSON(choices)
            random.mutations = false
            let bytes = random.document()
            guard let value = try? JSONParser.parse(bytes) else { return }
            let expected = SHA256.hex(JSONWriter.canonical(value))
            let parsed = try? JSONTape.parse(bytes)
            #expect(parsed?.withRoot { $0.canonicalSHA256() } == expected)
            // A tape built from a value in memory stores its strings unescaped: same form, same value.
            let built = JSONTape(value)
            #expect(built.withRoot { $0.canonicalSHA256() } == expected)
            #expect(built.withRoot { $0.jsonValue } == value)
        }
    }

    @Test func fingerprintOfLongStringsAcrossTheWritersBuffer() throws {
        // Strings longer than the 64 KiB buffer are hashed where they lie; shorter ones straddle its end.
        let long = String(repeating: "lorem ipsum é ", count: 8_000)
        let pieces = (0..<30).map { JSONValue.string(String(repeating: "x", count: 997 * $0) + "\u{202E}") }
        let value = JSONValue.object(JSONObject([JSONMember("b", .array(pieces)), JSONMember("a", .string(long))]))
        let tape = try JSONTape.parse(JSONWriter.pretty(value))
        #expect(tape.withRoot { $0.canonicalSHA256() } == SHA256.hex(JSONWriter.canonical(value)))
    }

    @Test func fingerprintOfTheBuiltInCatalogueIsUnchanged() throws {
        let value = try JSONParser.parse(DefaultCatalog.bytes)
        #expect(catalog.sha256 == JSONWriter.canonicalSHA256(value))
        #expect(catalog.sha256 == SHA256.hex(JSONWriter.canonical(value)))
    }

    @Test func catalogueDecodedFromTheTapeEqualsTheTreeDecoding() async throws {
        let original = try JSONParser.parse(DefaultCatalog.bytes)
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000).array(of: 1...12)) { choices in
            var mutation = TreeMutation(choices)
            let bytes = JSONWriter.pretty(mutation.apply(to: original))
            let tree = Result { () throws(ProblemList) in try Catalog.decode(try! JSONParser.parse(bytes)) }
            let tape = Result { () throws(FileError) in try Documents.decodeCatalog(bytes, path: "c.json") }
            switch (tree, tape) {
            case (.success(let a), .success(let b)):
                #expect(CatalogFields(a) == CatalogFields(b))
            case (.failure(let a), .failure(let b)):
                #expect(FileError.Kind.problems(a.problems) == b.kind)
            default:
                Issue.record("tree \(tree), tape \(tape)")
            }
        }
    }

    @Test func assessmentDecodedFromTheTapeEqualsTheTreeDecoding() async throws {
        let original = try JSONParser.parse(readRepoFile("Tests/Fixtures/assessments/complete.json"))
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000).array(of: 1...12)) { choices in
            var mutation = TreeMutation(choices)
            let bytes = JSONWriter.pretty(mutation.apply(to: original))
            let tree = Result { () throws(ProblemList) in try Assessment.decode(try! JSONParser.parse(bytes), catalog: catalog) }
            let tape = Result { () throws(FileError) in try Documents.decodeAssessment(bytes, path: "a.json", catalog: catalog) }
            switch (tree, tape) {
            case (.success(let a), .success(let b)):
                #expect(a.0 == b.assessment)
                #expect(a.1 == b.warnings)
            case (.failure(let a), .failure(let b)):
                // A newer major version that does not decode is reported as such by `Documents`.
                if case .newerFormat = b.kind { return }
                #expect(FileError.Kind.problems(a.problems) == b.kind)
            default:
                Issue.record("tree \(tree), tape \(tape)")
            }
        }
    }

    @Test func largeCatalogueIsFingerprintedOnASecondThreadWithTheSameResult() throws {
        // Past a megabyte the fingerprint is computed while the rules are decoded.
        guard case .object(var root) = try JSONParser.parse(DefaultCatalog.bytes), case .array(let rules)? = root["rules"] else {
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
        #expect(loaded.sha256 == SHA256.hex(JSONWriter.canonical(.object(root))))
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
            #expect(root.objectReading?["K"]?.numberLexeme == "1")
            #expect(root.objectReading?["id"]?.numberLexeme == "2")
            #expect(root.objectReading?.unknownKeys(KnownKeys(["K"]), allowingExtensions: true) == ["id"])
        }
    }
}

/// The fields of a catalogue, to compare two decodings.
private struct CatalogFields: Equatable {
    var id, version, sha256: String
    var sourceLanguage: Language
    var title, description: LocalizedText
    var source: Catalog.Source?
    var scale: [Catalog.ScaleLevel]
    var themes: [Catalog.Theme]
    var rules: [Catalog.Rule]

    init(_ c: Catalog) {
        id = c.id
        version = c.version
        sha256 = c.sha256
        sourceLanguage = c.sourceLanguage
        title = c.title
        description = c.description
        source = c.source
        scale = c.scale
        themes = c.themes
        rules = c.rules
    }
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

    static let strings = ["", "a", "plain text", "é", "e\u{301}", "K", "\u{212A}", "x-note", "id", "\\u00e9", "\\n", "\\t\\\"\\\\\\/",
                          "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\ud800\\u0041", "\\q", "\\u12", "\u{1B}", "\t", "\u{7F}", "\u{85}",
                          "\u{9B}", "\u{202E}", "\u{2028}", "\u{61C}", "\u{200F}", "\u{2066}", "\\u202e", "\\u001b", "😀", "日本",
                          "a long run of plain bytes without anything special in it at all", "\u{A0}€"]
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

/// A few random edits of a document tree: values replaced, members removed or added.
private struct TreeMutation {
    var choices: Choices

    init(_ values: [Int]) { choices = Choices(values) }

    static let keys = ["x-note", "unknown", "é", "K", "\u{212A}", "x\u{301}-y", "fr", "en", "id", "state", "score", "reason", "note", "weight"]
    static let values: [JSONValue] = [.null, .bool(true), .number("1"), .number("1.5"), .number("-2"), .number("1e3"), .number("99999999999999999999"),
                                      .string(""), .string("x"), .string("rule-1"), .string("scored"), .string("2026-02-30"), .string(" "),
                                      .array([]), .object(JSONObject())]

    mutating func apply(to value: JSONValue) -> JSONValue {
        var v = value
        for _ in 0..<choices.next(3) + 1 { v = mutate(v, depth: 0) }
        return v
    }

    private mutating func mutate(_ value: JSONValue, depth: Int) -> JSONValue {
        switch value {
        case .object(var o) where !o.members.isEmpty && choices.next(5) != 0:
            let i = choices.next(o.members.count)
            switch choices.next(6) {
            case 0: o.members.remove(at: i)
            case 1:
                let key = choices.pick(TreeMutation.keys)
                if o[key] == nil { o.members.insert(JSONMember(key, choices.pick(TreeMutation.values)), at: i) }
            default: o.members[i].value = mutate(o.members[i].value, depth: depth + 1)
            }
            return .object(o)
        case .array(var a) where !a.isEmpty && choices.next(5) != 0:
            let i = choices.next(a.count)
            if choices.next(6) == 0 { a.remove(at: i) } else { a[i] = mutate(a[i], depth: depth + 1) }
            return .array(a)
        default:
            return choices.pick(TreeMutation.values)
        }
    }
}
