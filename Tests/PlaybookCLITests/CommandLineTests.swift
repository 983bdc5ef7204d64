import Foundation
import Testing

/// What a command line means to a user: each spelling of an option, the order of words, and the
/// defaults when an option is left out, checked on the real binary.
@Suite struct CommandLineTests {
    let fixtures = repoRoot + "/Tests/Fixtures/assessments/"

    /// Runs each line in its own copy of two assessments; returns the output, the status and
    /// the files left behind with their bytes.
    private func outcome(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: fixtures + "partial.json", toPath: dir + "/a.json")
        try FileManager.default.copyItem(atPath: fixtures + "complete.json", toPath: dir + "/b.json")
        let r = try playbook(arguments, in: dir, environment: environment)
        var text = "status \(r.status)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            text += "--- \(name)\n" + (try readText(dir + "/" + name))
        }
        return text
    }

    @Test(arguments: [
        // --option=value is --option value.
        (["report", "a.json", "--format=html"], ["report", "a.json", "--format", "html"]),
        (["rules", "--lang=fr", "--format=markdown"], ["rules", "--lang", "fr", "--format", "markdown"]),
        // -o, --output and --output=; -o - is standard output.
        (["report", "a.json", "-o", "r.html"], ["report", "a.json", "--output", "r.html"]),
        (["report", "a.json", "--output=r.csv", "--actions"], ["report", "a.json", "-o", "r.csv", "--actions"]),
        (["report", "a.json", "-o", "-"], ["report", "a.json"]),
        (["compare", "a.json", "b.json", "-o", "c.json"], ["compare", "a.json", "b.json", "--output", "c.json"]),
        (["validate", "-q", "a.json", "b.json"], ["validate", "--quiet", "a.json", "b.json"]),
        // Options before, between or after the arguments; common options before the command.
        (["compare", "--format", "json", "a.json", "--sides", "b.json"], ["compare", "a.json", "b.json", "--sides", "--format", "json"]),
        (["set", "--score", "2", "a.json", "--note", "Held", "1"], ["set", "a.json", "1", "--score", "2", "--note", "Held"]),
        (["--lang", "fr", "rules"], ["rules", "--lang", "fr"]),
        (["show", "--as-of", "2026-12-01", "a.json", "--lang", "fr"], ["show", "a.json", "--as-of", "2026-12-01", "--lang", "fr"]),
        // Defaults: text, standard output, the locale's language.
        (["rules"], ["rules", "--format", "text", "--lang", "en"]),
        (["report", "a.json"], ["report", "a.json", "--format", "text"]),
        (["compare", "a.json", "b.json"], ["compare", "a.json", "b.json", "--format", "text"]),
        (["report", "a.json", "-o", "r.md"], ["report", "a.json", "-o", "r.md", "--format", "markdown"]),
        (["new", "x.json"], ["new", "x.json", "--program", "", "--partner", "", "--assessor", "", "--side", "ours", "--date", "2026-11-27"]),
        (
            ["set", "a.json", "1", "--add-evidence", "MOU", "--add-action", "Call"],
            ["set", "a.json", "1", "--add-evidence", "MOU", "--strength", "asserted", "--add-action", "Call", "--owner", ""]
        ),
    ])
    func spellingsThatMeanTheSameDoTheSame(_ line: [String], _ same: [String]) throws {
        let first = try outcome(line)
        #expect(first.hasPrefix("status 0\n"), "\(line): \(first.prefix(400))")
        #expect(first == (try outcome(same)), "\(line) against \(same)")
    }

    @Test func theDefaultsAreWrittenIntoTheFiles() throws {
        let dir = try temporaryFolder()
        #expect(try playbook(["new", "x.json"], in: dir).status == 0)
        #expect(try playbook(["set", "x.json", "strategic-level", "--add-evidence", "MOU", "--add-action", "Call"], in: dir).status == 0)
        let file = try jsonObject(dir + "/x.json")
        #expect(file["side"] as? String == "ours")
        #expect(file["assessor"] as? String == "")
        #expect(file["assessedOn"] as? String == "2026-11-27")
        #expect(file["program"] as? [String: String] == ["name": "", "partner": ""])
        let answer = try #require((file["answers"] as? [String: Any])?["strategic-level"] as? [String: Any])
        #expect(answer["evidence"] as? [[String: String]] == [["strength": "asserted", "text": "MOU"]])
        #expect(answer["actions"] as? [[String: String]] == [["id": "A1", "owner": "", "status": "open", "title": "Call"]])
    }

    @Test func theFormatFollowsTheOutputsExtension() throws {
        let dir = try temporaryFolder()
        let html = try playbook(["report", fixtures + "complete.json", "--format=html", "-o", "-"], in: dir)
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(try playbook(["compare", fixtures + "partial.json", fixtures + "complete.json", "-o", "c.json"], in: dir).status == 0)
        #expect(try readText(dir + "/c.json").hasPrefix("{\n"))
    }

    @Test(arguments: [
        (["report", "a.json", "-o"], "Error: Missing value for '-o <out>'"),
        (["report", "a.json", "b.json"], "Error: Unexpected argument 'b.json'"),
        (["report", "a.json", "--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'"),
        (["report"], "Error: Missing expected argument '<file>'"),
        (["rules", "--lang", "de"], "Error: The value 'de' is invalid for '--lang <lang>'"),
        (["validate"], "Error: Missing expected argument '<file> ...'"),
        (["compare", "a.json"], "Error: Missing expected argument '<b>'"),
        (["show", "a.json", "--as-of"], "Error: Missing value for '--as-of <date>'"),
        (["set", "a.json", "1", "--score", "2", "--unknown"], "Error: give at most one of --score, --na, --unknown and --clear\nUsage: playbook set"),
        (
            ["set", "a.json", "1"],
            "Error: nothing to set: give --score, --na, --unknown, --clear, --target, --note, --add-evidence or --add-action\nUsage: playbook set"
        ),
    ])
    func mistakesGetTheUsageAndStatusTwo(_ line: [String], _ message: String) throws {
        let text = try outcome(line)
        #expect(text.hasPrefix("status 2\n--- stdout\n--- stderr\n" + message), "\(line): \(text.prefix(400))")
    }

    @Test func setsChecksAreInTheInterfaceLanguage() throws {
        let text = try outcome(["set", "a.json", "1", "--lang", "fr"])
        #expect(
            text.hasPrefix(
                """
                status 2
                --- stdout
                --- stderr
                Erreur : rien à faire\u{A0}: donnez --score, --na, --unknown, --clear, --target, --note, --add-evidence ou --add-action
                Utilisation : playbook set [<options>] <fichier> <règle>
                  Voir « playbook set --help » pour plus d’informations.
                --- a.json

                """))
    }
}
