import Foundation
import Testing

@Suite struct CommandTests {
    @Test func rulesPrintsTheSixteenRulesInEnglishAndFrench() throws {
        let dir = try temporaryFolder()
        let en = try playbook(["rules", "--lang", "en"], in: dir)
        #expect(en.status == 0)
        #expect(en.stdout.contains("16 golden rules for effective alliances"))
        #expect(en.stdout.contains("1. Work at a strategic level"))
        #expect(en.stdout.contains("16. Segment and label"))
        #expect(en.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let fr = try playbook(["rules"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(fr.stdout.contains("1. Travailler à un niveau stratégique"))
        #expect(fr.stdout.contains("Ni trop bas, ni trop haut… et au bon moment"))
        #expect(fr.stdout.contains("STRATÉGIE"))
    }

    @Test func rulesInMarkdownAndJSON() throws {
        let dir = try temporaryFolder()
        let md = try playbook(["rules", "--format", "markdown", "--lang", "en"], in: dir)
        #expect(md.stdout.hasPrefix("# 16 golden rules for effective alliances\n"))
        #expect(md.stdout.components(separatedBy: "\n### ").count == 17)
        let json = try playbook(["rules", "--format", "json"], in: dir)
        #expect(json.stdout == (try readText(repoRoot + "/Rules/alliances-16-golden-rules.json")))
    }

