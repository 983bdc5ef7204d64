import PlaybookCore

/// One line of the keymap: the keys, what they do, and the help text that describes them.
public struct Binding: Sendable {
    public var keys: [Key]
    /// How the keys are written in help and hints when not simply listed (`0–3`).
    public var keyLabel: String?
    public var help: LocalizedText
    /// Shown in the footer hints of this screen.
    public var footer: Bool
    /// A shorter text for the footer hint, when the help text is long.
    public var hint: LocalizedText?
    /// The words after the key in its dialog's question line (`s save and quit`); nil when the line does not offer it.
    public var ask: LocalizedText?
    public var action: @Sendable (Key) -> Action?

    public init(
        _ keys: [Key], _ keyLabel: String? = nil, en: String, fr: String, footer: Bool = false, hint: (en: String, fr: String)? = nil,
        ask: (en: String, fr: String)? = nil, action: @escaping @Sendable (Key) -> Action?
    ) {
        self.keys = keys
        self.keyLabel = keyLabel
        help = LocalizedText(fr: fr, en: en)
        self.footer = footer
        self.hint = hint.map { LocalizedText(fr: $0.fr, en: $0.en) }
        self.ask = ask.map { LocalizedText(fr: $0.fr, en: $0.en) }
        self.action = action
    }

    public init(
        _ keys: [Key], _ keyLabel: String? = nil, en: String, fr: String, footer: Bool = false, hint: (en: String, fr: String)? = nil,
        ask: (en: String, fr: String)? = nil, _ action: Action
    ) {
        self.init(keys, keyLabel, en: en, fr: fr, footer: footer, hint: hint, ask: ask, action: { _ in action })
    }

    /// The footer's word for this binding.
    public func hintText(_ lang: Language) -> String {
        hint?[lang] ?? help[lang]
    }

    /// The key shown in the footer: the first one, or the label.
    public func hintKey(_ lang: Language) -> String { keyLabel ?? keys.first?.label(lang) ?? "" }

    /// Help, save and quit are always shown in the footer, whatever the width.
    public var isEssential: Bool {
        guard let key = keys.first, let action = action(key) else { return false }
        return action == .showHelp || action == .quit || action == .save || action == .back
    }

    /// True when the binding changes or saves the document (hidden from the footer of a read-only session).
    public var changesDocument: Bool {
        guard let key = keys.first, let action = action(key) else { return false }
        return action.changesDocument
    }

    /// The key a dialog names: Esc when bound (every question is left with it), else as in the footer.
    public func askKey(_ lang: Language) -> String { keys.contains(.escape) ? Key.escape.label(lang) : hintKey(lang) }

    /// `0–3` or `j/↓`.
    public func label(_ lang: Language) -> String { keyLabel ?? keys.map { $0.label(lang) }.joined(separator: "/") }
}

/// The one table from keys to actions, per screen; it also writes the help screen and footer hints (STYLE.md §3).
public enum Keymap {
    /// The action for `key` on a screen of `kind`; text screens turn other printable keys into typing.
    public static func action(for key: Key, in kind: ModeKind) -> Action? {
        for binding in screenBindings(kind) where binding.keys.contains(key) {
            return binding.action(key)
        }
        for binding in everywhere where binding.keys.contains(key) {
            return binding.action(key)
        }
        if textEntry(kind), case .char(let c) = key { return .insert(String(c)) }
        switch key {
        case .click(let x, let y): return .click(x: x, y: y)
        case .wheelUp: return .wheel(-3)
        case .wheelDown: return .wheel(3)
        default: return nil
        }
    }

    /// The keys `key` stands for on a screen of `kind`: Esc typed just before a key arrives as
    /// Alt-key, so an Alt-key the screen does not bind was Esc then the key.
    public static func keys(for key: Key, in kind: ModeKind) -> [Key] {
        guard case .alt(let c) = key, action(for: key, in: kind) == nil else { return [key] }
        return [.escape, .char(c)]
    }

    static func textEntry(_ kind: ModeKind) -> Bool {
        kind == .note || kind == .prompt || kind == .form
    }

    static let digits: [Key] = [.char("0"), .char("1"), .char("2"), .char("3")]

