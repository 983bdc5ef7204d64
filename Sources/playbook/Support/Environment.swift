import Glibc
import PlaybookCore

/// The process environment, read without Foundation.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}

/// The language of help and messages: `--lang` on the command line, else the locale.
/// Read once, before argument parsing, so `--help` is in the user's language too.
let interfaceLanguage: Language = {
    let args = CommandLine.arguments
    for (i, arg) in args.enumerated() {
        if arg == "--lang", i + 1 < args.count, let l = Language(rawValue: args[i + 1]) { return l }
        if arg.hasPrefix("--lang="), let l = Language(rawValue: String(arg.dropFirst(7))) { return l }
    }
    return Language.fromEnvironment(Environment.value)
}()

/// A help or message string in the interface language. In French, the space that typography puts
/// before `:`, `;`, `?`, `!` and `»` and after `«` becomes a no-break space, so a help screen
/// wrapped to the terminal never starts a line with that punctuation.
func tr(_ en: String, _ fr: String) -> String {
    guard interfaceLanguage == .fr else { return en }
    var text = fr
    for (plain, bound) in [(" :", "\u{A0}:"), (" ;", "\u{A0};"), (" ?", "\u{A0}?"), (" !", "\u{A0}!"), (" »", "\u{A0}»"), ("« ", "«\u{A0}")] {
        text = text.replacing(plain, with: bound)
    }
    return text
}

/// The current time and date: `PLAYBOOK_NOW` (ISO 8601) when set, for reproducible files, else the clock.
enum Now {
    static func timestamp() -> Timestamp {
        if let fixed = Environment.value("PLAYBOOK_NOW"), let t = Timestamp(iso: fixed) { return t }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(secondsSinceEpoch: Int64(ts.tv_sec))
    }

    /// Today in the local time zone (or the date of `PLAYBOOK_NOW`).
    static func today() -> CalendarDate {
        if let fixed = Environment.value("PLAYBOOK_NOW"), let t = Timestamp(iso: fixed) { return t.date }
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? Timestamp(secondsSinceEpoch: Int64(t)).date
    }
}