    @Test func noArgumentsOpensTheChecklistWhichNeedsATerminal() throws {
        let r = try playbook(["--lang", "en"], in: try temporaryFolder())
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr
                == "playbook: the checklist needs a terminal (standard input and output must be a terminal); use `playbook show`, `set` or `validate` in scripts\n"
        )
    }

    @Test func helpListsCommandsAndExitCodesInBothLanguages() throws {
        let dir = try temporaryFolder()
        let en = try playbook(["--help"], in: dir)
        #expect(en.status == 0)
        let flat = en.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for word in ["rules", "new", "set", "show", "validate", "catalog", "Exit status: 0 success 1 failure", "2 bad input"] {
            #expect(flat.contains(word), "\(word)")
        }
        let fr = try playbook(["--help"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(fr.stdout.contains("Code de sortie"))
        let setHelp = try playbook(["set", "--help", "--lang", "fr"], in: dir)
        #expect(setHelp.stdout.contains("Noter la règle de 0 à 3."))
    }

    @Test func scriptedAssessmentOfAllSixteenRulesThenSummary() throws {
        let dir = try temporaryFolder()
        #expect(
            try playbook(
                ["new", "q4.json", "--program", "Cloud Alliance", "--partner", "Acme", "--segment", "resale", "--assessor", "Marie", "--date", "2026-11-20"],
                in: dir
            ).status == 0)
        for n in 1...16 where n != 7 && n != 8 {
            let r = try playbook(["set", "q4.json", String(n), "--score", "2"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try playbook(["set", "q4.json", "cross-business", "--na", "No procurement link"], in: dir).status == 0)
        #expect(try playbook(["set", "q4.json", "lawyers-late", "--unknown"], in: dir).status == 0)
        #expect(
            try playbook(
                [
                    "set", "q4.json", "1", "--target", "3", "--note", "Objectif 2 M€ « ambitieux »\nsecond line", "--add-action", "Write the plan", "--owner",
                    "Paul", "--due", "2026-11-01",
                ], in: dir
            ).status == 0)
        #expect(
            try playbook(["set", "q4.json", "4", "--add-evidence", "Minutes", "--strength", "verified", "--evidence-date", "2026-10-01"], in: dir).status == 0)

        let doc = try jsonObject(dir + "/q4.json")
        let answers = doc["answers"] as! [String: [String: Any]]
        #expect(answers.count == 16)
        #expect(answers["strategic-level"]?["score"] as? Int == 2)
        #expect(answers["strategic-level"]?["target"] as? Int == 3)
        #expect(answers["strategic-level"]?["note"] as? String == "Objectif 2 M€ « ambitieux »\nsecond line")
        #expect(answers["cross-business"]?["reason"] as? String == "No procurement link")
        #expect(answers["lawyers-late"]?["state"] as? String == "unknown")
        let action = (answers["strategic-level"]?["actions"] as? [[String: Any]])?.first
        #expect(action?["id"] as? String == "A1")
        #expect(action?["due"] as? String == "2026-11-01")
        #expect(doc["assessedOn"] as? String == "2026-11-20")

        let show = try playbook(["show", "q4.json", "--as-of", "2026-11-27"], in: dir)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Overall    66.7% — Established (level 2)"))
        #expect(show.stdout.contains("14 of 15 applicable rules scored (93.3%) · 1 not applicable · 1"))
        #expect(show.stdout.contains("To target  66.7%"))
        #expect(show.stdout.contains("1. Write the plan — Paul — due 2026-11-01 (OVERDUE)"))
        let fr = try playbook(["show", "q4.json", "--lang", "fr", "--as-of", "2026-10-01"], in: dir)
        #expect(fr.stdout.contains("Score global   66,7\u{202F}% — Établi (niveau 2)"))
        #expect(!fr.stdout.contains("EN RETARD"))
    }

    @Test func savingTwiceWithoutChangeGivesTheSameBytesAndKeepsABackup() throws {
        let dir = try temporaryFolder()
        _ = try playbook(["new", "a.json"], in: dir)
        _ = try playbook(["set", "a.json", "3", "--score", "1"], in: dir)
        let first = try readText(dir + "/a.json")
        _ = try playbook(["set", "a.json", "3", "--score", "1"], in: dir)
        #expect(try readText(dir + "/a.json") == first)
        #expect(try readText(dir + "/a.json~") == first)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/a.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func newRefusesToOverwrite() throws {
        let dir = try temporaryFolder()
        try "precious".write(toFile: dir + "/a.json", atomically: false, encoding: .utf8)
        let r = try playbook(["new", "a.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "a.json: already exists; not overwritten\n")
        #expect(try readText(dir + "/a.json") == "precious")
    }

    @Test func badUsageAndBadValuesExitWithTwo() throws {
        let dir = try temporaryFolder()
        _ = try playbook(["new", "a.json"], in: dir)
        let before = try readText(dir + "/a.json")
        let cases: [([String], String)] = [
            (["set", "a.json", "99", "--score", "1"], "unknown rule \"99\""),
            (["set", "a.json", "1", "--score", "4"], "--score: expected a level from 0 to 3, got \"4\""),
            (["set", "a.json", "1", "--score", "1", "--unknown"], "at most one of"),
            (["set", "a.json", "1"], "nothing to set"),
            (["set", "a.json", "1", "--na", " "], "--na: the reason must not be empty"),
            (["set", "a.json", "1", "--add-action", "x", "--due", "2026-02-30"], "--due: \"2026-02-30\" is not a real date"),
            (["new", "b.json", "--side", "theirs"], "theirs"),
            (["show", "missing.json"], "missing.json: no such file"),
            (["frobnicate"], "playbook: unknown command 'frobnicate'"),
        ]
        for (args, message) in cases {
            let r = try playbook(args, in: dir)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(try readText(dir + "/a.json") == before)
    }

    @Test func loadErrorsNameFileLineColumnOrPointerAndLeaveTheFileUnchanged() throws {
        let dir = try temporaryFolder()
        let broken = "{\n  \"formatVersion\": \"1.0\",\n  \"formatVersion\": \"2.0\"\n}\n"
        try broken.write(toFile: dir + "/dup.json", atomically: false, encoding: .utf8)
        let r = try playbook(["set", "dup.json", "1", "--score", "2"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "dup.json:3:3: duplicate key \"formatVersion\"\nThe file was not changed.\n")
        #expect(try readText(dir + "/dup.json") == broken)
    }

    @Test func validateChecksManyFilesAndFolders() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/partners", withIntermediateDirectories: true)
        for name in ["a", "b", "c"] { _ = try playbook(["new", "partners/\(name).json", "--program", name], in: dir) }
        _ = try playbook(["set", "partners/b.json", "2", "--score", "3"], in: dir)
        var text = try readText(dir + "/partners/c.json")
        text = text.replacingOccurrences(of: "\"answers\": {}", with: "\"answers\": {\"strategic-level\": {\"state\": \"scored\", \"score\": 5}}")
        try text.write(toFile: dir + "/partners/c.json", atomically: false, encoding: .utf8)
        let r = try playbook(["validate", "partners"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains("ok: partners/a.json"))
        #expect(r.stdout.contains("ok: partners/b.json"))
        #expect(r.stdout.contains("partners/c.json: /answers/strategic-level/score: 5 is out of range (0–3)"))
        #expect(r.stdout.hasSuffix("3 files checked: 2 valid, 1 invalid\n"))
        let ok = try playbook(["validate", "partners/a.json", "partners/b.json"], in: dir)
        #expect(ok.status == 0)
    }

    @Test func catalogValidateAcceptsTheBuiltInAndExplainsABadOne() throws {
        let dir = try temporaryFolder()
        let good = try playbook(["catalog", "validate"], in: dir)
        #expect(good.status == 0)
        #expect(good.stdout.contains("16 rules in 4 themes"))
        var text = try readText(repoRoot + "/Rules/alliances-16-golden-rules.json")
        text = text.replacingOccurrences(of: "\"id\": \"ambitious-targets\"", with: "\"id\": \"strategic-level\"")
        try text.write(toFile: dir + "/custom.json", atomically: false, encoding: .utf8)
        let bad = try playbook(["catalog", "validate", "custom.json"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("custom.json: /rules/1/id: \"strategic-level\" is used more than once"))
        let other = try playbook(["rules", "--catalog", "custom.json"], in: dir)
        #expect(other.status == 2)
    }

    @Test func customCatalogueIsUsedWithCatalogOption() throws {
        let dir = try temporaryFolder()
        var text = try readText(repoRoot + "/Rules/alliances-16-golden-rules.json")
        text = text.replacingOccurrences(of: "\"16 golden rules for effective alliances\"", with: "\"Our own playbook\"")
        try text.write(toFile: dir + "/ours.json", atomically: false, encoding: .utf8)
        let r = try playbook(["rules", "--catalog", "ours.json", "--lang", "en"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Our own playbook — version 1.0.0"))
        _ = try playbook(["new", "a.json", "--catalog", "ours.json"], in: dir)
        let plain = try playbook(["show", "a.json"], in: dir)
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("warning: the catalogue's content changed"))
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let dir = try temporaryFolder()
        let evil = "Evil\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{9B}\u{202E}"
        _ = try playbook(["new", "a.json", "--program", evil, "--partner", evil], in: dir)
        _ = try playbook(["set", "a.json", "1", "--score", "1", "--add-action", evil, "--owner", evil], in: dir)
        let show = try playbook(["show", "a.json"], in: dir)
        #expect(show.status == 0)
        for scalar in show.stdout.unicodeScalars where scalar != "\n" {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value) && scalar.value != 0x202E)
        }
        #expect(show.stdout.contains("Evil\\x1B]2;PWNED\\x07\\x1B[2J\\x9B\\u202E"))
        let file = try readText(dir + "/a.json")
        #expect(!file.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        let err = try playbook(["show", evil + ".json"], in: dir)
        #expect(!err.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }
}

@Suite struct FormatVersionCommandTests {
    @Test func newerMajorVersionIsReadButNeverChanged() throws {
        let dir = try temporaryFolder()
        var text = try readText(repoRoot + "/Tests/Fixtures/golden/1.0/complete.json")
        text = text.replacingOccurrences(of: "\"formatVersion\": \"1.0\"", with: "\"formatVersion\": \"2.0\"")
        try text.write(toFile: dir + "/future.json", atomically: false, encoding: .utf8)
        let show = try playbook(["show", "future.json"], in: dir)
        #expect(show.status == 0)
        #expect(show.stderr.contains("format version 2.0 is newer than this program (1.x): the file can be read but not changed"))
        let set = try playbook(["set", "future.json", "1", "--score", "3"], in: dir)
        #expect(set.status == 2)
        #expect(set.stderr.contains("The file was not changed."))
        #expect(try readText(dir + "/future.json") == text)
    }
}

@Suite struct UsageLanguageTests {
    @Test func usageErrorsFollowTheInterfaceLanguage() throws {
        let dir = try temporaryFolder()
        let fr = try playbook(["new", "x.json", "--side", "theirs"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(fr.status == 2)
        #expect(fr.stderr.hasPrefix("Erreur : La valeur 'theirs' n’est pas valide pour '--side <côté>'. Valeurs possibles : 'ours', 'partner' ou 'joint'."))
        #expect(fr.stderr.contains("Voir « playbook new --help » pour plus d’informations."))
        let en = try playbook(["frobnicate"], in: dir)
        #expect(en.stderr.hasPrefix("playbook: unknown command 'frobnicate'\nCommands: assess, rules"))
    }
}
