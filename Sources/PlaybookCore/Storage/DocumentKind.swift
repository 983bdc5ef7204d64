/// What a file beside assessments is, told by its name or its top-level fields: `validate` skips
/// what is not an assessment, and an output never replaces an assessment.
public enum DocumentKind: Equatable, Sendable {
    case assessment
    /// `playbook report --format json`: `reading`, `counts` and `asOf` at the top, no `answers`.
    case report
    /// `playbook compare --format json`: `kind`, `sections`, `before` and `after`, no `answers`.
    case comparison
    /// A catalogue: named `*.catalog.json`, or `rules` and `themes` at the top.
    case catalog
    /// The portfolio settings, `playbook-portfolio.json`.
    case portfolioSettings
    /// A hidden file: lock files (`.#a.json`), editor files.
    case hidden
    /// A backup (`a.json~`).
    case backup
    /// Some other JSON file.
    case other

    /// The kind told by the file name alone, or nil when only the content can tell.
    public static func byName(_ path: String) -> DocumentKind? {
        let name = Path.base(path)
        if name.hasPrefix(".") { return .hidden }
        if name.hasSuffix("~") { return .backup }
        if name == "playbook-portfolio.json" { return .portfolioSettings }
        if name.hasSuffix(".catalog.json") { return .catalog }
        return nil
    }

    /// The kind told by the top-level fields of a parsed document.
    public static func byContent(_ value: JSONValue) -> DocumentKind {
        guard let object = value.objectValue else { return .other }
        func has(_ keys: String...) -> Bool { keys.allSatisfy { object[$0] != nil } }
        if has("answers") { return .assessment }
        if has("reading", "counts", "asOf") { return .report }
        if has("kind", "sections", "before", "after") { return .comparison }
        if has("rules", "themes") { return .catalog }
        return .other
    }

    /// The kind of the file at `path`: by name first, else by content; nil when it cannot be read or parsed.
    public static func of(_ path: String) -> DocumentKind? {
        if let kind = byName(path) { return kind }
        guard let bytes = try? SafeFile.read(path), let value = try? Documents.parse(bytes, path: path) else { return nil }
        return byContent(value)
    }

    /// "skipped: report JSON", the note `validate` prints for a file it does not check.
    public func skippedNote(_ lang: Language) -> String {
        let what: String
        switch self {
        case .assessment, .other: what = lang.pick(en: "not an assessment", fr: "pas une évaluation")
        case .report: what = lang.pick(en: "report JSON", fr: "JSON de rapport")
        case .comparison: what = lang.pick(en: "comparison JSON", fr: "JSON de comparaison")
        case .catalog: what = lang.pick(en: "catalogue", fr: "catalogue")
        case .portfolioSettings: what = lang.pick(en: "portfolio settings", fr: "réglages du portefeuille")
        case .hidden: what = lang.pick(en: "hidden file (lock or editor file)", fr: "fichier caché (verrou ou fichier d’éditeur)")
        case .backup: what = lang.pick(en: "backup", fr: "copie de sauvegarde")
        }
        return lang.pick(en: "skipped: ", fr: "ignoré : ") + what
    }
}
