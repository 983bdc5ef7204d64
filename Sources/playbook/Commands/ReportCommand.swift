import ArgumentParser
import PlaybookCore

extension ReportFormat: ExpressibleByArgument {}

/// `playbook report FILE`: the assessment as a document to hand out, in the format that fits.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: tr(
            "Write an assessment's report: Markdown, HTML with charts, text, CSV or JSON.",
            "Écrire le rapport d’une évaluation : Markdown, HTML avec graphiques, texte, CSV ou JSON."),
        discussion: tr(
            """
            Without -o the report goes to standard output (text by default). With -o the format \
            follows the file's extension (.md, .html, .txt, .csv, .json) unless --format is given, \
            and an existing file is never replaced without --force. The same file and options always \
            give the same bytes: overdue actions are judged as of --as-of, by default the assessment's date.
            """,
            """
            Sans -o, le rapport va sur la sortie standard (texte par défaut). Avec -o, le format suit \
            l’extension du fichier (.md, .html, .txt, .csv, .json) sauf si --format est donné, et un \
            fichier existant n’est jamais remplacé sans --force. Le même fichier avec les mêmes options \
            donne toujours les mêmes octets : les retards sont jugés à la date --as-of, par défaut celle de l’évaluation.
            """)
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("The assessment file.", "Le fichier d’évaluation."), valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var file: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "markdown, html, text, csv or json (default: from OUT's extension, else text).",
                "markdown, html, text, csv ou json (par défaut : selon l’extension de SORTIE, sinon text)."), valueName: "format"))
    var format: ReportFormat?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp(
            tr(
                "Write the report to this file instead of standard output (- means standard output).",
                "Écrire le rapport dans ce fichier au lieu de la sortie standard (- désigne la sortie standard)."), valueName: tr("out", "sortie")),
        completion: .file())
    var out: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Replace OUT if it exists (never the assessment itself, an input, or any assessment file).",
                "Remplacer SORTIE s’il existe (jamais l’évaluation elle-même, une entrée, ni aucun fichier d’évaluation).")))
    var force = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Date used to flag overdue actions, YYYY-MM-DD (default: the assessment's date).",
                "Date servant à repérer les actions en retard, AAAA-MM-JJ (par défaut : la date de l’évaluation)."), valueName: "date"))
    var asOf: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr("CSV only: one row per action instead of one row per rule.", "CSV seulement : une ligne par action au lieu d’une ligne par règle.")))
    var actions = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "CSV only: start with a byte order mark, so spreadsheet programs read accents right.",
                "CSV seulement : commencer par une marque d’ordre d’octets, pour que les tableurs lisent bien les accents.")))
    var bom = false

    /// The output file; nil for standard output.
    private var output: String? { out == "-" ? nil : out }

    func run() throws {
        let lang = common.language
        let format = try resolvedFormat(lang)
        if format != .csv, actions || bom {
            throw CLIError.badInput(
                lang.pick(en: "--actions and --bom apply to the CSV format only", fr: "--actions et --bom ne s’appliquent qu’au format CSV"))
        }
        let asOfDate = try asOf.map { try parseDate($0, option: "--as-of", lang: lang) }
        let catalog = try common.loadCatalog()
        let loaded = try common.loadAssessment(file, catalog: catalog)
        // Colour only for a terminal that can show it, and never when NO_COLOR is set (to anything, even empty).
        let color = output == nil && Output.isTerminal(1) && Environment.value("NO_COLOR") == nil && Environment.value("TERM") != "dumb"
        let options = ReportOptions(
            format: format, lang: lang, asOf: asOfDate, width: output == nil ? Output.width : 80,
            color: color, actionsCSV: actions, bom: bom)
        let bytes = Report.render(loaded.assessment, catalog: catalog, options: options)
        try OutputFile.write(bytes, to: output, force: force, lang: lang, what: format.rawValue, inputs: [file] + [common.catalog].compactMap { $0 })
    }

    /// --format, else OUT's extension, else text on standard output.
    private func resolvedFormat(_ lang: Language) throws -> ReportFormat {
        if let format { return format }
        guard let output else { return .text }
        guard let inferred = ReportFormat(path: output) else {
            throw CLIError.badInput(
                lang.pick(
                    en:
                        "\(TerminalSafety.visible(output)): cannot tell the format from the extension; use --format markdown|html|text|csv|json or an extension .md, .html, .txt, .csv, .json",
                    fr:
                        "\(TerminalSafety.visible(output)) : impossible de déduire le format de l’extension ; utiliser --format markdown|html|text|csv|json ou une extension .md, .html, .txt, .csv, .json"
                ))
        }
        return inferred
    }
}
