import ArgumentParser
import PlaybookCore

/// `playbook rules`: the catalogue, readable in a terminal.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: tr("Show the rule catalogue, grouped by theme.", "Afficher le catalogue des règles, par thème.")
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(tr("Output format: text, markdown or json.", "Format de sortie : text, markdown ou json.")))
    var format: Format = .text

    @Flag(
        name: .long,
        help: ArgumentHelp(
            tr("Also show each rule's guiding questions and level descriptions.", "Afficher aussi les questions et les niveaux de chaque règle.")))
    var details = false

    func run() throws {
        let catalog = try common.loadCatalog()
        let lang = common.language
        switch format {
        case .text:
            Output.out(CatalogText.text(catalog, lang: lang, width: Output.width, details: details))
        case .markdown:
            Output.out(CatalogText.markdown(catalog, lang: lang))
        case .json:
            let bytes: [UInt8]
            if let path = common.catalog {
                do throws(FileError) {
                    bytes = JSONWriter.pretty(try Documents.parse(SafeFile.read(path), path: path))
                } catch {
                    throw CLIError.file(error, lang)
                }
            } else {
                bytes = DefaultCatalog.bytes
            }
            Output.writeBytes(fd: 1, bytes)
        }
    }
}
