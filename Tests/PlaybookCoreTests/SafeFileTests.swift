import Glibc
import Testing

@testable import PlaybookCore

/// A file system that fails its Nth call with an errno, to prove a failed save changes nothing (D3).
struct FailingFileSystem: FileSystemCalls {
    var real = POSIXFileSystem()
    var failAt: Int
    var errnoValue: Int32 = ENOSPC
    var calls = 0
    var failed = false

    mutating func step() -> Bool {
        calls += 1
        if calls == failAt { failed = true; return true }
        return false
    }

    mutating func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int { step() ? -Int(errnoValue) : real.open(path, flags, mode) }
    mutating func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { step() ? -Int(errnoValue) : real.write(fd, bytes) }
    mutating func fsync(_ fd: Int32) -> Int { step() ? -Int(errnoValue) : real.fsync(fd) }
    mutating func fchmod(_ fd: Int32, _ mode: mode_t) -> Int { step() ? -Int(errnoValue) : real.fchmod(fd, mode) }
    mutating func close(_ fd: Int32) -> Int {
        // A failed close still releases the descriptor, as on Linux.
        if step() { _ = real.close(fd); return -Int(errnoValue) }
        return real.close(fd)
    }
    mutating func rename(_ from: String, _ to: String) -> Int { step() ? -Int(errnoValue) : real.rename(from, to) }
    mutating func link(_ from: String, _ to: String) -> Int { step() ? -Int(errnoValue) : real.link(from, to) }
    mutating func unlink(_ path: String) -> Int { real.unlink(path) }
}

func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
}

