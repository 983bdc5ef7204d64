import PlaybookCore

/// Draws the whole state into `screen` (resized to the state's terminal size). Pure: no IO, no clock.
public func render(_ state: AppState, into screen: inout Screen) {
    var memo = PaneMemo()
    render(state, into: &screen, memo: &memo)
}

/// `render(_:into:)`, keeping the rule pane's wrapped text in `memo` for the next frame.
public func render(_ state: AppState, into screen: inout Screen, memo: inout PaneMemo) {
    if screen.width != state.width || screen.height != state.height {
        screen = Screen(width: state.width, height: state.height)
    } else {
        screen.clear()
    }
    if state.isTooSmall {
        TooSmallView.draw(state, into: &screen)
        return
    }
    let layout = Layout(width: state.width, height: state.height)
    HeaderView.draw(state, into: &screen)
    switch state.mode {
    case .checklist, .target, .confirmQuit, .conflict, .recovery, .prompt:
        ChecklistView.draw(state, layout: layout, into: &screen)
        RuleDetailView.draw(state, area: layout.detail, into: &screen, memo: &memo)
    case .note(let editor):
        NoteEditorView.draw(state, editor: editor, layout: layout, into: &screen)
    case .evidence(let cursor):
        ItemsView.drawEvidence(state, cursor: cursor, area: layout.body, into: &screen)
    case .actions(let cursor):
        ItemsView.drawActions(state, cursor: cursor, area: layout.body, into: &screen)
    case .form(let form):
        FormView.draw(state, form: form, area: layout.body, into: &screen)
    case .summary(let scroll):
        SummaryView.draw(state, scroll: scroll, area: layout.body, into: &screen)
    case .help(let topic):
        HelpView.draw(state, topic: topic, area: layout.body, into: &screen)
    case .compare(let view):
        CompareView.draw(state, view: view, area: layout.body, into: &screen)
    }
    DialogView.draw(state, into: &screen)
    FooterView.draw(state, layout: layout, into: &screen)
}

/// The cursor position the terminal should show (text entry), or nil to hide it.
public func cursorPosition(_ state: AppState) -> (x: Int, y: Int)? {
    guard !state.isTooSmall else { return nil }
    let layout = Layout(width: state.width, height: state.height)
    switch state.mode {
    case .note(let editor):
        let area = layout.editor
        let lines = editor.layout(width: area.width)
        let p = editor.position(in: lines)
        let top = NoteEditorView.firstVisibleRow(cursorRow: p.row, height: area.height)
        return (area.x + min(p.column, area.width - 1), area.y + p.row - top)
    case .prompt(let prompt):
        let label = DialogView.promptLabel(state, prompt)
        let (_, column) = DialogView.promptWindow(prompt.editor, width: max(1, state.width - DisplayWidth.of(label) - 1))
        return (DisplayWidth.of(label) + column, layout.messageRow)
    case .form(let form):
        guard let editor = form.editor else { return nil }
        let (_, column) = DialogView.promptWindow(editor, width: max(1, layout.body.width - FormView.valueColumn - 2))
        return (FormView.valueColumn + column, layout.body.y + 2 + form.focus * 2)
    default:
        return nil
    }
}

enum Badge {
    /// The badge text and role for a rule's state: `0`–`3`, `N/A`, `?`, or blank.
    static func of(_ state: AnswerState?) -> (String, Role) {
        switch state {
        case .scored(let s): return (" \(s) ", [Role.score0, .score1, .score2, .score3][s])
        case .notApplicable: return ("N/A", .notApplicable)
        case .unknown: return (" ? ", .unknown)
        case nil: return ("   ", .muted)
        }
    }
}
