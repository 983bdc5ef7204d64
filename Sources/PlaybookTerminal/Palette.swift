import CNcursesw
import PlaybookTUI

/// The one table from roles to colours and attributes, with a monochrome column for NO_COLOR
/// and terminals without colours (STYLE.md §8).
struct Palette {
    let colors: Bool

    /// (foreground, background, attributes) in colour; attributes alone in monochrome.
    static func style(_ role: Role) -> (fg: Int16, bg: Int16, color: attr_t, mono: attr_t) {
        let bold = pb_attr_bold(), reverse = pb_attr_reverse(), dim = pb_attr_dim(), under = pb_attr_underline(), none = pb_attr_normal()
        switch role {
        case .normal: return (-1, -1, none, none)
        case .title: return (Int16(COLOR_CYAN), -1, bold, bold)
        case .header: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN), none, reverse)
        case .muted: return (-1, -1, dim, dim)
        case .selection: return (Int16(COLOR_BLACK), Int16(COLOR_WHITE), none, reverse)
        case .score0: return (Int16(COLOR_WHITE), Int16(COLOR_RED), bold, bold)
        case .score1: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), none, under)
        case .score2: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN), none, none)
        case .score3: return (Int16(COLOR_BLACK), Int16(COLOR_GREEN), bold, bold)
        case .notApplicable: return (-1, -1, dim, dim)
        case .unknown: return (Int16(COLOR_MAGENTA), -1, bold, bold)
        case .levelCurrent: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN), none, reverse)
        case .target: return (Int16(COLOR_CYAN), -1, none, none)
        case .warning: return (Int16(COLOR_YELLOW), -1, bold, bold)
        case .error: return (Int16(COLOR_RED), -1, bold, bold)
        case .success: return (Int16(COLOR_GREEN), -1, none, none)
        case .key: return (Int16(COLOR_CYAN), -1, bold, bold)
        case .input: return (-1, -1, under, under)
        case .cursor: return (-1, -1, reverse, reverse)
        case .barFilled: return (Int16(COLOR_GREEN), -1, none, none)
        case .overdue: return (Int16(COLOR_RED), -1, bold, bold)
        case .border: return (-1, -1, dim, none)
        }
    }

    /// The attributes and colour pair of each role, by raw value.
    private let looks: [(attributes: attr_t, pair: Int16)]
    /// An ncurses cell holding a space, per role: a cell to draw is its template with the character replaced.
    private var templates: [cchar_t]

    init(colors: Bool) {
        self.colors = colors
        looks = Role.allCases.map { role in
            let s = Palette.style(role)
            return colors ? (s.color, Int16(role.rawValue) + 1) : (s.mono, 0)
        }
        templates = looks.map { look in
            var cell = cchar_t()
            var space: [wchar_t] = [0x20, 0]
            setcchar(&cell, &space, look.attributes, look.pair, nil)
            return cell
        }
    }

    /// Declares one colour pair per role (pair number = role + 1).
    func install() {
        guard colors else { return }
        for role in Role.allCases {
            let s = Palette.style(role)
            init_pair(Int16(role.rawValue) + 1, s.fg, s.bg)
        }
    }

    func apply(_ role: Role) {
        let look = looks[Int(role.rawValue)]
        _ = pb_attrset(look.attributes, look.pair)
    }

    /// Calls `body` with the template cells by role (raw value), for a loop over many cells.
    func withTemplates<R>(_ body: (UnsafeBufferPointer<cchar_t>) -> R) -> R {
        templates.withUnsafeBufferPointer(body)
    }

    /// Appends `cell` as ncurses stores it: its base character and combining marks in its role's look.
    /// A grapheme of several spacing characters (a flag, an emoji with a skin tone) becomes several
    /// ncurses cells, split where ncurses' own width function says, as adding its text would split it.
    func appendCursesCells(_ cell: Cell, to out: inout [cchar_t]) {
        var template = templates[Int(cell.role.rawValue)]
        if let scalar = cell.singleScalar {
            template.chars.0 = wchar_t(bitPattern: scalar)
            out.append(template)
            return
        }
        let look = looks[Int(cell.role.rawValue)]
        var rest = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        while !rest.isEmpty {
            var text = rest + [0]
            var part = template
            guard setcchar(&part, &text, look.attributes, look.pair, nil) == OK else { return }
            out.append(part)
            // setcchar takes the first character and the non-spacing ones after it (at most CCHARW_MAX).
            let used = withUnsafeBytes(of: part.chars) { $0.bindMemory(to: wchar_t.self).prefix { $0 != 0 }.count }
            if used == 0 || used == Int(CCHARW_MAX) { return }
            rest.removeFirst(used)
        }
    }
}
