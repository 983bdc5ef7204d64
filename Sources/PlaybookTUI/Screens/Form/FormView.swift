import PlaybookCore

/// A form: one field per two rows, label on the left, value on the right.
enum FormView {
    static let valueColumn = 22

    static func draw(_ s: AppState, form: FormState, area: Layout.Area, into screen: inout Screen) {
        let lang = s.language
        let title: String =
            switch form.purpose {
            case .details: lang.pick(en: "Programme details", fr: "Détails du programme")
            case .evidence(let i):
                (i == nil ? lang.pick(en: "New evidence — ", fr: "Nouvelle preuve — ") : lang.pick(en: "Edit evidence — ", fr: "Modifier la preuve — "))
                    + "\(s.rule.number). " + s.rule.title[lang]
            case .action(let i):
                (i == nil ? lang.pick(en: "New action — ", fr: "Nouvelle action — ") : lang.pick(en: "Edit action — ", fr: "Modifier l’action — "))
                    + "\(s.rule.number). " + s.rule.title[lang]
            }
        screen.put(title, x: 1, y: area.y, role: .title, maxWidth: area.width - 2)
        let valueWidth = max(1, area.width - valueColumn - 2)
        for (i, field) in form.fields.enumerated() {
            let y = area.y + 2 + i * 2
            guard y < area.y + area.height else { break }
            let focused = i == form.focus
            screen.put(field.label[lang], x: 2, y: y, role: focused ? .key : .normal, maxWidth: valueColumn - 3)
            switch field.kind {
            case .choice(let values, let labels):
                let index = values.firstIndex(of: field.value) ?? 0
                let text = "◀ " + labels[index][lang] + " ▶"
                screen.put(text, x: valueColumn, y: y, role: focused ? .selection : .input, maxWidth: valueWidth)
            case .text, .date:
                if focused, let editor = form.editor {
                    screen.fill(x: valueColumn, y: y, count: valueWidth, role: .input)
                    let (visible, _) = DialogView.promptWindow(editor, width: valueWidth)
                    screen.put(visible, x: valueColumn, y: y, role: .input, maxWidth: valueWidth)
                } else {
                    var shown = field.value
                    if case .date = field.kind, shown.isEmpty { shown = lang.pick(en: "(none) YYYY-MM-DD", fr: "(aucune) AAAA-MM-JJ") }
                    screen.put(shown, x: valueColumn, y: y, role: field.value.isEmpty ? .muted : .normal, maxWidth: valueWidth)
                }
            }
        }
        if let error = form.error {
            screen.put(error, x: 2, y: min(area.y + area.height - 1, area.y + 2 + form.fields.count * 2), role: .error, maxWidth: area.width - 3)
        }
    }
}
