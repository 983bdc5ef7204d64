/// One thing read from the terminal: a character, a key the terminal library decoded itself, or
/// nothing more within the wait for the rest of an escape sequence.
public enum TerminalInput: Equatable, Sendable {
    case character(UInt32)
    /// A key decoded by ncurses (nil: one that means nothing here, such as Insert).
    case key(Key?)
    case timeout
}

/// Turns what the terminal sends into keys. An escape sequence that ncurses did not decode (its
/// TERM does not describe the terminal, or the key has no terminfo name) is read whole, as ECMA-48
/// delimits it, and becomes the key it means or nothing: never Esc followed by ordinary keys.
public struct KeyDecoder: Sendable {
    /// The escape sequence read so far, ESC first (empty: none).
    private var pending: [UInt32] = []

    public init() {}

    /// True while part of an escape sequence (or a lone Esc) waits for what follows.
    public var isWaiting: Bool { !pending.isEmpty }

    /// The keys that `input` completes, in order.
    public mutating func feed(_ input: TerminalInput) -> [Key] {
        var keys: [Key] = []
        step(input, into: &keys)
        return keys
    }

    private static let esc: UInt32 = 0x1B
    private static let csi: UInt32 = 0x5B  // [
    private static let ss3: UInt32 = 0x4F  // O
    /// OSC `]`, DCS `P`, SOS `X`, PM `^` and APC `_`: each starts a string that runs to BEL or ST.
    private static let stringIntroducers: [UInt32] = [0x5D, 0x50, 0x58, 0x5E, 0x5F]
    /// A control string longer than this is not a reply but garbage: it is dropped where it stands.
    private static let maxStringLength = 4096

    private mutating func step(_ input: TerminalInput, into keys: inout [Key]) {
        if pending.isEmpty {
            switch input {
            case .timeout: break
            case .key(let key): if let key { keys.append(key) }
            case .character(KeyDecoder.esc): pending = [KeyDecoder.esc]
            case .character(let code): if let key = KeyDecoder.plain(code) { keys.append(key) }
            }
            return
        }
        switch input {
        case .timeout:
            // A lone Esc (or two); anything longer is an incomplete sequence, dropped whole.
            if pending.allSatisfy({ $0 == KeyDecoder.esc }) { keys += pending.map { _ in .escape } }
            pending = []
        case .key(let key):
            // A key decoded right after Esc is Alt plus that key, which means nothing here; but a
            // resize or a click is an event of its own, which must not be lost (nor the Esc before it).
            let loneEscapes = pending.allSatisfy { $0 == KeyDecoder.esc } ? pending.count : 0
            pending = []
            switch key {
            case .some(let event) where event.isEvent:
                keys += Array(repeating: .escape, count: loneEscapes)
                keys.append(event)
            default: break
            }
        case .character(let code):
            pending.append(code)
            continueSequence(into: &keys)
        }
    }

    /// Decides, after one more character, whether the sequence is complete, still going, or not one.
    private mutating func continueSequence(into keys: inout [Key]) {
        // ESC ESC starts an Alt-modified sequence (rxvt's Alt-arrows), or was Esc pressed twice.
        let meta = pending.count >= 2 && pending[1] == KeyDecoder.esc
        let start = meta ? 2 : 1
        guard pending.count > start else { return }
        let introducer = pending[start]
        let body = Array(pending[(start + 1)...])
        let code = pending[pending.count - 1]
        if !meta, KeyDecoder.stringIntroducers.contains(introducer) {
            // A control string (a terminal's reply to a query: colours, cursor, capabilities):
            // read to its end, BEL or ESC \, and dropped whole; ESC then anything else ends it
            // and starts a new sequence.
            guard let last = body.last else { return }
            if last == 0x07 || pending.count > KeyDecoder.maxStringLength {
                pending = []
            } else if body.count >= 2, body[body.count - 2] == KeyDecoder.esc {
                pending = []
                if last != 0x5C {
                    step(.character(KeyDecoder.esc), into: &keys)
                    step(.character(last), into: &keys)
                }
            }
            return
        }
        if body.isEmpty {
            if introducer == KeyDecoder.csi || introducer == KeyDecoder.ss3 { return }
            if meta {
                // Esc, then a new sequence or key: the first Esc stands alone.
                keys.append(.escape)
                pending.removeFirst()
                continueSequence(into: &keys)
                return
            }
            pending = []
            switch code {
            case 9: keys.append(.backTab)  // linux console: ESC Tab
            case 0x20..<0x7F, 0xA0...:
                if let scalar = Unicode.Scalar(code) { keys.append(.alt(Character(scalar))) }
            default:
                // Esc, then a control key (Enter, Backspace…): both, in order.
                keys.append(.escape)
                step(.character(code), into: &keys)
            }
            return
        }
        switch KeyDecoder.progress(introducer: introducer, body: body) {
        case .more:
            return
        case .complete:
            pending = []
            if !meta, let key = KeyDecoder.meaning(introducer: introducer, body: body) { keys.append(key) }
        case .invalid:
            // Not a sequence after all: what was read of it is dropped, the last character is read anew.
            pending = []
            step(.character(code), into: &keys)
        }
    }

