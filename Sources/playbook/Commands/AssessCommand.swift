import ArgumentParser
import PlaybookCore
import PlaybookTUI
import PlaybookTerminal

/// `playbook assess [FILE]` (and `playbook` alone): the interactive checklist.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: tr(
            "Open the interactive checklist on FILE (created on first save), or on a new assessment.",
            "Ouvrir la liste de contrôle interactive sur FICHIER (créé au premier enregistrement), ou sur une nouvelle évaluation."),
        discussion: tr(
            """
            Keys: 0–3 score, n not applicable, u unknown, t target, Enter note, v evidence, a actions, \
            p programme details, r summary, J/K scroll the rule's text, L language, s save, q quit, ? help, \
            Ctrl-L redraw, Ctrl-U clear a prompt. Needs a terminal \
            (exit status 2 otherwise). A recovery copy is kept while you work, under \
            $XDG_STATE_HOME/playbook (default ~/.local/state/playbook), and offered if the session ends \
            without saving.
            """,
            """
            Touches : 0–3 note, n non applicable, u inconnu, t cible, Entrée commentaire, v preuves, \
            a actions, p détails du programme, r résumé, J/K faire défiler le texte de la règle, L langue, \
            s enregistrer, q quitter, ? aide, Ctrl-L redessiner, Ctrl-U vider une invite. \
            Exige un terminal (code de sortie 2 sinon). Une copie de récupération est tenue pendant le \
            travail, sous $XDG_STATE_HOME/playbook (par défaut ~/.local/state/playbook), et proposée si \
            la session se termine sans enregistrement.
            """)
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("The assessment file to open or create.", "Le fichier d’évaluation à ouvrir ou créer."), valueName: tr("file", "fichier")),
        completion: .file(extensions: ["json"]))
    var file: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Date used to flag overdue actions, YYYY-MM-DD (default: today).",
                "Date servant à repérer les actions en retard, AAAA-MM-JJ (par défaut : aujourd’hui)."), valueName: "date"))
    var asOf: String?

    func run() throws {
        let lang = common.language
        let today = try asOf.map { try parseDate($0, option: "--as-of", lang: lang) } ?? Now.today()
        let catalog = try common.loadCatalog()
        var document: Assessment
        var diskBytes: [UInt8]?
        var readOnly: String?
        if let file, SafeFile.exists(file) {
            do throws(FileError) {
                let loaded = try Documents.loadAssessment(file, catalog: catalog)
                document = loaded.assessment
                diskBytes = loaded.bytes
                if loaded.isReadOnly { readOnly = Assessment.Warning.newerFormat(document.formatVersion).message(lang) }
            } catch {
                throw CLIError.file(error, lang)
            }
        } else {
            document = Assessment(
                catalog: catalog, program: Program(), assessor: "", side: .ours,
                now: Now.timestamp(), assessedOn: Now.today(), language: lang)
        }
        if let reason = Terminal.unusableReason(lang) { throw CLIError.badInput(reason) }
        var state = AppState(
            catalog: catalog, document: document, filePath: file, language: lang,
            width: 80, height: 24, now: Now.timestamp(), today: today)
        if let readOnly { state.setReadOnly(readOnly) }
        state.todayIsFixed = asOf != nil
        let status = Session(state: state, diskBytes: diskBytes, clock: Now.timestamp, calendar: Now.today).run()
        if status != 0 { throw ExitCode(status) }
    }
}
