import ArgumentParser
import PlaybookCore
import PlaybookTUI
import PlaybookTerminal

/// `playbook compare A B`: progress over time, or our view against the partner's.
extension CompareRender.Format: ExpressibleByArgument {}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: tr(
            "Compare two assessments: progress over time, or our view against the partner's.",
            "Comparer deux évaluations : l’évolution dans le temps, ou notre vue contre celle du partenaire."),
        discussion: tr(
            """
            Over time (default), the older assessment is "before" whatever the order given. --sides (or the \
            same programme assessed by different sides within 31 days) compares our view with the partner's \
            and flags gaps of 2 levels or more.

            Exit status: 0 success; 2 bad input or usage; 3 with --fail-on-regression when a rule's score dropped \
            or a scored rule is no longer scored (N/A, unknown or cleared; --allow-rescoping accepts that). \
            --fail-on-regression compares over time: with two sides it is refused.
            """,
            """
            Dans le temps (par défaut), l’évaluation la plus ancienne est « avant », quel que soit l’ordre \
            donné. --sides (ou le même programme évalué par des côtés différents à moins de 31 jours) compare \
            notre vue à celle du partenaire et signale les écarts de 2 niveaux ou plus.

            Code de sortie : 0 succès ; 2 entrée ou usage invalide ; 3 avec --fail-on-regression si une note a baissé \
            ou si une règle notée ne l’est plus (N/A, inconnue ou effacée ; --allow-rescoping l’accepte). \
            --fail-on-regression compare dans le temps : entre deux côtés, il est refusé.
            """)
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(tr("First assessment file.", "Premier fichier d’évaluation."), valueName: "a"), completion: .file(extensions: ["json"]))
    var a: String

    @Argument(help: ArgumentHelp(tr("Second assessment file.", "Second fichier d’évaluation."), valueName: "b"), completion: .file(extensions: ["json"]))
    var b: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Output format: text, markdown, html or json (default: from -o's extension, else text).",
                "Format : text, markdown, html ou json (par défaut : selon l’extension de -o, sinon text)."), valueName: "format"))
    var format: CompareRender.Format?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            tr(
                "Write to this file instead of standard output (never overwrites without --force).",
                "Écrire dans ce fichier au lieu de la sortie standard (n’écrase jamais sans --force)."), valueName: tr("file", "fichier")),
        completion: .file(extensions: ["json"]))
    var output: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Overwrite the -o file if it exists (never an input or any assessment file).",
                "Écraser le fichier -o s’il existe (jamais une entrée ni aucun fichier d’évaluation).")))
    var force = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr("Compare the two sides of one alliance (ours against the partner's).", "Comparer les deux côtés d’une alliance (nous contre le partenaire).")))
    var sides = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Exit with status 3 when any rule's score dropped or a scored rule is no longer scored (over time).",
                "Sortir avec le code 3 si la note d’une règle a baissé ou si une règle notée ne l’est plus (dans le temps).")))
    var failOnRegression = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr("A rule that becomes N/A, unknown or not assessed is not a regression.", "Une règle devenue N/A, inconnue ou non évaluée n’est pas un recul.")))
    var allowRescoping = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Open the side-by-side view in the terminal instead of printing (j/k move, J/K scroll the notes, f filters).",
                "Ouvrir la vue côte à côte dans le terminal au lieu d’imprimer (j/k pour se déplacer, J/K pour faire défiler les notes, f pour filtrer).")))
    var interactive = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Compare assessments made with different catalogues, by rule id.",
                "Comparer des évaluations faites avec des catalogues différents, par identifiant de règle.")))
    var allowDifferentCatalogs = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Catalogue file for A, when it differs from --catalog.", "Fichier de catalogue pour A, s’il diffère de --catalog."),
            valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var catalogA: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Catalogue file for B, when it differs from --catalog.", "Fichier de catalogue pour B, s’il diffère de --catalog."),
            valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var catalogB: String?

    func run() throws {
        let lang = common.language
        if sides, failOnRegression { throw CLIError.badInput(Self.gateBetweenSides(lang)) }
        let base = try common.loadCatalog()
        func catalog(_ path: String?) throws -> Catalog {
            guard let path else { return base }
            do throws(FileError) { return try Documents.loadCatalog(path) } catch { throw CLIError.file(error, lang) }
        }
        func side(_ path: String, _ catalogPath: String?) throws -> Comparison.Side {
            let cat = try catalog(catalogPath)
            // A changed catalogue is said once, by the comparison itself.
            let loaded = try common.loadAssessment(path, catalog: cat, skip: { $0 == .catalogContentDiffers })
            return Comparison.Side(assessment: loaded.assessment, catalog: cat, path: path)
        }
        let first = try side(a, catalogA), second = try side(b, catalogB)
        let comparison: Comparison
        do throws(Comparison.BuildError) {
            comparison = try Comparison.build(
                first, second, sides: sides, allowDifferentCatalogs: allowDifferentCatalogs,
                allowRescoping: allowRescoping)
        } catch {
            throw CLIError.badInput("playbook: " + error.message(lang))
        }
        // Two sides found by themselves (same programme, different sides): the gate means nothing either.
        if failOnRegression, comparison.kind == .sides { throw CLIError.badInput(Self.gateBetweenSides(lang)) }
        if sides, first.assessment.side == second.assessment.side {
            let side = first.assessment.side.label(lang)
            Output.err(
                lang.pick(
                    en: "playbook: warning: --sides, but both files are from the same side (\(side)): the gaps are between two views of one side",
                    fr: "playbook : attention : --sides, mais les deux fichiers sont du même côté (\(side)) : les écarts sont entre deux vues d’un même côté"))
        }
        if interactive {
            if let reason = Terminal.unusableReason(lang) { throw CLIError.badInput(reason) }
            var state = AppState(
                catalog: comparison.after.catalog, document: comparison.after.assessment, filePath: nil, language: lang,
                width: 80, height: 24, now: Now.timestamp(), today: Now.today(),
                readOnlyReason: lang.pick(en: "comparison view", fr: "vue de comparaison"))
            state.openComparison(CompareState(comparison: comparison, fromChecklist: false))
            let status = Session(state: state, diskBytes: nil, clock: Now.timestamp, calendar: Now.today).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let chosen = try resolvedFormat(lang)
        let destination = output == "-" ? nil : output
        let bytes = CompareRender.render(comparison, format: chosen, lang: lang, width: destination == nil ? Output.width : 80)
        try OutputFile.write(
            bytes, to: destination, force: force, lang: lang, what: chosen.rawValue,
            inputs: [a, b] + [common.catalog, catalogA, catalogB].compactMap { $0 })
        if failOnRegression, comparison.hasRegression { throw ExitCode(3) }
    }

    private static func gateBetweenSides(_ lang: Language) -> String {
        lang.pick(
            en: "playbook: --fail-on-regression compares over time, not two sides: remove it, or compare two dates of one side",
            fr: "playbook : --fail-on-regression compare dans le temps, pas deux côtés : le retirer, ou comparer deux dates d’un même côté")
    }

    /// --format, else OUT's extension (the report's), else text.
    private func resolvedFormat(_ lang: Language) throws -> CompareRender.Format {
        if let format { return format }
        guard let output, output != "-" else { return .text }
        switch ReportFormat(path: output) {
        case .text?: return .text
        case .markdown?: return .markdown
        case .html?: return .html
        case .json?: return .json
        default:
            throw CLIError.badInput(
                lang.pick(
                    en:
                        "\(TerminalSafety.visible(output)): cannot tell the format from the extension; use --format text|markdown|html|json or an extension .txt, .md, .html, .json",
                    fr:
                        "\(TerminalSafety.visible(output)) : impossible de déduire le format de l’extension ; utiliser --format text|markdown|html|json ou une extension .txt, .md, .html, .json"
                ))
        }
    }
}
