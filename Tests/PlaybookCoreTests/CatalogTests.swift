import Testing

@testable import PlaybookCore

@Suite struct CatalogTests {
    @Test func builtInCatalogueHasSixteenRulesInFourThemes() {
        #expect(catalog.id == "alliances-16-golden-rules")
        #expect(catalog.rules.map(\.number) == Array(1...16))
        #expect(catalog.rules.first?.id == "strategic-level")
        #expect(catalog.rules.last?.id == "segment-and-label")
        #expect(catalog.themes.map(\.id) == ["strategy", "governance", "relationship", "execution"])
        #expect(catalog.scale.map(\.level) == [0, 1, 2, 3])
        #expect(catalog.rules.allSatisfy { $0.levels.count == 4 && (2...4).contains($0.questions.count) })
        #expect(catalog.rule("ambitious-targets")?.footnotes.map(\.marker) == ["1"])
        #expect(catalog.rule("be-concrete")?.footnotes.map(\.marker) == ["2"])
    }

    @Test func embeddedCopyIsByteIdenticalToRulesFolder() throws {
        let onDisk = try readRepoFile("Rules/alliances-16-golden-rules.json")
        #expect(DefaultCatalog.bytes == onDisk, "run scripts/embed-catalog after editing Rules/")
    }

    @Test func everyFrenchQuotationAppearsVerbatimInTheSeed() throws {
        let seed = String(decoding: try readRepoFile("seeds/000_29d6bc9fda7cce7e.txt"), as: UTF8.self)
        for rule in catalog.rules {
            #expect(seed.contains(rule.text.fr), "rule \(rule.number) text")
            #expect(seed.contains(rule.title.fr), "rule \(rule.number) title")
            #expect(seed.contains("\(rule.number)"), "rule \(rule.number) number")
            for note in rule.footnotes { #expect(seed.contains(note.text.fr), "rule \(rule.number) footnote \(note.marker)") }
        }
    }

    /// The seed as received (SHA-256 of ../shared/seeds/000_29d6bc9fda7cce7e.txt, 2026-11-27).
    static let seedSHA256 = "bfd00c9f8bb176e6736146422a2afd9bc1d145a83ca6f4f6275dbe8c990907e3"

    @Test func seedCopyIsUnchanged() throws {
        let copy = try readRepoFile("seeds/000_29d6bc9fda7cce7e.txt")
        #expect(SHA256.hex(copy) == Self.seedSHA256)
        // Beside a checkout that has the shared folder, the copy must also equal the original.
        if let shared = try? SafeFile.read(Path.join(Path.directory(repositoryRoot), "shared/seeds/000_29d6bc9fda7cce7e.txt")) {
            #expect(copy == shared)
        }
    }

    @Test func ruleLookupByIdOrNumber() {
        #expect(catalog.rule(matching: "7")?.id == "cross-business")
        #expect(catalog.rule(matching: "cross-business")?.number == 7)
        #expect(catalog.rule(matching: "17") == nil)
    }

    /// Applies `edit` to the built-in catalogue's JSON and returns the problems found.
    func problems(after edit: (inout [String: Any]) -> Void) throws -> [Problem] {
        var root = try JSONAny.toAny(tree(DefaultCatalog.bytes)) as! [String: Any]
        edit(&root)
        let value = JSONAny.fromAny(root)
        do {
            _ = try Documents.decodeCatalog(JSONWriter.pretty(value), path: "c.json")
            return []
        } catch {
            guard case .problems(let problems) = error.kind else { throw error }
            return problems
        }
    }

    @Test func everyValidationErrorIsReportedWithItsPointer() throws {
        func rules(_ root: inout [String: Any], _ body: (inout [[String: Any]]) -> Void) {
            var list = root["rules"] as! [[String: Any]]
            body(&list)
            root["rules"] = list
        }
        let cases: [(String, (inout [String: Any]) -> Void, String, Problem.Kind)] = [
            ("duplicate id", { r in rules(&r) { $0[1]["id"] = "strategic-level" } }, "/rules/1/id", .duplicate("strategic-level")),
            ("duplicate number", { r in rules(&r) { $0[2]["number"] = 2 } }, "/rules/2/number", .duplicate("2")),
            ("missing English", { r in rules(&r) { $0[0]["title"] = ["fr": "Titre"] } }, "/rules/0/title", .missing("en")),
            ("empty French", { r in rules(&r) { $0[0]["text"] = ["fr": "", "en": "x"] } }, "/rules/0/text/fr", .empty),
            (
                "three levels", { r in rules(&r) { $0[3]["levels"] = Array(($0[3]["levels"] as! [Any]).prefix(3)) } }, "/rules/3/levels",
                .countNotIn(3, range: "4")
            ),
            (
                "one question", { r in rules(&r) { $0[3]["questions"] = Array(($0[3]["questions"] as! [Any]).prefix(1)) } }, "/rules/3/questions",
                .countNotIn(1, range: "2–4")
            ),
            ("undefined theme", { r in rules(&r) { $0[0]["theme"] = "nowhere" } }, "/rules/0/theme", .unknownTheme("nowhere")),
            (
                "unused theme",
                { r in
                    var t = r["themes"] as! [Any]; t.append(["id": "spare", "title": ["fr": "x", "en": "y"]]); r["themes"] = t
                }, "/themes/4", .unusedTheme("spare")
            ),
            ("bad id", { r in rules(&r) { $0[0]["id"] = "Strategic_Level" } }, "/rules/0/id", .invalidID("Strategic_Level")),
            ("bad version", { r in r["version"] = "1.0" }, "/version", .invalidVersion("1.0")),
            ("typo field", { r in rules(&r) { $0[0]["qestions"] = [] } }, "/rules/0/qestions", .unknownField("qestions")),
            ("scale level missing", { r in r["scale"] = ["levels": []] }, "/scale/levels", .countNotIn(0, range: "4")),
            ("zero weight", { r in rules(&r) { $0[0]["weight"] = JSONAny.Number("0") } }, "/rules/0/weight", .invalidWeight("0")),
            ("weight over the limit", { r in rules(&r) { $0[0]["weight"] = JSONAny.Number("1000001") } }, "/rules/0/weight", .invalidWeight("1000001")),
            ("weight with an exponent", { r in rules(&r) { $0[0]["weight"] = JSONAny.Number("1e1") } }, "/rules/0/weight", .invalidWeight("1e1")),
            ("French of spaces", { r in rules(&r) { $0[0]["title"] = ["fr": " \u{A0}\t", "en": "Title"] } }, "/rules/0/title/fr", .blank),
            (
                "extension inside a text", { r in rules(&r) { $0[0]["title"] = ["fr": "Titre", "en": "Title", "x-note": "n"] } }, "/rules/0/title/x-note",
                .unknownField("x-note")
            ),
            (
                "footnote call without footnote", { r in rules(&r) { $0[0]["text"] = ["fr": "Voir [2].", "en": "See [2]."] } }, "/rules/0/text/fr",
                .markerWithoutFootnote("2")
            ),
            (
                "footnote marker absent", { r in rules(&r) { $0[0]["footnotes"] = [["marker": "9", "text": ["fr": "a", "en": "b"]]] } },
                "/rules/0/footnotes/0/marker", .footnoteNotInText("9")
            ),
            ("out of order", { r in rules(&r) { $0.swapAt(0, 1) } }, "/rules/1/number", .outOfOrder),
            (
                "number not integer", { r in rules(&r) { $0[0]["number"] = JSONAny.Number("1.0") } }, "/rules/0/number",
                .wrongType(expected: "integer", found: "number 1.0")
            ),
            ("missing rules", { r in r.removeValue(forKey: "rules") }, "/", .missing("rules")),
        ]
        for (name, edit, pointer, kind) in cases {
            let found = try problems(after: edit)
            #expect(found.contains(Problem(JSONPointer(pointer.split(separator: "/").map(String.init)), kind)), "\(name): \(found)")
        }
    }

    @Test func validCatalogueHasNoProblems() throws {
        #expect(try problems(after: { _ in }).isEmpty)
    }

    @Test func aHomeMadeCatalogueNeedsNoSource() throws {
        #expect(try problems(after: { r in r.removeValue(forKey: "source") }).isEmpty)
    }

    @Test func theWeightMessageGivesTheRealLimits() {
        let message = Problem(JSONPointer(["rules", "0", "weight"]), .invalidWeight("0")).message(.en)
        #expect(message.contains("greater than 0") && message.contains("at most 1000000") && message.contains("at most 3 decimals"))
        #expect(Problem(JSONPointer(["rules", "0", "weight"]), .invalidWeight("0")).message(.fr).contains("au plus 1000000"))
    }

    @Test func footnoteCallsAreDigitsInBrackets() {
        #expect(Catalog.footnoteCalls(in: "a [1] b [sic] [12] [1] [] [3a] [[4]") == ["1", "12", "4"])
    }

    @Test func weightsAreExactThousandths() {
        #expect(Weight(lexeme: "1")?.thousandths == 1000)
        #expect(Weight(lexeme: "1.5")?.thousandths == 1500)
        #expect(Weight(lexeme: "0.25")?.thousandths == 250)
        #expect(Weight(lexeme: "0.0005") == nil)
        #expect(Weight(lexeme: "1e3") == nil)
        #expect(Weight(thousandths: 1250).description == "1.25")
    }
}

/// Converts between JSONValue and plain Swift values so tests can edit documents tersely.
enum JSONAny {
    struct Number { var lexeme: String; init(_ l: String) { lexeme = l } }

    static func toAny(_ v: JSONValue) -> Any {
        switch v {
        case .null: return Optional<Int>.none as Any
        case .bool(let b): return b
        case .number(let n): return Int(n).map { $0 as Any } ?? Number(n)
        case .string(let s): return s
        case .array(let a): return a.map(toAny)
        case .object(let o): return Dictionary(uniqueKeysWithValues: o.members.map { ($0.key, toAny($0.value)) })
        }
    }

    static func fromAny(_ a: Any) -> JSONValue {
        switch a {
        case let b as Bool: return .bool(b)
        case let n as Int: return .number(String(n))
        case let n as Number: return .number(n.lexeme)
        case let s as String: return .string(s)
        case let list as [Any]: return .array(list.map(fromAny))
        case let d as [String: Any]: return .object(JSONObject(d.keys.sorted().map { JSONMember($0, fromAny(d[$0]!)) }))
        default: return .null
        }
    }
}
