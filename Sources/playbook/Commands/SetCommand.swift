import ArgumentParser
import PlaybookCore

/// `playbook set FILE RULE …`: scripted edits of one rule.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: tr(
            "Set one rule's state, target, note, evidence or actions (for scripts).",
            "Renseigner l’état, la cible, la note, les preuves ou les actions d’une règle (pour les scripts)."),
        discussion: tr(
            "RULE is a rule id (strategic-level) or number (1). The file is saved atomically and its previous version kept as FILE~.",
            "RÈGLE est l’identifiant (strategic-level) ou le numéro (1) d’une règle. Le fichier est enregistré de façon atomique et sa version précédente gardée dans FICHIER~."
        )
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("The assessment file.", "Le fichier d’évaluation."), valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var file: String

    @Argument(help: ArgumentHelp(tr("Rule id or number.", "Identifiant ou numéro de la règle."), valueName: tr("rule", "règle")))
    var rule: String

    @Option(name: .long, help: ArgumentHelp(tr("Score the rule 0–3.", "Noter la règle de 0 à 3."), valueName: "n"))
    var score: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Mark the rule not applicable, with the reason.", "Marquer la règle non applicable, avec la raison."), valueName: tr("reason", "raison")))
    var na: String?

    @Flag(name: .long, help: ArgumentHelp(tr("Mark the rule unknown (cannot say yet).", "Marquer la règle inconnue (impossible de dire pour l’instant).")))
    var unknown = false

    @Flag(name: .long, help: ArgumentHelp(tr("Clear the rule's state (not assessed).", "Effacer l’état de la règle (non évaluée).")))
    var clear = false

    @Option(
        name: .long, help: ArgumentHelp(tr("Target level 0–3, or \"none\" to remove it.", "Niveau cible de 0 à 3, ou « none » pour l’enlever."), valueName: "n")
    )
    var target: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Replace the rule's note (an empty string removes it).", "Remplacer la note de la règle (une chaîne vide l’efface)."),
            valueName: tr("text", "texte")))
    var note: String?

    @Option(name: .long, help: ArgumentHelp(tr("Add a piece of evidence with this text.", "Ajouter une preuve avec ce texte."), valueName: tr("text", "texte")))
    var addEvidence: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Strength of the added evidence: asserted, documented or verified.", "Force de la preuve ajoutée : asserted, documented ou verified."),
            valueName: tr("strength", "force")))
    var strength: Evidence.Strength = .asserted

    @Option(name: .long, help: ArgumentHelp(tr("Date of the added evidence, YYYY-MM-DD.", "Date de la preuve ajoutée, AAAA-MM-JJ."), valueName: "date"))
    var evidenceDate: String?

    @Option(
        name: .long, help: ArgumentHelp(tr("Add an open action with this title.", "Ajouter une action ouverte avec ce titre."), valueName: tr("title", "titre"))
    )
    var addAction: String?

    @Option(name: .long, help: ArgumentHelp(tr("Owner of the added action.", "Responsable de l’action ajoutée."), valueName: tr("name", "nom")))
    var owner: String = ""

    @Option(name: .long, help: ArgumentHelp(tr("Due date of the added action, YYYY-MM-DD.", "Échéance de l’action ajoutée, AAAA-MM-JJ."), valueName: "date"))
    var due: String?

    /// Refuses lines that set nothing, or two states at once (with the usage, as swift-argument-parser does).
    func validate() throws {
        let states = [score != nil, na != nil, unknown, clear].filter { $0 }.count
        if states > 1 {
            throw ValidationError(
                tr("give at most one of --score, --na, --unknown and --clear", "donnez au plus une des options --score, --na, --unknown et --clear"))
        }
        if states == 0, target == nil, note == nil, addEvidence == nil, addAction == nil {
            throw ValidationError(
                tr(
                    "nothing to set: give --score, --na, --unknown, --clear, --target, --note, --add-evidence or --add-action",
                    "rien à faire : donnez --score, --na, --unknown, --clear, --target, --note, --add-evidence ou --add-action"))
        }
    }

    func run() throws {
        let lang = common.language
        let catalog = try common.loadCatalog()
        guard let rule = catalog.rule(matching: rule) else {
            let typed = JSONWriter.quoted(TerminalSafety.visible(self.rule))
            let near = Suggestion.nearest(self.rule, among: catalog.rules.map(\.id)).compactMap { catalog.rule(matching: $0) }
            let meant = near.map { "`\($0.id)` (\($0.number))" }.joined(separator: lang.pick(en: " or ", fr: " ou "))
            throw CLIError.badInput(
                near.isEmpty
                    ? lang.pick(en: "unknown rule \(typed); `playbook rules` lists them", fr: "règle inconnue \(typed) ; `playbook rules` les liste")
                    : lang.pick(
                        en: "unknown rule \(typed); did you mean \(meant)? `playbook rules` lists them",
                        fr: "règle inconnue \(typed) ; vouliez-vous dire \(meant) ? `playbook rules` les liste"))
        }
        try whileHoldingLock(of: file, lang: lang) { try edit(rule, catalog: catalog, lang: lang) }
    }

    private func edit(_ rule: Catalog.Rule, catalog: Catalog, lang: Language) throws {
        SafeFile.sweepStaleTemps(besides: file)
        var loaded: Documents.LoadedAssessment
        do throws(FileError) {
            loaded = try Documents.loadAssessment(file, catalog: catalog)
        } catch {
            throw CLIError.file(error, lang, unchanged: true)
        }
        if loaded.isReadOnly {
            throw CLIError.badInput(FileError(path: file, kind: .newerFormat(loaded.assessment.formatVersion)).message(lang, unchanged: true))
        }
        var answer = loaded.assessment.answer(rule.id)
        try apply(to: &answer, lang: lang, actionID: loaded.assessment.nextActionID())
        var assessment = loaded.assessment
        assessment.answers[rule.id] = answer
        assessment.touch(now: Now.timestamp(), catalog: catalog)
        do throws(FileError) {
            try SafeFile.save(assessment.encoded(catalog: catalog), to: file, mode: .replace(backup: true))
        } catch {
            throw CLIError.file(error, lang, unchanged: true)
        }
    }

    private func apply(to answer: inout Answer, lang: Language, actionID: String) throws {
        if let score { answer.state = .scored(try parseLevel(score, option: "--score", lang: lang)) }
        if let na {
            guard !na.allSatisfy(\.isWhitespace) else {
                throw CLIError.badInput(lang.pick(en: "--na: the reason must not be empty", fr: "--na : la raison ne doit pas être vide"))
            }
            answer.state = .notApplicable(reason: na)
        }
        if unknown { answer.state = .unknown }
        if clear { answer.state = nil }
        if let target { answer.target = target == "none" ? nil : try parseLevel(target, option: "--target", lang: lang) }
        if let note {
            guard note.count <= Assessment.maxNoteLength else {
                throw CLIError.badInput(
                    lang.pick(en: "--note: longer than \(Assessment.maxNoteLength) characters", fr: "--note : plus de \(Assessment.maxNoteLength) caractères"))
            }
            answer.note = note
        }
        if let text = addEvidence {
            guard !text.isEmpty else {
                throw CLIError.badInput(lang.pick(en: "--add-evidence: the text must not be empty", fr: "--add-evidence : le texte ne doit pas être vide"))
            }
            let date = try evidenceDate.map { try parseDate($0, option: "--evidence-date", lang: lang) }
            answer.evidence.append(Evidence(text: text, strength: strength, date: date))
        }
        if let title = addAction {
            guard !title.isEmpty else {
                throw CLIError.badInput(lang.pick(en: "--add-action: the title must not be empty", fr: "--add-action : le titre ne doit pas être vide"))
            }
            let dueDate = try due.map { try parseDate($0, option: "--due", lang: lang) }
            answer.actions.append(ActionItem(id: actionID, title: title, owner: owner, due: dueDate, status: .open))
        }
    }
}