    static func digit(_ key: Key) -> Int? {
        if case .char(let c) = key, let n = c.wholeNumberValue, (0...3).contains(n) { return n }
        return nil
    }

    /// Editing keys shared by the notes editor, prompts and form fields.
    static let editing: [Binding] = [
        Binding([.left], en: "move left", fr: "aller à gauche", .cursorLeft),
        Binding([.right], en: "move right", fr: "aller à droite", .cursorRight),
        Binding([.ctrlLeft, .alt("b")], en: "previous word", fr: "mot précédent", .wordLeft),
        Binding([.ctrlRight, .alt("f")], en: "next word", fr: "mot suivant", .wordRight),
        Binding([.home, .ctrl("a")], en: "start of line", fr: "début de ligne", .lineStart),
        Binding([.end, .ctrl("e")], en: "end of line", fr: "fin de ligne", .lineEnd),
        Binding([.backspace], en: "delete before the cursor", fr: "effacer avant le curseur", .backspace),
        Binding([.delete, .ctrl("d")], en: "delete under the cursor", fr: "effacer sous le curseur", .deleteForward),
        Binding([.ctrl("w")], en: "delete the previous word", fr: "effacer le mot précédent", .deleteWordBackward),
        Binding(
            [.ctrl("u")], en: "delete to the start of the line (clears a prompt)", fr: "effacer jusqu’au début de la ligne (vide une invite)",
            .deleteToLineStart),
    ]

    /// Scrolling a pane of text: the summary and help (`Scroll`).
    static let scrolling: [Binding] = [
        Binding([.down, .char("j")], en: "scroll down", fr: "défiler vers le bas", .listDown),
        Binding([.up, .char("k")], en: "scroll up", fr: "défiler vers le haut", .listUp),
        Binding([.pageDown, .char(" ")], en: "page down", fr: "page suivante", .pageDown),
        Binding([.pageUp], en: "page up", fr: "page précédente", .pageUp),
        Binding([.home, .char("g")], en: "to the top", fr: "au début", .first),
        Binding([.end, .char("G")], en: "to the end", fr: "à la fin", .last),
    ]

    /// The first keys bound to `actions` on a screen, for a hint drawn by a view (`J/K`); nil when one is unbound.
    static func keysLabel(_ actions: [Action], in kind: ModeKind, _ lang: Language) -> String? {
        var labels: [String] = []
        for wanted in actions {
            guard let binding = binding(for: wanted, in: screenBindings(kind)) else { return nil }
            labels.append(binding.hintKey(lang))
        }
        return labels.joined(separator: "/")
    }

    /// How the key for `action` on a screen is written in a sentence that names it (`d`, `0–3`, `Enter`).
    static func keyName(_ action: Action, in kind: ModeKind, _ lang: Language) -> String {
        binding(for: action, in: screenBindings(kind))?.hintKey(lang) ?? ""
    }

    static func binding(for action: Action, in bindings: [Binding]) -> Binding? {
        bindings.first { b in b.keys.first.flatMap(b.action) == action }
    }

    /// A dialog's answers as its question line names them, in keymap order: `s save and quit`, `Esc cancel`.
    static func askHints(_ kind: ModeKind, _ lang: Language) -> [String] {
        screenBindings(kind).compactMap { b in
            b.ask.map { words in words[lang].isEmpty ? b.askKey(lang) : b.askKey(lang) + " " + words[lang] }
        }
    }

    /// Bindings every screen has, listed last in its help.
    static let everywhere: [Binding] = [
        Binding([.ctrl("l")], en: "redraw the screen", fr: "redessiner l’écran", .redraw)
    ]

    /// The bindings of one screen, in the order help lists them.
    public static func bindings(_ kind: ModeKind) -> [Binding] {
        screenBindings(kind) + everywhere
    }

    static func screenBindings(_ kind: ModeKind) -> [Binding] {
        switch kind {
        case .checklist: return checklist
        case .note: return note
        case .prompt: return prompt
        case .form: return form
        case .target: return target
        case .confirmQuit: return confirmQuit
        case .conflict: return conflict
        case .fileExists: return fileExists
        case .recovery: return recovery
        case .evidence: return itemList(what: LocalizedText(fr: "preuve", en: "evidence"))
        case .actions: return itemList(what: LocalizedText(fr: "action", en: "action"))
        case .summary: return summary
        case .compare: return compare
        case .help: return help
        }
    }

