import PlaybookCore

/// Questions drawn over the checklist (quit, conflict, recovery, target) and the one-line prompt.
enum DialogView {
    static func draw(_ s: AppState, into screen: inout Screen) {
        let lang = s.language
        switch s.mode {
        case .prompt(let prompt):
            let layout = Layout(width: s.width, height: s.height)
            let label = promptLabel(s, prompt)
            screen.fill(x: 0, y: layout.messageRow, count: s.width, role: .input)
            let x = screen.put(label, x: 0, y: layout.messageRow, role: .key)
            let (visible, _) = promptWindow(prompt.editor, width: max(1, s.width - x - 1))
            screen.put(visible, x: x, y: layout.messageRow, role: .input, maxWidth: s.width - x - 1)
            if let error = prompt.error {
                screen.fill(x: 0, y: layout.messageRow - 1, count: s.width, role: .normal)
                screen.put(error, x: 1, y: layout.messageRow - 1, role: .error, maxWidth: s.width - 2)
            }
        case .confirmQuit:
            box(
                s, title: lang.pick(en: "Unsaved changes", fr: "Modifications non enregistrées"),
                lines: [lang.pick(en: "Save before quitting?", fr: "Enregistrer avant de quitter ?"), answers(.confirmQuit, lang)],
                into: &screen)
        case .conflict(let exists):
            let file = s.pendingSavePath.map { Path.base($0) } ?? ""
            let lines =
                exists
                ? [lang.pick(en: "\(file) already exists.", fr: "\(file) existe déjà."), answers(.fileExists, lang)]
                : [
                    lang.pick(en: "\(file) changed on disk since it was opened.", fr: "\(file) a changé sur le disque depuis son ouverture."),
                    answers(.conflict, lang),
                ]
            box(
                s, title: exists ? lang.pick(en: "File exists", fr: "Le fichier existe") : lang.pick(en: "File changed", fr: "Fichier modifié"),
                lines: lines, into: &screen)
        case .recovery(let offer):
            var lines = [
                lang.pick(
                    en: "Unsaved changes from an earlier session were found", fr: "Des modifications non enregistrées d’une session précédente ont été trouvées"
                )
            ]
            if let t = offer.savedAt { lines.append(lang.pick(en: "(recovery copy of \(t.description)).", fr: "(copie de récupération du \(t.description)).")) }
            if offer.diskIsNewer {
                lines.append(lang.pick(en: "The file on disk is NEWER than this copy.", fr: "Le fichier sur le disque est PLUS RÉCENT que cette copie."))
            } else {
                lines.append(lang.pick(en: "The file on disk is older than this copy.", fr: "Le fichier sur le disque est plus ancien que cette copie."))
            }
            lines.append(answers(.recovery, lang))
            box(s, title: lang.pick(en: "Recovery", fr: "Récupération"), lines: lines, into: &screen)
        case .target:
            box(
                s, title: lang.pick(en: "Target", fr: "Cible"),
                lines: [
                    lang.pick(en: "Target level for rule \(s.rule.number): ", fr: "Niveau cible de la règle \(s.rule.number) : ")
                        + Keymap.askHints(.target, lang).joined(separator: ", ")
                ],
                into: &screen)
        default:
            break
        }
    }

    /// A question's answers, from its keymap: `s save and quit · d discard · Esc cancel`.
    static func answers(_ kind: ModeKind, _ lang: Language) -> String {
        Keymap.askHints(kind, lang).joined(separator: " · ")
    }

    static func promptLabel(_ s: AppState, _ prompt: PromptState) -> String {
        switch prompt.purpose {
        case .notApplicableReason: s.language.pick(en: " Not applicable because: ", fr: " Non applicable car : ")
        case .saveAs: s.language.pick(en: " Save as: ", fr: " Enregistrer sous : ")
        case .export: s.language.pick(en: " Export report to: ", fr: " Exporter le rapport vers : ")
        case .compareWith: s.language.pick(en: " Compare with file: ", fr: " Comparer avec le fichier : ")
        }
    }

    /// The part of a single-line editor's text that fits `width` columns around the cursor, and the cursor's column in it.
    static func promptWindow(_ editor: TextEditor, width: Int) -> (String, Int) {
        let chars = editor.characters
        var start = 0
        var column = 0
        for k in 0..<editor.cursor { column += max(1, DisplayWidth.of(chars[k])) }
        while column > width - 1, start < editor.cursor {
            column -= max(1, DisplayWidth.of(chars[start]))
            start += 1
        }
        var visible = ""
        var used = 0
        var k = start
        while k < chars.count {
            let w = max(1, DisplayWidth.of(chars[k]))
            if used + w > width { break }
            visible.append(chars[k])
            used += w
            k += 1
        }
        return (visible, column)
    }

    /// A framed box in the middle of the screen.
    static func box(_ s: AppState, title: String, lines: [String], into screen: inout Screen) {
        let inner = min(s.width - 4, max(DisplayWidth.of(title) + 4, lines.map(DisplayWidth.of).max() ?? 0))
        guard inner > 0 else { return }
        var wrapped: [String] = []
        for line in lines { wrapped.append(contentsOf: TextWrap.lines(line, width: inner)) }
        let height = wrapped.count + 2
        let x = max(0, (s.width - inner - 4) / 2)
        let y = max(2, (s.height - height) / 2)
        screen.put("┌─ " + title + " " + String(repeating: "─", count: max(0, inner - DisplayWidth.of(title) - 1)) + "┐", x: x, y: y, role: .border)
        screen.put(" " + title + " ", x: x + 2, y: y, role: .title)
        for (i, line) in wrapped.enumerated() {
            screen.fill(x: x, y: y + 1 + i, count: inner + 4, role: .normal)
            screen.put("│", x: x, y: y + 1 + i, role: .border)
            screen.put(line, x: x + 2, y: y + 1 + i, role: .normal, maxWidth: inner)
            screen.put("│", x: x + inner + 3, y: y + 1 + i, role: .border)
        }
        screen.put("└" + String(repeating: "─", count: inner + 2) + "┘", x: x, y: y + height - 1, role: .border)
    }
}
