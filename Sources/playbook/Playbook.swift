import ArgumentParser
import Glibc
import PlaybookCore

/// The root command: it only dispatches.
@main
struct Playbook: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "playbook",
        abstract: tr(
            "Assess a partnership or alliance programme against the 16 golden rules for effective alliances.",
            "Évaluer un programme de partenariat ou d’alliance selon les 16 règles d’or des alliances efficaces."),
        discussion: tr(
            """
            Without a command, opens the interactive checklist on a new assessment (see `playbook assess`). Every command takes --catalog FILE \
            to use another catalogue and --lang fr|en (default: the locale, else English).

            Exit status:
              0  success
              1  failure: a file could not be read or written (or someone is editing it)
              2  bad input or usage: an invalid file, a wrong option, an impossible path
            """,
            """
            Sans commande, ouvre la liste de contrôle interactive sur une nouvelle évaluation (voir `playbook assess`). Chaque commande accepte --catalog FICHIER \
            pour un autre catalogue et --lang fr|en (par défaut : la locale, sinon l’anglais).

            Code de sortie :
              0  succès
              1  échec : fichier illisible ou impossible à écrire (ou en cours d’édition)
              2  entrée invalide : fichier invalide, option erronée, chemin impossible
            """),
        version: version,
        subcommands: [
            AssessCommand.self, RulesCommand.self, NewCommand.self, SetCommand.self, ShowCommand.self, ReportCommand.self, CompareCommand.self,
            ValidateCommand.self, CatalogCommand.self,
        ]
    )

    @OptionGroup var common: CommonOptions

    /// Without a command: `assess` with no file, on the same --catalog and --lang.
    func run() throws {
        var assess = try AssessCommand.parse([])
        assess.common = common
        try assess.run()
    }

    /// Parses, runs, and maps every error to one message and an exit status (0, 1 or 2).
    static func main() {
        // Past `ulimit -f`, a write should fail with EFBIG and be reported, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.count == 1, arguments.first == "--version" {
            Output.out(version)
            exitProcess(0)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            Output.err(error.message)
            exitProcess(error.status)
        } catch let code as ExitCode {
            // A status chosen by a command (validate's 2, a signal's 128+n).
            exitProcess(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code != .success, let unknown = unknownCommand(in: arguments) {
                Output.err(unknown)
                exitProcess(2)
            }
            let message = TerminalSafety.visible(UsageMessages.localized(fullMessage(for: error)), keepNewlines: true)
            if code == .success {
                if !message.isEmpty { Output.out(message) }
                exitProcess(0)
            }
            Output.err(message)
            exitProcess(2)
        }
    }

    /// The names of `command`'s subcommands, as typed.
    static func names(of command: ParsableCommand.Type) -> [String] {
        command.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0.configuration.commandName ?? "" }
    }

    /// One message for a word that names no command where a command is expected (`playbook repot
    /// a.json`, `playbook catalog valdate`), with the nearest names; nil when there is no such word.
    static func unknownCommand(in arguments: ArraySlice<String>) -> String? {
        var rest = arguments[...]
        var command: ParsableCommand.Type = Playbook.self
        var path = "playbook"
        while true {
            while let first = rest.first, first.hasPrefix("-") {
                // The options every command shares; those that take a value take the next word too.
                rest = rest.dropFirst(["--catalog", "--lang", "--generate-completion-script"].contains(first) ? 2 : 1)
            }
            let known = names(of: command)
            guard !known.isEmpty, let word = rest.first, word != "help" else { return nil }
            if let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path += " " + word
                rest = rest.dropFirst()
                continue
            }
            let lang = interfaceLanguage
            let typed = TerminalSafety.visible(word)
            let near = Suggestion.nearest(word, among: known).map { "`\($0)`" }.joined(separator: lang.pick(en: " or ", fr: " ou "))
            var message =
                near.isEmpty
                ? lang.pick(en: "\(path): unknown command '\(typed)'", fr: "\(path) : commande inconnue « \(typed) »")
                : lang.pick(
                    en: "\(path): unknown command '\(typed)'; did you mean \(near)?",
                    fr: "\(path) : commande inconnue « \(typed) » ; vouliez-vous dire \(near) ?")
            message += "\n" + lang.pick(en: "Commands: ", fr: "Commandes : ") + known.joined(separator: ", ")
            message += "\n" + lang.pick(en: "See '\(path) --help' for more information.", fr: "Voir « \(path) --help » pour plus d’informations.")
            return message
        }
    }
}
