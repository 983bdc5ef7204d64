import ArgumentParser
import PlaybookCore

extension CatalogCommand {
    /// `playbook catalog compile [FILE] [--json]`: the Swift source that embeds a catalogue, for
    /// `scripts/embed-catalog`. Hidden: it serves the build, not the user.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile",
            abstract: tr(
                "Print the Swift source of a catalogue compiled into the program.",
                "Afficher le source Swift d’un catalogue compilé dans le programme."),
            shouldDisplay: false
        )

        @OptionGroup var common: CommonOptions

        @Flag(
            name: .long,
            help: ArgumentHelp(
                tr(
                    "Print the file's exact bytes as Swift (DefaultCatalog+JSON.swift) instead of its decoded values.",
                    "Afficher les octets exacts du fichier en Swift (DefaultCatalog+JSON.swift) au lieu de ses valeurs décodées.")))
        var json = false

        @Argument(
            help: ArgumentHelp(
                tr(
                    "The catalogue file (default: --catalog, else Rules/alliances-16-golden-rules.json).",
                    "Le fichier de catalogue (par défaut : --catalog, sinon Rules/alliances-16-golden-rules.json)."),
                valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
        var path: String?

        func run() throws {
            let lang = common.language
            let file = path ?? common.catalog ?? "Rules/alliances-16-golden-rules.json"
            let bytes: [UInt8]
            let catalog: Catalog
            do throws(FileError) {
                bytes = try SafeFile.read(file)
                // Decoded even for the bytes: only a valid catalogue is embedded.
                catalog = try Documents.decodeCatalog(bytes, path: file)
            } catch {
                throw CLIError.file(error, lang)
            }
            let source: String
            if json {
                do throws(CatalogSwiftSource.Refusal) {
                    source = try CatalogSwiftSource.json(bytes, path: file)
                } catch {
                    let name = TerminalSafety.visible(file)
                    switch error {
                    case .notRawStringSafe:
                        throw CLIError.badInput(
                            lang.pick(
                                en: "\(name): holds a carriage return or \"\"\"#, which a raw Swift string cannot carry",
                                fr: "\(name) : contient un retour chariot ou \"\"\"#, qu’une chaîne Swift brute ne peut pas porter"))
                    case .noFinalNewline:
                        throw CLIError.badInput(lang.pick(en: "\(name): must end with a newline", fr: "\(name) : doit se terminer par un saut de ligne"))
                    }
                }
            } else {
                source = CatalogSwiftSource.compiled(catalog, path: file)
            }
            Output.writeBytes(fd: 1, Array(source.utf8))
        }
    }
}
