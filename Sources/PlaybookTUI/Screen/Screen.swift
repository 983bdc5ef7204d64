import PlaybookCore

/// One character cell: a grapheme (empty for the right half of a wide character) and its role.
/// The grapheme's UTF-8 bytes are packed in two words, so cells are compared and copied without
/// reference counting: every keystroke renders and compares a whole screen of them.
public struct Cell: Equatable, Sendable {
    @usableFromInline var low: UInt64
    /// Bytes 8–14 of the grapheme, and its byte count in the top byte.
    @usableFromInline var high: UInt64
    public var role: Role

    public init(_ text: String = " ", _ role: Role = .normal) {
        self.init(utf8: text.utf8, role)
    }

    /// A cell from up to 8 UTF-8 bytes packed little-endian in `low`.
    init(packed low: UInt64, count: Int, _ role: Role) {
        self.low = low
        high = UInt64(count) << 56
        self.role = role
    }

    /// A cell holding one ASCII byte.
    init(ascii: UInt8, _ role: Role) {
        low = UInt64(ascii)
        high = 1 << 56
        self.role = role
    }

    /// A cell from a grapheme's UTF-8 bytes; one longer than 15 bytes (rare emoji sequences) shows as U+FFFD.
    init<S: Sequence<UInt8>>(utf8 bytes: S, _ role: Role) {
        (low, high) = Cell.pack(bytes) ?? Cell.pack([0xEF, 0xBF, 0xBD])!
        self.role = role
    }

    /// The two words holding `bytes`, or nil when there are more than 15.
    private static func pack<S: Sequence<UInt8>>(_ bytes: S) -> (UInt64, UInt64)? {
        var low: UInt64 = 0, high: UInt64 = 0
        var count = 0
        for b in bytes {
            if count == 15 { return nil }
            if count < 8 { low |= UInt64(b) << (8 * UInt64(count)) } else { high |= UInt64(b) << (8 * UInt64(count - 8)) }
            count += 1
        }
        return (low, high | UInt64(count) << 56)
    }

    public static let blank = Cell(ascii: 0x20, .normal)

    /// `…`, which marks text cut to fit.
    init(ellipsisIn role: Role) {
        self.init(packed: 0xA680E2, count: 3, role)
    }

    /// Bytes of the grapheme; 0 for the right half of a wide character.
    @inlinable public var byteCount: Int { Int(high >> 56) }

    /// True for the right half of a wide character (drawn by its left half).
    @inlinable public var isContinuation: Bool { byteCount == 0 }

    /// The grapheme's scalar when it is a single one (most cells), else nil (combining sequences and
    /// the right half of a wide character): the terminal hands such cells to ncurses without a String.
    @inlinable public var singleScalar: UInt32? {
        let b0 = UInt32(truncatingIfNeeded: low)
        switch byteCount {
        case 1:
            return b0 & 0xFF
        case 2 where b0 & 0xE0 == 0xC0:
            return (b0 & 0x1F) << 6 | (b0 >> 8 & 0x3F)
        case 3 where b0 & 0xF0 == 0xE0:
            return (b0 & 0x0F) << 12 | (b0 >> 8 & 0x3F) << 6 | (b0 >> 16 & 0x3F)
        case 4 where b0 & 0xF8 == 0xF0:
            return (b0 & 0x07) << 18 | (b0 >> 8 & 0x3F) << 12 | (b0 >> 16 & 0x3F) << 6 | (b0 >> 24 & 0x3F)
        default:
            return nil
        }
    }

