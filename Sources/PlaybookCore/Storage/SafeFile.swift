import Glibc

/// The one way this program reads and writes files: bounded reads of regular files, and an
/// atomic, durable, private save (D1–D3, D9–D11, S4–S6).
public enum SafeFile {
    /// Files larger than this are refused before reading (B4): 32 MiB.
    public static let maxBytes: Int64 = 32 * 1024 * 1024

    /// How a save treats what is already at the path.
    public enum Mode: Sendable {
        /// Replace a document: a symlink at the path is followed to the file it names and kept
        /// (S6); with `backup`, the previous version is kept as `FILE~` first, written as the
        /// program's own file (a link there is replaced, never followed: S8).
        case replace(backup: Bool)
        /// Create the file; fail with `.alreadyExists` if anything is there, a dangling link included.
        case createNew
        /// Write a file of the program's own (a backup, a recovery copy, a forced output): whatever
        /// entry is at the path, a symlink included, is replaced by the new file and never
        /// followed; a folder or other non-regular file there is refused.
        case replaceEntry
    }

    /// Reads a whole regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int64 = maxBytes) throws(FileError) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            throw FileError(path: path, kind: code == ENOENT ? .notFound : .system(operation: "read", errno: code))
        }
        defer { _ = Glibc.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, kind: .system(operation: "read", errno: errno)) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw FileError(path: path, kind: .notRegularFile) }
        guard Int64(st.st_size) <= limit else { throw FileError(path: path, kind: .tooLarge(size: Int64(st.st_size), limit: limit)) }
        // The size given by fstat is read into uninitialized memory (no zeroing of a 30 MB catalogue
        // first); one byte more tells whether the file grew since, and the loop below goes on then.
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(st.st_size) + 1) { buffer, initialized in
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    break
                }
                if n == 0 { break }
                count += n
            }
            initialized = count
        }
        if readError != 0 { throw FileError(path: path, kind: .system(operation: "read", errno: readError)) }
        var count = bytes.count
        if count == Int(st.st_size) + 1 {
            // The file grew since fstat: read on, in steps, as far as the limit allows.
            while true {
                if count == bytes.count {
                    guard Int64(count) <= limit else { throw FileError(path: path, kind: .tooLarge(size: Int64(count), limit: limit)) }
                    bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, count)))
                }
                let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError(path: path, kind: .system(operation: "read", errno: errno))
                }
                if n == 0 { break }
                count += n
            }
        }
        guard Int64(count) <= limit else { throw FileError(path: path, kind: .tooLarge(size: Int64(count), limit: limit)) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// True when something exists at `path` (a dangling link counts).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Saves `bytes` to `path` atomically: a private temp file in the same folder (exclusive,
    /// no symlink following), fsync, rename (or link for `.createNew`), fsync of the folder.
    /// A symlink at `path` is kept and its target updated; an existing file's mode is kept, a new one is 0600.
    public static func save<FS: FileSystemCalls>(_ bytes: [UInt8], to path: String, mode: Mode = .replace(backup: false), fileSystem: inout FS)
        throws(FileError)
    {
        // Only a document's own link is followed: a backup, a recovery copy, an output and a new
        // file are written at the name itself, so a link planted there cannot redirect them.
        let target: String
        if case .replace = mode { target = Path.resolvingLinks(path) } else { target = path }
        let directory = Path.directory(target)
        var permissions: mode_t = 0o600
        var st = stat()
        let exists = lstat(target, &st) == 0
        if exists {
            if case .createNew = mode { throw FileError(path: path, kind: .alreadyExists) }
            let isLink = (st.st_mode & S_IFMT) == S_IFLNK
            if !isLink {
                guard (st.st_mode & S_IFMT) == S_IFREG else { throw FileError(path: path, kind: .notRegularFile) }
                permissions = st.st_mode & 0o777
            }
        }
        if case .replace(backup: true) = mode, exists {
            let old = try read(target)
            var backupFS = fileSystem
            try save(old, to: target + "~", mode: .replaceEntry, fileSystem: &backupFS)
            fileSystem = backupFS
        }

        let temp = try createTemp(in: directory, base: Path.base(target), path: path, fileSystem: &fileSystem)
        func fail(_ operation: String, _ r: Int, closing fd: Int32?) -> FileError {
            if let fd { _ = fileSystem.close(fd) }
            _ = fileSystem.unlink(temp.path)
            return FileError(path: path, kind: .system(operation: operation, errno: Int32(-r)))
        }
        var r = fileSystem.fchmod(temp.fd, permissions)
        if r < 0 { throw fail("save", r, closing: temp.fd) }
        var written = 0
        while written < bytes.count {
            r = bytes.withUnsafeBytes { fileSystem.write(temp.fd, UnsafeRawBufferPointer(rebasing: $0[written...])) }
            if r < 0 { throw fail("save", r, closing: temp.fd) }
            if r == 0 { throw fail("save", -Int(EIO), closing: temp.fd) }
            written += r
        }
        r = fileSystem.fsync(temp.fd)
        if r < 0 { throw fail("save", r, closing: temp.fd) }
        r = fileSystem.close(temp.fd)
        if r < 0 { throw fail("save", r, closing: nil) }
        switch mode {
        case .createNew:
            r = fileSystem.link(temp.path, target)
            if r == -Int(EEXIST) {
                _ = fileSystem.unlink(temp.path)
                throw FileError(path: path, kind: .alreadyExists)
            }
            if r < 0 { throw fail("save", r, closing: nil) }
            _ = fileSystem.unlink(temp.path)
        case .replace, .replaceEntry:
            r = fileSystem.rename(temp.path, target)
            if r < 0 { throw fail("save", r, closing: nil) }
        }
        let dirFD = fileSystem.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if dirFD >= 0 {
            _ = fileSystem.fsync(Int32(dirFD))
            _ = fileSystem.close(Int32(dirFD))
        }
    }

    /// Saves with the real system calls.
    public static func save(_ bytes: [UInt8], to path: String, mode: Mode = .replace(backup: false)) throws(FileError) {
        var fs = POSIXFileSystem()
        try save(bytes, to: path, mode: mode, fileSystem: &fs)
    }

    /// The temp-file name pattern: `.NAME.PID.RANDOM.playbook-tmp`, so a sweep can tell whose it is (D10).
    static let tempSuffix = ".playbook-tmp"

    private static func createTemp<FS: FileSystemCalls>(in directory: String, base: String, path: String, fileSystem: inout FS) throws(FileError) -> (
        fd: Int32, path: String
    ) {
        var rng = SystemRandomNumberGenerator()
        var lastError: Int = -Int(EEXIST)
        // Keep the name within NAME_MAX (255 bytes) whatever the file's own name length.
        var stem = base
        while stem.utf8.count > 200 { stem.removeLast() }
        for _ in 0..<16 {
            let random = String(rng.next() as UInt64, radix: 36)
            let name = "." + stem + "." + String(getpid()) + "." + random + tempSuffix
            let tempPath = Path.join(directory, name)
            let fd = fileSystem.open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (Int32(fd), tempPath) }
            lastError = fd
            if fd != -Int(EEXIST) { break }
        }
        throw FileError(path: path, kind: .system(operation: "save", errno: Int32(-lastError)))
    }

    /// Removes temp files that a killed save left beside `path` (for the file and its `~` backup),
    /// when their owner process is gone (D10). Returns how many were removed.
    @discardableResult
    public static func sweepStaleTemps(besides path: String) -> Int {
        let target = Path.resolvingLinks(path)
        let directory = Path.directory(target)
        let prefixes = ["." + Path.base(target) + ".", "." + Path.base(target) + "~."]
        guard let dir = opendir(directory) else { return 0 }
        defer { closedir(dir) }
        var removed = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasSuffix(tempSuffix), let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(tempSuffix.count)
            let parts = middle.split(separator: ".")
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0 else { continue }
            if isRunning(pid) { continue }
            if Glibc.unlink(Path.join(directory, name)) == 0 { removed += 1 }
        }
        return removed
    }

    /// True while process `pid` exists and can still run. A zombie (killed, not yet reaped by
    /// its parent, which can take long where the parent is gone and process 1 reaps lazily)
    /// will never finish its save, so it counts as gone.
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno != ESRCH else { return false }
        // /proc/PID/stat is "PID (COMMAND) STATE …"; COMMAND may hold spaces and parentheses.
        guard let stat = try? read("/proc/\(pid)/stat", limit: 4096),
            let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count
        else { return true }
        let state = stat[close + 2]
        return state != UInt8(ascii: "Z") && state != UInt8(ascii: "X")
    }
}
