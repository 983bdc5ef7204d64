import ArgumentParser
import PlaybookCore

/// `playbook new FILE`: a new, empty assessment; never overwrites.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: tr(
            "Create a new, empty assessment file (never overwrites an existing file).",
            "Créer un fichier d’évaluation vide (n’écrase jamais un fichier existant).")
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("The assessment file to create (JSON).", "Le fichier d’évaluation à créer (JSON)."), valueName: tr("file", "fichier")),
        completion: .file(extensions: ["json"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp(tr("Name of the programme assessed.", "Nom du programme évalué."), valueName: tr("name", "nom")))
    var program: String = ""

    @Option(name: .long, help: ArgumentHelp(tr("The partner organisation.", "L’organisation partenaire."), valueName: tr("name", "nom")))
    var partner: String = ""

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Kind of partnership: resale, marketingAlliance, commercialAlignment or other.",
                "Type de partenariat : resale, marketingAlliance, commercialAlignment ou other."), valueName: "segment"))
    var segment: Segment?

    @Option(name: .long, help: ArgumentHelp(tr("Who assesses.", "Qui évalue."), valueName: tr("name", "nom")))
    var assessor: String = ""

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Whose view: ours, partner or joint.", "Point de vue : ours (nous), partner (partenaire) ou joint (conjoint)."), valueName: tr("side", "côté")))
    var side: Side = .ours

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Assessment date, YYYY-MM-DD (default: today).", "Date de l’évaluation, AAAA-MM-JJ (par défaut : aujourd’hui)."), valueName: "date"))
    var date: String?

    func run() throws {
        let lang = common.language
        let catalog = try common.loadCatalog()
        for (option, value) in [("--program", program), ("--partner", partner), ("--assessor", assessor)] where value.count > Assessment.maxNameLength {
            throw CLIError.badInput(
                lang.pick(en: "\(option): longer than \(Assessment.maxNameLength) characters", fr: "\(option) : plus de \(Assessment.maxNameLength) caractères")
            )
        }
        let day = try date.map { try parseDate($0, option: "--date", lang: lang) } ?? Now.today()
        let assessment = Assessment(
            catalog: catalog, program: Program(name: program, partner: partner, segment: segment),
            assessor: assessor, side: side, now: Now.timestamp(), assessedOn: day, language: lang)
        try whileHoldingLock(of: file, lang: lang) {
            do throws(FileError) {
                try SafeFile.save(assessment.encoded(catalog: catalog), to: file, mode: .createNew)
            } catch {
                throw CLIError.file(error, lang)
            }
        }
        let rules = lang.count(catalog.rules.count, en: "rule", "rules", fr: "règle", "règles")
        Output.out(
            lang.pick(
                en: "Created \(TerminalSafety.visible(file)): \(rules) to assess.",
                fr: "Créé \(TerminalSafety.visible(file)) : \(rules) à évaluer."))
    }
}
