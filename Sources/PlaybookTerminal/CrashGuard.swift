import Glibc
import PlaybookCore
import Synchronization

/// Signal handling for the interactive session. Handlers only record the signal; the main loop
/// saves a recovery copy, restores the terminal and exits with 128+n (D6, T1). Crashes restore
/// the terminal inside the handler, print what stderr collected, then die with the signal (T5).
enum CrashGuard {
    /// The signals that end the session the way SIGTERM does: recovery copy, terminal restored, 128+n.
    static let terminating: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
        SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
    ]
    /// The last terminating signal received, or 0.
    static let pendingSignal = Atomic<Int32>(0)
    /// Set by SIGCONT: the terminal may be in cooked mode and must be redrawn (T3).
    static let continued = Atomic<Bool>(false)

    nonisolated(unsafe) static var terminalActive = false
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveTermios = false
    /// Where stderr really goes while the screen is in use, and the memory file that collects it.
    nonisolated(unsafe) static var realStderr: Int32 = -1
    nonisolated(unsafe) static var collectedStderr: Int32 = -1

    /// Leaves the alternate screen, shows the cursor, resets attributes and mouse reporting.
    static let restoreSequence: [UInt8] = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r".utf8)
    nonisolated(unsafe) static var restoreBytes: UnsafeMutablePointer<UInt8>? = nil

    static func rememberTerminalState() {
        haveTermios = tcgetattr(0, &savedTermios) == 0
        if restoreBytes == nil {
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreSequence.count)
            p.initialize(from: restoreSequence, count: restoreSequence.count)
            restoreBytes = p
        }
    }

    /// What a crash prints: per language (English, French), with and without a recovery copy, in
    /// memory made beforehand, since a crash handler can neither allocate nor format.
    nonisolated(unsafe) static var crashMessages: [(bytes: UnsafeMutablePointer<UInt8>, count: Int)] = []
    /// The recovery copy's path as a C string, for `access` in the crash handler.
    nonisolated(unsafe) static var recoveryPath: UnsafeMutablePointer<CChar>? = nil
    /// The interface language at the moment: 0 English, 1 French.
    static let language = Atomic<Int>(0)

    /// Prepares the crash messages for a session whose recovery copy lives at `path`.
    static func prepareCrashMessages(recoveryPath path: String) {
        let shown = TerminalSafety.visible(path)
        let texts = [
            "\nplaybook: internal error; the terminal was restored. The last recovery copy is kept in \(shown): open the file again to recover it.\n",
            "\nplaybook: internal error; the terminal was restored. No recovery copy exists: changes since the last save are lost.\n",
            "\nplaybook : erreur interne ; le terminal a été rétabli. La dernière copie de récupération est conservée dans \(shown) : rouvrez le fichier pour la récupérer.\n",
            "\nplaybook : erreur interne ; le terminal a été rétabli. Aucune copie de récupération n’existe : les modifications depuis le dernier enregistrement sont perdues.\n",
        ]
        // The previous messages are left allocated: a crash could be reading them (a save-as is rare).
        crashMessages = texts.map { text in
            let bytes = Array(text.utf8)
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            p.initialize(from: bytes, count: bytes.count)
            return (p, bytes.count)
        }
        recoveryPath = strdup(path)
    }

    /// Installs the handlers (without SA_RESTART, so a waiting read returns at once).
    static func install() {
        for sig in terminating { setHandler(sig, recordSignal) }
        setHandler(SIGCONT, recordContinue)
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { setHandler(sig, crashed) }
    }

    private static func setHandler(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(sig, &action, nil)
    }

    /// Sends stderr into a pipe while the screen is in use, so messages are not lost in the
    /// alternate screen; they are printed once the terminal is restored. Both ends are
    /// non-blocking: past the pipe's 64 KiB a message is dropped rather than blocking the program.
    static func captureStderr() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        realStderr = dup(2)
        collectedStderr = fds[0]
        dup2(fds[1], 2)
        close(fds[1])
    }

    /// Puts stderr back and prints what was collected. Async-signal-safe.
    static func releaseStderr() {
        guard realStderr >= 0, collectedStderr >= 0 else { return }
        dup2(realStderr, 2)
        var buffer = (
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
        )
        withUnsafeMutableBytes(of: &buffer) { raw in
            while true {
                let n = read(collectedStderr, raw.baseAddress, raw.count)
                if n <= 0 { break }
                _ = write(2, raw.baseAddress, n)
            }
        }
        close(collectedStderr)
        close(realStderr)
        collectedStderr = -1
        realStderr = -1
    }

    /// Restores the tty from inside a signal handler: async-signal-safe calls only.
    static func restoreTerminalRaw() {
        guard terminalActive else { return }
        terminalActive = false
        if let p = restoreBytes { _ = write(1, p, restoreSequence.count) }
        if haveTermios { tcsetattr(0, TCSANOW, &savedTermios) }
    }
}

private func recordSignal(_ sig: Int32) {
    CrashGuard.pendingSignal.store(sig, ordering: .relaxed)
}

private func recordContinue(_ sig: Int32) {
    CrashGuard.continued.store(true, ordering: .relaxed)
}

private func crashed(_ sig: Int32) {
    CrashGuard.restoreTerminalRaw()
    CrashGuard.releaseStderr()
    let messages = CrashGuard.crashMessages
    if messages.count == 4 {
        let hasCopy = CrashGuard.recoveryPath.map { access($0, F_OK) == 0 } ?? false
        let message = messages[CrashGuard.language.load(ordering: .relaxed) * 2 + (hasCopy ? 0 : 1)]
        _ = write(2, message.bytes, message.count)
    } else {
        let message: StaticString = "\nplaybook: internal error; the terminal was restored.\n"
        message.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
