/// A saved assessment: one programme scored against one catalogue.
public struct Assessment: Sendable, Equatable {
    public static let currentFormatVersion = "1.0"
    public static let supportedMajor = 1

    public var formatVersion: String
    public var catalog: CatalogReference
    public var program: Program
    public var assessor: String
    public var side: Side
    public var created: Timestamp
    public var updated: Timestamp
    public var assessedOn: CalendarDate
    public var language: Language
    /// Answers by rule id; written in catalogue order.
    public var answers: [String: Answer]
    /// Fields this version does not know, kept as they were (B7).
    public var extra: JSONObject

    /// A new, empty assessment of `catalog`.
    public init(catalog: Catalog, program: Program, assessor: String, side: Side, now: Timestamp, assessedOn: CalendarDate, language: Language) {
        formatVersion = Assessment.currentFormatVersion
        self.catalog = CatalogReference(id: catalog.id, version: catalog.version, sha256: catalog.sha256, extra: JSONObject())
        self.program = program
        self.assessor = assessor
        self.side = side
        created = now
        updated = now
        self.assessedOn = assessedOn
        self.language = language
        answers = [:]
        extra = JSONObject()
    }

    /// The answer for a rule (an empty one when the rule has none yet).
    public func answer(_ ruleID: String) -> Answer {
        answers[ruleID] ?? Answer()
    }

    /// True when the file's major format version is newer than this program writes (B6).
    public var isNewerFormat: Bool {
        (Int(formatVersion.split(separator: ".").first ?? "") ?? 0) > Assessment.supportedMajor
    }
}

/// Which catalogue an assessment was made with.
public struct CatalogReference: Sendable, Equatable {
    public var id: String
    public var version: String
    public var sha256: String
    public var extra: JSONObject
}

/// The programme being assessed.
public struct Program: Sendable, Equatable {
    public var name: String
    public var partner: String
    public var segment: Segment?
    public var extra: JSONObject

    public init(name: String = "", partner: String = "", segment: Segment? = nil, extra: JSONObject = JSONObject()) {
        self.name = name
        self.partner = partner
        self.segment = segment
        self.extra = extra
    }
}

/// The kind of partnership, as rule 16 distinguishes them.
public enum Segment: String, CaseIterable, Sendable {
    case resale
    case marketingAlliance
    case commercialAlignment
    case other

    public func label(_ lang: Language) -> String {
        switch self {
        case .resale: lang.pick(en: "resale", fr: "revente")
        case .marketingAlliance: lang.pick(en: "marketing alliance", fr: "alliance marketing")
        case .commercialAlignment: lang.pick(en: "commercial alignment", fr: "alignement commercial")
        case .other: lang.pick(en: "other", fr: "autre")
        }
    }
}

/// Whose view the assessment records.
public enum Side: String, CaseIterable, Sendable {
    case ours
    case partner
    case joint

    public func label(_ lang: Language) -> String {
        switch self {
        case .ours: lang.pick(en: "our side", fr: "notre côté")
        case .partner: lang.pick(en: "partner’s side", fr: "côté partenaire")
        case .joint: lang.pick(en: "joint", fr: "conjointe")
        }
    }
}

/// The assessment of one rule.
public struct Answer: Sendable, Equatable {
    public var state: AnswerState?
    public var target: Int?
    public var note: String
    public var evidence: [Evidence]
    public var actions: [ActionItem]
    public var extra: JSONObject

    public init(
        state: AnswerState? = nil, target: Int? = nil, note: String = "", evidence: [Evidence] = [], actions: [ActionItem] = [],
        extra: JSONObject = JSONObject()
    ) {
        self.state = state
        self.target = target
        self.note = note
        self.evidence = evidence
        self.actions = actions
        self.extra = extra
    }

    /// True when there is nothing to write for this rule.
    public var isEmpty: Bool {
        state == nil && target == nil && note.isEmpty && evidence.isEmpty && actions.isEmpty && extra.isEmpty
    }

    /// The score when the rule is scored.
    public var score: Int? {
        if case .scored(let s) = state { return s }
        return nil
    }
}

/// Where a rule stands: scored 0–3, not applicable (with the reason), or unknown.
public enum AnswerState: Sendable, Equatable {
    case scored(Int)
    case notApplicable(reason: String)
    case unknown

    public var name: String {
        switch self {
        case .scored: "scored"
        case .notApplicable: "notApplicable"
        case .unknown: "unknown"
        }
    }
}

/// A piece of evidence behind a score.
public struct Evidence: Sendable, Equatable {
    public enum Strength: String, CaseIterable, Sendable {
        case asserted
        case documented
        case verified

        public func label(_ lang: Language) -> String {
            switch self {
            case .asserted: lang.pick(en: "asserted", fr: "affirmé")
            case .documented: lang.pick(en: "documented", fr: "documenté")
            case .verified: lang.pick(en: "verified", fr: "vérifié")
            }
        }
    }

    public var text: String
    public var strength: Strength
    public var date: CalendarDate?
    public var extra: JSONObject

    public init(text: String, strength: Strength, date: CalendarDate? = nil, extra: JSONObject = JSONObject()) {
        self.text = text
        self.strength = strength
        self.date = date
        self.extra = extra
    }
}

/// A follow-up action on a rule.
public struct ActionItem: Sendable, Equatable {
    public enum Status: String, CaseIterable, Sendable {
        case open
        case inProgress
        case done
        case dropped

        public func label(_ lang: Language) -> String {
            switch self {
            case .open: lang.pick(en: "open", fr: "ouverte")
            case .inProgress: lang.pick(en: "in progress", fr: "en cours")
            case .done: lang.pick(en: "done", fr: "faite")
            case .dropped: lang.pick(en: "dropped", fr: "abandonnée")
            }
        }

        /// Open and in-progress actions are still to be done.
        public var isOpen: Bool { self == .open || self == .inProgress }
    }

    public var id: String
    public var title: String
    public var owner: String
    public var due: CalendarDate?
    public var status: Status
    public var extra: JSONObject

    public init(id: String, title: String, owner: String = "", due: CalendarDate? = nil, status: Status = .open, extra: JSONObject = JSONObject()) {
        self.id = id
        self.title = title
        self.owner = owner
        self.due = due
        self.status = status
        self.extra = extra
    }

    /// True when the action is still open and its due date is before `today`.
    public func isOverdue(asOf today: CalendarDate) -> Bool {
        guard status.isOpen, let due else { return false }
        return due < today
    }
}

extension Assessment {
    /// Records an edit: the file now matches `catalog`, and `updated` moves to `now`.
    public mutating func touch(now: Timestamp, catalog: Catalog) {
        updated = now
        self.catalog.id = catalog.id
        self.catalog.version = catalog.version
        self.catalog.sha256 = catalog.sha256
    }

    /// A fresh action id for this assessment (`A1`, `A2`, …), unique across all rules.
    public func nextActionID() -> String {
        var highest = 0
        for answer in answers.values {
            for action in answer.actions where action.id.hasPrefix("A") {
                if let n = Int(action.id.dropFirst()) { highest = max(highest, n) }
            }
        }
        return "A\(highest + 1)"
    }
}
