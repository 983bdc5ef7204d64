import Testing

@testable import PlaybookCore

@Suite struct AssessmentFileTests {
    func filled() -> Assessment {
        var a = sampleAssessment()
        a.answers["strategic-level"] = Answer(
            state: .scored(2), target: 3, note: "Ligne 1 « é »\nLine 2 — 日本",
            evidence: [Evidence(text: "Plan v2", strength: .documented, date: CalendarDate(iso: "2026-10-01"))],
            actions: [ActionItem(id: "A1", title: "Write plan", owner: "Paul", due: CalendarDate(iso: "2026-12-01"), status: .inProgress)])
        a.answers["cross-business"] = Answer(state: .notApplicable(reason: "No purchasing link"))
        a.answers["lawyers-late"] = Answer(state: .unknown)
        a.answers["communicate"] = Answer(note: "to discuss")
        return a
    }

    @Test func roundTripIsByteIdentical() throws {
        let bytes = filled().encoded(catalog: catalog)
        let loaded = try Documents.decodeAssessment(bytes, path: "a.json", catalog: catalog)
        #expect(loaded.assessment == filled())
        #expect(loaded.assessment.encoded(catalog: catalog) == bytes)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func fileIsDeterministicWithFormatVersionFirstAndAnswersInCatalogueOrder() {
        let text = String(decoding: filled().encoded(catalog: catalog), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"formatVersion\": \"1.0\",\n  \"answers\": {\n    \"strategic-level\": {"))
        #expect(text.hasSuffix("}\n"))
        let order = ["\"strategic-level\"", "\"cross-business\"", "\"lawyers-late\"", "\"communicate\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(text.contains("\"assessedOn\": \"2026-11-27\""))
        #expect(text.contains("\"created\": \"2026-11-27T09:00:00Z\""))
    }

    @Test func unknownFieldsArePreservedAtEveryLevel() throws {
        var text = String(decoding: filled().encoded(catalog: catalog), as: UTF8.self)
        text = text.replacingFirst("\"formatVersion\": \"1.0\",", with: "\"formatVersion\": \"1.0\", \"x-extra\": {\"k\": [1, 2.50]},")
        text = text.replacingFirst("\"name\": \"Cloud Alliance\",", with: "\"name\": \"Cloud Alliance\", \"x-crm\": \"0042\",")
        text = text.replacingFirst("\"title\": \"Write plan\"", with: "\"title\": \"Write plan\", \"x-jira\": \"PB-1\"")
        text = text.replacingFirst("\"state\": \"unknown\"", with: "\"state\": \"unknown\", \"x-why\": null")
        var a = try decodeAssessment(text)
        a.answers["strong-governance"] = Answer(state: .scored(1))
        let out = String(decoding: a.encoded(catalog: catalog), as: UTF8.self)
        for fragment in [
            "\"x-extra\": {\n    \"k\": [\n      1,\n      2.50\n    ]\n  }", "\"x-crm\": \"0042\"", "\"x-jira\": \"PB-1\"", "\"x-why\": null",
            "\"strong-governance\"",
        ] {
            #expect(out.contains(fragment), "\(fragment)")
        }
    }

    /// The bad-input table: each document must fail with this pointer and message part.
    @Test(arguments: [
        (#"{"formatVersion": "1.0"}"#, "/", "required field \"catalog\" is missing"),
        (#"{"formatVersion": 1}"#, "/formatVersion", "expected string, found number"),
        (#"{"formatVersion": "abc"}"#, "/formatVersion", "format version \"abc\" is not supported"),
        ("ANSWERS{\"nope\": {\"state\": \"unknown\"}}", "/answers/nope", "unknown rule id \"nope\""),
        ("ANSWERS{\"strategic-level\": {\"state\": \"scored\", \"score\": 4}}", "/answers/strategic-level/score", "4 is out of range (0–3)"),
        ("ANSWERS{\"strategic-level\": {\"state\": \"scored\", \"score\": 2.0}}", "/answers/strategic-level/score", "expected integer, found number 2.0"),
        ("ANSWERS{\"strategic-level\": {\"state\": \"scored\"}}", "/answers/strategic-level", "required field \"score\" is missing"),
        ("ANSWERS{\"strategic-level\": {\"state\": \"notApplicable\"}}", "/answers/strategic-level", "needs a \"reason\""),
        ("ANSWERS{\"strategic-level\": {\"state\": \"notApplicable\", \"reason\": \"  \"}}", "/answers/strategic-level/reason", "needs a \"reason\""),
        (
            "ANSWERS{\"strategic-level\": {\"state\": \"unknown\", \"score\": 1}}", "/answers/strategic-level/score",
            "\"score\" is not allowed when the state is \"unknown\""
        ),
        ("ANSWERS{\"strategic-level\": {\"state\": \"done\"}}", "/answers/strategic-level/state", "\"done\" is not one of: scored, notApplicable, unknown"),
        ("ANSWERS{\"strategic-level\": {\"target\": 9}}", "/answers/strategic-level/target", "9 is out of range"),
        (
            "ANSWERS{\"strategic-level\": {\"actions\": [{\"id\": \"A1\", \"title\": \"t\", \"status\": \"open\", \"due\": \"2026-02-30\"}]}}",
            "/answers/strategic-level/actions/0/due", "\"2026-02-30\" is not a real date"
        ),
        (
            "ANSWERS{\"strategic-level\": {\"actions\": [{\"id\": \"A1\", \"title\": \"t\", \"status\": \"closed\"}]}}",
            "/answers/strategic-level/actions/0/status", "\"closed\" is not one of"
        ),
        (
            "ANSWERS{\"strategic-level\": {\"actions\": [{\"id\": \"A1\", \"title\": \"t\", \"status\": \"open\"}, {\"id\": \"A1\", \"title\": \"u\", \"status\": \"open\"}]}}",
            "/answers/strategic-level/actions/1/id", "\"A1\" is used more than once"
        ),
        (
            "ANSWERS{\"strategic-level\": {\"evidence\": [{\"text\": \"\", \"strength\": \"documented\"}]}}", "/answers/strategic-level/evidence/0/text",
            "must not be empty"
        ),
        (
            "ANSWERS{\"strategic-level\": {\"evidence\": [{\"text\": \"x\", \"strength\": \"strong\"}]}}", "/answers/strategic-level/evidence/0/strength",
            "\"strong\" is not one of: asserted, documented, verified"
        ),
        ("ANSWERS{\"a/b~c\": {}}", "/answers/a~1b~0c", "unknown rule id"),
        ("ANSWERS[]", "/answers", "expected object, found array"),
        ("SIDE\"theirs\"", "/side", "\"theirs\" is not one of: ours, partner, joint"),
        ("DATE\"27/11/2026\"", "/assessedOn", "\"27/11/2026\" is not a real date"),
        ("CATALOG\"other-catalogue\"", "/catalog/id", "made with catalogue \"other-catalogue\""),
        ("ANSWERS{\"strategic-level\": {\"target\": null}}", "/answers/strategic-level/target", "expected integer, found null"),
    ])
    func badDocumentsNameThePointerAndTheProblem(template: String, pointer: String, message: String) {
        let base = String(decoding: sampleAssessment().encoded(catalog: catalog), as: UTF8.self)
        var doc = template
        if template.hasPrefix("ANSWERS") { doc = base.replacingFirst("\"answers\": {}", with: "\"answers\": " + template.dropFirst(7)) }
        if template.hasPrefix("SIDE") { doc = base.replacingFirst("\"side\": \"ours\"", with: "\"side\": " + template.dropFirst(4)) }
        if template.hasPrefix("DATE") { doc = base.replacingFirst("\"assessedOn\": \"2026-11-27\"", with: "\"assessedOn\": " + template.dropFirst(4)) }
        if template.hasPrefix("CATALOG") { doc = base.replacingFirst("\"id\": \"alliances-16-golden-rules\"", with: "\"id\": " + template.dropFirst(7)) }
        #expect {
            _ = try Documents.decodeAssessment(Array(doc.utf8), path: "bad.json", catalog: catalog)
        } throws: { error in
            let text = (error as! FileError).message(.en, unchanged: true)
            return text.contains("bad.json: \(pointer): ") && text.contains(message) && text.hasSuffix("The file was not changed.")
        }
    }

    @Test func newerMajorVersionLoadsReadOnlyWithAWarning() throws {
        let text = String(decoding: filled().encoded(catalog: catalog), as: UTF8.self).replacingFirst("\"1.0\"", with: "\"2.0\"")
        let loaded = try Documents.decodeAssessment(Array(text.utf8), path: "f.json", catalog: catalog)
        #expect(loaded.isReadOnly)
        #expect(loaded.warnings == [.newerFormat("2.0")])
    }

    @Test func newerMajorVersionThatDoesNotDecodeSaysSo() {
        #expect(throws: FileError(path: "f.json", kind: .newerFormat("3.0"))) {
            try Documents.decodeAssessment(Array(#"{"formatVersion": "3.0", "everything": "changed"}"#.utf8), path: "f.json", catalog: catalog)
        }
    }

    @Test func catalogueVersionAndContentChangesAreWarnings() throws {
        let base = String(decoding: sampleAssessment().encoded(catalog: catalog), as: UTF8.self)
        let older = base.replacingFirst("\"version\": \"1.0.0\"", with: "\"version\": \"0.9.0\"")
        #expect(
            try Documents.decodeAssessment(Array(older.utf8), path: "f", catalog: catalog).warnings == [.catalogVersionDiffers(file: "0.9.0", loaded: "1.0.0")])
        let edited = base.replacingFirst(catalog.sha256, with: String(repeating: "0", count: 64))
        #expect(try Documents.decodeAssessment(Array(edited.utf8), path: "f", catalog: catalog).warnings == [.catalogContentDiffers])
    }

    @Test func syntaxErrorsGiveFileLineColumnAndInvalidUTF8GivesOffset() {
        #expect(
            FileError(path: "bad.json", kind: .syntax(line: 4, column: 3, .duplicateKey("formatVersion"))).message(.en)
                == "bad.json:4:3: duplicate key \"formatVersion\"")
        #expect(throws: FileError(path: "u.json", kind: .invalidUTF8(offset: 2))) {
            try Documents.decodeAssessment([0x7B, 0x20, 0xFF, 0x7D], path: "u.json", catalog: catalog)
        }
        let msg = FileError(path: "x\u{1B}[2J.json", kind: .notFound).message(.fr)
        #expect(msg == "x\\x1B[2J.json: fichier introuvable")
    }

    /// Issue 11 item 19: a file in another encoding, or holding a raw NUL, is named for what it is.
    @Test func wideEncodingsAndNulBytesAreNamed() {
        let text = #"{"a": 1}"#
        let utf16LE: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32LE: [UInt8] = [0x7B, 0, 0, 0, 0x7D, 0, 0, 0]
        let cases: [([UInt8], String)] = [(utf16LE, "UTF-16LE"), (utf16BE, "UTF-16BE"), (utf32LE, "UTF-32LE")]
        for (bytes, name) in cases {
            #expect(throws: FileError(path: "w.json", kind: .wrongEncoding(name))) {
                try Documents.decodeAssessment(bytes, path: "w.json", catalog: catalog)
            }
        }
        #expect(throws: FileError(path: "n.json", kind: .nulByte(line: 2, column: 10))) {
            try Documents.decodeAssessment(Array("{\n  \"a\": \"x\u{0}y\"}".utf8), path: "n.json", catalog: catalog)
        }
        #expect(
            FileError(path: "w.json", kind: .wrongEncoding("UTF-16LE")).message(.en)
                == "w.json: the file is in UTF-16LE, not UTF-8; save it as UTF-8 (for example: iconv -f UTF-16LE -t UTF-8)")
        #expect(FileError(path: "n.json", kind: .nulByte(line: 2, column: 8)).message(.fr).hasPrefix("n.json:2:8: un octet NUL (0x00)"))
        // A UTF-8 byte order mark is still accepted.
        #expect(throws: Never.self) { try Documents.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8), path: "b.json") }
    }

    @Test func nextActionIDIsUniqueAcrossRules() {
        var a = filled()
        #expect(a.nextActionID() == "A2")
        a.answers["communicate"]?.actions.append(ActionItem(id: "A7", title: "x"))
        #expect(a.nextActionID() == "A8")
    }

    @Test func overdueOnlyForOpenActionsPastDue() {
        let today = CalendarDate(iso: "2026-12-02")!
        #expect(ActionItem(id: "A1", title: "t", due: CalendarDate(iso: "2026-12-01"), status: .open).isOverdue(asOf: today))
        #expect(!ActionItem(id: "A1", title: "t", due: CalendarDate(iso: "2026-12-01"), status: .done).isOverdue(asOf: today))
        #expect(!ActionItem(id: "A1", title: "t", due: CalendarDate(iso: "2026-12-02"), status: .open).isOverdue(asOf: today))
        #expect(!ActionItem(id: "A1", title: "t", status: .open).isOverdue(asOf: today))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(r, with: replacement)
        return copy
    }

    func range(of target: String) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
