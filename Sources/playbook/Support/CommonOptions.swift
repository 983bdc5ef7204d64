import ArgumentParser
import Glibc
import PlaybookCore

extension Language: ExpressibleByArgument {}
extension Segment: ExpressibleByArgument {}
extension Side: ExpressibleByArgument {}
extension Evidence.Strength: ExpressibleByArgument {}

/// Options every command takes, as swift-argument-parser reads them.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Use this catalogue file instead of the built-in one.", "Utiliser ce fichier de catalogue au lieu du catalogue intégré."),
            valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var catalog: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Language of the output: fr or en (default: the locale).", "Langue de la sortie : fr ou en (par défaut : la locale)."),
            valueName: tr("lang", "langue")))
    var lang: Language?

    /// The output language: --lang, else the locale.
    var language: Language { lang ?? Language.fromEnvironment(Environment.value) }

    /// The catalogue in use: --catalog, else the built-in one.
    func loadCatalog() throws -> Catalog {
        guard let path = catalog else { return DefaultCatalog.catalog }
        do throws(FileError) {
            return try Documents.loadCatalog(path)
        } catch {
            throw CLIError.file(error, language)
        }
    }

    /// Loads an assessment against `catalog`, printing its warnings (newer format, catalogue
    /// changes) on stderr; load errors become one message and exit status 2 (or 1).
    func loadAssessment(_ path: String, catalog: Catalog, unchanged: Bool = false, skip: (Assessment.Warning) -> Bool = { _ in false }) throws
        -> Documents.LoadedAssessment
    {
        let lang = language
        let loaded: Documents.LoadedAssessment
        do throws(FileError) {
            loaded = try Documents.loadAssessment(path, catalog: catalog)
        } catch {
            throw CLIError.file(error, lang, unchanged: unchanged)
        }
        for warning in loaded.warnings where !skip(warning) {
            Output.err(TerminalSafety.visible(path) + ": " + lang.pick(en: "warning: ", fr: "attention : ") + warning.message(lang))
        }
        return loaded
    }
}

func exitProcess(_ status: Int32) -> Never {
    Glibc.exit(status)
}

/// Parses a 0–3 level given on the command line.
func parseLevel(_ text: String, option: String, lang: Language) throws -> Int {
    guard let n = Int(text), (0...3).contains(n) else {
        throw CLIError.badInput(
            lang.pick(
                en: "\(option): expected a level from 0 to 3, got \(JSONWriter.quoted(TerminalSafety.visible(text)))",
                fr: "\(option) : niveau de 0 à 3 attendu, reçu \(JSONWriter.quoted(TerminalSafety.visible(text)))"))
    }
    return n
}

/// Parses a YYYY-MM-DD date given on the command line.
func parseDate(_ text: String, option: String, lang: Language) throws -> CalendarDate {
    guard let d = CalendarDate(iso: text) else {
        throw CLIError.badInput(
            lang.pick(
                en: "\(option): \(JSONWriter.quoted(TerminalSafety.visible(text))) is not a real date in the form YYYY-MM-DD",
                fr: "\(option) : \(JSONWriter.quoted(TerminalSafety.visible(text))) n’est pas une date réelle de la forme AAAA-MM-JJ"))
    }
    return d
}
