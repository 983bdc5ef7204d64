import PlaybookCore

/// One character cell: a grapheme (empty for the right half of a wide character) and its role.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String = " ", _ role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
}

/// A grid of cells that views draw into; the terminal backend turns it into ncurses calls.
/// Drawing is width-aware (accents, combining marks, double-width characters), clipped to the
/// grid, and makes control and bidi characters visible, so no text can drive the terminal.
public struct Screen: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// Blanks every cell (keeping the size).
    public mutating func clear() {
        for i in cells.indices { cells[i] = .blank }
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Draws `text` from column `x` of row `y`, within `maxWidth` columns (to the right edge by default).
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + max(0, maxWidth ?? width))
        var column = x
        let safe = TerminalSafety.visible(text)
        if safe.unicodeScalars.allSatisfy({ DisplayWidth.isSimple($0.value) }) {
            // Every scalar is a one-column character of its own: no grapheme breaking needed.
            for scalar in safe.unicodeScalars {
                if column + 1 > limit { break }
                if column >= 0 { cells[y * width + column] = Cell(String(scalar), role) }
                column += 1
            }
            return max(0, column - x)
        }
        for ch in safe {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                cells[y * width + column] = Cell(String(ch), role)
                if w == 2 { cells[y * width + column + 1] = Cell("", role) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Sets the role of `count` cells from (x, y) without changing their text.
    public mutating func paint(x: Int, y: Int, count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        let start = max(0, x)
        let end = min(width, x + count)
        guard start < end else { return }
        for i in start..<end { cells[y * width + i].role = role }
    }

    /// Fills `count` cells from (x, y) with spaces in `role`.
    public mutating func fill(x: Int, y: Int, count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        let start = max(0, x)
        let end = min(width, x + count)
        guard start < end else { return }
        for i in start..<end { cells[y * width + i] = Cell(" ", role) }
    }

    /// The text of row `y`, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Every row as text, trailing spaces removed: what view tests compare.
    public var lines: [String] {
        (0..<height).map(line)
    }

    /// The roles of row `y`, one per column.
    public func roles(_ y: Int) -> [Role] {
        (0..<width).map { cells[y * width + $0].role }
    }
}
