import Glibc
import Testing

@testable import PlaybookCore

/// Issue 11 item 2: one lock per document, whatever the path's spelling, beside the document.
@Suite(.serialized) struct DocumentLockTests {
    /// Runs `body` on a fresh folder holding `x/a.json`, `x/sub/` and a link `l.json` to it.
    /// (Relative spellings from other current folders are the end-to-end tests' part: a test
    /// must not change the current folder of a process whose other tests run in parallel.)
    func inFolder(_ body: (String) throws -> Void) throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        mkdir(dir + "/x", 0o700)
        mkdir(dir + "/x/sub", 0o700)
        writeRaw(Array("{}".utf8), to: dir + "/x/a.json")
        symlink("x/a.json", dir + "/l.json")
        try body(dir)
    }

    @Test(arguments: ["/x/./a.json", "//x//a.json", "/x/sub/../a.json", "/./x/a.json", "/l.json", "/x/sub/../../x/a.json"])
    func everySpellingMeetsTheSameLock(_ spelling: String) throws {
        try inFolder { (dir: String) throws(any Error) in
            let first = DocumentLock(documentPath: dir + "/x/a.json")
            try first.acquire()
            defer { first.release() }
            #expect(first.path == Path.canonical(dir + "/x") + "/.a.json.lock")
            let second = DocumentLock(documentPath: dir + spelling)
            #expect(second.path == first.path)
            #expect(throws: DocumentLock.Refusal.self) { try second.acquire() }
            do throws(DocumentLock.Refusal) {
                try second.acquire()
            } catch {
                guard case .held(let holder) = error else { Issue.record("not held: \(error)"); return }
                #expect(holder.contains("(pid \(getpid()))"))
            }
        }
    }

    @Test func theLockSaysWhoHoldsItIsReadableByOthersAndGoesWithItsHolder() throws {
        try inFolder { (dir: String) throws(any Error) in
            let lock = DocumentLock(documentPath: dir + "/x/a.json")
            try lock.acquire()
            let text = String(decoding: try SafeFile.read(lock.path), as: UTF8.self)
            #expect(text.hasSuffix("(pid \(getpid()))\n"))
            #expect(text.contains("@"))
            #expect(fileMode(lock.path) == 0o644)
            lock.release()
            #expect(!SafeFile.exists(lock.path))
            let again = DocumentLock(documentPath: dir + "/l.json")
            try again.acquire()
            again.release()
        }
    }

    @Test func aDeadHoldersLockIsTakenOver() throws {
        try inFolder { (dir: String) throws(any Error) in
            // A lock file nobody holds (its holder was killed): the next writer takes it over.
            let path = DocumentLock.lockPath(for: dir + "/x/a.json")
            writeRaw(Array("someone@elsewhere (pid 999999)\n".utf8), to: path)
            let lock = DocumentLock(documentPath: dir + "/x/a.json")
            try lock.acquire()
            #expect(String(decoding: try SafeFile.read(path), as: UTF8.self).hasSuffix("(pid \(getpid()))\n"))
            lock.release()
        }
    }

    @Test func aLinkPlantedAtTheLockNameIsNeverFollowed() throws {
        try inFolder { (dir: String) throws(any Error) in
            writeRaw(Array("victim".utf8), to: dir + "/victim")
            symlink(dir + "/victim", DocumentLock.lockPath(for: dir + "/x/a.json"))
            let lock = DocumentLock(documentPath: dir + "/x/a.json")
            #expect(throws: DocumentLock.Refusal.self) { try lock.acquire() }
            #expect(try SafeFile.read(dir + "/victim") == Array("victim".utf8))
            symlink(dir + "/nowhere", DocumentLock.lockPath(for: dir + "/x/sub/b.json"))
            #expect(throws: DocumentLock.Refusal.self) { try DocumentLock(documentPath: dir + "/x/sub/b.json").acquire() }
            #expect(!SafeFile.exists(dir + "/nowhere"))
        }
    }

    @Test func aFileNotSavedYetHasItsLockInItsFolder() throws {
        try inFolder { (dir: String) throws(any Error) in
            #expect(DocumentLock.lockPath(for: dir + "/x/sub/../new.json") == Path.canonical(dir) + "/x/.new.json.lock")
            #expect(Path.canonical(dir + "/x/sub/../new.json") == Path.canonical(dir) + "/x/new.json")
        }
    }
}

/// The checklist's export and `report -o` never write over an input or an assessment.
@Suite struct OutputGuardTests {
    @Test func theOpenDocumentsNameIsRefusedEvenBeforeItIsSaved() throws {
        let dir = makeTempDirectory()
        defer { removeTree(dir) }
        #expect(OutputGuard.refusal(dir + "/n.json", inputs: [dir + "/./n.json"]) == .isInput(dir + "/./n.json"))
        #expect(OutputGuard.refusal(dir + "/r.html", inputs: [dir + "/n.json"]) == nil)
        try SafeFile.save(Array("{}".utf8), to: dir + "/other.txt", mode: .createNew)
        #expect(OutputGuard.refusal(dir + "/other.txt", inputs: [dir + "/n.json"]) == nil)
    }
}
