import Glibc

/// Why an output (a report, a comparison, an export) must not be written at a path: it would
/// replace one of the command's inputs, or an assessment. `--force` or a second Enter never
/// overrides this: a report in place of the assessment would lose the work with no backup.
public enum OutputGuard: Equatable, Sendable {
    /// `output` is the same file as this input (by device and inode, links followed).
    case isInput(String)
    /// `output` holds an assessment.
    case isAssessment

    /// The reason `output` must not be written, or nil when it may be.
    public static func refusal(_ output: String, inputs: [String]) -> OutputGuard? {
        var target = stat()
        guard stat(output, &target) == 0 else {
            // Not on disk yet, but perhaps the name of the open document, not saved yet.
            let canonical = Path.canonical(output)
            return inputs.first { Path.canonical($0) == canonical }.map { .isInput($0) }
        }
        for input in inputs {
            var st = stat()
            if stat(input, &st) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino { return .isInput(input) }
        }
        if (target.st_mode & S_IFMT) == S_IFREG, DocumentKind.of(output) == .assessment { return .isAssessment }
        return nil
    }

    /// One sentence naming `output`, why it is refused, and that nothing was written.
    public func message(_ output: String, _ lang: Language) -> String {
        let shown = TerminalSafety.visible(output)
        switch self {
        case .isInput(let input):
            // Another spelling of the same file (a link, `./`) is named, so the user sees why.
            let same =
                input == output
                ? "" : lang.pick(en: " (the same file as \(TerminalSafety.visible(input)))", fr: " (le même fichier que \(TerminalSafety.visible(input)))")
            return lang.pick(
                en: "\(shown) is an input of this command\(same): choose another output file; nothing was written",
                fr: "\(shown) est une entrée de cette commande\(same) : choisir un autre fichier de sortie ; rien n’a été écrit")
        case .isAssessment:
            return lang.pick(
                en: "\(shown) is an assessment file: an output never replaces one, even with --force; choose another output file; nothing was written",
                fr:
                    "\(shown) est un fichier d’évaluation : une sortie ne le remplace jamais, même avec --force ; choisir un autre fichier de sortie ; rien n’a été écrit"
            )
        }
    }
}
