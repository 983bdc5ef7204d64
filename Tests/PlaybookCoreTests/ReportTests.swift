import Glibc
import Testing

@testable import PlaybookCore

@Suite struct ReportTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func render(
        _ a: Assessment, _ format: ReportFormat, _ lang: Language = .en, catalog c: Catalog = catalog, asOf: CalendarDate? = nil,
        width: Int = 80, color: Bool = false
    ) -> String {
        text(Report.render(a, catalog: c, options: ReportOptions(format: format, lang: lang, asOf: asOf, width: width, color: color)))
    }

    @Test func formatsFollowFileExtensions() {
        #expect(ReportFormat(fileExtension: "md") == .markdown)
        #expect(ReportFormat(fileExtension: "MARKDOWN") == .markdown)
        #expect(ReportFormat(fileExtension: "htm") == .html)
        #expect(ReportFormat(fileExtension: "txt") == .text)
        #expect(ReportFormat(fileExtension: "csv") == .csv)
        #expect(ReportFormat(fileExtension: "json") == .json)
        #expect(ReportFormat(fileExtension: "pdf") == nil)
        #expect(ReportFormat(path: "out/acme.q4.HTML") == .html)
        #expect(ReportFormat(path: "dir.md/report") == nil)
        #expect(ReportFormat(path: ".md") == nil)
    }

    @Test(arguments: ReportFormat.allCases)
    func sameInputGivesSameBytes(_ format: ReportFormat) throws {
        let a = try ReportFixtures.assessment("partial")
        let options = ReportOptions(format: format, lang: .fr)
        #expect(Report.render(a, catalog: catalog, options: options) == Report.render(a, catalog: catalog, options: options))
    }

    @Test(arguments: ReportFormat.allCases, Language.allCases)
    func everyRuleIsListedAndUnassessedOnesSaySo(_ format: ReportFormat, _ lang: Language) throws {
        let out = render(try ReportFixtures.assessment("partial"), format, lang)
        for rule in catalog.rules {
            let title = format == .markdown ? Markdown.inline(rule.title[lang]) : format == .html ? HTMLText.escape(rule.title[lang]) : rule.title[lang]
            #expect(out.contains(title), "\(format) \(lang): rule \(rule.number) missing")
        }
        let notAssessed = format == .json ? "\"notAssessed\"" : lang.pick(en: "Not assessed yet", fr: "Pas encore évaluée")
        #expect(out.contains(notAssessed))
    }

    @Test func overdueIsJudgedAsOfTheAssessmentDateByDefault() throws {
        let a = try ReportFixtures.assessment("complete")
        let json = render(a, .json)
        #expect(json.contains("\"asOf\": \"2026-11-20\""))
        #expect(json.contains("\"overdueActions\": 3"))
        let later = render(a, .json, asOf: CalendarDate(iso: "2027-02-01"))
        #expect(later.contains("\"overdueActions\": 5"))
        let earlier = render(a, .json, asOf: CalendarDate(iso: "2026-01-01"))
        #expect(earlier.contains("\"overdueActions\": 0"))
        // Done and dropped actions are never overdue.
        #expect(!render(a, .csv, asOf: CalendarDate(iso: "2030-01-01")).contains("A4,Agree the MSA template before the next deal,Legal,2026-09-15,done,yes"))
    }

    @Test func jsonCarriesExactFractionsAndRoundedPercentages() throws {
        let json = render(try ReportFixtures.assessment("targets"), .json)
        let value = try tree(Array(json.utf8))
        guard case .object(let root) = value, case .object(let overall)? = root["overall"], case .object(let toTarget)? = root["toTarget"] else {
            Issue.record("no overall or toTarget")
            return
        }
        #expect(overall["numerator"] == .number("28000") && overall["denominator"] == .number("48000") && overall["percent"] == .number("58.3"))
        #expect(toTarget["percent"] == .number("67.5"))
        #expect(root.members.first?.key == "formatVersion")
        #expect(root.members.dropFirst().map(\.key) == root.members.dropFirst().map(\.key).sorted())
    }

    @Test func readingSaysWhatTheNumbersMeanInBothLanguages() throws {
        let a = try ReportFixtures.assessment("partial")
        let en = ReportReading.paragraph(ReportContent(a, catalog: catalog, lang: .en, asOf: a.assessedOn), escape: { $0 })
        #expect(en.hasPrefix("With 7 of 14 applicable rules scored, the programme stands at 47.6% overall, which is level 1, “Ad hoc”"))
        #expect(en.contains("The picture is incomplete: 2 rules are marked unknown and 5 rules are not assessed yet."))
        #expect(en.contains("2 actions are open, 1 of them overdue as of 2026-10-05."))
        let fr = ReportReading.paragraph(ReportContent(a, catalog: catalog, lang: .fr, asOf: a.assessedOn), escape: { $0 })
        #expect(fr.hasPrefix("Avec 7 règles notées sur 14 applicables, le programme atteint 47,6\u{202F}% au global"))
        #expect(fr.contains("2 actions sont ouvertes, dont 1 en retard au 2026-10-05."))
        let empty = ReportReading.paragraph(ReportContent(sampleAssessment(), catalog: catalog, lang: .en, asOf: sampleAssessment().assessedOn), escape: { $0 })
        #expect(empty == "No rule has been scored yet, so there is no overall score: 16 applicable rules to assess.")
    }

    @Test func englishReportsQuoteTheFrenchOriginal() throws {
        let a = try ReportFixtures.assessment("complete")
        let original = catalog.rules[0].text[.fr]
        #expect(render(a, .markdown).contains("Original text (French)"))
        #expect(render(a, .html).contains(HTMLText.escape(original)))
        #expect(!render(a, .html, .fr).contains("Texte original"))
    }

    @Test(arguments: [40, 57, 80, 123])
    func textFitsTheWidthAndIsSafeForATerminal(_ width: Int) throws {
        for name in ReportFixtures.names {
            let out = render(try ReportFixtures.assessment(name), .text, width: width)
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(name) at \(width): \(line)")
            }
            #expect(!out.unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
        }
    }

    @Test func textColourOnlyWhenAskedAndUserTextStaysEscaped() throws {
        let a = try ReportFixtures.assessment("hostile")
        let plain = render(a, .text)
        let coloured = render(a, .text, color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1m") && coloured.contains("\u{1B}[1;31m"))
        // With the SGR sequences this program adds taken out, the text is the plain one: user text adds none.
        var stripped = coloured
        for sgr in ["\u{1B}[1m", "\u{1B}[2m", "\u{1B}[1;31m", "\u{1B}[0m"] { stripped = stripped.replacing(sgr, with: "") }
        #expect(stripped == plain)
        #expect(plain.contains("Evil\\x1B]2;PWNED\\x07\\x1B[2J\\x9B31m\\u202EKCATTA"))
    }

    @Test func markdownStructureNeverDependsOnUserText() throws {
        let hostile = try ReportFixtures.assessment("hostile")
        for lang in Language.allCases {
            let evil = render(hostile, .markdown, lang)
            let twin = render(Self.plainTwin(hostile), .markdown, lang)
            #expect(Self.markdownSkeleton(evil) == Self.markdownSkeleton(twin), "\(lang)")
            #expect(Self.tablesAreRectangular(evil), "\(lang): a table row has the wrong number of cells")
            #expect(!evil.unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
        }
    }

    /// The hostile assessment with every piece of user text replaced by plain words.
    static func plainTwin(_ a: Assessment) -> Assessment {
        var twin = a
        twin.program.name = "Plain programme"
        twin.program.partner = "Plain partner"
        twin.assessor = "Plain assessor"
        for (id, var answer) in twin.answers {
            if !answer.note.isEmpty { answer.note = "Plain note" }
            if case .notApplicable = answer.state { answer.state = .notApplicable(reason: "Plain reason") }
            answer.evidence = answer.evidence.map { Evidence(text: "Plain evidence", strength: $0.strength, date: $0.date) }
            answer.actions = answer.actions.enumerated().map { i, x in
                ActionItem(id: "T\(i + 1)", title: "Plain action", owner: x.owner.isEmpty ? "" : "Plain owner", due: x.due, status: x.status)
            }
            twin.answers[id] = answer
        }
        return twin
    }

    /// The kind of each line that can start a Markdown block (heading, list, quote, table, fence, HTML, rule,
    /// blank); lines that can only continue a paragraph are dropped, so notes of any length give the same skeleton.
    static func markdownSkeleton(_ markdown: String) -> [String] {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).compactMap { raw in
            let line = raw.drop { $0 == " " }
            let indent = raw.count - line.count
            if line.isEmpty { return "blank" }
            if let first = line.first, "#>|<`~".contains(first) { return "\(indent):\(first)\(first == "|" ? String(unescapedPipes(String(line))) : "")" }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return "\(indent):bullet" }
            if line.hasPrefix("---") || line.hasPrefix("***") || line.hasPrefix("===") { return "\(indent):rule" }
            let digits = line.prefix { $0.isNumber }
            if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" { return "\(indent):ordered" }
            return nil
        }
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }

    /// Every row of every table has as many cells as its header.
    static func tablesAreRectangular(_ markdown: String) -> Bool {
        var header: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            let pipes = unescapedPipes(String(line))
            if let h = header { if pipes != h { return false } } else { header = pipes }
        }
        return true
    }

    @Test func htmlHasNoScriptNoLinkAndTheCSPComesFirst() throws {
        let html = render(try ReportFixtures.assessment("hostile"), .html)
        // Text never holds a raw `<`, so every `<` starts a tag this program wrote: look at those only.
        let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        let names = Set(tags.map { String($0.prefix { $0 != " " && $0 != "/" }).lowercased() })
        #expect(names.isDisjoint(with: ["script", "a", "img", "link", "iframe", "object", "embed", "base", "form"]))
        for tag in tags {
            let attributes = tag.split(separator: " ").dropFirst().map { $0.prefix { $0 != "=" }.lowercased() }
            #expect(!attributes.contains { $0.hasPrefix("on") || $0 == "href" || $0 == "src" || $0 == "xlink:href" }, "\(tag)")
        }
        let csp = html.range(of: "Content-Security-Policy")!
        #expect(csp.lowerBound < html.range(of: "<style>")!.lowerBound)
        #expect(html.contains("<style>" + HTMLStyle.css + "</style>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func radarNeedsThreeRulesAndFallsBackToBars() throws {
        for count in [1, 2, 3, 5] {
            let c = try Self.syntheticCatalog(ruleCount: count)
            var a = Assessment(
                catalog: c, program: Program(name: "Small"), assessor: "", side: .ours,
                now: Timestamp(secondsSinceEpoch: 0), assessedOn: CalendarDate(iso: "2026-01-01")!, language: .en)
            a.answers[c.rules[0].id] = Answer(state: .scored(2), target: 3)
            let html = render(a, .html, catalog: c)
            #expect(html.components(separatedBy: "<svg ").count == 3, "\(count) rules: two charts")
            #expect(html.contains("Radar chart") == (count >= 3), "\(count) rules")
        }
    }

    @Test func aThousandRuleReportIsFastInEveryFormat() throws {
        let c = try Self.syntheticCatalog(ruleCount: 1_000)
        var a = Assessment(
            catalog: c, program: Program(name: "Big"), assessor: "", side: .ours,
            now: Timestamp(secondsSinceEpoch: 0), assessedOn: CalendarDate(iso: "2026-01-01")!, language: .en)
        for (i, rule) in c.rules.enumerated() {
            switch i % 5 {
            case 0:
                a.answers[rule.id] = Answer(
                    state: .scored(i % 4), target: 3, note: "Note \(i)",
                    actions: [ActionItem(id: "A\(i)", title: "Do \(i)", due: CalendarDate(iso: "2025-12-01"))])
            case 1: a.answers[rule.id] = Answer(state: .notApplicable(reason: "No"))
            case 2: a.answers[rule.id] = Answer(state: .unknown)
            case 3: break
            default: a.answers[rule.id] = Answer(state: .scored(1))
            }
        }
        for format in ReportFormat.allCases {
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            let bytes = Report.render(a, catalog: c, options: ReportOptions(format: format, lang: .fr, width: 100))
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            let ms = (end.tv_sec - start.tv_sec) * 1000 + (end.tv_nsec - start.tv_nsec) / 1_000_000
            #expect(bytes.count > 100_000, "\(format)")
            // Well under a second even in a debug build; the release binary is several times faster.
            #expect(ms < 900, "\(format): \(ms) ms for 1,000 rules")
        }
    }

    /// The built-in catalogue with `ruleCount` rules made from its first one, in as many themes as needed.
    static func syntheticCatalog(ruleCount: Int) throws -> Catalog {
        guard case .object(var root) = try tree(DefaultCatalog.bytes),
            case .array(let rules)? = root["rules"], case .object(let template) = rules[0],
            case .array(let themes)? = root["themes"]
        else { throw ReportTestError.badCatalog }
        let themeCount = min(themes.count, ruleCount)
        let usedThemes = Array(themes.prefix(themeCount))
        var newRules: [JSONValue] = []
        for n in 1...ruleCount {
            var rule = template
            let theme = usedThemes[(n - 1) % themeCount].objectValue?["id"] ?? .string("strategy")
            rule.members = rule.members.map { m in
                switch m.key {
                case "id": JSONMember("id", .string("rule-\(n)"))
                case "number": JSONMember("number", .number(String(n)))
                case "theme": JSONMember("theme", theme)
                default: m
                }
            }
            newRules.append(.object(rule))
        }
        root.members = root.members.map { m in
            switch m.key {
            case "rules": JSONMember("rules", .array(newRules))
            case "themes": JSONMember("themes", .array(usedThemes))
            case "id": JSONMember("id", .string("synthetic-\(ruleCount)"))
            default: m
            }
        }
        return try Documents.decodeCatalog(JSONWriter.pretty(.object(root)), path: "synthetic.json")
    }

    enum ReportTestError: Error { case badCatalog }
}
