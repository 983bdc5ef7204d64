import ArgumentParser
import PlaybookCore

/// `playbook catalog …`: work on catalogue files.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: tr("Work with rule catalogues.", "Travailler sur les catalogues de règles."),
        subcommands: [Validate.self, Compile.self]
    )

    /// `playbook catalog validate [FILE]`
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: tr(
                "Check a catalogue's structure and meaning (default: the built-in catalogue).",
                "Vérifier la structure et le sens d’un catalogue (par défaut : le catalogue intégré)."),
            discussion: tr(
                "Checks unique ids and numbers, both languages for every text, every level described, every theme defined and used. Exit status 2 when the catalogue is invalid.",
                "Vérifie l’unicité des identifiants et numéros, les deux langues pour chaque texte, la description de chaque niveau, la définition et l’usage de chaque thème. Code de sortie 2 si le catalogue est invalide."
            )
        )

        @OptionGroup var common: CommonOptions

        @Argument(
            help: ArgumentHelp(tr("The catalogue file.", "Le fichier de catalogue."), valueName: tr("file", "fichier")), completion: .file(extensions: ["json"])
        )
        var file: String?

        func run() throws {
            var options = common
            if let file { options.catalog = file }
            let lang = options.language
            let catalog: Catalog
            if options.catalog == nil {
                // The built-in catalogue is compiled in; checking it means decoding the JSON it
                // was generated from, as for any file.
                do throws(FileError) {
                    catalog = try Documents.decodeCatalog(DefaultCatalog.bytes, path: DefaultCatalog.displayPath)
                } catch {
                    throw CLIError.file(error, lang)
                }
            } else {
                catalog = try options.loadCatalog()
            }
            let name = TerminalSafety.visible(options.catalog ?? DefaultCatalog.displayPath)
            let rules = lang.count(catalog.rules.count, en: "rule", "rules", fr: "règle", "règles")
            let themes = lang.count(catalog.themes.count, en: "theme", "themes", fr: "thème", "thèmes")
            Output.out(
                lang.pick(
                    en: "ok: \(name): \(TerminalSafety.visible(catalog.id)) version \(TerminalSafety.visible(catalog.version)), \(rules) in \(themes)",
                    fr: "ok : \(name) : \(TerminalSafety.visible(catalog.id)) version \(TerminalSafety.visible(catalog.version)), \(rules) en \(themes)"))
        }
    }
}
