/// How far a pane of lines is scrolled: the one scrolling behaviour of every pane that scrolls
/// (the summary, help, the rule's text, the compare notes). By line, by page and to either end,
/// clamped at both ends; when the lines do not all fit, the pane's last row is kept for the
/// indicator (`ScrollIndicator`), so it never covers a line of text.
public struct Scroll: Equatable, Sendable {
    /// The first line shown, as last set; `first(total:height:)` clamps it to what the lines allow.
    public private(set) var top: Int

    public init(top: Int = 0) {
        self.top = max(0, top)
    }

    /// Rows of text in a pane `height` rows high holding `total` lines: one less when they do not all fit.
    public static func textRows(total: Int, height: Int) -> Int {
        total > height ? max(1, height - 1) : max(0, height)
    }

    static func maxTop(total: Int, height: Int) -> Int {
        max(0, total - textRows(total: total, height: height))
    }

    /// The first line to show.
    public func first(total: Int, height: Int) -> Int {
        min(top, Scroll.maxTop(total: total, height: height))
    }

    /// Applies a scrolling action (line, page, end, wheel; the rule's text moves 3 lines at a time);
    /// false, with nothing changed, for any other action.
    mutating func apply(_ action: Action, total: Int, height: Int) -> Bool {
        let here = first(total: total, height: height)
        let page = max(1, Scroll.textRows(total: total, height: height) - 1)
        let last = Scroll.maxTop(total: total, height: height)
        let wanted: Int
        switch action {
        case .listDown, .moveDown: wanted = here + 1
        case .listUp, .moveUp: wanted = here - 1
        case .detailDown: wanted = here + 3
        case .detailUp: wanted = here - 3
        case .wheel(let delta): wanted = here + delta
        case .pageDown: wanted = here + page
        case .pageUp: wanted = here - page
        case .first: wanted = 0
        case .last: wanted = last
        default: return false
        }
        top = max(0, min(last, wanted))
        return true
    }
}
