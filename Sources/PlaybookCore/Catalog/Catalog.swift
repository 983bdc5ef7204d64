/// A rule catalogue: the rules an assessment scores, with their themes and scale.
public struct Catalog: Sendable {
    public var id: String
    public var version: String
    public var sourceLanguage: Language
    public var title: LocalizedText
    public var description: LocalizedText
    /// Where the rules come from; nil for a home-made catalogue.
    public var source: Source?
    public var scale: [ScaleLevel]
    public var themes: [Theme]
    public var rules: [Rule]
    /// SHA-256 of the catalogue's canonical bytes (sorted keys, no whitespace).
    public var sha256: String

    private var ruleIndexByID: [String: Int]
    private var themeIndexByID: [String: Int]

    init(
        id: String, version: String, sourceLanguage: Language, title: LocalizedText, description: LocalizedText,
        source: Source?, scale: [ScaleLevel], themes: [Theme], rules: [Rule], sha256: String
    ) {
        self.id = id
        self.version = version
        self.sourceLanguage = sourceLanguage
        self.title = title
        self.description = description
        self.source = source
        self.scale = scale
        self.themes = themes
        self.rules = rules
        self.sha256 = sha256
        var ruleIndex: [String: Int] = [:]
        ruleIndex.reserveCapacity(rules.count)
        for (i, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = i }
        ruleIndexByID = ruleIndex
        var themeIndex: [String: Int] = [:]
        for (i, theme) in themes.enumerated() where themeIndex[theme.id] == nil { themeIndex[theme.id] = i }
        themeIndexByID = themeIndex
    }

    /// The position of the rule `id` in catalogue order.
    public func ruleIndex(_ id: String) -> Int? { ruleIndexByID[id] }

    public func rule(_ id: String) -> Rule? { ruleIndexByID[id].map { rules[$0] } }

    /// The rule with this id, or with this number when `key` is all digits.
    public func rule(matching key: String) -> Rule? {
        if let r = rule(key) { return r }
        if let n = Int(key) { return rules.first { $0.number == n } }
        return nil
    }

    public func theme(_ id: String) -> Theme? { themeIndexByID[id].map { themes[$0] } }

    public func themeIndex(_ id: String) -> Int? { themeIndexByID[id] }

    /// The level label for a 0–3 level.
    public func levelLabel(_ level: Int, _ lang: Language) -> String {
        scale.first { $0.level == level }?.label[lang] ?? String(level)
    }
}

extension Catalog: Equatable {
    /// Same content. The look-up indexes are left out: they are derived from `rules` and
    /// `themes` at initialisation and go stale if either is mutated afterwards.
    public static func == (a: Catalog, b: Catalog) -> Bool {
        a.id == b.id && a.version == b.version && a.sourceLanguage == b.sourceLanguage && a.title == b.title
            && a.description == b.description && a.source == b.source && a.scale == b.scale && a.themes == b.themes
            && a.rules == b.rules && a.sha256 == b.sha256
    }
}

extension Catalog {
    /// Where the catalogue's content comes from.
    public struct Source: Sendable, Equatable {
        public var author: String
        public var title: String
        public var date: String?
        public var url: String?
        public var note: LocalizedText?
    }

    /// One step of the 0–3 maturity scale.
    public struct ScaleLevel: Sendable, Equatable {
        public var level: Int
        public var label: LocalizedText
        public var meaning: LocalizedText
    }

    /// A group of rules.
    public struct Theme: Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
    }

    /// A footnote attached to a rule's text by its marker (`[1]`).
    public struct Footnote: Sendable, Equatable {
        public var marker: String
        public var text: LocalizedText
    }

    /// One rule of the catalogue.
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var number: Int
        public var theme: String
        public var weight: Weight
        public var title: LocalizedText
        public var text: LocalizedText
        public var questions: [LocalizedText]
        /// What levels 0, 1, 2 and 3 look like for this rule.
        public var levels: [LocalizedText]
        public var footnotes: [Footnote]
    }
}

/// A rule weight in thousandths, so that weighted sums stay exact integers.
public struct Weight: Hashable, Sendable, CustomStringConvertible {
    public var thousandths: Int

    public init(thousandths: Int) {
        self.thousandths = thousandths
    }

    public static let one = Weight(thousandths: 1000)

    /// Parses a JSON number lexeme with at most three decimals (`1`, `1.5`, `0.25`).
    public init?(lexeme: String) {
        let parts = lexeme.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, whole <= 1_000_000 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 3, let f = Int(digits) else { return nil }
            fraction = f * [1, 100, 10, 1][digits.count]
        }
        thousandths = whole * 1000 + fraction
    }

    public var description: String {
        let whole = thousandths / 1000
        var fraction = thousandths % 1000
        if fraction == 0 { return String(whole) }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let f = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
