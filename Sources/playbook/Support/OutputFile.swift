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
        Output.out(
            lang.pick(
                en: "Wrote \(TerminalSafety.visible(output)) (\(what), \(size)).",
                fr: "Écrit \(TerminalSafety.visible(output)) (\(what), \(size))."))
    }

    /// An output never replaces one of its own inputs nor any assessment, `--force` or not.
    static func refuseOverwritingInputs(_ output: String, inputs: [String], lang: Language) throws {
        if let refusal = OutputGuard.refusal(output, inputs: inputs) {
            throw CLIError.badInput("playbook: " + refusal.message(output, lang))
        }
    }
}
