/// What a cell means; one table in the terminal backend maps roles to colours (STYLE.md §8).
public enum Role: UInt8, CaseIterable, Sendable {
    case normal
    case title
    case header
    case muted
    case selection
    case score0
    case score1
    case score2
    case score3
    case notApplicable
    case unknown
    case levelCurrent
    case target
    case warning
    case error
    case success
    case key
    case input
    case cursor
    case barFilled
    case overdue
    case border
}
