import ArgumentParser
import PlaybookCore
import PlaybookTerminal
import PlaybookTUI

/// `playbook compare A B`: progress over time, or our view against the partner's.
extension CompareRender.Format: ExpressibleByArgument {}

struct CompareCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: tr("Compare two assessments: progress over time, or our view against the partner's.",
                     "Comparer deux évaluations : l’évolution dans le temps, ou notre vue contre celle du partenaire."),
        discussion: tr("""
            Over time (default), the older assessment is "before" whatever the order given. --sides (or the \
            same programme assessed by different sides within 31 days) compares our view with the partner's \
            and flags gaps of 2 levels or more.

            Exit status: 0 success; 2 bad input or usage; 3 with --fail-on-regression when a rule's score dropped.
            """, """
            Dans le temps (par défaut), l’évaluation la plus ancienne est « avant », quel que soit l’ordre \
            donné. --sides (ou le même programme évalué par des côtés différents à moins de 31 jours) compare \
            notre vue à celle du partenaire et signale les écarts de 2 niveaux ou plus.

            Code de sortie : 0 succès ; 2 entrée ou usage invalide ; 3 avec --fail-on-regression si une note a baissé.
            """)
    )


    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(tr("First assessment file.", "Premier fichier d’évaluation."), valueName: "a"))
    var a: String

    @Argument(help: ArgumentHelp(tr("Second assessment file.", "Second fichier d’évaluation."), valueName: "b"))
    var b: String

    @Option(name: .long, help: ArgumentHelp(tr("Output format: text, markdown, html or json (default: from -o's extension, else text).", "Format : text, markdown, html ou json (par défaut : selon l’extension de -o, sinon text)."), valueName: "format"))
    var format: CompareRender.Format?

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("Write to this file instead of standard output (never overwrites without --force).", "Écrire dans ce fichier au lieu de la sortie standard (n’écrase jamais sans --force)."), valueName: "file"))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(tr("Overwrite the -o file if it exists.", "Écraser le fichier -o s’il existe.")))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(tr("Compare the two sides of one alliance (ours against the partner's).", "Comparer les deux côtés d’une alliance (nous contre le partenaire).")))
    var sides = false

    @Flag(name: .long, help: ArgumentHelp(tr("Exit with status 3 when any rule's score dropped (over time).", "Sortir avec le code 3 si la note d’une règle a baissé (dans le temps).")))
    var failOnRegression = false

    @Flag(name: .long, help: ArgumentHelp(tr("Open the side-by-side view in the terminal instead of printing (j/k move, J/K scroll the notes, f filters).", "Ouvrir la vue côte à côte dans le terminal au lieu d’imprimer (j/k pour se déplacer, J/K pour faire défiler les notes, f pour filtrer).")))
    var interactive = false

    @Flag(name: .long, help: ArgumentHelp(tr("Compare assessments made with different catalogues, by rule id.", "Comparer des évaluations faites avec des catalogues différents, par identifiant de règle.")))
    var allowDifferentCatalogs = false

    @Option(name: .long, help: ArgumentHelp(tr("Catalogue file for A, when it differs from --catalog.", "Fichier de catalogue pour A, s’il diffère de --catalog."), valueName: "file"))
    var catalogA: String?

    @Option(name: .long, help: ArgumentHelp(tr("Catalogue file for B, when it differs from --catalog.", "Fichier de catalogue pour B, s’il diffère de --catalog."), valueName: "file"))
    var catalogB: String?

    /// The values read, as a plain request (the quick reader builds the same).
    var request: CompareRequest {
        CompareRequest(common: common.plain, a: a, b: b, format: format, output: output, force: force, sides: sides, failOnRegression: failOnRegression, interactive: interactive, allowDifferentCatalogs: allowDifferentCatalogs, catalogA: catalogA, catalogB: catalogB)
    }

    func run() throws {
        try request.run()
    }
}

/// `CompareCommand`'s values, whichever command-line reader produced them, and what it does.
struct CompareRequest: CommandRequest {
    var common: Common
    var a: String
    var b: String
    var format: CompareRender.Format?
    var output: String?
    var force: Bool
    var sides: Bool
    var failOnRegression: Bool
    var interactive: Bool
    var allowDifferentCatalogs: Bool
    var catalogA: String?
    var catalogB: String?

    func run() throws {
        let lang = common.language
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
            comparison = try Comparison.build(first, second, sides: sides, allowDifferentCatalogs: allowDifferentCatalogs)
        } catch {
            throw CLIError.badInput("playbook: " + error.message(lang))
        }
        if interactive {
            if let reason = Terminal.unusableReason(lang) { throw CLIError.badInput(reason) }
            var state = AppState(catalog: comparison.after.catalog, document: comparison.after.assessment, filePath: nil, language: lang,
                                 width: 80, height: 24, now: Now.timestamp(), today: Now.today(),
                                 readOnlyReason: lang.pick(en: "comparison view", fr: "vue de comparaison"))
            state.openComparison(CompareView(comparison: comparison, fromChecklist: false))
            let status = Session(state: state, diskBytes: nil, clock: Now.timestamp).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let chosen = try resolvedFormat(lang)
        let destination = output == "-" ? nil : output
        let bytes = CompareRender.render(comparison, format: chosen, lang: lang, width: destination == nil ? Output.width : 80)
        try OutputFile.write(bytes, to: destination, force: force, lang: lang, what: chosen.rawValue)
        if failOnRegression, comparison.kind == .overTime, comparison.hasRegression { throw ExitCode(3) }
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
            throw CLIError.badInput(lang.pick(
                en: "\(TerminalSafety.visible(output)): cannot tell the format from the extension; use --format text|markdown|html|json or an extension .txt, .md, .html, .json",
                fr: "\(TerminalSafety.visible(output)) : impossible de déduire le format de l’extension ; utiliser --format text|markdown|html|json ou une extension .txt, .md, .html, .json"))
        }
    }
}