    /// The checklist (Screens/Checklist/).
    static let checklist: [Binding] = [
        Binding(digits, "0–3", en: "score the rule", fr: "noter la règle", footer: true, hint: ("score", "niveau"), action: { digit($0).map(Action.setScore) }),
        Binding(
            [.char("n")], en: "not applicable (asks the reason)", fr: "non applicable (demande la raison)", footer: true, hint: ("N/A", "N/A"),
            .beginNotApplicable),
        Binding([.char("u")], en: "unknown", fr: "inconnu", footer: true, .markUnknown),
        Binding([.char("x")], en: "clear the state", fr: "effacer l’état", .clearState),
        Binding(
            [.char("t")], en: "set the target (then \(targetKeys(.en)))", fr: "fixer la cible (puis \(targetKeys(.fr)))", footer: true,
            hint: ("target", "cible"), .beginTarget),
        Binding([.down, .char("j")], en: "next rule", fr: "règle suivante", .moveDown),
        Binding([.up, .char("k")], en: "previous rule", fr: "règle précédente", .moveUp),
        Binding([.pageDown], en: "page down", fr: "page suivante", .pageDown),
        Binding([.pageUp], en: "page up", fr: "page précédente", .pageUp),
        Binding([.home, .char("g")], en: "first rule", fr: "première règle", .first),
        Binding([.end, .char("G")], en: "last rule", fr: "dernière règle", .last),
        Binding(
            [.tab, .char(".")], en: "next rule not yet assessed", fr: "règle suivante non évaluée", footer: true, hint: ("next", "suivante"), .nextUnassessed),
        Binding([.char("J")], en: "scroll the rule's text down", fr: "faire défiler le texte vers le bas", .detailDown),
        Binding([.char("K")], en: "scroll the rule's text up", fr: "faire défiler le texte vers le haut", .detailUp),
        Binding([.enter, .char("e")], en: "edit the note", fr: "écrire la note", footer: true, hint: ("note", "note"), .editNote),
        Binding([.char("v")], en: "evidence", fr: "preuves", footer: true, .openEvidence),
        Binding([.char("a")], en: "actions", fr: "actions", footer: true, .openActions),
        Binding([.char("p")], en: "programme details", fr: "détails du programme", footer: true, hint: ("details", "détails"), .openDetails),
        Binding([.char("r")], en: "summary", fr: "résumé", footer: true, .openSummary),
        Binding([.char("o")], en: "show the original French text", fr: "afficher le texte original", .toggleOriginal),
        Binding([.char("m")], en: "move to the next rule after scoring (on/off)", fr: "passer à la règle suivante après la note (oui/non)", .toggleAdvance),
        Binding(
            [.char("X")], en: "export a report (format from the file name: .html, .md, .txt, .csv, .json)",
            fr: "exporter un rapport (format selon le nom : .html, .md, .txt, .csv, .json)", .beginExport),
        Binding([.char("c")], en: "compare with another assessment file", fr: "comparer avec un autre fichier d’évaluation", .beginCompare),
        Binding(
            [.char("L")], en: "switch language (French/English)", fr: "changer de langue (français/anglais)", footer: true, hint: ("FR/EN", "FR/EN"),
            .toggleLanguage),
        Binding([.char("s"), .ctrl("s")], en: "save", fr: "enregistrer", footer: true, .save),
        Binding([.char("S")], en: "save as", fr: "enregistrer sous", .saveAs),
        Binding([.char("?"), .function(1)], en: "help", fr: "aide", footer: true, .showHelp),
        Binding([.char("q")], en: "quit", fr: "quitter", footer: true, .quit),
    ]