    /// Appends the grapheme's UTF-8 bytes to `out`.
    public func appendUTF8(to out: inout [UInt8]) {
        let n = byteCount
        for i in 0..<n {
            out.append(UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * UInt64(i)) : high >> (8 * UInt64(i - 8))))
        }
    }

    /// The grapheme as text ("" for the right half of a wide character).
    public var text: String {
        var bytes: [UInt8] = []
        appendUTF8(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
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

    /// Inlinable: the terminal compares every cell of every frame through it.
    @inlinable public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Draws `text` from column `x` of row `y`, within `maxWidth` columns (to the right edge by default);
    /// text cut at the right ends with `…`, and a tab runs to the next tab stop (from `x`).
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + max(0, maxWidth ?? width))
        if let used = putSimple(text, x: x, y: y, role: role, limit: limit) { return used }
        var column = x
        // Where the last character drawn starts, and its width: a cut puts the ellipsis over it.
        var last: (column: Int, width: Int)?
        var cut = false
        let safe = TerminalSafety.visible(text, expandTabs: true)
        for ch in safe {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if column + w > limit {
                cut = true
                break
            }
            if column >= 0 {
                cells[y * width + column] = Cell(utf8: ch.utf8, role)
                if w == 2 { cells[y * width + column + 1] = Cell(utf8: [], role) }
                last = (column, w)
            }
            column += w
        }
        if cut {
            if column < limit, column >= 0 {
                // A wide character did not fit: the ellipsis takes the column it left.
                cells[y * width + column] = Cell(ellipsisIn: role)
                column += 1
            } else if let last {
                cells[y * width + last.column] = Cell(ellipsisIn: role)
                if last.width == 2 { cells[y * width + last.column + 1] = Cell(ascii: 0x20, role) }
            }
        }
        return max(0, column - x)
    }

    /// `put` for text whose scalars are all simple (`DisplayWidth.isSimple`: one column, a grapheme of
    /// their own, never unsafe), read from its UTF-8 bytes in place; nil, with nothing drawn, for any
    /// other text. Most of what the views draw takes this path.
    private mutating func putSimple(_ text: String, x: Int, y: Int, role: Role, limit: Int) -> Int? {
        let drawn = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    guard b >= 0x20, b < 0x7F else { return nil }
                    i += 1
                } else if b < 0xE0 {
                    guard i + 1 < n, DisplayWidth.isSimple(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) else { return nil }
                    i += 2
                } else if b < 0xF0 {
                    guard i + 2 < n, DisplayWidth.isSimple(UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)) else {
                        return nil
                    }
                    i += 3
                } else {
                    return nil
                }
            }
            var column = x
            i = 0
            while i < n, column < limit {
                let b = bytes[i]
                let count = b < 0x80 ? 1 : b < 0xE0 ? 2 : 3
                if column >= 0 {
                    var packed = UInt64(b)
                    if count > 1 { packed |= UInt64(bytes[i + 1]) << 8 }
                    if count > 2 { packed |= UInt64(bytes[i + 2]) << 16 }
                    cells[y * width + column] = Cell(packed: packed, count: count, role)
                }
                i += count
                column += 1
            }
            // Cut: the last column drawn shows the ellipsis.
            if i < n, column > x, column > 0 { cells[y * width + column - 1] = Cell(ellipsisIn: role) }
            return max(0, column - x)
        }
        return drawn ?? nil
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
        for i in start..<end { cells[y * width + i] = Cell(ascii: 0x20, role) }
    }

    /// Copies `count` cells of row `sourceY` of `source`, from column `sourceX`, to (x, y); clipped to both grids.
    /// Cells are plain values, so this is a block copy.
    public mutating func copy(from source: Screen, x sourceX: Int = 0, y sourceY: Int, count: Int, toX x: Int, y: Int) {
        guard y >= 0, y < height, sourceY >= 0, sourceY < source.height, sourceX >= 0, x >= 0 else { return }
        let n = min(count, source.width - sourceX, width - x)
        guard n > 0 else { return }
        let from = sourceY * source.width + sourceX
        let to = y * width + x
        cells.withUnsafeMutableBufferPointer { target in
            source.cells.withUnsafeBufferPointer { origin in
                for i in 0..<n { target[to + i] = origin[from + i] }
            }
        }
    }

    /// The text of row `y`, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var bytes: [UInt8] = []
        for x in 0..<width { cells[y * width + x].appendUTF8(to: &bytes) }
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
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
