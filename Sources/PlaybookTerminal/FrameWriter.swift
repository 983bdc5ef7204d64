import CNcursesw
import Glibc
import PlaybookCore
import PlaybookTUI

/// Turns the difference between two frames into the bytes a terminal needs, with the cursor
/// moves and each role's attributes taken from terminfo once at start. ncurses compares a frame
/// with what it believes is on screen and chooses among cursor moves on every update, which was
/// two thirds of the CPU of a line move; here the checklist's own frames are compared, and a
/// jump is always one absolute move.
struct FrameWriter {
    /// `cup`, and whether it is the ANSI form (`ESC [ row ; col H`), written without terminfo's formatter.
    private let cursorAddress: UnsafeMutablePointer<CChar>
    private let ansiCursor: Bool
    /// `el`: clears from the cursor to the end of the line (with the normal role active).
    private let clearToEnd: [UInt8]?
    /// Per role (raw value): reset the attributes, then set the role's own.
    private let looks: [[UInt8]]
    private var out: [UInt8] = []

    /// Unchanged cells shorter than this between two changes are rewritten rather than jumped over.
    static let jumpDistance = 8

    /// Nil when the terminal lacks cursor addressing or an attribute reset: ncurses draws then.
    init?(palette: Palette) {
        guard let cup = FrameWriter.capability("cup"), let reset = FrameWriter.capability("sgr0") else { return nil }
        cursorAddress = cup
        ansiCursor = String(cString: cup) == "\u{1B}[%i%p1%d;%p2%dH"
        clearToEnd = FrameWriter.capability("el").map { FrameWriter.bytes($0) }
        let resetBytes = FrameWriter.bytes(reset)
        let attributeCaps: [(attr_t, String)] = [(pb_attr_bold(), "bold"), (pb_attr_dim(), "dim"), (pb_attr_reverse(), "rev"), (pb_attr_underline(), "smul")]
        let setForeground = FrameWriter.capability("setaf")
        let setBackground = FrameWriter.capability("setab")
        // Attributes the terminal cannot show together with colours (`ncv`: 2 underline, 4 reverse,
        // 16 dim, 32 bold), which ncurses leaves off a coloured cell (every role has a colour pair).
        let noColorVideo = palette.colors ? max(0, tigetnum("ncv")) : 0
        let ncvBits: [(attr_t, Int32)] = [(pb_attr_underline(), 2), (pb_attr_reverse(), 4), (pb_attr_dim(), 16), (pb_attr_bold(), 32)]
        looks = Role.allCases.map { role in
            let style = Palette.style(role)
            var look = resetBytes
            var attributes = palette.colors ? style.color : style.mono
            for (bit, ncv) in ncvBits where noColorVideo & ncv != 0 { attributes &= ~bit }
            for (bit, name) in attributeCaps where attributes & bit != 0 {
                if let cap = FrameWriter.capability(name) { look += FrameWriter.bytes(cap) }
            }
            if palette.colors {
                // A negative colour is the terminal's default, which the reset already gave.
                if style.fg >= 0, let cap = setForeground, let set = tgoto(cap, 0, Int32(style.fg)) { look += FrameWriter.bytes(set) }
                if style.bg >= 0, let cap = setBackground, let set = tgoto(cap, 0, Int32(style.bg)) { look += FrameWriter.bytes(set) }
            }
            return look
        }
    }