    private enum Progress { case more, complete, invalid }

    /// Where `body` (what follows CSI or SS3) stands, by ECMA-48: parameter bytes 0x30–0x3F, then
    /// intermediate bytes 0x20–0x2F, then one final byte 0x40–0x7E; plus the linux console's
    /// `ESC [ [ A`…`E`, rxvt's `$`-suffixed keys and the X10 mouse report (`ESC [ M` and 3 bytes).
    private static func progress(introducer: UInt32, body: [UInt32]) -> Progress {
        let last = body[body.count - 1]
        let earlier = body.dropLast()
        if introducer == csi {
            if body.first == csi {
                if body.count == 1 { return .more }
                return (0x40...0x7E).contains(last) ? .complete : .invalid
            }
            if body.first == 0x4D {  // M
                return body.count == 4 ? .complete : .more
            }
        }
        let sawIntermediate = earlier.contains { (0x20...0x2F).contains($0) }
        switch last {
        case 0x30...0x3F:
            return sawIntermediate ? .invalid : .more
        case 0x24 where introducer == csi && !earlier.isEmpty && !sawIntermediate:
            return .complete  // rxvt: ESC [ 3 $ is Shift-Delete
        case 0x20...0x2F:
            return introducer == csi ? .more : .invalid
        case 0x40...0x7E:
            // ESC [ M alone starts a mouse report: its three bytes follow.
            if introducer == csi, last == 0x4D, earlier.isEmpty { return .more }
            return .complete
        default:
            return .invalid
        }
    }

    /// The key a complete sequence means, or nil for one that means nothing here.
    static func meaning(introducer: UInt32, body: [UInt32]) -> Key? {
        guard let final = body.last.flatMap(Unicode.Scalar.init).map(Character.init) else { return nil }
        let parameters = String(String.UnicodeScalarView(body.dropLast().compactMap(Unicode.Scalar.init)))
        if introducer == ss3 {
            switch (parameters, final) {
            case ("", "A"): return .up
            case ("", "B"): return .down
            case ("", "C"): return .right
            case ("", "D"): return .left
            case ("", "H"): return .home
            case ("", "F"): return .end
            case ("", "M"): return .enter
            case ("", "P"): return .function(1)
            case ("", "Q"): return .function(2)
            case ("", "R"): return .function(3)
            case ("", "S"): return .function(4)
            case ("", "c"), ("5", "C"), ("1;5", "C"): return .ctrlRight  // rxvt, old xterm
            case ("", "d"), ("5", "D"), ("1;5", "D"): return .ctrlLeft
            default: return nil
            }
        }
        if parameters == "[" {
            // linux console F1–F5.
            guard let n = "ABCDE".firstIndex(of: final) else { return nil }
            return .function("ABCDE".distance(from: "ABCDE".startIndex, to: n) + 1)
        }
        switch (parameters, final) {
        case ("", "A"), ("1", "A"): return .up
        case ("", "B"), ("1", "B"): return .down
        case ("", "C"), ("1", "C"): return .right
        case ("", "D"), ("1", "D"): return .left
        case ("", "H"), ("1", "H"): return .home
        case ("", "F"), ("1", "F"): return .end
        case ("", "Z"): return .backTab
        case ("1;5", "C"): return .ctrlRight
        case ("1;5", "D"): return .ctrlLeft
        case (_, "~"):
            guard let n = Int(parameters) else { return nil }
            return tildeKeys[n]
        default: return nil
        }
    }

    /// `CSI n ~` keys of vt220-style terminals (xterm, rxvt, linux, putty); 7 and 8 are rxvt's Home and End.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// A character outside any escape sequence.
    static func plain(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0, 27...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}

extension Key {
    /// A resize or a mouse event: never part of a key sequence, never dropped with one.
    var isEvent: Bool {
        switch self {
        case .resize, .click, .wheelUp, .wheelDown: true
        default: false
        }
    }
}
