import PlaybookCore
import Testing
@testable import PlaybookTUI

/// The render cache is only a shortcut: after every key, a frame drawn with the cache the session
/// keeps must equal, cell for cell and role for role, a frame drawn from nothing.
@Suite struct RenderCacheTests {
    /// A session as the terminal runs it: one cache, two frames drawn into in turn.
    struct CachedSession {
        var state: AppState
        var cache = RenderCache()
        var frames = [Screen(width: 0, height: 0), Screen(width: 0, height: 0)]
        var next = 0

        /// Applies `key` (or `action`), then checks the cached frame against a fresh one.
        mutating func step(_ action: Action?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
            if let action { _ = reduce(&state, action) }
            render(state, into: &frames[next], cache: &cache)
            var fresh = Screen(width: 0, height: 0)
            render(state, into: &fresh)
            let same = frames[next] == fresh
            #expect(same, "after \(label): \(difference(frames[next], fresh))", sourceLocation: sourceLocation)
            next ^= 1
        }

        mutating func press(_ keys: [Key], sourceLocation: SourceLocation = #_sourceLocation) {
            for key in keys {
                step(Keymap.action(for: key, in: state.mode.kind), "\(key)", sourceLocation: sourceLocation)
            }
        }

        func difference(_ a: Screen, _ b: Screen) -> String {
            guard a.width == b.width, a.height == b.height else { return "size \(a.width)×\(a.height) against \(b.width)×\(b.height)" }
            for y in 0..<a.height where a.line(y) != b.line(y) || a.roles(y) != b.roles(y) {
                return "row \(y): \(a.line(y).debugDescription) against \(b.line(y).debugDescription)"
            }
            return "same text and roles"
        }
    }

    static let sizes = [(100, 30), (80, 24), (120, 40), (40, 12)]

    @Test(arguments: sizes)
    func movingAndScoringDrawsWhatAFreshRenderDraws(width: Int, height: Int) {
        var session = CachedSession(state: makeState(width: width, height: height))
        session.step(nil, "first frame")
        session.press(Array(repeating: .down, count: 17) + Array(repeating: .up, count: 17) + [.end, .home, .pageDown, .pageUp])
        session.press([.char("2"), .char("0"), .char("3"), .char("1"), .char("u"), .char("m"), .char("2"), .char("x"), .char("t"), .char("3")])
        session.press([.char("n")] + typed("No resale") + [.enter, .tab, .char("k"), .char("j")])
    }

    @Test(arguments: sizes)
    func notesEvidenceAndActionsReachTheCachedPane(width: Int, height: Int) {
        var session = CachedSession(state: makeState(width: width, height: height))
        session.step(nil, "first frame")
        session.press([.enter] + typed("A note long enough to wrap over more than one line of the pane, é 日本") + [.enter] + typed("two"))
        session.press([.backspace, .backspace, .backspace, .escape, .down, .up])
        session.press([.char("v"), .char("a")] + typed("Minutes of the kick-off") + [.ctrl("s"), .escape])
        session.press([.char("a"), .char("a")] + typed("Write plan") + [.tab] + typed("Paul") + [.tab] + typed("2027-02-15") + [.ctrl("s"), .escape])
        // Only the due date changes: the action becomes overdue, and its rule's row says so.
        session.press([.char("a"), .enter, .tab, .tab, .end] + Array(repeating: .backspace, count: 10) + typed("2026-02-15") + [.ctrl("s"), .escape])
        session.press([.char("J"), .char("J"), .char("J"), .char("K"), .down, .up, .char("J")])
        session.press([.enter, .ctrl("w"), .ctrl("w"), .escape])
    }

