import PlaybookCore

/// A small form: programme details, one evidence item or one action.
public struct FormState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case details
        case evidence(index: Int?)
        case action(index: Int?)
    }

    public enum FieldKind: Equatable, Sendable {
        case text(required: Bool, maxLength: Int)
        /// Raw values, shown by their labels; cycled with ←/→ or Space.
        case choice([String], labels: [LocalizedText])
        case date(required: Bool)
    }

    public struct Field: Equatable, Sendable {
        public var label: LocalizedText
        public var kind: FieldKind
        public var value: String
    }

    public var purpose: Purpose
    public var fields: [Field]
    public var focus: Int
    /// The focused text field's editor (choices have none).
    public var editor: TextEditor?
    public var error: String?

    public init(purpose: Purpose, fields: [Field]) {
        self.purpose = purpose
        self.fields = fields
        focus = 0
        error = nil
        editor = nil
        loadEditor()
    }

    /// Puts the focused field's value into the editor.
    mutating func loadEditor() {
        switch fields[focus].kind {
        case .choice: editor = nil
        case .text(_, let max): editor = TextEditor(fields[focus].value, singleLine: true, maxLength: max)
        case .date: editor = TextEditor(fields[focus].value, singleLine: true, maxLength: 10)
        }
    }

    /// Writes the editor back into the focused field.
    mutating func storeEditor() {
        if let editor { fields[focus].value = editor.text }
    }

    mutating func move(by delta: Int) {
        storeEditor()
        focus = (focus + delta + fields.count) % fields.count
        loadEditor()
    }

    mutating func cycle(by delta: Int) {
        guard case .choice(let values, _) = fields[focus].kind, !values.isEmpty else { return }
        let i = values.firstIndex(of: fields[focus].value) ?? 0
        fields[focus].value = values[(i + delta + values.count) % values.count]
    }

    /// The first field with a problem and what is wrong, or nil when the values can be saved.
    func validationError(_ lang: Language) -> (field: Int, message: String)? {
        for (i, field) in fields.enumerated() {
            if let message = problem(field, lang) { return (i, message) }
        }
        return nil
    }

    private func problem(_ field: Field, _ lang: Language) -> String? {
        let value = field.value.trimmingSpaces()
        switch field.kind {
        case .text(let required, _):
            if required, value.isEmpty { return lang.pick(en: "\(field.label.en) must not be empty", fr: "« \(field.label.fr) » ne doit pas être vide") }
        case .date(let required):
            if value.isEmpty {
                if required { return lang.pick(en: "\(field.label.en) must not be empty", fr: "« \(field.label.fr) » ne doit pas être vide") }
            } else if CalendarDate(iso: value) == nil {
                return lang.pick(
                    en: "\(field.label.en): \"\(TerminalSafety.visible(value))\" is not a real date (YYYY-MM-DD)",
                    fr: "« \(field.label.fr) » : « \(TerminalSafety.visible(value)) » n’est pas une date réelle (AAAA-MM-JJ)")
            }
        case .choice: break
        }
        return nil
    }

    func value(_ i: Int) -> String { fields[i].value.trimmingSpaces() }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