    /// The notes editor (Screens/NoteEditor/).
    static let note: [Binding] =
        [
            Binding([.escape, .ctrl("s")], en: "done (keeps the note)", fr: "terminé (garde la note)", footer: true, .back),
            Binding([.enter], en: "new line", fr: "nouvelle ligne", .newline),
            Binding([.up], en: "line up", fr: "ligne précédente", .cursorUp),
            Binding([.down], en: "line down", fr: "ligne suivante", .cursorDown),
            Binding([.ctrl("x")], en: "edit in $EDITOR", fr: "éditer avec $EDITOR", footer: true, .externalEditor),
            Binding(
                [.tab], en: "insert a tab (shown as spaces to the next multiple of 8 columns)",
                fr: "insérer une tabulation (affichée en espaces jusqu’au prochain multiple de 8 colonnes)", .insert("\t")),
            Binding([.function(1)], en: "help", fr: "aide", footer: true, .showHelp),
        ] + editing

    /// The one-line prompts (Screens/Dialog/).
    static let prompt: [Binding] =
        [
            Binding([.enter], en: "confirm", fr: "valider", footer: true, .submit),
            Binding([.escape], en: "cancel", fr: "annuler", footer: true, .back),
        ] + editing

    /// The forms (Screens/Form/).
    static let form: [Binding] =
        [
            Binding([.ctrl("s")], en: "save the form", fr: "enregistrer le formulaire", footer: true, .submit),
            Binding([.enter], en: "next field (saves on the last one)", fr: "champ suivant (enregistre sur le dernier)", footer: true, .nextField),
            Binding([.tab, .down], en: "next field", fr: "champ suivant", .nextField),
            Binding([.backTab, .up], en: "previous field", fr: "champ précédent", .previousField),
            Binding(
                [.char(" ")], "Space", en: "next choice (in a choice field)", fr: "choix suivant (dans un champ à choix)", action: { _ in .cycleChoice(1) }),
            Binding([.escape], en: "cancel", fr: "annuler", footer: true, .back),
            Binding([.function(1)], en: "help", fr: "aide", footer: true, .showHelp),
        ] + editing

    // The dialogs (Screens/Dialog/): each binding with `ask` words is offered in the question line.

    static let target: [Binding] = [
        Binding(digits, "0–3", en: "target level", fr: "niveau cible", footer: true, ask: ("", ""), action: { digit($0).map { Action.setTarget($0) } }),
        Binding([.char("x")], en: "remove the target", fr: "enlever la cible", footer: true, ask: ("to remove", "pour l’enlever"), .setTarget(nil)),
        Binding([.escape], en: "cancel", fr: "annuler", footer: true, ask: ("to cancel", "pour annuler"), .back),
    ]

    /// `0–3, or x to remove`, from the target question's bindings.
    static func targetKeys(_ lang: Language) -> String {
        let level = binding(for: .setTarget(0), in: target)?.hintKey(lang) ?? ""
        let remove = binding(for: .setTarget(nil), in: target)?.hintKey(lang) ?? ""
        return lang.pick(en: "\(level), or \(remove) to remove", fr: "\(level), ou \(remove) pour l’enlever")
    }

    static let confirmQuit: [Binding] = [
        Binding([.char("s")], en: "save and quit", fr: "enregistrer et quitter", footer: true, ask: ("save and quit", "enregistrer et quitter"), .saveAndQuit),
        Binding(
            [.char("d")], en: "discard the changes and quit", fr: "abandonner les modifications et quitter", footer: true, ask: ("discard", "abandonner"),
            .discardAndQuit),
        Binding([.char("c"), .escape], en: "cancel", fr: "annuler", footer: true, ask: ("cancel", "annuler"), .back),
    ]

    /// The file changed on disk since it was opened.
    static let conflict: [Binding] = [
        Binding([.char("a")], en: "save under another name", fr: "enregistrer sous un autre nom", footer: true, ask: ("save as", "enregistrer sous"), .saveAs),
        Binding(
            [.char("r")], en: "reload the file from disk (drops your changes)", fr: "recharger le fichier (abandonne vos modifications)", footer: true,
            ask: ("reload (drop your changes)", "recharger (perdre vos modifications)"), .reload),
        Binding([.char("o")], en: "overwrite the file", fr: "écraser le fichier", footer: true, ask: ("overwrite", "écraser"), .overwrite),
        Binding([.escape], en: "cancel", fr: "annuler", footer: true, ask: ("cancel", "annuler"), .back),
    ]

