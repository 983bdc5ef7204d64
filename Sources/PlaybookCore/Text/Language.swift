/// The two languages of the interface and the catalogue.
public enum Language: String, CaseIterable, Sendable, Codable {
    case fr
    case en

    /// The language from POSIX locale variables (LC_ALL, then LC_MESSAGES, then LANG): French for fr_*, else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        fromEnvironment { environment[$0] }
    }

    /// The same, reading each variable through `value` (the process environment needs no
    /// dictionary, whose first use costs a run-time conformance look-up).
    public static func fromEnvironment(_ value: (String) -> String?) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = value(name), !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }

    /// `n` and the word in the right number: `lang.count(2, en: "file", "files", fr: "fichier", "fichiers")`
    /// is "2 files". English is singular for 1 only; French for 0 and 1 as well (CLDR plural rules).
    public func count(_ n: Int, en one: String, _ other: String, fr frOne: String, _ frOther: String) -> String {
        "\(n) " + (self == .fr ? (isPlural(n) ? frOther : frOne) : (isPlural(n) ? other : one))
    }

    /// True when `n` takes the plural: above 1 in French, anything but 1 in English.
    public func isPlural(_ n: Int) -> Bool { self == .fr ? n > 1 : n != 1 }

    /// Picks the string for this language: `lang.pick(en: "…", fr: "…")`.
    @inline(__always)
    public func pick(en: String, fr: String) -> String {
        self == .fr ? fr : en
    }
}

/// A text given in both languages.
public struct LocalizedText: Equatable, Sendable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> String {
        language == .fr ? fr : en
    }
}
