import ArgumentParser
import PropertyBased
import Testing
@testable import playbook

/// The quick reader of everyday command lines must never read a line differently from
/// swift-argument-parser: either it leaves the line to the full parser, or both give the same
/// command with the same values.
@Suite struct QuickCommandLineTests {
    /// What swift-argument-parser makes of `arguments`: the request with every value, or nil
    /// when it refuses the line (an error, help or the version).
    private func full(_ arguments: [String]) -> String? {
        guard let command = try? Playbook.parseAsRoot(arguments) else { return nil }
        guard let command = command as? any RequestCommand else {
            Issue.record("\(type(of: command)) gives no request")
            return nil
        }
        return String(reflecting: command.request)
    }

    private func quick(_ arguments: [String]) -> String? {
        QuickCommandLine.request(arguments[...]).map { String(reflecting: $0) }
    }

    @Test(arguments: [
        [],
        ["--lang", "fr"],
        ["assess"],
        ["assess", "q3.json", "--catalog", "my-rules.json"],
        ["rules"],
        ["rules", "--format", "markdown", "--details", "--lang=fr"],
        ["new", "q3.json", "--program", "Cloud Alliance", "--partner", "Acme", "--segment", "resale", "--side", "partner", "--date", "2026-11-27"],
        ["set", "q3.json", "strategic-level", "--score", "2", "--target", "3", "--note", "Quarterly review held"],
        ["set", "q3.json", "4", "--add-evidence", "Signed MOU", "--strength", "verified", "--evidence-date", "2026-10-01"],
        ["set", "q3.json", "7", "--na", "No lawyers involved", "--add-action", "Name a sponsor", "--owner", "Ana", "--due", "2027-01-15"],
        ["show", "q3.json", "--as-of", "2026-12-01"],
        ["assess", "q3.json", "--as-of", "2026-12-01"],
        ["report", "q3.json"],
        ["report", "q3.json", "--format", "html", "-o", "q3.html", "--force"],
        ["report", "q3.json", "--format=csv", "--actions", "--bom", "--as-of", "2026-12-31"],
        ["compare", "q2.json", "q3.json"],
        ["compare", "ours.json", "theirs.json", "--sides", "--format", "json", "--output", "gap.json"],
        ["compare", "a.json", "b.json", "--fail-on-regression", "--catalog-a", "old.json", "--catalog-b", "new.json", "--allow-different-catalogs"],
        ["compare", "a.json", "b.json", "--interactive"],
        ["compare", "a.json", "b.json", "--fail-on-regression", "--allow-rescoping"],
        ["validate", "folder"],
        ["validate", "-q", "a.json", "b.json", "c.json", "--catalog", "rules.json"],
    ])
    func everydayLinesAreReadQuicklyAndAsTheFullParserReadsThem(_ arguments: [String]) throws {
        let quickReading = try #require(quick(arguments), "not read by the quick reader: \(arguments)")
        let fullReading = try #require(full(arguments), "refused by swift-argument-parser: \(arguments)")
        #expect(quickReading == fullReading)
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["help"], ["report", "--help"], ["--version", "rules"],
        ["report"], ["report", "a.json", "b.json"], ["report", "a.json", "--format", "xml"],
        ["report", "a.json", "--force", "--force"], ["report", "a.json", "--format", "html", "--format", "csv"],
        ["report", "a.json", "-o"], ["report", "a.json", "-o", "-"], ["report", "-"], ["report", "a.json", "--", "b"],
        ["rules", "--lang", "de"], ["set", "a.json", "1"], ["set", "a.json", "1", "--score", "2", "--unknown"],
        ["catalog", "validate"], ["validate"], ["validate", "-qq", "a.json"], ["compare", "a.json"], ["bogus"],
        ["--lang", "fr", "rules"], ["show", "a.json", "--as-of"], ["new", "x.json", "--side", "both"],
    ])
    func unusualLinesAreLeftToTheFullParser(_ arguments: [String]) {
        #expect(quick(arguments) == nil, "\(arguments)")
    }

    /// Thousands of random lines built from every command's words, right and wrong.
    @Test func randomLinesAreNeverReadDifferently() throws {
        let commands = ["assess", "rules", "new", "set", "show", "report", "compare", "validate", "catalog", "help", "bogus"]
        let options = ["--catalog", "--lang", "--format", "--details", "--program", "--partner", "--segment", "--assessor", "--side",
                       "--date", "--score", "--na", "--unknown", "--clear", "--target", "--note", "--add-evidence", "--strength",
                       "--evidence-date", "--add-action", "--owner", "--due", "--as-of", "--output", "-o", "--force", "--actions",
                       "--bom", "--sides", "--fail-on-regression", "--interactive", "--allow-different-catalogs", "--catalog-a",
                       "--catalog-b", "--quiet", "-q", "--help", "-h", "--version", "--", "-x", "--nope"]
        let values = ["a.json", "b.json", "out.html", "out.md", "report.txt", "1", "2", "3", "none", "strategic-level", "fr", "en", "de",
                      "html", "markdown", "text", "csv", "json", "xml", "resale", "other", "ours", "partner", "joint", "asserted",
                      "verified", "2026-11-27", "2026-02-30", "", " ", "-", "-1", "=", "Cloud Alliance", "été", "--lang=fr",
                      "--format=html", "--force=yes", "--score=2", "-o=x"]
        // A fixed seed, so a failure names a line that can be replayed.
        var random = Xoshiro(seed: (0x5eed, 2026, 11, 27))
        var readQuickly = 0
        var readByCommand: [String: Int] = [:]
        // Each command's own options with plausible values, so that many lines are well formed.
        let files = ["a.json", "b.json", "dir", "été.json"]
        let own: [String: (arguments: Int, options: [String: [String]])] = [
            "assess": (1, ["--as-of": ["2026-12-01"]]),
            "rules": (0, ["--format": ["text", "markdown", "json", "html"], "--details": []]),
            "new": (1, ["--program": ["Cloud", ""], "--partner": ["Acme"], "--segment": ["resale", "other", "bogus"],
                        "--assessor": ["Ana"], "--side": ["ours", "partner", "joint"], "--date": ["2026-11-27", "x"]]),
            "set": (2, ["--score": ["0", "3", "4"], "--na": ["No partner", ""], "--unknown": [], "--clear": [], "--target": ["2", "none"],
                        "--note": ["", "Held"], "--add-evidence": ["MOU"], "--strength": ["documented", "strong"],
                        "--evidence-date": ["2026-01-01"], "--add-action": ["Call"], "--owner": ["Bo"], "--due": ["2027-01-01"]]),
            "show": (1, ["--as-of": ["2026-12-01"]]),
            "report": (1, ["--format": ["html", "csv", "pdf"], "--output": ["r.md"], "-o": ["r.csv"], "--force": [], "--as-of": ["2026-12-01"],
                           "--actions": [], "--bom": []]),
            "compare": (2, ["--format": ["json", "markdown", "csv"], "--output": ["c.txt"], "-o": ["c.html"], "--force": [], "--sides": [],
                            "--fail-on-regression": [], "--allow-rescoping": [], "--interactive": [], "--allow-different-catalogs": [],
                            "--catalog-a": ["x.json"], "--catalog-b": ["y.json"]]),
            "validate": (3, ["--quiet": [], "-q": []]),
        ]
        let common: [String: [String]] = ["--catalog": ["rules.json"], "--lang": ["fr", "en", "es"]]
        for _ in 0..<2_500 {
            var line: [String] = []
            if random.next(100) < 50 {
                let name = own.keys.sorted()[random.next(own.count)]
                let spec = own[name]!
                var words: [[String]] = (0..<spec.arguments).map { _ in [files[random.next(files.count)]] }
                if name == "assess" || name == "validate", random.next(3) == 0 { words.removeLast() }
                let choices = spec.options.merging(common) { a, _ in a }.sorted { $0.key < $1.key }
                for _ in 0..<random.next(5) {
                    let (option, pool) = choices[random.next(choices.count)]
                    words.append(pool.isEmpty ? [option] : [option, pool[random.next(pool.count)]])
                }
                // Shuffle the words (options may come before, between or after the arguments).
                for i in words.indices.reversed() { words.swapAt(i, random.next(i + 1)) }
                line = [name] + words.flatMap { $0 }
                guard let quickReading = quick(line) else { continue }
                readQuickly += 1
                readByCommand[name, default: 0] += 1
                #expect(quickReading == full(line), "\(line)")
                continue
            }
            if random.next(100) < 92 { line.append(commands[random.next(commands.count)]) }
            for _ in 0..<random.next(7) {
                switch random.next(3) {
                case 0: line.append(options[random.next(options.count)])
                case 1: line.append(values[random.next(values.count)])
                default: line += [options[random.next(options.count)], values[random.next(values.count)]]
                }
            }
            guard let quickReading = quick(line) else { continue }
            readQuickly += 1
            readByCommand[line.first ?? "", default: 0] += 1
            let fullReading = full(line)
            #expect(quickReading == fullReading, "\(line)")
        }
        // The check above only means something if the quick reader took many of the lines,
        // for every command it knows.
        #expect(readQuickly > 500)
        for command in ["assess", "rules", "new", "set", "show", "report", "compare", "validate"] {
            #expect(readByCommand[command, default: 0] > 50, "\(command): \(readByCommand[command, default: 0]) lines")
        }
    }
}

extension Xoshiro {
    /// A number in 0..<bound.
    fileprivate mutating func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}
