import Glibc
import PlaybookCore

/// Where recovery copies and locks live: `$XDG_STATE_HOME/playbook` (default
/// `~/.local/state/playbook`), folders 0700, files 0600 (S4).
public struct SessionFiles {
    public let stateDirectory: String
    public let recoveryPath: String
    public let lockPath: String

    /// The files for `documentPath` (nil for a document not saved yet).
    public init(documentPath: String?) {
        let env = { (name: String) -> String? in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let base = env("XDG_STATE_HOME") ?? (env("HOME").map { $0 + "/.local/state" } ?? "/tmp/playbook-\(getuid())")
        stateDirectory = base + "/playbook"
        let key: String
        if let documentPath {
            let absolute = SessionFiles.absolute(Path.resolvingLinks(documentPath))
            key = SafeName.fileName(from: Path.base(absolute), fallback: "assessment", extension: "") + "-" + String(SHA256.hex(Array(absolute.utf8)).prefix(16))
        } else {
            key = "untitled"
        }
        recoveryPath = stateDirectory + "/recovery/" + key + ".json"
        lockPath = stateDirectory + "/locks/" + key + ".lock"
    }

    /// `path` made absolute against the current folder (no symlink resolution of the folder).
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = cString(buffer)
        return cwd + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
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
        try SafeFile.save(bytes, to: recoveryPath, mode: .replace(backup: false))
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

/// One writer per file (D8): an exclusive `flock` on a lock file, released by the kernel when
/// its holder exits, even after `kill -9`. Who holds it is read from the kernel's lock table.
public final class FileLock {
    private var fd: Int32 = -1
    let files: SessionFiles

    public init(files: SessionFiles) {
        self.files = files
    }

    /// Takes the lock; returns nil on success, or a description of the holder.
    public func acquire() -> String? {
        SessionFiles.makePrivateDirectory(Path.directory(files.lockPath))
        fd = open(files.lockPath, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var st = stat()
            let inode = fstat(fd, &st) == 0 ? UInt64(st.st_ino) : 0
            close(fd)
            fd = -1
            return FileLock.holder(ofInode: inode) ?? "another playbook"
        }
        return nil
    }

    /// Who holds an flock on the file with this inode, from /proc/locks (Linux): `user@host (pid N)`.
    /// Read only when the lock is taken, so opening a file writes nothing and costs no fsync.
    static func holder(ofInode inode: UInt64) -> String? {
        guard inode != 0, let table = try? SafeFile.read("/proc/locks", limit: 4 * 1024 * 1024) else { return nil }
        for line in String(decoding: table, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]),
                  let last = fields[5].split(separator: ":").last, UInt64(last) == inode else { continue }
            var user = "uid ?"
            if let status = try? SafeFile.read("/proc/\(pid)/status", limit: 65_536) {
                for l in String(decoding: status, as: UTF8.self).split(separator: "\n") where l.hasPrefix("Uid:") {
                    if let uid = l.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap({ UInt32($0) }) {
                        user = getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(uid)"
                    }
                }
            }
            var host = [CChar](repeating: 0, count: 256)
            gethostname(&host, 255)
            return TerminalSafety.visible("\(user)@\(cString(host)) (pid \(pid))")
        }
        return nil
    }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }
}


/// The text of a NUL-terminated C buffer.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
