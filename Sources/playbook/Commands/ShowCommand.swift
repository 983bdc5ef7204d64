import ArgumentParser
import PlaybookCore

/// `playbook show FILE`: the summary in the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: tr(
            "Show an assessment's summary: overall score, coverage, themes, priorities, open actions.",
            "Afficher le résumé d’une évaluation : score global, couverture, thèmes, priorités, actions ouvertes.")
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("The assessment file.", "Le fichier d’évaluation."), valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var file: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Date used to flag overdue actions, YYYY-MM-DD (default: today).",
                "Date servant à repérer les actions en retard, AAAA-MM-JJ (par défaut : aujourd’hui)."), valueName: "date"))
    var asOf: String?

    func run() throws {
        let lang = common.language
        let catalog = try common.loadCatalog()
        let loaded = try common.loadAssessment(file, catalog: catalog)
        let today = try asOf.map { try parseDate($0, option: "--as-of", lang: lang) } ?? Now.today()
        let summary = Scoring.summarize(loaded.assessment, catalog: catalog)
        Output.out(
            SummaryText.render(
                loaded.assessment, catalog: catalog, summary: summary,
                options: SummaryText.Options(lang: lang, width: Output.width, today: today)))
    }
}
