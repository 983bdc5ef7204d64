import CNcursesw
import Glibc
import PlaybookCore
import PlaybookTUI

/// The one owner of the terminal: sets the locale, starts ncurses, draws screens, reads keys,
/// and restores the terminal on every path (STYLE.md §7).
public final class Terminal {
    private var screenHandle: OpaquePointer?
    /// The frame on the terminal, to compare the next one with (nil: draw the next one whole).
    private var lastDrawn: Screen?
    private var ctrlLeftCode: Int32 = -1
    private var ctrlRightCode: Int32 = -1
    private var palette = Palette(colors: false)
    public private(set) var isActive = false

    public init() {}

    /// Why interactive mode cannot run here, or nil when it can (T6). Writes nothing to the terminal.
    public static func unusableReason(_ lang: Language) -> String? {
        if isatty(0) != 1 || isatty(1) != 1 {
            return lang.pick(
                en:
                    "playbook: the checklist needs a terminal (standard input and output must be a terminal); use `playbook show`, `set` or `validate` in scripts",
                fr:
                    "playbook : la liste de contrôle exige un terminal (entrée et sortie standard doivent être un terminal) ; en script, utilisez `playbook show`, `set` ou `validate`"
            )
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty {
            return lang.pick(
                en: "playbook: TERM is not set; set it to your terminal type (for example TERM=xterm-256color)",
                fr: "playbook : TERM n’est pas défini ; donnez le type de votre terminal (par exemple TERM=xterm-256color)")
        }
        if term == "dumb" {
            return lang.pick(
                en: "playbook: TERM=dumb cannot show the checklist; set TERM to your terminal type (for example xterm-256color)",
                fr: "playbook : TERM=dumb ne peut pas afficher la liste ; donnez le type de votre terminal (par exemple xterm-256color)")
        }
        var status: Int32 = 0
        if setupterm(nil, 1, &status) != OK || pb_has_cursor_addressing() == 0 {
            let shown = TerminalSafety.visible(term)
            return lang.pick(
                en: "playbook: unknown or unusable terminal type TERM=\(shown); set TERM to your terminal type (for example xterm-256color)",
                fr: "playbook : type de terminal inconnu ou inutilisable TERM=\(shown) ; donnez le type de votre terminal (par exemple xterm-256color)")
        }
        return nil
    }

    /// Sets a UTF-8 locale so accents and wide characters work, even when LANG is unset.
    public static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingDashes() != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Starts ncurses; returns false (and writes nothing) when the terminal cannot be used.
    public func start() -> Bool {
        Terminal.setUTF8Locale()
        CrashGuard.rememberTerminalState()
        set_escdelay(Terminal.escapeDelay)
        // The window's real size (ioctl): LINES/COLUMNS left in the environment by a parent would
        // freeze ncurses at that size and break every resize.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard let handle = pb_newterm() else { return false }
        screenHandle = handle
        isActive = true
        CrashGuard.terminalActive = true
        cbreak()
        noecho()
        nonl()
        // Ctrl-S saves: flow control (IXON) would swallow it as XOFF. Ctrl-C stays a signal.
        var modes = termios()
        if tcgetattr(0, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
            tcsetattr(0, TCSANOW, &modes)
            def_prog_mode()
        }
        intrflush(pb_stdscr(), false)
        keypad(pb_stdscr(), true)
        curs_set(0)
        mousemask(pb_mouse_mask(), nil)
        mouseinterval(0)
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        if has_colors(), !noColor {
            start_color()
            use_default_colors()
            palette = Palette(colors: true)
        }
        palette.install()
        ctrlLeftCode = Terminal.keyCode(capability: "kLFT5")
        ctrlRightCode = Terminal.keyCode(capability: "kRIT5")
        lastDrawn = nil
        return true
    }

    /// Gives the terminal back: normal screen, cooked mode, visible cursor. Safe to call twice.
    public func stop() {
        guard isActive else { return }
        isActive = false
        CrashGuard.terminalActive = false
        curs_set(1)
        endwin()
        if let handle = screenHandle { delscreen(handle) }
        screenHandle = nil
    }

    /// Leaves curses mode for a child program ($EDITOR), keeping ncurses' state.
    public func suspend() {
        guard isActive else { return }
        def_prog_mode()
        endwin()
        CrashGuard.terminalActive = false
    }

    /// Returns from `suspend()` (or a SIGCONT) and forces a full redraw.
    public func resume() {
        guard isActive else { return }
        reset_prog_mode()
        CrashGuard.terminalActive = true
        forceRedraw()
    }

    /// Makes the next `draw` repaint every row and ncurses resend the whole screen.
    public func forceRedraw() {
        lastDrawn = nil
        clearok(pb_curscr(), true)
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(pb_cols()), Int(pb_lines()))
    }

