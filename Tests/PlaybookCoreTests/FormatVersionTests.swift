import Testing

@testable import PlaybookCore

/// B6: each released format version has golden files that must keep loading, byte for byte.
@Suite struct FormatVersionTests {
    @Test(arguments: ["complete", "empty", "extensions"])
    func goldenFilesOfVersion1Load(name: String) throws {
        let path = "Tests/Fixtures/golden/1.0/\(name).json"
        let bytes = try readRepoFile(path)
        let loaded = try Documents.decodeAssessment(bytes, path: path, catalog: catalog)
        #expect(!loaded.isReadOnly)
        if name != "extensions" {
            #expect(loaded.assessment.encoded(catalog: catalog) == bytes, "re-encoding \(name) changed its bytes")
        }
    }

    @Test func goldenCompleteFileHasItsMeaning() throws {
        let a = try Documents.decodeAssessment(try readRepoFile("Tests/Fixtures/golden/1.0/complete.json"), path: "c", catalog: catalog).assessment
        #expect(a.program.name == "Cloud Alliance")
        #expect(a.answers["cross-business"]?.state == .notApplicable(reason: "No procurement relationship"))
        #expect(a.answers["perseverance"]?.state == .unknown)
        #expect(a.answers["strategic-level"]?.actions.first?.due == CalendarDate(iso: "2026-12-15"))
        #expect(Scoring.summarize(a, catalog: catalog).scoredCount == 14)
    }

    @Test func newerMinorVersionKeepsItsExtensionsThroughAnEdit() throws {
        let bytes = try readRepoFile("Tests/Fixtures/golden/1.0/extensions.json")
        var a = try Documents.decodeAssessment(bytes, path: "e", catalog: catalog).assessment
        #expect(a.formatVersion == "1.3")
        a.answers["strong-governance"]?.state = .scored(3)
        let again = try tree(a.encoded(catalog: catalog))
        let original = try tree(bytes)
        #expect(again.objectValue?["x-crm"] == original.objectValue?["x-crm"])
        #expect(again.objectValue?["program"]?.objectValue?["x-region"] == .string("EMEA"))
        let answer = again.objectValue?["answers"]?.objectValue?["strategic-level"]?.objectValue
        #expect(answer?["x-link"] == .string("https://crm.invalid/0042"))
        #expect(answer?["actions"]?.arrayValue?.first?.objectValue?["x-jira"] == .string("PB-12"))
        #expect(again.objectValue?["formatVersion"] == .string("1.3"))
    }
}

/// B8: random documents are accepted exactly when an independent, simpler check accepts them.
@Suite struct ValidatorPropertyTests {
    struct Candidate: CustomStringConvertible {
        var ruleID: String
        var state: String?
        var score: Int?
        var reason: String?
        var target: Int?
        var due: String?
        var side: String
        var assessedOn: String

        var description: String { json }

        var json: String {
            var answer: [String] = []
            if let state { answer.append("\"state\": \"\(state)\"") }
            if let score { answer.append("\"score\": \(score)") }
            if let reason { answer.append("\"reason\": \(JSONWriter.quoted(reason))") }
            if let target { answer.append("\"target\": \(target)") }
            if let due { answer.append("\"actions\": [{\"id\": \"A1\", \"title\": \"t\", \"status\": \"open\", \"due\": \"\(due)\"}]") }
            return """
                {"formatVersion": "1.0", "answers": {"\(ruleID)": {\(answer.joined(separator: ", "))}},
                 "assessedOn": "\(assessedOn)", "assessor": "", "side": "\(side)", "language": "en",
                 "catalog": {"id": "alliances-16-golden-rules", "version": "1.0.0", "sha256": "\(catalog.sha256)"},
                 "created": "2026-11-27T09:00:00Z", "updated": "2026-11-27T09:00:00Z",
                 "program": {"name": "", "partner": ""}}
                """
        }

        /// The rules of the format, written independently of the decoder.
        var isValid: Bool {
            let ids = Set(catalog.rules.map(\.id))
            guard ids.contains(ruleID), ["ours", "partner", "joint"].contains(side), Self.realDate(assessedOn) else { return false }
            if let target, !(0...3).contains(target) { return false }
            if let due, !Self.realDate(due) { return false }
            switch state {
            case "scored": return score.map { (0...3).contains($0) } == true && reason == nil
            case "notApplicable": return score == nil && reason.map { !$0.allSatisfy(\.isWhitespace) } == true
            case "unknown", nil: return score == nil && reason == nil
            default: return false
            }
        }

        static func realDate(_ s: String) -> Bool {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y >= 1, (1...12).contains(m)
            else { return false }
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            return (1...days).contains(d)
        }
    }

    @Test func decoderAgreesWithTheIndependentCheck() {
        var rng = SplitMix(seed: 0x5EED_2026)
        let ids = catalog.rules.map(\.id) + ["nope", "Strategic-Level", ""]
        let states: [String?] = ["scored", "notApplicable", "unknown", nil, "done", "Scored"]
        let dates = ["2026-11-27", "2024-02-29", "2026-02-29", "2026-13-01", "2026-1-01", "27/11/2026", "0000-01-01", "2026-04-31", "2026-12-31"]
        var accepted = 0
        for _ in 0..<8_000 {
            let c = Candidate(
                ruleID: ids[rng.next(ids.count)],
                state: states[rng.next(states.count)],
                score: rng.next(3) == 0 ? nil : rng.next(7) - 1,
                reason: [nil, "", "  ", "Pas de revente", "x"][rng.next(5)],
                target: rng.next(2) == 0 ? nil : rng.next(6) - 1,
                due: rng.next(2) == 0 ? nil : dates[rng.next(dates.count)],
                side: ["ours", "partner", "joint", "ours", "theirs"][rng.next(5)],
                assessedOn: dates[rng.next(dates.count)])
            let decoded = (try? Documents.decodeAssessment(Array(c.json.utf8), path: "p", catalog: catalog)) != nil
            #expect(decoded == c.isValid, "\(c)")
            if decoded { accepted += 1 }
        }
        #expect(accepted > 40, "the generator produced too few valid documents to mean anything")
    }
}

/// A small deterministic generator, so a failure names a reproducible document.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// S7: output names derived from user text stay one safe component.
@Suite struct SafeNameTests {
    @Test(arguments: [
        ("../../etc/x", "etc-x.json"),
        ("a/b", "a-b.json"),
        ("-rf", "rf.json"),
        ("", "assessment.json"),
        ("..", "assessment.json"),
        ("Acme\u{0}Corp", "Acme-Corp.json"),
        ("Alliance « Cloud » 2026", "Alliance-«-Cloud-»-2026.json"),
        ("x\u{1B}]2;PWNED\u{07}", "x-]2;PWNED.json"),
    ])
    func namesStayInsideTheFolder(input: String, expected: String) {
        #expect(SafeName.fileName(from: input, fallback: "assessment", extension: "json") == expected)
    }

    @Test func namesAreAtMost255Bytes() {
        let name = SafeName.fileName(from: String(repeating: "é", count: 300), fallback: "x", extension: "json")
        #expect(name.utf8.count <= 255)
        #expect(name.hasSuffix(".json"))
        #expect(!name.contains("/"))
    }
}