    @Test(arguments: sizes)
    func languageOriginalTextAndOtherScreens(width: Int, height: Int) {
        var session = CachedSession(state: makeState(width: width, height: height))
        session.step(nil, "first frame")
        session.press([.char("2"), .char("L"), .down, .char("o"), .up, .char("L"), .char("o")])
        session.press([.char("?"), .escape, .char("r"), .escape, .char("p"), .escape, .char("q"), .escape])
        session.press([.char("p"), .end] + Array(repeating: .backspace, count: 6) + typed("Cumulus") + [.ctrl("s")])
        session.step(.saved(path: "renamed.json", bytes: []), "saved under another name")
        session.step(.saved(path: "again.json", bytes: []), "saved under a third name, already clean")
        // A rescore: as many rules assessed and the same band as before, another overall score.
        session.press([.home, .char("2"), .char("2"), .home, .char("3")])
        session.state.setReadOnly("open elsewhere")
        session.step(nil, "read-only")
    }

    @Test func resizingRedrawsEveryCachedPart() {
        var session = CachedSession(state: makeState(width: 100, height: 30))
        session.step(nil, "first frame")
        session.press([.char("1"), .enter] + typed("Note") + [.escape])
        for (w, h) in [(120, 40), (80, 24), (30, 10), (100, 30), (99, 30), (100, 12), (300, 100)] {
            session.step(.resize(width: w, height: h), "resize to \(w)×\(h)")
            session.press([.down, .char("J"), .up])
        }
    }

    @Test func aPaneOfTheSameRuleFollowsItsAnswer() {
        // The same rule, width and language with another answer: the pane must not come from the cache.
        var cache = RenderCache()
        var screen = Screen(width: 0, height: 0)
        var s = makeState(width: 100, height: 30)
        render(s, into: &screen, cache: &cache)
        press(&s, [.char("m"), .char("3"), .char("t"), .char("2")])
        render(s, into: &screen, cache: &cache)
        #expect(screen.lines.contains { $0.contains("Score 3 — Optimised · target 2") })
        #expect(screen.lines.contains { $0.contains("│ ◎2 Established") })
    }

    @Test func anotherDayStartsTheCacheAfresh() {
        // An action overdue on one day is not on another: a pane kept from the first day would say OVERDUE.
        var session = CachedSession(state: makeState(width: 120, height: 70))
        session.press([.char("a"), .char("a")] + typed("Write plan") + [.tab, .tab] + typed("2026-02-15") + [.ctrl("s"), .escape])
        #expect(frame(session.state).contains { $0.contains("OVERDUE") })
        let s = session.state
        session.state = AppState(catalog: s.catalog, document: s.document, filePath: s.filePath, language: s.language,
                                 width: s.width, height: s.height, now: s.now, today: CalendarDate(iso: "2026-01-01")!)
        session.step(.resize(width: 120, height: 70), "the same document on another day")
        #expect(!frame(session.state).contains { $0.contains("OVERDUE") })
    }

    @Test func onlyTheMostRecentPanesAreKept() {
        var cache = RenderCache()
        let key = { (rule: Int) in RulePaneKey(rule: rule, language: .en, showOriginal: false, answer: Answer(), width: 50) }
        for rule in 0..<(RenderCache.paneLimit + 6) { cache.keepRulePane(key(rule), Screen(width: 1, height: 1)) }
        cache.keepRulePane(key(10), Screen(width: 2, height: 1))
        #expect(cache.rulePanes.count == RenderCache.paneLimit)
        #expect(cache.rulePane(key(5)) == nil)
        #expect(cache.rulePane(key(6)) != nil)
        #expect(cache.rulePane(key(10))?.width == 2)
        #expect(cache.rulePane(RulePaneKey(rule: 10, language: .fr, showOriginal: false, answer: Answer(), width: 50)) == nil)
    }

    @Test func copyClipsToBothGrids() {
        var source = Screen(width: 4, height: 2)
        source.put("abcd", x: 0, y: 1, role: .title)
        var target = Screen(width: 6, height: 2)
        target.copy(from: source, x: 1, y: 1, count: 10, toX: 4, y: 0)
        target.copy(from: source, y: 5, count: 4, toX: 0, y: 1)
        target.copy(from: source, y: 1, count: 4, toX: 0, y: 2)
        #expect(target.lines == ["    bc", ""])
        #expect(target.roles(0)[4] == .title)
    }
}