    /// Sends `screen` to ncurses: only the span of each row that changed since the last frame is
    /// rewritten, as ready-made ncurses cells (no text for ncurses to decode and measure again), and
    /// ncurses sends the terminal only the cells that differ.
    public func draw(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        let previous = lastDrawn
        let sameSize = previous?.width == screen.width && previous?.height == screen.height
        if !sameSize { erase() }
        let palette = self.palette
        var out: [cchar_t] = []
        swap(&out, &cursesCells)
        defer { swap(&out, &cursesCells) }
        for y in 0..<screen.height {
            var first = 0
            var last = screen.width - 1
            if sameSize, let previous {
                guard let span = changedSpan(previous, screen, y) else { continue }
                (first, last) = span
                if hasClusters(screen, y) || hasClusters(previous, y) {
                    // A flag is two ncurses cells, which ncurses and the terminal do not lay out alike
                    // (after a flag, an update sent only the changed cells one column off): such a
                    // row is sent again whole, from its start.
                    (first, last) = (0, screen.width - 1)
                    wredrawln(pb_stdscr(), Int32(y), 1)
                }
            }
            if y == screen.height - 1 {
                // The last cell of the last row is left alone, and so is a wide character ending there.
                let corner = screen.width - 1
                last = min(last, corner > 0 && screen[corner, y].isContinuation ? corner - 2 : corner - 1)
            }
            guard first <= last else { continue }
            out.removeAll(keepingCapacity: true)
            palette.withTemplates { templates in
                for x in first...last {
                    let cell = screen[x, y]
                    if let scalar = cell.singleScalar {
                        var c = templates[Int(cell.role.rawValue)]
                        c.chars.0 = wchar_t(bitPattern: scalar)
                        out.append(c)
                    } else if !cell.isContinuation {
                        // ncurses fills the right half of a wide character itself.
                        palette.appendCursesCells(cell, to: &out)
                    }
                }
            }
            wmove(pb_stdscr(), Int32(y), Int32(first))
            _ = wadd_wchnstr(pb_stdscr(), out, Int32(out.count))
        }
        palette.apply(.normal)
        if let cursor, cursor.y >= 0, cursor.y < screen.height, cursor.x >= 0, cursor.x < screen.width {
            curs_set(1)
            wmove(pb_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            // A hidden cursor rests at the top-left corner: where a terminal that cannot hide it shows
            // it, and where whatever is printed after a `kill -9` starts, rather than mid-row.
            curs_set(0)
            wmove(pb_stdscr(), 0, 0)
        }
        wrefresh(pb_stdscr())
        lastDrawn = screen
    }

    /// The cells of one changed span, reused from frame to frame.
    private var cursesCells: [cchar_t] = []

    /// The first and last columns of row `y` that differ, widened so that no wide character is cut
    /// in half (its right half is an empty cell); nil when the row is unchanged. Rewriting only this
    /// span keeps a one-line move from re-adding every character of the rows it touches.
    private func changedSpan(_ a: Screen, _ b: Screen, _ y: Int) -> (Int, Int)? {
        let width = b.width
        return a.cells.withUnsafeBufferPointer { all in
            b.cells.withUnsafeBufferPointer { allB in
                let old = UnsafeBufferPointer(rebasing: all[(y * width)..<(y * width + width)])
                let new = UnsafeBufferPointer(rebasing: allB[(y * width)..<(y * width + width)])
                var first = 0
                while first < width, old[first] == new[first] { first += 1 }
                guard first < width else { return nil }
                var last = width - 1
                while last > first, old[last] == new[last] { last -= 1 }
                while first > 0, old[first].isContinuation || new[first].isContinuation { first -= 1 }
                while last + 1 < width, old[last + 1].isContinuation || new[last + 1].isContinuation { last += 1 }
                return (first, last)
            }
        }
    }

    /// True when row `y` holds a cell of several characters (a flag, an emoji sequence, a decomposed accent).
    private func hasClusters(_ screen: Screen, _ y: Int) -> Bool {
        for x in 0..<screen.width where screen[x, y].singleScalar == nil && !screen[x, y].isContinuation { return true }
        return false
    }

    /// Waits up to `timeout` milliseconds (-1: forever, 0: no wait) for a key; `.some(nil)` when
    /// something arrived that means nothing here (an unknown escape sequence, dropped whole).
    public func readKey(timeout: Int32) -> Key?? {
        if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        while true {
            // The rest of an escape sequence follows its ESC at once; ESCDELAY is the wait for it.
            pb_timeout(decoder.isWaiting ? Terminal.escapeDelay : timeout)
            var ch: wint_t = 0
            let r = pb_get_wch(&ch)
            let input: TerminalInput
            if r == ERR {
                guard decoder.isWaiting else { return nil }
                input = .timeout
            } else if r == KEY_CODE_YES {
                input = .key(decodeFunctionKey(Int32(ch)))
            } else {
                input = .character(UInt32(ch))
            }
            var keys = decoder.feed(input)
            if !keys.isEmpty {
                let first = keys.removeFirst()
                queuedKeys += keys
                return .some(first)
            }
            if !decoder.isWaiting { return .some(nil) }
        }
    }

    /// The code ncurses gives the key whose sequence the terminfo capability `name` holds (an
    /// extended one such as xterm's `kLFT5`, Ctrl-←), or 0 when the terminal has none.
    private static func keyCode(capability name: String) -> Int32 {
        guard let sequence = tigetstr(name), Int(bitPattern: sequence) != -1 else { return 0 }
        return max(0, key_defined(sequence))
    }

    /// Milliseconds ncurses (and the decoder) wait for the rest of an escape sequence.
    static let escapeDelay: Int32 = 25
    private var decoder = KeyDecoder()
    /// Keys decoded together (Esc then a resize) that `readKey` has not returned yet.
    private var queuedKeys: [Key] = []

    private func decodeFunctionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Find and Select sit where Home and End are on vt220 keyboards (rxvt's `ESC [ 1 ~`, `ESC [ 4 ~`).
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        case KEY_RESIZE:
            // ncurses has resized its own screen, which it repaints (blank) at its next chance: the
            // next frame is drawn whole, after ncurses has cleared the terminal.
            lastDrawn = nil
            return .resize
        case KEY_MOUSE:
            var x: Int32 = 0
            var y: Int32 = 0
            switch pb_get_mouse(&x, &y) {
            case 1: return .click(x: Int(x), y: Int(y))
            case 2: return .wheelUp
            case 3: return .wheelDown
            default: return nil
            }
        case ctrlLeftCode where ctrlLeftCode > 0: return .ctrlLeft
        case ctrlRightCode where ctrlRightCode > 0: return .ctrlRight
        default: return nil
        }
    }
}

extension String {
    func replacingDashes() -> String { String(filter { $0 != "-" && $0 != "_" }) }
}