    /// The name given to save as is another file's.
    static let fileExists: [Binding] = [
        Binding([.char("o")], en: "overwrite the file", fr: "écraser le fichier", footer: true, ask: ("overwrite", "écraser"), .overwrite),
        Binding([.char("a")], en: "save under another name", fr: "enregistrer sous un autre nom", footer: true, ask: ("another name", "autre nom"), .saveAs),
        Binding([.escape], en: "cancel", fr: "annuler", footer: true, ask: ("cancel", "annuler"), .back),
    ]

    static let recovery: [Binding] = [
        Binding(
            [.char("r")], en: "recover the unsaved changes", fr: "récupérer les modifications non enregistrées", footer: true, ask: ("recover", "récupérer"),
            .recover),
        Binding(
            [.char("d")], en: "discard the recovery copy", fr: "supprimer la copie de récupération", footer: true,
            ask: ("discard the copy", "supprimer la copie"), .discardRecovery),
        Binding(
            [.escape], en: "decide later (keeps the copy)", fr: "décider plus tard (garde la copie)", footer: true, ask: ("decide later", "plus tard"), .back),
    ]

    /// The evidence and actions lists (Screens/Items/).
    static func itemList(what: LocalizedText) -> [Binding] {
        [
            Binding([.char("a"), .char("+")], en: "add \(what.en)", fr: "ajouter (\(what.fr))", footer: true, .addItem),
            Binding([.enter, .char("e")], en: "edit", fr: "modifier", footer: true, .editItem),
            Binding([.char("d"), .delete], en: "delete", fr: "supprimer", footer: true, .deleteItem),
            Binding([.down, .char("j")], en: "next", fr: "suivant", .listDown),
            Binding([.up, .char("k")], en: "previous", fr: "précédent", .listUp),
            Binding([.escape, .char("q")], en: "back to the checklist", fr: "retour à la liste", footer: true, .back),
            Binding([.char("?"), .function(1)], en: "help", fr: "aide", footer: true, .showHelp),
        ]
    }

    /// The summary (Screens/Summary/).
    static let summary: [Binding] =
        scrolling + [
            Binding([.escape, .char("q"), .char("r")], en: "back to the checklist", fr: "retour à la liste", footer: true, .back),
            Binding([.char("L")], en: "switch language", fr: "changer de langue", footer: true, .toggleLanguage),
            Binding([.char("?"), .function(1)], en: "help", fr: "aide", footer: true, .showHelp),
        ]

    /// The comparison (Screens/Compare/).
    static let compare: [Binding] = [
        Binding([.down, .char("j")], en: "next rule", fr: "règle suivante", .listDown),
        Binding([.up, .char("k")], en: "previous rule", fr: "règle précédente", .listUp),
        Binding([.pageDown], en: "page down", fr: "page suivante", .pageDown),
        Binding([.pageUp], en: "page up", fr: "page précédente", .pageUp),
        Binding([.char("J")], en: "scroll the notes down", fr: "faire défiler les notes vers le bas", .detailDown),
        Binding([.char("K")], en: "scroll the notes up", fr: "faire défiler les notes vers le haut", .detailUp),
        Binding(
            [.char("f")], en: "filter: all, changed, regressions (or gaps of 2+)", fr: "filtre : toutes, modifiées, reculs (ou écarts de 2+)", footer: true,
            hint: ("filter", "filtre"), .cycleFilter),
        Binding([.char("L")], en: "switch language", fr: "changer de langue", footer: true, hint: ("FR/EN", "FR/EN"), .toggleLanguage),
        Binding([.escape, .char("q")], en: "close the comparison", fr: "fermer la comparaison", footer: true, hint: ("close", "fermer"), .back),
        Binding([.char("?"), .function(1)], en: "help", fr: "aide", footer: true, .showHelp),
    ]

    /// The help screen (Screens/Help/).
    static let help: [Binding] =
        scrolling + [
            Binding([.escape, .char("q"), .char("?"), .function(1)], en: "close the help", fr: "fermer l’aide", footer: true, .back)
        ]
}
