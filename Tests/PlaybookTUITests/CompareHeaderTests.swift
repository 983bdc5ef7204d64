import PlaybookCore
import Testing

@testable import PlaybookTUI

/// `compare --interactive` and `c` in the checklist: the header names both files with their scores,
/// and a cut title never runs into the next column.
@Suite struct CompareHeaderTests {
    func state(width: Int, language: Language = .en, files: (String, String) = ("q3.json", "q4.json")) throws -> AppState {
        let root = repositoryRootForTUI()
        func side(_ name: String) throws -> Comparison.Side {
            let path = root + "/Tests/Fixtures/compare/" + name
            let loaded = try Documents.loadAssessment(path, catalog: DefaultCatalog.catalog)
            return Comparison.Side(assessment: loaded.assessment, catalog: DefaultCatalog.catalog, path: path)
        }
        let c = try Comparison.build(side(files.0), side(files.1))
        var s = AppState(
            catalog: DefaultCatalog.catalog, document: c.after.assessment, filePath: nil, language: language,
            width: width, height: 24, now: fixedNow, today: fixedToday, readOnlyReason: "comparison view")
        s.openComparison(CompareState(comparison: c, fromChecklist: false))
        return s
    }

    @Test func theHeaderNamesBothFilesAndBothScores() throws {
        let lines = frame(try state(width: 80))
        #expect(!lines[0].contains("not saved yet"))
        #expect(!lines[0].contains("read-only"))
        #expect(lines[1] == " Before q3.json 47.6% · After q4.json 61.9%")
        let fr = frame(try state(width: 80, language: .fr))
        #expect(fr[1] == " Avant q3.json 47,6\u{202F}% · Après q4.json 61,9\u{202F}%")
    }

    @Test func aCutTitleLeavesAGapBeforeTheScores() throws {
        let lines = frame(try state(width: 80))
        let row = lines.first { $0.hasPrefix(" 3   Not too low") }!
        #expect(row.contains("… 3 "))
        #expect(!row.contains("…3"))
    }

    @Test func aLongColumnLabelKeepsAGapBeforeTheNext() throws {
        for width in [80, 100] {
            let lines = frame(try state(width: width, language: .fr, files: ("ours.json", "theirs.json")))
            let head = lines.first { $0.hasPrefix(" #") }!
            #expect(head.contains("Nous    Parten… Écart"), "\(width): \(head)")
        }
    }
}
