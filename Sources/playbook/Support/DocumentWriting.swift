import PlaybookCore

/// Every command that writes an assessment holds its lock while it reads, changes and saves it
/// (D8): a file open in a checklist, or being written by another command, is left alone.
func whileHoldingLock<T>(of file: String, lang: Language, _ body: () throws -> T) throws -> T {
    let lock = DocumentLock(documentPath: file)
    do throws(DocumentLock.Refusal) {
        try lock.acquire()
    } catch {
        if case .unavailable(let problem) = error, case .system(_, let code) = problem.kind {
            // No lock file can be made where the document would be saved: nor can the document.
            throw CLIError.file(FileError(path: file, kind: .system(operation: "save", errno: code)), lang, unchanged: true)
        }
        throw CLIError.failure(error.message(lang, document: file) + "\n" + lang.pick(en: "The file was not changed.", fr: "Le fichier n’a pas été modifié."))
    }
    defer { lock.release() }
    return try body()
}
