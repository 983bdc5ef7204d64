import Foundation
import Testing

/// `playbook catalog compile`, which `scripts/embed-catalog` runs to write the embedded catalogue.
@Suite struct CatalogCompileTests {
    static let rules = "Rules/alliances-16-golden-rules.json"

    @Test func printsTheCheckedInSwiftSourceOfTheBuiltInCatalogue() throws {
        let compiled = try playbook(["catalog", "compile", Self.rules], in: repoRoot)
        #expect(compiled.status == 0)
        #expect(compiled.stdout == (try readText(repoRoot + "/Sources/PlaybookCore/Catalog/DefaultCatalog+Compiled.swift")))
        let json = try playbook(["catalog", "compile", "--json", Self.rules], in: repoRoot)
        #expect(json.status == 0)
        #expect(json.stdout == (try readText(repoRoot + "/Sources/PlaybookCore/Catalog/DefaultCatalog+JSON.swift")))
    }

    @Test func writesWhatTheDecoderReadAndTheFingerprintItComputed() throws {
        let dir = try temporaryFolder()
        var text = try readText(repoRoot + "/" + Self.rules)
        // An escape in the file is written as the scalar it stands for; a combining mark and a
        // bidi control are spelled out, so no editor can fold them.
        text = text.replacingOccurrences(of: "\"Segment and label\"", with: "\"Segment \\u0026 label e\\u0301 \\u202e\"")
        try text.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let compiled = try playbook(["catalog", "compile", "c.json"], in: dir)
        #expect(compiled.status == 0)
        #expect(compiled.stdout.contains(#"en: "Segment & label e\u{301} \u{202E}")"#))
        let made = try playbook(["new", "a.json", "--catalog", "c.json", "--program", "P", "--partner", "Q"], in: dir)
        let saved = try readText(dir + "/a.json")
        let sha = try #require(saved.split(separator: "\"").drop { $0 != "sha256" }.dropFirst(2).first)
        #expect(made.status == 0)
        #expect(compiled.stdout.contains("sha256: \"\(sha)\")"))
    }

    @Test func refusesAnInvalidCatalogueInBothLanguages() throws {
        let dir = try temporaryFolder()
        try "{\"id\": \"x\"}\n".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let en = try playbook(["catalog", "compile", "bad.json", "--lang", "en"], in: dir)
        #expect(en.status == 2)
        #expect(en.stdout.isEmpty)
        #expect(en.stderr.contains("bad.json"))
        let fr = try playbook(["catalog", "compile", "bad.json", "--lang", "fr"], in: dir)
        #expect(fr.status == 2)
        #expect(fr.stderr.contains("bad.json") && fr.stderr != en.stderr)
        // --catalog names the file as well.
        #expect(try playbook(["catalog", "compile", "--catalog", "bad.json", "--lang", "en"], in: dir).stderr == en.stderr)
    }

    @Test func refusesBytesARawStringCannotCarryExactly() throws {
        let dir = try temporaryFolder()
        let text = try readText(repoRoot + "/" + Self.rules)
        try String(text.dropLast()).write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let en = try playbook(["catalog", "compile", "--json", "c.json", "--lang", "en"], in: dir)
        #expect(en.status == 2)
        #expect(en.stderr == "c.json: must end with a newline\n")
        let fr = try playbook(["catalog", "compile", "--json", "c.json", "--lang", "fr"], in: dir)
        #expect(fr.stderr == "c.json : doit se terminer par un saut de ligne\n")
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: dir + "/crlf.json", atomically: true, encoding: .utf8)
        let crlf = try playbook(["catalog", "compile", "--json", "crlf.json", "--lang", "en"], in: dir)
        #expect(crlf.status == 2)
        #expect(crlf.stderr.contains("carriage return"))
        // The values need no raw string.
        #expect(try playbook(["catalog", "compile", "crlf.json"], in: dir).status == 0)
    }

    @Test func isHiddenFromHelp() throws {
        let dir = try temporaryFolder()
        for lang in ["en", "fr"] {
            let help = try playbook(["catalog", "--help", "--lang", lang], in: dir)
            #expect(help.stdout.contains("validate"))
            #expect(!help.stdout.contains("compile"))
        }
    }
}
