import PlaybookCore

/// A text being edited: the notes editor (multi-line, wrapped to the pane) and every
/// single-line field and prompt. Pure value; the cursor is an index into the characters.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public let singleLine: Bool
    public let maxLength: Int
    /// Column the cursor tries to keep when moving up and down.
    private var goalColumn: Int?

    public init(_ text: String = "", singleLine: Bool, maxLength: Int = Assessment.maxNoteLength) {
        characters = Array(text)
        cursor = characters.count
        self.singleLine = singleLine
        self.maxLength = maxLength
    }

    public var text: String { TextEditor.string(characters[...]) }

    /// The characters as one String, built from their UTF-8 (appending Character by Character is
    /// several times slower, and the notes editor does it on every key).
    static func string(_ characters: ArraySlice<Character>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count)
        for c in characters { bytes.append(contentsOf: c.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Inserts typed or pasted text at the cursor (newlines become spaces on a single line).
    public mutating func insert(_ text: String) {
        var incoming = Array(text.replacingCRLF())
        if singleLine { incoming = incoming.map { $0 == "\n" ? " " : $0 } }
        let room = maxLength - characters.count
        guard room > 0 else { return }
        if incoming.count > room { incoming = Array(incoming.prefix(room)) }
        characters.insert(contentsOf: incoming, at: cursor)
        cursor += incoming.count
        goalColumn = nil
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        goalColumn = nil
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        goalColumn = nil
    }

    public mutating func left() {
        cursor = max(0, cursor - 1)
        goalColumn = nil
    }

    public mutating func right() {
        cursor = min(characters.count, cursor + 1)
        goalColumn = nil
    }

    /// To the start of the previous word.
    public mutating func wordLeft() {
        var i = cursor
        while i > 0, !characters[i - 1].isLetterOrNumber { i -= 1 }
        while i > 0, characters[i - 1].isLetterOrNumber { i -= 1 }
        cursor = i
        goalColumn = nil
    }

    /// To the end of the next word.
    public mutating func wordRight() {
        var i = cursor
        let n = characters.count
        while i < n, !characters[i].isLetterOrNumber { i += 1 }
        while i < n, characters[i].isLetterOrNumber { i += 1 }
        cursor = i
        goalColumn = nil
    }

    /// Deletes the word before the cursor (Ctrl-W, as in shells).
    public mutating func deleteWordBackward() {
        let end = cursor
        wordLeft()
        characters.removeSubrange(cursor..<end)
    }

    /// Deletes from the start of the cursor's line (after the last newline before it) to the cursor.
    public mutating func deleteToLineStart() {
        var start = cursor
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
        goalColumn = nil
    }

    /// To the start of the current visual line.
    public mutating func lineStart(width: Int) {
        let lines = layout(width: width)
        cursor = lines[position(in: lines).row].start
        goalColumn = nil
    }

    /// To the end of the current visual line.
    public mutating func lineEnd(width: Int) {
        let lines = layout(width: width)
        let row = position(in: lines).row
        let line = lines[row]
        // A wrapped line ends before the next one starts; stay on this line.
        cursor = line.end
        if row + 1 < lines.count, lines[row + 1].start == line.end, line.end > line.start { cursor = line.end - 1 }
        goalColumn = nil
    }

    public mutating func up(width: Int) {
        moveVertically(by: -1, width: width)
    }

    public mutating func down(width: Int) {
        moveVertically(by: 1, width: width)
    }

    private mutating func moveVertically(by delta: Int, width: Int) {
        let lines = layout(width: width)
        let here = position(in: lines)
        let target = here.row + delta
        guard target >= 0, target < lines.count else {
            cursor = delta < 0 ? 0 : characters.count
            goalColumn = nil
            return
        }
        let goal = goalColumn ?? here.column
        let line = lines[target]
        var column = 0
        var i = line.start
        let end = target + 1 < lines.count && lines[target + 1].start == line.end && line.end > line.start ? line.end - 1 : line.end
        while i < end {
            let w = TextEditor.width(characters[i], at: column)
            if column + w > goal { break }
            column += w
            i += 1
        }
        cursor = i
        goalColumn = goal
    }

    /// `DisplayWidth.of(ch)`, answered at once for a one-byte character (always 1): the layout
    /// measures every character of the note on each key.
    static func width(_ ch: Character) -> Int {
        ch.utf8.count == 1 ? 1 : DisplayWidth.of(ch)
    }

    /// Columns `ch` takes when it starts at `column` of its visual line: a tab runs to the next
    /// multiple of 8, as `Screen.put` draws it; anything else takes at least one.
    static func width(_ ch: Character, at column: Int) -> Int {
        ch == "\t" ? TerminalSafety.tabStop - column % TerminalSafety.tabStop : max(1, width(ch))
    }

    /// A visual line: characters `start..<end` (a trailing newline is not included).
    public struct VisualLine: Equatable, Sendable {
        public var start: Int
        public var end: Int
    }

    /// The text wrapped to `width` columns, breaking after spaces where possible.
    public func layout(width: Int) -> [VisualLine] {
        let width = max(1, width)
        var lines: [VisualLine] = []
        var start = 0
        var column = 0
        var lastBreak: Int?
        var i = 0
        let n = characters.count
        while i < n {
            let ch = characters[i]
            if ch == "\n" {
                lines.append(VisualLine(start: start, end: i))
                start = i + 1
                column = 0
                lastBreak = nil
                i += 1
                continue
            }
            let w = TextEditor.width(ch, at: column)
            if column + w > width, i > start {
                let breakAt = lastBreak ?? i
                lines.append(VisualLine(start: start, end: breakAt))
                start = breakAt
                column = 0
                lastBreak = nil
                for k in start..<i { column += TextEditor.width(characters[k], at: column) }
                continue
            }
            column += w
            if ch == " " { lastBreak = i + 1 }
            i += 1
        }
        lines.append(VisualLine(start: start, end: n))
        return lines
    }

    /// The cursor's visual row and column in `lines`.
    public func position(in lines: [VisualLine]) -> (row: Int, column: Int) {
        for (row, line) in lines.enumerated() {
            let isLast = row + 1 == lines.count
            let nextStartsHere = !isLast && lines[row + 1].start == cursor && lines[row + 1].start == line.end
            if cursor >= line.start, cursor <= line.end, !nextStartsHere || isLast {
                var column = 0
                for k in line.start..<cursor { column += TextEditor.width(characters[k], at: column) }
                return (row, column)
            }
        }
        return (lines.count - 1, 0)
    }

    /// The text of one visual line.
    public func string(_ line: VisualLine) -> String {
        TextEditor.string(characters[line.start..<line.end])
    }
}

extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber }
}

extension String {
    /// CR LF and lone CR (as terminals send Enter in a paste) become LF.
    func replacingCRLF() -> String {
        guard contains("\r") || contains("\r\n") else { return self }
        return String(map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }
}
