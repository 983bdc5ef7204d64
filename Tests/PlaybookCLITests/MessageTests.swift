import Foundation
import Testing

/// Issue 11 items 16 and 17: words instead of numbers, real plurals, help wholly in the chosen
/// language, bad paths as bad input, and the nearest command or rule for a typo.
@Suite struct MessageTests {
    @Test func frenchHelpIsFrenchThroughout() throws {
        let dir = try temporaryFolder()
        for command in [["--help"], ["set", "--help"], ["report", "--help"], ["compare", "--help"]] {
            let r = try playbook(command + ["--lang", "fr"], in: dir)
            #expect(r.status == 0)
            for english in [
                "OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "(values:", "default:", "Show help information", "Show the version", "<file>",
                "for detailed help",
            ] {
                #expect(!r.stdout.contains(english), "\(command): \(english)")
            }
            #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix(";") }, "\(command)")
            // Wrapped narrow, no line starts with the punctuation French spaces off.
            let narrow = try playbook(command + ["--lang", "fr"], in: dir, environment: ["COLUMNS": "50"])
            #expect(
                !narrow.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).first.map { ":;?!»".contains($0) } ?? false },
                "\(command)")
        }
        let root = try playbook(["--help", "--lang", "fr"], in: dir).stdout
        #expect(root.contains("UTILISATION : playbook [--catalog <fichier>] [--lang <langue>] <sous-commande>"))
        #expect(root.contains("  2  entrée invalide\u{A0}: fichier invalide, option erronée, chemin impossible"))
    }

    @Test func countsTakeTheRightNumberInBothLanguages() throws {
        let dir = try temporaryFolder()
        let small = repoRoot + "/Tests/Fixtures/catalogs/small.json"
        #expect(try playbook(["catalog", "validate", small], in: dir).stdout.contains("2 rules in 1 theme\n"))
        #expect(try playbook(["catalog", "validate", small, "--lang", "fr"], in: dir).stdout.contains("2 règles en 1 thème\n"))
        _ = try playbook(["new", "a.json"], in: dir)
        _ = try playbook(["set", "a.json", "1", "--na", "No procurement"], in: dir)
        func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(
            flat(try playbook(["show", "a.json", "--lang", "fr"], in: dir).stdout).contains("sur 15 applicables (0,0 %) · 1 non applicable · 15 non évaluées"))
        _ = try playbook(["set", "a.json", "2", "--na", "No procurement"], in: dir)
        let fr = flat(try playbook(["show", "a.json", "--lang", "fr"], in: dir).stdout)
        #expect(fr.contains("2 non applicables"))
        #expect(fr.contains("14 non évaluées"))
        #expect(!fr.contains("(s)"))
        let report = try playbook(["report", "a.json", "-o", "r.txt"], in: dir)
        #expect(report.stdout.contains(" bytes)."))
    }

    @Test func pathsThatCannotNameAFileAreBadInputSaidInWords() throws {
        let dir = try temporaryFolder()
        _ = try playbook(["new", "a.json"], in: dir)
        let long = String(repeating: "é", count: 130) + ".json"
        let tooLong = try playbook(["new", long], in: dir)
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("the name is too long"))
        #expect(!tooLong.stderr.contains("system error"))
        let throughFile = try playbook(["new", "a.json/b.json"], in: dir)
        #expect(throughFile.status == 2)
        #expect(throughFile.stderr.contains("a part of the path is not a folder"))
        symlink("loop2", dir + "/loop1")
        symlink("loop1", dir + "/loop2")
        let loop = try playbook(["show", "loop1"], in: dir)
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("too many symbolic links"))
        let fr = try playbook(["new", "a.json/b.json", "--lang", "fr"], in: dir)
        #expect(fr.stderr.contains("impossible d’enregistrer"))
    }

    @Test func aMistypedCommandOrRuleGetsTheNearestOne() throws {
        let dir = try temporaryFolder()
        let command = try playbook(["repot", "a.json"], in: dir)
        #expect(command.status == 2)
        #expect(command.stderr.hasPrefix("playbook: unknown command 'repot'; did you mean `report`?\n"))
        let fr = try playbook(["--lang", "fr", "shwo", "a.json"], in: dir)
        #expect(fr.stderr.hasPrefix("playbook : commande inconnue « shwo » ; vouliez-vous dire `show` ?\n"))
        _ = try playbook(["new", "a.json"], in: dir)
        let rule = try playbook(["set", "a.json", "strategic", "--score", "2"], in: dir)
        #expect(rule.status == 2)
        #expect(rule.stderr.contains("unknown rule \"strategic\"; did you mean `strategic-level` (1)?"))
        let typo = try playbook(["set", "a.json", "strong-governnace", "--score", "2"], in: dir)
        #expect(typo.stderr.contains("did you mean `strong-governance` (4)?"))
        let nested = try playbook(["catalog", "valdate"], in: dir)
        #expect(nested.status == 2)
        #expect(nested.stderr.hasPrefix("playbook catalog: unknown command 'valdate'; did you mean `validate`?\n"))
        let completion = try playbook(["--generate-completion-script", "bash"], in: dir)
        #expect(completion.status == 0 && completion.stdout.contains("_playbook"))
    }
}
