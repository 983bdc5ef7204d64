import Glibc
import PlaybookCore

/// Where recovery copies live: `$XDG_STATE_HOME/playbook` (default `~/.local/state/playbook`),
/// folders 0700, files 0600 (S4). The lock lives beside the document (`DocumentLock`).
public struct SessionFiles {
    public let stateDirectory: String
    public let recoveryPath: String

    /// The files for `documentPath` (nil for a document not saved yet).
    public init(documentPath: String?) {
        let env = { (name: String) -> String? in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let base = env("XDG_STATE_HOME") ?? (env("HOME").map { $0 + "/.local/state" } ?? "/tmp/playbook-\(getuid())")
        stateDirectory = base + "/playbook"
        let key: String
        if let documentPath {
            // Keyed on the canonical path, so every spelling of the file finds its copy (D7).
            let canonical = Path.canonical(documentPath)
            key =
                SafeName.fileName(from: Path.base(canonical), fallback: "assessment", extension: "") + "-"
                + String(SHA256.hex(Array(canonical.utf8)).prefix(16))
        } else {
            key = "untitled"
        }
        recoveryPath = stateDirectory + "/recovery/" + key + ".json"
    }

    /// Creates `path` and its parents as private folders (0700), tightening any it finds wider.
    static func makePrivateDirectory(_ path: String) {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST { return }
        }
        chmod(path, 0o700)
    }

    /// Writes a recovery copy through the one save routine.
    public func writeRecovery(_ bytes: [UInt8]) throws(FileError) {
        SessionFiles.makePrivateDirectory(Path.directory(recoveryPath))
        try SafeFile.save(bytes, to: recoveryPath, mode: .replaceEntry)
    }

    public func removeRecovery() {
        unlink(recoveryPath)
    }

    /// The recovery copy's bytes and modification time, if one exists.
    public func readRecovery() -> (bytes: [UInt8], modified: Timestamp)? {
        guard let bytes = try? SafeFile.read(recoveryPath), let t = SessionFiles.modificationTime(recoveryPath) else { return nil }
        return (bytes, t)
    }

    static func modificationTime(_ path: String) -> Timestamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Timestamp(secondsSinceEpoch: Int64(st.st_mtim.tv_sec))
    }
}
