import Glibc
import Testing

@testable import PlaybookCore

/// The fixture assessments under Tests/Fixtures/assessments, loaded against the built-in catalogue.
enum ReportFixtures {
    static let names = ["complete", "partial", "targets", "hostile"]

    static func assessment(_ name: String) throws -> Assessment {
        try Documents.loadAssessment(Path.join(repositoryRoot, "Tests/Fixtures/assessments/\(name).json"), catalog: catalog).assessment
    }

    static func render(_ name: String, _ options: ReportOptions) throws -> [UInt8] {
        Report.render(try assessment(name), catalog: catalog, options: options)
    }

    /// Each snapshot: a file name and the options that produce it (text at 80 columns, no colour).
    static func snapshots(_ lang: Language) -> [(String, ReportOptions)] {
        [
            ("md", ReportOptions(format: .markdown, lang: lang)),
            ("html", ReportOptions(format: .html, lang: lang)),
            ("txt", ReportOptions(format: .text, lang: lang, width: 80)),
            ("csv", ReportOptions(format: .csv, lang: lang)),
            ("actions.csv", ReportOptions(format: .csv, lang: lang, actionsCSV: true)),
            // Not `.json`: scripts/check-schemas reads every *.json under Tests/Fixtures as an assessment.
            ("json.snap", ReportOptions(format: .json, lang: lang)),
        ]
    }
}

/// Every format in both languages for every fixture, compared byte for byte with
/// Tests/Fixtures/reports/NAME.LANG.EXT; `PLAYBOOK_RECORD=1 swift test` writes them anew.
@Suite struct ReportSnapshotTests {
    static let recording = getenv("PLAYBOOK_RECORD").map { String(cString: $0) == "1" } ?? false

    @Test(arguments: ReportFixtures.names, Language.allCases)
    func reportsMatchTheirSnapshots(_ fixture: String, _ lang: Language) throws {
        for (ext, options) in ReportFixtures.snapshots(lang) {
            let bytes = try ReportFixtures.render(fixture, options)
            let relative = "Tests/Fixtures/reports/\(fixture).\(lang.rawValue).\(ext)"
            let path = Path.join(repositoryRoot, relative)
            if Self.recording {
                writeRaw(bytes, to: path)
                continue
            }
            let expected: [UInt8]
            do {
                expected = try SafeFile.read(path)
            } catch {
                Issue.record("\(relative) is missing: run PLAYBOOK_RECORD=1 swift test to write it")
                continue
            }
            #expect(
                bytes == expected, "\(relative) differs: \(Self.firstDifference(bytes, expected)) (re-record with PLAYBOOK_RECORD=1 if the change is intended)")
        }
    }

    /// `line 12: got "…" expected "…"`: where a snapshot first differs.
    static func firstDifference(_ got: [UInt8], _ expected: [UInt8]) -> String {
        let a = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "(end)"
            let y = i < b.count ? String(b[i]) : "(end)"
            if x != y { return "line \(i + 1): got \(JSONWriter.quoted(x)), expected \(JSONWriter.quoted(y))" }
        }
        return "same lines, different bytes"
    }
}
