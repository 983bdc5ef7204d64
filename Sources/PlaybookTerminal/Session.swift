import Glibc
import PlaybookCore
import PlaybookTUI

/// Runs the interactive checklist: the main loop, and the effect runner that performs every
/// save, load and child program for `reduce` (STYLE.md §5).
public final class Session {
    private var state: AppState
    private let terminal = Terminal()
    /// Two frames, drawn into in turn: the terminal keeps the last one to compare with, so
    /// drawing into the other never copies a whole screen (copy-on-write) on each key.
    private var screens = [Screen(width: 0, height: 0), Screen(width: 0, height: 0)]
    private var nextScreen = 0
    /// The rule pane's wrapped text, reused while what it wraps is unchanged.
    private var paneMemo = PaneMemo()
    private var files: SessionFiles
    private var lock: DocumentLock?
    /// The lock of a new file taken before reading it for a save, held until that save is decided.
    private var saveLock: DocumentLock?
    private let clock: () -> Timestamp
    private let calendar: () -> CalendarDate
    private var lastKeyTime: Int64 = 0
    private var idleSent = true
    private var running = true

    /// `diskBytes` is what `path` held when loaded (nil for a new file).
    /// `clock` gives the time, `calendar` today's date in the user's time zone.
    public init(state: AppState, diskBytes: [UInt8]?, clock: @escaping () -> Timestamp, calendar: @escaping () -> CalendarDate) {
        self.state = state
        self.state.setDiskBytes(diskBytes)
        self.clock = clock
        self.calendar = calendar
        files = SessionFiles(documentPath: state.filePath)
    }

    /// Runs until the user quits or a signal ends the session; returns the exit status.
    public func run() -> Int32 {
        if let path = state.filePath {
            SafeFile.sweepStaleTemps(besides: path)
            let lock = DocumentLock(documentPath: path)
            do throws(DocumentLock.Refusal) {
                try lock.acquire()
                self.lock = lock
            } catch {
                state.setReadOnly(Session.lockRefusal(error, state.language))
            }
        }
        if !state.isReadOnly { offerRecovery() }
        CrashGuard.install()
        CrashGuard.prepareCrashMessages(recoveryPath: files.recoveryPath)
        guard terminal.start() else {
            Output.error(
                state.language.pick(
                    en: "playbook: cannot start the terminal (check TERM)", fr: "playbook : impossible d’initialiser le terminal (vérifiez TERM)"))
            lock?.release()
            return 2
        }
        CrashGuard.captureStderr()
        let size = terminal.size
        dispatch(.resize(width: size.width, height: size.height))
        dispatch(.tick(clock(), today: calendar()))
        lastKeyTime = monotonicSeconds()
        var status: Int32 = 0
        // The screen is a pure function of the state, which only `dispatch` changes: a wake-up of
        // the read timeout that dispatched nothing has nothing new to draw (it used to re-render
        // the whole screen every second while the user read).
        var needsDraw = true
        while running {
            if needsDraw {
                terminal.draw(render(), cursor: cursorPosition(state))
                needsDraw = false
            }
            let key = terminal.readKey(timeout: 1000)
            if let sig = takeSignal() {
                status = 128 + sig
                break
            }
            if CrashGuard.continued.exchange(false, ordering: .relaxed) {
                terminal.resume()
                let size = terminal.size
                dispatch(.resize(width: size.width, height: size.height))
                needsDraw = true
            }
            guard let key else {
                if !idleSent, monotonicSeconds() - lastKeyTime >= 5 {
                    idleSent = true
                    dispatch(.idle)
                    needsDraw = true
                }
                continue
            }
            needsDraw = true
            dispatch(.tick(clock(), today: calendar()))
            handle(key)
            // Drain what is already queued (a paste, key repeat) before drawing again.
            var drained = 0
            while running, drained < 4096, let more = terminal.readKey(timeout: 0) {
                handle(more)
                drained += 1
            }
            lastKeyTime = monotonicSeconds()
            idleSent = false
        }
        if status != 0, state.hasUnsavedWork, !state.isReadOnly {
            try? files.writeRecovery(state.documentWithPendingText.encoded(catalog: state.catalog))
        }
        terminal.stop()
        CrashGuard.releaseStderr()
        lock?.release()
        return status
    }

    private func render() -> Screen {
        let i = nextScreen
        nextScreen ^= 1
        PlaybookTUI.render(state, into: &screens[i], memo: &paneMemo)
        return screens[i]
    }

    private func takeSignal() -> Int32? {
        let sig = CrashGuard.pendingSignal.exchange(0, ordering: .relaxed)
        return sig == 0 ? nil : sig
    }

    private func handle(_ key: Key??) {
        guard case .some(.some(let key)) = key else { return }
        if key == .resize {
            let size = terminal.size
            dispatch(.resize(width: size.width, height: size.height))
            return
        }
        for key in Keymap.keys(for: key, in: state.mode.kind) {
            if let action = Keymap.action(for: key, in: state.mode.kind) { dispatch(action) }
        }
    }

