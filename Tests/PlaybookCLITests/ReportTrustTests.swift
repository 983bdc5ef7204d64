import Foundation
import Testing

/// Issue 11, items 4, 6, 7, 14 and 19: the comparison gate, the two-sides view, the overdue
/// date, what `validate` skips and outputs that would replace their own inputs.
@Suite struct ReportTrustTests {
    /// Runs `playbook` and requires success.
    @discardableResult
    func run(_ arguments: [String], in dir: String) throws -> RunResult {
        let r = try playbook(arguments, in: dir)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return r
    }

    /// old.json: rules 1–3 at 3, the others at 2; new.json: rule 1 N/A, 2 unknown, 3 cleared.
    func rescopedPair() throws -> String {
        let dir = try temporaryFolder()
        try run(["new", "old.json", "--program", "Acme", "--date", "2026-09-30"], in: dir)
        for rule in 1...16 { try run(["set", "old.json", String(rule), "--score", rule <= 3 ? "3" : "2"], in: dir) }
        try FileManager.default.copyItem(atPath: dir + "/old.json", toPath: dir + "/new.json")
        try run(["set", "new.json", "1", "--na", "no longer relevant"], in: dir)
        try run(["set", "new.json", "2", "--unknown"], in: dir)
        try run(["set", "new.json", "3", "--clear"], in: dir)
        return dir
    }

    // MARK: Item 4

