import Foundation
import Testing

@Suite struct ReportCommandTests {
    let fixtures = repoRoot + "/Tests/Fixtures/assessments/"

    @Test func textToStandardOutputByDefault() throws {
        let r = try playbook(["report", fixtures + "complete.json", "--lang", "en"], in: try temporaryFolder())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("PARTNERSHIP ASSESSMENT REPORT\nCloud Alliance — partner: Acme Corp\n"))
        #expect(r.stdout.contains("Overall    58.3% — Ad hoc (level 1)"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!r.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
        let dash = try playbook(["report", fixtures + "complete.json", "--lang", "en", "-o", "-"], in: try temporaryFolder())
        #expect(dash.stdout == r.stdout)
    }

    @Test func theLocaleOrLangChoosesTheLanguage() throws {
        let dir = try temporaryFolder()
        let fr = try playbook(["report", fixtures + "complete.json", "--format", "markdown"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(fr.stdout.hasPrefix("# Cloud Alliance — Rapport d’évaluation du partenariat\n"))
        let en = try playbook(["report", fixtures + "complete.json", "--format", "markdown", "--lang", "en"], in: dir, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(en.stdout.hasPrefix("# Cloud Alliance — Partnership assessment report\n"))
    }

    @Test(arguments: [
        ("r.md", "# Cloud Alliance"), ("r.markdown", "# Cloud Alliance"), ("r.html", "<!DOCTYPE html>"), ("r.HTM", "<!DOCTYPE html>"),
        ("r.txt", "PARTNERSHIP ASSESSMENT REPORT"), ("r.csv", "No.,Rule id,"), ("r.json", "{\n  \"formatVersion\": \"1.0\""),
    ])
    func outputFormatFollowsTheExtension(_ name: String, _ start: String) throws {
        let dir = try temporaryFolder()
        let r = try playbook(["report", fixtures + "complete.json", "--lang", "en", "-o", name], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Wrote \(name) ("))
        #expect(try readText(dir + "/" + name).hasPrefix(start))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/" + name)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func formatOptionWinsOverTheExtensionAndUnknownExtensionsAreRefused() throws {
        let dir = try temporaryFolder()
        #expect(try playbook(["report", fixtures + "complete.json", "--format", "json", "-o", "r.txt"], in: dir).status == 0)
        #expect(try readText(dir + "/r.txt").hasPrefix("{"))
        let r = try playbook(["report", fixtures + "complete.json", "-o", "r.pdf"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("r.pdf: cannot tell the format from the extension; use --format"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/r.pdf"))
    }

    @Test func outputNeverOverwritesWithoutForce() throws {
        let dir = try temporaryFolder()
        try "precious".write(toFile: dir + "/r.html", atomically: false, encoding: .utf8)
        let refused = try playbook(["report", fixtures + "complete.json", "-o", "r.html"], in: dir)
        #expect(refused.status == 2)
        #expect(refused.stderr == "r.html: already exists; not overwritten (use --force to replace it)\n")
        #expect(try readText(dir + "/r.html") == "precious")
        let fr = try playbook(["report", fixtures + "complete.json", "-o", "r.html", "--lang", "fr"], in: dir)
        #expect(fr.stderr == "r.html: existe déjà ; non écrasé (utiliser --force pour le remplacer)\n")
        let forced = try playbook(["report", fixtures + "complete.json", "-o", "r.html", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try readText(dir + "/r.html").hasPrefix("<!DOCTYPE html>"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/r.html~"))
    }

    @Test func sameInputGivesSameBytesAcrossRunsAndDays() throws {
        let dir = try temporaryFolder()
        for format in ["markdown", "html", "text", "csv", "json"] {
            let a = try playbook(["report", fixtures + "partial.json", "--format", format], in: dir, environment: ["PLAYBOOK_NOW": "2026-11-27T09:00:00Z"])
            let b = try playbook(["report", fixtures + "partial.json", "--format", format], in: dir, environment: ["PLAYBOOK_NOW": "2031-05-02T17:45:00Z"])
            #expect(a.status == 0 && !a.stdout.isEmpty)
            #expect(a.stdout == b.stdout, "\(format) depends on the clock")
        }
    }

    @Test func asOfMovesTheOverdueLine() throws {
        let dir = try temporaryFolder()
        let early = try playbook(["report", fixtures + "complete.json", "--format", "csv", "--actions", "--as-of", "2026-01-01"], in: dir)
        #expect(!early.stdout.contains(",yes\r\n"))
        let late = try playbook(["report", fixtures + "complete.json", "--format", "csv", "--actions", "--as-of", "2027-06-30"], in: dir)
        #expect(late.stdout.components(separatedBy: ",yes\r\n").count - 1 == 5)
        let bad = try playbook(["report", fixtures + "complete.json", "--as-of", "2026-02-30"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--as-of: \"2026-02-30\" is not a real date"))
    }

    @Test func csvOptionsOnlyWithCSVAndTheBOMIsThreeBytes() throws {
        let dir = try temporaryFolder()
        let r = try playbook(["report", fixtures + "complete.json", "--format", "html", "--bom"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--actions and --bom apply to the CSV format only"))
        _ = try playbook(["report", fixtures + "partial.json", "-o", "plain.csv"], in: dir)
        _ = try playbook(["report", fixtures + "partial.json", "-o", "bom.csv", "--bom"], in: dir)
        let plain = try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.csv"))
        let bom = try Data(contentsOf: URL(fileURLWithPath: dir + "/bom.csv"))
        #expect(bom == Data([0xEF, 0xBB, 0xBF]) + plain)
    }

    @Test func badFilesAndBadOutputsExitWithTheRightStatus() throws {
        let dir = try temporaryFolder()
        let missing = try playbook(["report", "missing.json"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.json: no such file"))
        try FileManager.default.createDirectory(atPath: dir + "/out.html", withIntermediateDirectories: true)
        let folder = try playbook(["report", fixtures + "complete.json", "-o", "out.html", "--force"], in: dir)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("out.html: not a regular file"))
        let noFolder = try playbook(["report", fixtures + "complete.json", "-o", "no/such/folder/r.md"], in: dir)
        // A folder that does not exist is a wrong path: bad input (issue 11 item 16).
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("no such file or folder"))
        let format = try playbook(["report", fixtures + "complete.json", "--format", "pdf"], in: dir)
        #expect(format.status == 2)
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let dir = try temporaryFolder()
        for format in ["text", "markdown", "csv", "json", "html"] {
            let r = try playbook(["report", fixtures + "hostile.json", "--format", format], in: dir)
            #expect(r.status == 0)
            let unsafe = r.stdout.unicodeScalars.filter { s in
                (s.value < 0x20 && s != "\n" && s != "\r" && s != "\t") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
                    || (0x202A...0x202E).contains(s.value)
            }
            #expect(unsafe.isEmpty, "\(format): \(unsafe.map { String($0.value, radix: 16) })")
        }
    }

    @Test func helpDescribesTheCommandInBothLanguages() throws {
        let dir = try temporaryFolder()
        let en = try playbook(["report", "--help"], in: dir)
        #expect(en.stdout.contains("--force") && en.stdout.contains("--as-of") && en.stdout.contains("--bom"))
        let fr = try playbook(["report", "--help", "--lang", "fr"], in: dir)
        #expect(fr.stdout.contains("Écrire le rapport d’une évaluation"))
        let root = try playbook(["--help"], in: dir)
        #expect(root.stdout.contains("report"))
    }
}
