import ArgumentParser
import Glibc
import PlaybookCore

/// `playbook validate FILE...`: checks many assessment files in one call.
struct ValidateCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: tr("Check assessment files (or every *.json in a folder) and say what is wrong in each.",
                     "Vérifier des fichiers d’évaluation (ou chaque *.json d’un dossier) et dire ce qui ne va pas dans chacun."),
        discussion: tr("Exit status 0 when every file is valid, 2 when any is not.",
                       "Code de sortie 0 si tous les fichiers sont valides, 2 sinon.")
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(tr("Assessment files or folders.", "Fichiers d’évaluation ou dossiers."), valueName: tr("file", "fichier")), completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .shortAndLong, help: ArgumentHelp(tr("Print only problems and the final count.", "N’afficher que les problèmes et le décompte final.")))
    var quiet = false

    /// The values read, as a plain request (the quick reader builds the same).
    var request: ValidateRequest {
        ValidateRequest(common: common.plain, files: files, quiet: quiet)
    }

    func run() throws {
        try request.run()
    }
}

/// `ValidateCommand`'s values, whichever command-line reader produced them, and what it does.
struct ValidateRequest: CommandRequest {
    var common: Common
    var files: [String]
    var quiet: Bool

    func run() throws {
        let lang = common.language
        let catalog = try common.loadCatalog()
        var paths: [String] = []
        for path in files {
            if let entries = Self.jsonFiles(in: path) { paths.append(contentsOf: entries) } else { paths.append(path) }
        }
        var report: [String] = []
        var invalid = 0
        for path in paths {
            do throws(FileError) {
                let loaded = try Documents.loadAssessment(path, catalog: catalog)
                if !quiet { report.append(lang.pick(en: "ok: ", fr: "ok : ") + TerminalSafety.visible(path)) }
                for warning in loaded.warnings {
                    report.append(TerminalSafety.visible(path) + ": " + lang.pick(en: "warning: ", fr: "attention : ") + warning.message(lang))
                }
            } catch {
                invalid += 1
                report.append(error.message(lang))
            }
        }
        report.append(lang.pick(en: "\(paths.count) files checked: \(paths.count - invalid) valid, \(invalid) invalid",
                                fr: "\(paths.count) fichiers vérifiés : \(paths.count - invalid) valides, \(invalid) invalides"))
        Output.out(report.joined(separator: "\n"))
        if invalid > 0 { throw ExitCode(2) }
    }

    /// The `*.json` files directly inside `path`, sorted, or nil when `path` is not a folder.
    static func jsonFiles(in path: String) -> [String]? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".json"), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { Path.join(path, $0) }
    }
}
