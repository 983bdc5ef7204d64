import Glibc
import PlaybookCore

/// Writes to standard output and error with plain `write(2)`, retrying short writes.
enum Output {
    static func out(_ text: String) {
        write(fd: 1, text)
    }

    static func err(_ text: String) {
        write(fd: 2, text)
    }

    private static func write(fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        if !text.hasSuffix("\n") { bytes.append(0x0A) }
        writeBytes(fd: fd, bytes)
    }

    static func writeBytes(fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                // A report that did not reach standard output (a full disk, a closed descriptor)
                // must not look like success to the script that asked for it.
                if fd == 1 {
                    let lang = interfaceLanguage
                    err(
                        lang.pick(en: "playbook: cannot write to standard output: ", fr: "playbook : impossible d’écrire sur la sortie standard : ")
                            + SystemError.describe(code, lang))
                    exitProcess(1)
                }
                return
            }
            offset += n
        }
    }

    /// True when file descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width to wrap text to: the terminal's, else `COLUMNS`, else 80.
    static var width: Int {
        var size = winsize()
        if isTerminal(1), ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = Environment.value("COLUMNS"), let n = Int(c), n > 0 { return n }
        return 80
    }
}

/// An error that ends a command with a message and an exit status.
struct CLIError: Error {
    /// 2: bad input or usage; 1: any other failure.
    var status: Int32
    var message: String

    static func badInput(_ message: String) -> CLIError { CLIError(status: 2, message: message) }
    static func failure(_ message: String) -> CLIError { CLIError(status: 1, message: message) }

    /// A load or save error: bad input (2) for content and usage problems (a path that cannot
    /// name a file included), failure (1) for what the system refused.
    static func file(_ error: FileError, _ lang: Language, unchanged: Bool = false) -> CLIError {
        switch error.kind {
        case .system(_, let code) where !FileError.isBadPath(code): return CLIError(status: 1, message: error.message(lang, unchanged: unchanged))
        default: return CLIError(status: 2, message: error.message(lang, unchanged: unchanged))
        }
    }
}