@Suite(.serialized) struct SafeFileTests {
    @Test func savesPrivatelyUnderAnyUmask() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        for mask: mode_t in [0o000, 0o077, 0o022] {
            let old = umask(mask)
            defer { umask(old) }
            let path = dir + "/m\(mask).json"
            try SafeFile.save(Array("{}\n".utf8), to: path, mode: .createNew)
            #expect(fileMode(path) == 0o600, "umask \(mask)")
            try SafeFile.save(Array("{ }\n".utf8), to: path, mode: .replace(backup: true))
            #expect(fileMode(path) == 0o600)
            #expect(fileMode(path + "~") == 0o600)
        }
    }

    @Test func neverWidensAnExistingFilesMode() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        writeRaw(Array("old".utf8), to: path)
        chmod(path, 0o400)
        try SafeFile.save(Array("new".utf8), to: path)
        #expect(fileMode(path) == 0o400)
        #expect(try SafeFile.read(path) == Array("new".utf8))
    }

    @Test func createNewRefusesToOverwrite() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        writeRaw(Array("mine".utf8), to: path)
        #expect(throws: FileError(path: path, kind: .alreadyExists)) { try SafeFile.save(Array("x".utf8), to: path, mode: .createNew) }
        #expect(try SafeFile.read(path) == Array("mine".utf8))
        #expect(listDirectory(dir) == ["a.json"])
    }

    @Test func backupHoldsThePreviousVersion() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        try SafeFile.save(Array("one".utf8), to: path, mode: .replace(backup: true))
        #expect(!SafeFile.exists(path + "~"))
        try SafeFile.save(Array("two".utf8), to: path, mode: .replace(backup: true))
        try SafeFile.save(Array("three".utf8), to: path, mode: .replace(backup: true))
        #expect(try SafeFile.read(path + "~") == Array("two".utf8))
        #expect(try SafeFile.read(path) == Array("three".utf8))
    }

    @Test func symlinkedFileStaysALinkAndItsTargetIsUpdated() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        mkdir(dir + "/real", 0o700)
        writeRaw(Array("old".utf8), to: dir + "/real/data.json")
        symlink("real/data.json", dir + "/a.json")
        try SafeFile.save(Array("new".utf8), to: dir + "/a.json", mode: .replace(backup: true))
        var st = stat()
        lstat(dir + "/a.json", &st)
        #expect((st.st_mode & S_IFMT) == S_IFLNK)
        #expect(try SafeFile.read(dir + "/real/data.json") == Array("new".utf8))
        #expect(try SafeFile.read(dir + "/real/data.json~") == Array("old".utf8))
    }

    /// Issue 11 item 1: a link planted at the backup name, at a new file's name or at an output
    /// name is never followed; its target (or where a dangling one points) is left alone.
    @Test(arguments: ["victim", "missing"])
    func plantedLinkAtTheBackupNameIsReplacedNotFollowed(_ victim: String) throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        mkdir(dir + "/shared", 0o700)
        mkdir(dir + "/home", 0o700)
        writeRaw(Array("keys".utf8), to: dir + "/home/victim")
        writeRaw(Array("old".utf8), to: dir + "/shared/a.json")
        symlink("../home/" + victim, dir + "/shared/a.json~")
        try SafeFile.save(Array("new".utf8), to: dir + "/shared/a.json", mode: .replace(backup: true))
        #expect(try SafeFile.read(dir + "/home/victim") == Array("keys".utf8))
        #expect(!SafeFile.exists(dir + "/home/missing"))
        var st = stat()
        lstat(dir + "/shared/a.json~", &st)
        #expect((st.st_mode & S_IFMT) == S_IFREG)
        #expect(try SafeFile.read(dir + "/shared/a.json~") == Array("old".utf8))
        #expect(try SafeFile.read(dir + "/shared/a.json") == Array("new".utf8))
        #expect(fileMode(dir + "/shared/a.json~") == 0o600)
    }

    @Test func aFolderAtTheBackupNameRefusesTheSaveAndChangesNothing() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        writeRaw(Array("old".utf8), to: dir + "/a.json")
        mkdir(dir + "/a.json~", 0o700)
        #expect(throws: FileError(path: dir + "/a.json~", kind: .notRegularFile)) {
            try SafeFile.save(Array("new".utf8), to: dir + "/a.json", mode: .replace(backup: true))
        }
        #expect(try SafeFile.read(dir + "/a.json") == Array("old".utf8))
        #expect(listDirectory(dir) == ["a.json", "a.json~"])
    }

    @Test func aDanglingLinkCountsAsAnExistingFileForCreation() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        symlink(dir + "/elsewhere", dir + "/new.json")
        #expect(throws: FileError(path: dir + "/new.json", kind: .alreadyExists)) {
            try SafeFile.save(Array("x".utf8), to: dir + "/new.json", mode: .createNew)
        }
        #expect(!SafeFile.exists(dir + "/elsewhere"))
    }

    @Test func replacingAnEntryReplacesALinkItselfAndLeavesItsTarget() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        writeRaw(Array("victim".utf8), to: dir + "/victim")
        symlink(dir + "/victim", dir + "/out.html")
        try SafeFile.save(Array("report".utf8), to: dir + "/out.html", mode: .replaceEntry)
        #expect(try SafeFile.read(dir + "/victim") == Array("victim".utf8))
        #expect(try SafeFile.read(dir + "/out.html") == Array("report".utf8))
        var st = stat()
        lstat(dir + "/out.html", &st)
        #expect((st.st_mode & S_IFMT) == S_IFREG)
    }

    @Test func everyFailingCallLeavesTheOriginalIntactAndNoTempFile() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        let original = Array("original content\n".utf8)
        var n = 1
        while true {
            writeRaw(original, to: path)
            chmod(path, 0o600)
            var fs = FailingFileSystem(failAt: n)
            do {
                try SafeFile.save(Array("new content\n".utf8), to: path, mode: .replace(backup: false), fileSystem: &fs)
            } catch {
                #expect(error.kind == .system(operation: "save", errno: ENOSPC), "call \(n)")
            }
            let content = try SafeFile.read(path)
            if fs.failed, fs.calls <= 7 {
                // Failures up to the rename leave the old file; the folder fsync after it cannot undo the save.
                #expect(content == original || content == Array("new content\n".utf8), "call \(n)")
            }
            #expect(listDirectory(dir) == ["a.json"], "call \(n): \(listDirectory(dir))")
            if !fs.failed { break }
            n += 1
        }
        #expect(n >= 7, "the save made fewer calls than expected")
    }

    @Test func failureBeforeRenameKeepsOriginalByteIdentical() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        let original = Array("original\n".utf8)
        // Calls: 1 open temp, 2 fchmod, 3 write, 4 fsync, 5 close, 6 rename.
        for n in 1...6 {
            writeRaw(original, to: path)
            var fs = FailingFileSystem(failAt: n)
            #expect(throws: FileError.self) { try SafeFile.save(Array("new\n".utf8), to: path, fileSystem: &fs) }
            #expect(try SafeFile.read(path) == original, "failing call \(n)")
            #expect(listDirectory(dir) == ["a.json"])
        }
    }

    @Test func readRefusesNonRegularAndOversizedFiles() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        mkfifo(dir + "/fifo", 0o600)
        #expect(throws: FileError(path: dir + "/fifo", kind: .notRegularFile)) { try SafeFile.read(dir + "/fifo") }
        #expect(throws: FileError(path: dir, kind: .notRegularFile)) { try SafeFile.read(dir) }
        #expect(throws: FileError(path: "/dev/zero", kind: .notRegularFile)) { try SafeFile.read("/dev/zero") }
        let big = dir + "/big.json"
        writeRaw([UInt8](repeating: 0x20, count: 2048), to: big)
        #expect(throws: FileError(path: big, kind: .tooLarge(size: 2048, limit: 1024))) { try SafeFile.read(big, limit: 1024) }
        #expect(throws: FileError(path: dir + "/none", kind: .notFound)) { try SafeFile.read(dir + "/none") }
    }

    @Test func plantedSymlinkAtTempNameIsNotFollowed() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        // The random part of the name cannot be guessed; O_EXCL|O_NOFOLLOW refuses any planted name anyway.
        writeRaw(Array("victim".utf8), to: dir + "/victim")
        let fs = POSIXFileSystem()
        let fd = fs.open(dir + "/link", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        #expect(fd >= 0)
        _ = fs.close(Int32(fd))
        _ = fs.unlink(dir + "/link")
        symlink(dir + "/victim", dir + "/link")
        #expect(fs.open(dir + "/link", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600) == -Int(EEXIST))
        #expect(try SafeFile.read(dir + "/victim") == Array("victim".utf8))
    }

    @Test func sweepRemovesOnlyDeadOwnersTempFiles() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        let path = dir + "/a.json"
        writeRaw(Array("x".utf8), to: path)
        let dead = ".a.json.999999999.abc.playbook-tmp"
        let alive = ".a.json.\(getpid()).def.playbook-tmp"
        let other = ".b.json.999999999.abc.playbook-tmp"
        for name in [dead, alive, other] { writeRaw([], to: dir + "/" + name) }
        #expect(SafeFile.sweepStaleTemps(besides: path) == 1)
        #expect(listDirectory(dir) == [alive, other, "a.json"].sorted())
    }

    /// A save killed with its parent leaves a zombie until something reaps it; its temp file
    /// must still be swept, since a zombie never finishes a save.
    @Test func zombieOwnersCountAsGone() throws {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, nil) == 0)
        // Not reaped yet: wait until the kernel shows it as a zombie.
        var zombie = false
        for _ in 0..<500 where !zombie {
            zombie = (try? SafeFile.read("/proc/\(pid)/stat")).map { String(decoding: $0, as: UTF8.self).contains(") Z ") } ?? false
            if !zombie { usleep(2_000) }
        }
        #expect(zombie)
        #expect(kill(pid, 0) == 0, "a zombie still answers kill(pid, 0)")
        #expect(!SafeFile.isRunning(pid))
        #expect(SafeFile.isRunning(getpid()))

        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        writeRaw(Array("x".utf8), to: dir + "/a.json")
        writeRaw([], to: dir + "/.a.json.\(pid).abc.playbook-tmp")
        #expect(SafeFile.sweepStaleTemps(besides: dir + "/a.json") == 1)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
