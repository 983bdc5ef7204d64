import PlaybookCore

/// A key press or terminal event, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right
    case ctrlLeft, ctrlRight
    case home, end, pageUp, pageDown
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
    /// The terminal changed size (not a key the keymap sees; the session turns it into `.resize`).
    case resize

    /// How the key is written in help and footer hints, in the interface language.
    public func label(_ lang: Language) -> String {
        switch self {
        case .char(" "): return lang.pick(en: "Space", fr: "Espace")
        case .enter: return lang.pick(en: "Enter", fr: "Entrée")
        case .escape: return lang.pick(en: "Esc", fr: "Échap")
        case .backspace: return lang.pick(en: "Backspace", fr: "Retour arrière")
        case .delete: return lang.pick(en: "Del", fr: "Suppr")
        case .backTab: return lang.pick(en: "Shift-Tab", fr: "Maj-Tab")
        default: return label
        }
    }

    /// How the key is written (English key names).
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .click: return "click"
        case .wheelUp: return "wheel↑"
        case .wheelDown: return "wheel↓"
        case .resize: return "resize"
        }
    }
}