    private static func capability(_ name: String) -> UnsafeMutablePointer<CChar>? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return value
    }

    /// A capability's bytes without its padding (`$<5>`, `$<2*/>`): delays that `tputs` would make
    /// with pad characters, which no terminal this runs on needs, and which would show as text.
    static func bytes(_ capability: UnsafePointer<CChar>) -> [UInt8] {
        var out: [UInt8] = []
        var p = capability
        while p.pointee != 0 {
            if p.pointee == 0x24, p[1] == 0x3C {
                var q = p + 2
                while q.pointee != 0, q.pointee != 0x3E, (0x30...0x39).contains(q.pointee) || q.pointee == 0x2E || q.pointee == 0x2A || q.pointee == 0x2F { q += 1 }
                if q.pointee == 0x3E {
                    p = q + 1
                    continue
                }
            }
            out.append(UInt8(bitPattern: p.pointee))
            p += 1
        }
        return out
    }

    /// The bytes that turn `old` (what the terminal shows) into `new`, ending with the cursor at
    /// `cursor`, or at the top-left corner when it is hidden (where ncurses last left it, so that
    /// its own moves when it ends or suspends start from the right place).
    mutating func bytes(from old: Screen, to new: Screen, cursor: (x: Int, y: Int)?) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        // The attributes are normal between frames (each ends with the normal look, as ncurses does).
        var role: Role? = .normal
        var at = position
        let width = new.width
        if width == old.width, new.height == old.height {
            old.cells.withUnsafeBufferPointer { oldCells in
                new.cells.withUnsafeBufferPointer { newCells in
                    for y in 0..<new.height {
                        let range = (y * width)..<(y * width + width)
                        let previous = UnsafeBufferPointer(rebasing: oldCells[range])
                        let next = UnsafeBufferPointer(rebasing: newCells[range])
                        // The last cell of the last row is never written: a terminal may scroll when it is.
                        var end = width
                        if y == new.height - 1 { end = width - 1 - (width > 1 && next[width - 1].isContinuation ? 1 : 0) }
                        writeRow(y, from: previous, to: next, end: end, role: &role, at: &at)
                    }
                }
            }
        }
        if role != .normal { out += looks[Int(Role.normal.rawValue)] }
        move(to: cursor ?? (0, 0), from: &at)
        position = at
        return out
    }

    /// Where the cursor is, when known: where the last frame left it, or where ncurses put it.
    var position: (x: Int, y: Int)?

    /// The bytes for the cells of row `y` before column `end` that differ between `old` and `new`.
    private mutating func writeRow(_ y: Int, from old: UnsafeBufferPointer<Cell>, to new: UnsafeBufferPointer<Cell>, end: Int,
                                   role: inout Role?, at: inout (x: Int, y: Int)?) {
        var x = 0
        while x < end, old[x] == new[x] { x += 1 }
        guard x < end else { return }
        let width = new.count
        // Where the row is blank to its end: from there, one clear-to-end-of-line does.
        var blankFrom = width
        while blankFrom > x, new[blankFrom - 1] == .blank { blankFrom -= 1 }
        while x > 0, new[x].isContinuation || old[x].isContinuation { x -= 1 }
        while x < end {
            if old[x] == new[x] {
                var k = x
                while k < end, old[k] == new[k] { k += 1 }
                if k == end { return }
                // A short unchanged stretch is cheaper to rewrite than to jump over (when the cursor is here).
                let here = at.map { $0 == (x, y) } ?? false
                if k - x >= FrameWriter.jumpDistance || !here {
                    // Jump to the first change, or to the wide character it is half of; write from there.
                    x = k
                    while x > 0, new[x].isContinuation || old[x].isContinuation { x -= 1 }
                }
            }
            if x >= blankFrom, let clearToEnd, width - x > 3 {
                move(to: (x, y), from: &at)
                if role != .normal { out += looks[Int(Role.normal.rawValue)]; role = .normal }
                out += clearToEnd
                return
            }
            let cell = new[x]
            if cell.isContinuation {
                x += 1
                continue
            }
            move(to: (x, y), from: &at)
            if role != cell.role { out += looks[Int(cell.role.rawValue)]; role = cell.role }
            cell.appendUTF8(to: &out)
            let wide = x + 1 < width && new[x + 1].isContinuation
            x += wide ? 2 : 1
            // Only characters every terminal draws one column wide leave the position known.
            if !wide, x < width, let scalar = cell.singleScalar, DisplayWidth.isSimple(scalar) {
                at = (x, y)
            } else {
                at = nil
            }
        }
    }

    private mutating func move(to target: (x: Int, y: Int), from at: inout (x: Int, y: Int)?) {
        if let here = at, here == target { return }
        if ansiCursor {
            out += [0x1B, 0x5B]
            appendDecimal(target.y + 1)
            out.append(0x3B)
            appendDecimal(target.x + 1)
            out.append(0x48)
        } else {
            if let move = tgoto(cursorAddress, Int32(target.x), Int32(target.y)) { out += FrameWriter.bytes(move) }
        }
        at = target
    }

    private mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        out.append(UInt8(0x30 + n % 10))
    }
}