    private func dispatch(_ action: Action) {
        let effect = reduce(&state, action)
        CrashGuard.language.store(state.language == .fr ? 1 : 0, ordering: .relaxed)
        perform(effect)
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .none:
            break
        case .redraw:
            terminal.forceRedraw()
            // The way back after anything went wrong, a lost resize included.
            let size = terminal.size
            if size.width != state.width || size.height != state.height {
                dispatch(.resize(width: size.width, height: size.height))
            }
        case .quit:
            // A read-only session never wrote a recovery copy; the one there belongs to someone else.
            if !state.isReadOnly { files.removeRecovery() }
            running = false
        case .readSaveTarget(let path):
            readSaveTarget(path)
        case .save(let path, let bytes):
            save(bytes, to: path)
        case .reload(let path):
            do throws(FileError) {
                let loaded = try Documents.loadAssessment(path, catalog: state.catalog)
                files.removeRecovery()
                dispatch(.reloaded(loaded.assessment, bytes: loaded.bytes))
            } catch {
                dispatch(.reloadFailed(error.message(state.language)))
            }
        case .runEditor(let text):
            dispatch(.editorFinished(ExternalEditor.edit(text, terminal: terminal, files: files)))
        case .writeRecovery(let bytes):
            do throws(FileError) {
                try files.writeRecovery(bytes)
                dispatch(.recoveryWritten)
            } catch {
                dispatch(
                    .saveFailed(state.language.pick(en: "Recovery copy failed: ", fr: "Échec de la copie de récupération : ") + error.message(state.language)))
            }
        case .discardRecovery:
            files.removeRecovery()
        case .export(let path, let bytes, let overwrite):
            if let refusal = OutputGuard.refusal(path, inputs: state.filePath.map { [$0] } ?? []) {
                dispatch(.exportFailed(refusal.message(path, state.language)))
                return
            }
            do throws(FileError) {
                try SafeFile.save(bytes, to: path, mode: overwrite ? .replaceEntry : .createNew)
                dispatch(.exported(path: path))
            } catch {
                if case .alreadyExists = error.kind {
                    dispatch(.exportExists(path: path))
                } else {
                    dispatch(.exportFailed(error.message(state.language)))
                }
            }
        case .loadForCompare(let path):
            do throws(FileError) {
                dispatch(.compareFileLoaded(path: path, try Documents.loadAssessment(path, catalog: state.catalog).assessment))
            } catch {
                dispatch(.compareFailed(error.message(state.language)))
            }
        }
    }

    /// Why the lock of a file could not be taken, as the read-only banner or a save error says it.
    static func lockRefusal(_ refusal: DocumentLock.Refusal, _ lang: Language) -> String {
        switch refusal {
        case .held(let holder):
            lang.pick(en: "open in another playbook: \(holder)", fr: "ouvert dans un autre playbook : \(holder)")
        case .unavailable(let error):
            lang.pick(en: "no lock could be taken: ", fr: "impossible de prendre le verrou : ") + error.message(lang)
        }
    }

    /// True when `path` names the open file, however it is spelled.
    private func isOpenFile(_ path: String) -> Bool {
        state.filePath.map { Path.canonical($0) == Path.canonical(path) } ?? false
    }

    /// Takes the lock of `path`, or reports why it cannot be had as the save's failure.
    private func lockForSave(_ path: String) -> DocumentLock? {
        let candidate = DocumentLock(documentPath: path)
        do throws(DocumentLock.Refusal) {
            try candidate.acquire()
            return candidate
        } catch {
            dispatch(.saveFailed(TerminalSafety.visible(path) + ": " + Session.lockRefusal(error, state.language)))
            return nil
        }
    }

    /// Reports what `path` holds now, for `reduce` to decide whether saving there is a conflict (D4).
    /// A new file's lock is taken first (never read for a save a file someone edits) and kept for the
    /// save that `reduce` may ask for at once; otherwise it is let go.
    private func readSaveTarget(_ path: String) {
        guard isOpenFile(path) else {
            guard let taken = lockForSave(path) else { return }
            saveLock = taken
            dispatch(.saveTargetRead(path: path, .otherFile(exists: SafeFile.exists(path))))
            saveLock = nil
            return
        }
        dispatch(.saveTargetRead(path: path, .openFile(bytes: try? SafeFile.read(path))))
    }

    /// Saves through the core's save routine; under a new name, with that file's lock.
    private func save(_ bytes: [UInt8], to path: String) {
        var newLock: DocumentLock?
        if !isOpenFile(path) {
            if let held = saveLock, held.path == DocumentLock.lockPath(for: path) {
                newLock = held
            } else {
                guard let taken = lockForSave(path) else { return }
                newLock = taken
            }
        }
        do throws(FileError) {
            try SafeFile.save(bytes, to: path, mode: .replace(backup: true))
        } catch {
            newLock?.release()
            dispatch(.saveFailed(error.message(state.language)))
            return
        }
        if let newLock {
            // The document now lives at a new path: move the recovery copy and the lock with it.
            files.removeRecovery()
            lock?.release()
            files = SessionFiles(documentPath: path)
            CrashGuard.prepareCrashMessages(recoveryPath: files.recoveryPath)
            lock = newLock
        }
        files.removeRecovery()
        dispatch(.saved(path: path, bytes: bytes))
    }

    /// Offers a recovery copy left by an earlier session (D7): never applied silently.
    private func offerRecovery() {
        guard let copy = files.readRecovery() else { return }
        guard let loaded = try? Documents.decodeAssessment(copy.bytes, path: files.recoveryPath, catalog: state.catalog) else { return }
        if loaded.assessment == state.document { return }
        var diskIsNewer = false
        if let path = state.filePath, let diskTime = SessionFiles.modificationTime(path) { diskIsNewer = diskTime > copy.modified }
        state.offerRecovery(RecoveryOffer(document: loaded.assessment, bytes: copy.bytes, savedAt: copy.modified, diskIsNewer: diskIsNewer))
    }

    private func monotonicSeconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec)
    }
}

/// Messages printed outside the screen.
enum Output {
    static func error(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
