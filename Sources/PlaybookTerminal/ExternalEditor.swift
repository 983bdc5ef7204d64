import Glibc
import PlaybookCore

/// Long notes in `$VISUAL` or `$EDITOR`, as git does: the note goes to a private temp file,
/// the editor runs on the real terminal, and the file's content comes back.
enum ExternalEditor {
    static func edit(_ text: String, terminal: Terminal, files: SessionFiles) -> String? {
        let env = { (n: String) -> String? in getenv(n).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let editor = env("VISUAL") ?? env("EDITOR") ?? "vi"
        let path = files.stateDirectory + "/note-\(getpid()).txt"
        SessionFiles.makePrivateDirectory(files.stateDirectory)
        do throws(FileError) {
            try SafeFile.save(Array(text.utf8), to: path, mode: .replaceEntry)
        } catch {
            return nil
        }
        defer { unlink(path) }
        terminal.suspend()
        defer { terminal.resume() }
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", editor + " \"$1\"", "sh", path]
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard (status & 0x7F) == 0, (status >> 8) & 0xFF == 0 else { return nil }
        guard let bytes = try? SafeFile.read(path, limit: 4 * 1024 * 1024) else { return nil }
        var result = String(decoding: bytes, as: UTF8.self)
        // Editors add a final newline; a note does not need it.
        if result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