    @Test func aRuleLeavingTheScoredSetIsARegressionForTheGate() throws {
        let dir = try rescopedPair()
        let r = try playbook(["compare", "old.json", "new.json", "--fail-on-regression"], in: dir)
        #expect(r.status == 3)
        #expect(r.stdout.contains("REGRESSIONS (3)"))
        // The reading is wrapped to 80 columns: read it as one line.
        let reading = r.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(
            reading.contains("0 rules improved and 3 regressed (3 of them are no longer scored); the overall score fell by 6.2 pts; coverage fell by 13.3 pts.")
        )
        let fr = try playbook(["compare", "old.json", "new.json", "--lang", "fr"], in: dir)
        #expect(fr.stdout.contains("RECULS (3)"))
        #expect(
            fr.stdout.replacingOccurrences(of: "\n", with: " ").contains(
                "0 règle a progressé et 3 ont reculé (dont 3 qui ne sont plus notées) ; le score global a baissé de 6,2 pts ; la couverture a baissé de 13,3 pts."
            ))
        for format in ["markdown", "html"] {
            let other = try playbook(["compare", "old.json", "new.json", "--format", format], in: dir)
            #expect(other.stdout.contains("Regressions (3)"), "\(format)")
            #expect(other.stdout.contains("the overall score fell by"), "\(format)")
        }
        let json = try playbook(["compare", "old.json", "new.json", "--format", "json"], in: dir)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(doc["hasRegression"] as? Bool == true)
        #expect((doc["sections"] as! [String: Any])["regressions"] as? [String] == ["strategic-level", "ambitious-targets", "right-level-right-time"])
        #expect(doc["fell"] as? [String] == ["overall", "coverage"])
    }

    @Test func allowRescopingLetsRulesLeaveTheScoredSet() throws {
        let dir = try rescopedPair()
        let r = try playbook(["compare", "old.json", "new.json", "--fail-on-regression", "--allow-rescoping"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("OTHER CHANGES (3)"))
        #expect(!r.stdout.contains("REGRESSIONS"))
        // The fall of the headline figures is said all the same.
        #expect(r.stdout.replacingOccurrences(of: "\n", with: " ").contains("0 regressed; the overall score fell by 6.2 pts; coverage fell by 13.3 pts."))
    }

    @Test func failOnRegressionIsRefusedBetweenSides() throws {
        let dir = try rescopedPair()
        let r = try playbook(["compare", "old.json", "new.json", "--sides", "--fail-on-regression"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("--fail-on-regression compares over time"))
        let fr = try playbook(["compare", "old.json", "new.json", "--sides", "--fail-on-regression", "--lang", "fr"], in: dir)
        #expect(fr.status == 2)
        #expect(fr.stderr.contains("--fail-on-regression compare dans le temps"))
    }

    @Test func sidesOnTwoFilesOfTheSameSideWarns() throws {
        let dir = try rescopedPair()
        let r = try playbook(["compare", "old.json", "new.json", "--sides"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: --sides, but both files are from the same side (our side)"))
        let fr = try playbook(["compare", "old.json", "new.json", "--sides", "--lang", "fr"], in: dir)
        #expect(fr.stderr.contains("attention : --sides, mais les deux fichiers sont du même côté (notre côté)"))
    }

    // MARK: Item 6

    func sidesPair() throws -> String {
        let dir = try temporaryFolder()
        try run(["new", "ours.json", "--program", "Acme", "--date", "2026-09-30"], in: dir)
        try run(["new", "theirs.json", "--program", "Acme", "--date", "2026-10-02", "--side", "partner"], in: dir)
        for rule in 1...16 {
            try run(["set", "ours.json", String(rule), "--score", "2"], in: dir)
            try run(["set", "theirs.json", String(rule), "--score", rule == 1 ? "0" : "3"], in: dir)
        }
        try run(["set", "ours.json", "1", "--note", "first line\nsecond line", "--add-action", "Only ours"], in: dir)
        try run(["set", "theirs.json", "1", "--add-action", "Only theirs"], in: dir)
        return dir
    }

    @Test func sidesShowNotesOnTheirLinesAndActionsByWhoseFile() throws {
        let dir = try sidesPair()
        let r = try run(["compare", "ours.json", "theirs.json"], in: dir)
        #expect(!r.stdout.contains("\\n"))
        #expect(r.stdout.contains("     Ours: first line\n     second line\n"))
        #expect(!r.stdout.contains("dropped"))
        #expect(!r.stdout.contains("opened"))
        #expect(r.stdout.contains("only in ours: Only ours"))
        #expect(r.stdout.contains("only in theirs: Only theirs"))
        let fr = try run(["compare", "ours.json", "theirs.json", "--lang", "fr"], in: dir)
        #expect(fr.stdout.contains("seulement chez nous : Only ours"))
        #expect(fr.stdout.contains("seulement chez le partenaire : Only theirs"))
        #expect(!fr.stdout.contains("abandonnées"))
        let json = try run(["compare", "ours.json", "theirs.json", "--format", "json"], in: dir)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let first = (doc["rules"] as! [[String: Any]])[0]
        #expect(first["actionsDropped"] as? [String] == [])
        #expect(first["actionsOnlyBefore"] as? [String] == ["A1"])
        #expect(first["actionsOnlyAfter"] as? [String] == ["A1"])
    }

    @Test func htmlHeadlineSaysWhoseScoreItShows() throws {
        let dir = try sidesPair()
        let html = try run(["compare", "ours.json", "theirs.json", "--format", "html"], in: dir).stdout
        #expect(html.contains("<p class=\"value\">Theirs 93.8%</p>"))
        #expect(html.contains("<p class=\"detail\">Ours 66.7% · gap +27.1 pts</p>"))
        let fr = try run(["compare", "ours.json", "theirs.json", "--format", "html", "--lang", "fr"], in: dir).stdout
        #expect(fr.contains("<p class=\"value\">Partenaire 93,8\u{202F}%</p>"))
    }

    // MARK: Item 7

    func overdueFile() throws -> String {
        let dir = try temporaryFolder()
        try run(["new", "a.json", "--program", "Acme", "--date", "2026-09-30"], in: dir)
        try run(["set", "a.json", "1", "--score", "1", "--add-action", "Plan", "--due", "2026-10-15"], in: dir)
        return dir
    }

    @Test func everyOverdueCountSaysTheDateItWasJudgedBy() throws {
        let dir = try overdueFile()
        let env = ["PLAYBOOK_NOW": "2026-12-01T09:00:00Z"]
        let show = try playbook(["show", "a.json"], in: dir, environment: env)
        #expect(show.stdout.contains("OPEN ACTIONS (1, 1 overdue as of 2026-12-01)"))
        let showFr = try playbook(["show", "a.json", "--lang", "fr"], in: dir, environment: env)
        #expect(showFr.stdout.contains("ACTIONS OUVERTES (1, dont 1 en retard au 2026-12-01)"))
        let showAsOf = try playbook(["show", "a.json", "--as-of", "2026-10-01"], in: dir, environment: env)
        #expect(showAsOf.stdout.contains("OPEN ACTIONS (1, 0 overdue as of 2026-10-01)"))
        let text = try playbook(["report", "a.json"], in: dir, environment: env)
        #expect(text.stdout.contains("ACTION PLAN (1 action, 1 open, 0 overdue as of 2026-09-30)"))
        let md = try playbook(["report", "a.json", "--format", "markdown", "--as-of", "2026-12-01"], in: dir, environment: env)
        #expect(md.stdout.contains("1 action, 1 open, 1 overdue as of 2026-12-01."))
        let html = try playbook(["report", "a.json", "--format", "html", "--lang", "fr"], in: dir, environment: env)
        #expect(html.stdout.contains("1 action, 1 ouverte, 0 en retard au 2026-09-30"))
    }

    // MARK: Item 14

    @Test func validateSkipsTheProgramsOwnFilesAndStillReportsABrokenAssessment() throws {
        let dir = try rescopedPair()
        try run(["report", "old.json", "-o", "old.report.json"], in: dir)
        try run(["compare", "old.json", "new.json", "-o", "cmp.json"], in: dir)
        try run(["rules", "--format", "json"], in: dir).stdout.write(toFile: dir + "/mine.catalog.json", atomically: true, encoding: .utf8)
        try "{\"formatVersion\": \"1.0\", \"folders\": []}\n".write(toFile: dir + "/playbook-portfolio.json", atomically: true, encoding: .utf8)
        try "user@host.1234:1\n".write(toFile: dir + "/.#old.json", atomically: true, encoding: .utf8)
        // A backup is named on the command line (`validate *` does); a folder's backups are not read.
        let clean = try playbook(["validate", ".", "old.json~"], in: dir)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("cmp.json: skipped: comparison JSON"))
        #expect(clean.stdout.contains("old.report.json: skipped: report JSON"))
        #expect(clean.stdout.contains("mine.catalog.json: skipped: catalogue"))
        #expect(clean.stdout.contains("playbook-portfolio.json: skipped: portfolio settings"))
        #expect(clean.stdout.contains(".#old.json: skipped: hidden file"))
        #expect(clean.stdout.contains("old.json~: skipped: backup"))
        #expect(clean.stdout.contains("2 files checked: 2 valid, 0 invalid, 6 skipped"))
        try "{\"formatVersion\": \"1.0\", \"answers\": 3}\n".write(toFile: dir + "/broken.json", atomically: true, encoding: .utf8)
        let broken = try playbook(["validate", ".", "old.json~", "--lang", "fr"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("old.report.json : ignoré : JSON de rapport"))
        #expect(broken.stdout.contains("cmp.json : ignoré : JSON de comparaison"))
        #expect(broken.stdout.contains("broken.json"))
        #expect(broken.stdout.contains("3 fichiers vérifiés : 2 valides, 1 invalide, 6 ignorés"))
    }

    // MARK: Item 19

    @Test func anOutputNeverReplacesAnAssessmentOrAnInput() throws {
        let dir = try rescopedPair()
        let before = try readText(dir + "/old.json")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.md", withDestinationPath: "old.json")
        for args in [
            ["report", "old.json", "-o", "old.json", "--force"],
            ["report", "old.json", "-o", "./link.md", "--force"],
            ["report", "new.json", "-o", "old.json", "--force", "--format", "json"],
            ["compare", "old.json", "new.json", "-o", "new.json", "--force", "--format", "json"],
            ["compare", "old.json", "new.json", "-o", "link.md", "--force"],
        ] {
            let r = try playbook(args, in: dir)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("nothing was written"), "\(args): \(r.stderr)")
            #expect(try readText(dir + "/old.json") == before, "\(args)")
        }
        let same = try playbook(["report", "old.json", "-o", "old.json", "--force"], in: dir)
        #expect(same.stderr.contains("old.json is an input of this command"))
        let other = try playbook(["report", "new.json", "-o", "old.json", "--force", "--lang", "fr"], in: dir)
        #expect(other.stderr.contains("old.json est un fichier d’évaluation"))
        #expect(try playbook(["report", "old.json", "-o", "old.md"], in: dir).status == 0)
    }
}
