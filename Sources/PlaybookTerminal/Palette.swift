import CNcursesw
import PlaybookTUI

/// The one table from roles to colours and attributes, with a monochrome column for NO_COLOR
/// and terminals without colours (STYLE.md §8).
struct Palette {
    let colors: Bool

    /// (foreground, background, attributes) in colour; attributes alone in monochrome.
    private static func style(_ role: Role) -> (fg: Int16, bg: Int16, color: attr_t, mono: attr_t) {
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

    init(colors: Bool) {
        self.colors = colors
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
        let s = Palette.style(role)
        if colors {
            _ = pb_attrset(s.color, Int16(role.rawValue) + 1)
        } else {
            _ = pb_attrset(s.mono, 0)
        }
    }
}
