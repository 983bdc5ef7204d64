import Testing

@testable import PlaybookCore

/// A tab in a note (`playbook set --note`) is shown as spaces to the next tab stop in the text report.
@Suite struct TabTextTests {
    @Test(arguments: Language.allCases)
    func theTextReportExpandsTabsAndStillEscapesOtherControls(_ lang: Language) {
        var a = Assessment(
            catalog: catalog, program: Program(name: "Cloud Alliance"), assessor: "", side: .ours,
            now: Timestamp(iso: "2026-11-27T09:00:00Z")!, assessedOn: CalendarDate(iso: "2026-11-27")!, language: lang)
        a.answers["strategic-level"] = Answer(state: .scored(2), note: "Owner:\tPaul\nab\tc\u{1B}d")
        let out = String(decoding: Report.render(a, catalog: catalog, options: ReportOptions(format: .text, lang: lang, width: 80)), as: UTF8.self)
        #expect(out.contains("Owner:\u{A0}\u{A0}Paul"))
        #expect(out.contains("ab" + String(repeating: "\u{A0}", count: 6) + "c\\x1Bd"))
        #expect(!out.contains("\\t"))
    }
}

@Suite struct TabExpansionTests {
    @Test func visibleExpandsTabsOnlyWhenAsked() {
        let nbsp = { (n: Int) in String(repeating: "\u{A0}", count: n) }
        #expect(TerminalSafety.visible("a\tb") == "a\\tb")
        #expect(TerminalSafety.visible("a\tb\nabcdefgh\tc", keepNewlines: true, expandTabs: true) == "a" + nbsp(7) + "b\nabcdefgh" + nbsp(8) + "c")
        #expect(TerminalSafety.visible("日本\tx", expandTabs: true) == "日本" + nbsp(4) + "x")
        #expect(TerminalSafety.visible("\u{1B}\tx", expandTabs: true) == "\\x1B" + nbsp(4) + "x")
    }
}
