import Glibc

/// One writer per document (D8), whatever the path's spelling, the user or the state folder:
/// a lock file beside the document's canonical path, `.NAME.lock`, created exclusively, held with
/// `flock` (released by the kernel when its holder exits, even after `kill -9`), saying who holds
/// it, and readable by the other users of a shared folder. A dead holder's lock is taken over.
public final class DocumentLock {
    /// The lock file's path.
    public let path: String
    private var fd: Int32 = -1

    /// Why the lock could not be taken.
    public enum Refusal: Error, Equatable, Sendable {
        /// A live process holds it: `user@host (pid N)`, made safe for a terminal.
        case held(by: String)
        /// The lock file could not be made or opened (a link or a folder at its name, a read-only folder…).
        case unavailable(FileError)

        /// One line saying why `document` cannot be written now.
        public func message(_ lang: Language, document: String) -> String {
            let file = TerminalSafety.visible(document)
            switch self {
            case .held(let holder):
                return lang.pick(en: "\(file): open for editing by \(holder)", fr: "\(file) : ouvert en écriture par \(holder)")
            case .unavailable(let error):
                return lang.pick(en: "\(file): cannot take the lock: ", fr: "\(file) : impossible de prendre le verrou : ") + error.message(lang)
            }
        }
    }

    /// The lock of the document at `documentPath` (it need not exist yet).
    public init(documentPath: String) {
        path = DocumentLock.lockPath(for: documentPath)
    }

    /// `.NAME.lock` beside the file `documentPath` names once links, `.` and `..` are resolved.
    public static func lockPath(for documentPath: String) -> String {
        let canonical = Path.canonical(documentPath)
        var name = Path.base(canonical)
        if name.utf8.count > 240 {
            // Within NAME_MAX (255 bytes) for the longest names: a prefix and the name's hash.
            let hash = String(SHA256.hex(Array(name.utf8)).prefix(16))
            while name.utf8.count > 200 { name.removeLast() }
            name += "-" + hash
        }
        return Path.join(Path.directory(canonical), "." + name + ".lock")
    }

    /// True while this object holds the lock.
    public var isHeld: Bool { fd >= 0 }

    /// Takes the lock, or says who holds it.
    public func acquire() throws(Refusal) {
        if fd >= 0 { return }
        // A handful of rounds: each lost race (a holder leaving, a stale lock swept by another
        // process) is followed by a fresh look; more than a few in a row means something odd.
        for _ in 0..<8 {
            let created = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if created >= 0 {
                if flock(created, LOCK_EX | LOCK_NB) == 0, sameFile(created) {
                    fchmod(created, 0o644)
                    writeHolder(created)
                    fd = created
                    return
                }
                Glibc.close(created)
                continue
            }
            let code = errno
            guard code == EEXIST else { throw .unavailable(FileError(path: path, kind: .system(operation: "create", errno: code))) }
            let existing = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if existing < 0 {
                let code = errno
                if code == ENOENT { continue }
                if code == ELOOP { throw .unavailable(FileError(path: path, kind: .notRegularFile)) }
                throw .unavailable(FileError(path: path, kind: .system(operation: "open", errno: code)))
            }
            var st = stat()
            guard fstat(existing, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                Glibc.close(existing)
                throw .unavailable(FileError(path: path, kind: .notRegularFile))
            }
            if flock(existing, LOCK_EX | LOCK_NB) != 0 {
                let holder = DocumentLock.describeHolder(fd: existing, inode: UInt64(st.st_ino))
                Glibc.close(existing)
                throw .held(by: holder)
            }
            // Its holder is gone (the kernel released its flock). Remove the stale file while
            // holding it, then create a fresh one of our own; if someone swept it first, look again.
            guard sameFile(existing) else {
                Glibc.close(existing)
                continue
            }
            if Glibc.unlink(path) == 0 {
                Glibc.close(existing)
                continue
            }
            // It cannot be removed (another user's file in a sticky folder): hold it as it is,
            // saying who holds it where the file lets us; the kernel's lock table says it anyway.
            let writable = Glibc.open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if writable >= 0 {
                writeHolder(writable)
                Glibc.close(writable)
            }
            fd = existing
            return
        }
        throw .unavailable(FileError(path: path, kind: .system(operation: "create", errno: EAGAIN)))
    }

    /// Gives the lock back: the file is removed while still held, so no one can take a lock on a
    /// file that is about to disappear.
    public func release() {
        guard fd >= 0 else { return }
        if sameFile(fd) { Glibc.unlink(path) }
        Glibc.close(fd)
        fd = -1
    }

    deinit { release() }

    /// True when the lock path still names the file open as `descriptor`.
    private func sameFile(_ descriptor: Int32) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(descriptor, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Writes `user@host (pid N)` and a newline into the lock file.
    private func writeHolder(_ descriptor: Int32) {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let text = "\(DocumentLock.userName(getuid()))@\(cString(host)) (pid \(getpid()))\n"
        ftruncate(descriptor, 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Who holds the lock: the live process from the kernel's lock table when it can be read
    /// (exact even when a takeover could not rewrite the file), else the file's own words.
    static func describeHolder(fd: Int32, inode: UInt64) -> String {
        if let holder = holderFromLockTable(inode: inode) { return holder }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "another playbook" : TerminalSafety.visible(line)
    }

    /// `user@host (pid N)` of the process holding an flock on `inode`, from /proc/locks (Linux).
    static func holderFromLockTable(inode: UInt64) -> String? {
        guard inode != 0, let table = try? SafeFile.read("/proc/locks", limit: 4 * 1024 * 1024) else { return nil }
        for line in String(decoding: table, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]),
                let last = fields[5].split(separator: ":").last, UInt64(last) == inode
            else { continue }
            var user = "uid ?"
            if let status = try? SafeFile.read("/proc/\(pid)/status", limit: 65_536) {
                for l in String(decoding: status, as: UTF8.self).split(separator: "\n") where l.hasPrefix("Uid:") {
                    if let uid = l.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap({ UInt32($0) }) {
                        user = userName(uid)
                    }
                }
            }
            var host = [CChar](repeating: 0, count: 256)
            gethostname(&host, 255)
            return TerminalSafety.visible("\(user)@\(cString(host)) (pid \(pid))")
        }
        return nil
    }

    /// The login name of `uid`, or `uid N` where the static binary cannot look it up.
    static func userName(_ uid: uid_t) -> String {
        getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(uid)"
    }
}

/// The text of a NUL-terminated C buffer.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
