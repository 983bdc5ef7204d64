import Glibc
import PlaybookCore

/// Where a report or comparison goes: standard output, or a file written through the one save
/// routine that is never replaced without `--force`.
enum OutputFile {
    static func write(_ bytes: [UInt8], to output: String?, force: Bool, lang: Language, what: String, inputs: [String] = []) throws {
        guard let output else {
            Output.writeBytes(fd: 1, bytes)
            return
        }
        try refuseOverwritingInputs(output, inputs: inputs, lang: lang)
        do throws(FileError) {
            try SafeFile.save(bytes, to: output, mode: force ? .replaceEntry : .createNew)
        } catch {
            if case .alreadyExists = error.kind {
                throw CLIError.badInput(error.message(lang) + lang.pick(en: " (use --force to replace it)", fr: " (utiliser --force pour le remplacer)"))
            }
            throw CLIError.file(error, lang)
        }
        let size = lang.count(bytes.count, en: "byte", "bytes", fr: "octet", "octets")
        Output.out(lang.pick(en: "Wrote \(TerminalSafety.visible(output)) (\(what), \(size)).",
                             fr: "Écrit \(TerminalSafety.visible(output)) (\(what), \(size))."))
    }

    /// An output never replaces one of its own inputs (the same file by device and inode, links
    /// followed), nor any assessment, `--force` or not: a report in place of the assessment would
    /// lose the work with no backup.
    static func refuseOverwritingInputs(_ output: String, inputs: [String], lang: Language) throws {
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        let shown = TerminalSafety.visible(output)
        for input in inputs {
            var st = stat()
            if stat(input, &st) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino {
                // Another spelling of the same file (a link, `./`) is named, so the user sees why.
                let same = input == output ? "" : lang.pick(en: " (the same file as \(TerminalSafety.visible(input)))", fr: " (le même fichier que \(TerminalSafety.visible(input)))")
                throw CLIError.badInput(lang.pick(
                    en: "playbook: \(shown) is an input of this command\(same): choose another output file; nothing was written",
                    fr: "playbook : \(shown) est une entrée de cette commande\(same) : choisir un autre fichier de sortie ; rien n’a été écrit"))
            }
        }
        if (target.st_mode & S_IFMT) == S_IFREG, DocumentKind.of(output) == .assessment {
            throw CLIError.badInput(lang.pick(
                en: "playbook: \(shown) is an assessment file: an output never replaces one, even with --force; choose another output file; nothing was written",
                fr: "playbook : \(shown) est un fichier d’évaluation : une sortie ne le remplace jamais, même avec --force ; choisir un autre fichier de sortie ; rien n’a été écrit"))
        }
    }
}
