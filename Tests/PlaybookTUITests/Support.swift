import PlaybookCore

@testable import PlaybookTUI

let fixedNow = Timestamp(iso: "2026-11-27T09:00:00Z")!
let fixedToday = CalendarDate(iso: "2026-11-27")!

func makeState(width: Int = 80, height: Int = 24, language: Language = .en, path: String? = "acme.json", document: Assessment? = nil) -> AppState {
    let catalog = DefaultCatalog.catalog
    let doc =
        document
        ?? Assessment(
            catalog: catalog, program: Program(name: "Cloud Alliance", partner: "Acme", segment: .resale),
            assessor: "Marie", side: .ours, now: fixedNow, assessedOn: fixedToday, language: language)
    var state = AppState(catalog: catalog, document: doc, filePath: path, language: language, width: width, height: height, now: fixedNow, today: fixedToday)
    _ = reduce(&state, .resize(width: width, height: height))
    return state
}

/// Drives the app as the terminal would: keys through the keymap into `reduce`; returns the effects.
@discardableResult
func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    var effects: [Effect] = []
    for pressed in keys {
        for key in Keymap.keys(for: pressed, in: state.mode.kind) {
            if let action = Keymap.action(for: key, in: state.mode.kind) {
                let effect = reduce(&state, action)
                if effect != .none { effects.append(effect) }
            }
        }
    }
    return effects
}

/// Typing a string, one key per character (as a paste arrives).
func typed(_ text: String) -> [Key] {
    text.map { $0 == "\n" ? Key.enter : Key.char($0) }
}

func frame(_ state: AppState) -> [String] {
    var screen = Screen(width: 0, height: 0)
    render(state, into: &screen)
    return screen.lines
}

/// What the terminal's bytes decode to: each code point in turn, then the wait running out.
func decoded(_ codes: [UInt32]) -> [Key] {
    var decoder = KeyDecoder()
    return (codes.map(TerminalInput.character) + [.timeout]).flatMap { decoder.feed($0) }
}
