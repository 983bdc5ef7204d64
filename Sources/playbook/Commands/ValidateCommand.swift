import ArgumentParser
import Glibc
import PlaybookCore

/// `playbook validate FILE...`: checks many assessment files in one call.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: tr(
            "Check assessment files (or every *.json in a folder) and say what is wrong in each.",
            "Vérifier des fichiers d’évaluation (ou chaque *.json d’un dossier) et dire ce qui ne va pas dans chacun."),
        discussion: tr(
            "In a folder, the program's own report and comparison JSON, catalogues (*.catalog.json), playbook-portfolio.json, hidden files and backups (~) are skipped with a note. Exit status 0 when every file is valid, 2 when any is not.",
            "Dans un dossier, les JSON de rapport et de comparaison du programme, les catalogues (*.catalog.json), playbook-portfolio.json, les fichiers cachés et les sauvegardes (~) sont ignorés avec une note. Code de sortie 0 si tous les fichiers sont valides, 2 sinon."
        )
    )

    @OptionGroup var common: CommonOptions

    @Argument(
        help: ArgumentHelp(tr("Assessment files or folders.", "Fichiers d’évaluation ou dossiers."), valueName: tr("file", "fichier")),
        completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .shortAndLong, help: ArgumentHelp(tr("Print only problems and the final count.", "N’afficher que les problèmes et le décompte final.")))
    var quiet = false

    func run() throws {
        let lang = common.language
        let catalog = try common.loadCatalog()
        var paths: [String] = []
        for path in files {
            if let entries = Self.jsonFiles(in: path) { paths.append(contentsOf: entries) } else { paths.append(path) }
        }
        var report: [String] = []
        var invalid = 0, skipped = 0
        for path in paths {
            // Names say what is not an assessment (locks, backups, catalogues, settings): `validate *` names them too.
            if let kind = DocumentKind.byName(path) {
                skipped += 1
                if !quiet { report.append(TerminalSafety.visible(path) + lang.pick(en: ": ", fr: " : ") + kind.skippedNote(lang)) }
                continue
            }
            do throws(FileError) {
                let loaded = try Documents.loadAssessment(path, catalog: catalog)
                if !quiet { report.append(lang.pick(en: "ok: ", fr: "ok : ") + TerminalSafety.visible(path)) }
                for warning in loaded.warnings {
                    report.append(TerminalSafety.visible(path) + ": " + lang.pick(en: "warning: ", fr: "attention : ") + warning.message(lang))
                }
            } catch {
                // This program's own JSON outputs (and catalogues) are not broken assessments.
                if let kind = DocumentKind.of(path), [.report, .comparison, .catalog].contains(kind) {
                    skipped += 1
                    if !quiet { report.append(TerminalSafety.visible(path) + lang.pick(en: ": ", fr: " : ") + kind.skippedNote(lang)) }
                    continue
                }
                invalid += 1
                report.append(error.message(lang))
            }
        }
        let checked = paths.count - skipped
        var total = lang.pick(
            en: "\(checked) \(checked == 1 ? "file" : "files") checked: \(checked - invalid) valid, \(invalid) invalid",
            fr:
                "\(checked) \(checked <= 1 ? "fichier vérifié" : "fichiers vérifiés") : \(checked - invalid) \(checked - invalid <= 1 ? "valide" : "valides"), \(invalid) \(invalid <= 1 ? "invalide" : "invalides")"
        )
        if skipped > 0 { total += lang.pick(en: ", \(skipped) skipped", fr: skipped <= 1 ? ", \(skipped) ignoré" : ", \(skipped) ignorés") }
        report.append(total)
        Output.out(report.joined(separator: "\n"))
        if invalid > 0 { throw ExitCode(2) }
    }

    /// The `*.json` files directly inside `path`, hidden ones included, sorted, or nil when `path` is not a folder.
    static func jsonFiles(in path: String) -> [String]? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            // Hidden ones too (lock files), to say they were skipped.
            if name.hasSuffix(".json") { names.append(name) }
        }
        return names.sorted().map { Path.join(path, $0) }
    }
}
