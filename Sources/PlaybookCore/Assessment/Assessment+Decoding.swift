/// Reading an assessment from JSON against a catalogue, reporting every problem with its pointer.
extension Assessment {
    public static let maxNameLength = 1_000
    public static let maxNoteLength = 100_000
    public static let maxItemsPerRule = 1_000

    /// A warning that does not stop a file from loading.
    public enum Warning: Equatable, Sendable {
        case catalogVersionDiffers(file: String, loaded: String)
        case catalogContentDiffers
        case newerFormat(String)

        public func message(_ lang: Language) -> String {
            switch self {
            case .catalogVersionDiffers(let file, let loaded):
                return lang.pick(
                    en: "made with catalogue version \(file); this is version \(loaded)",
                    fr: "fait avec la version \(file) du catalogue ; celle-ci est la version \(loaded)")
            case .catalogContentDiffers:
                return lang.pick(
                    en: "the catalogue's content changed since this file was made (same version, different fingerprint)",
                    fr: "le contenu du catalogue a changé depuis la création de ce fichier (même version, empreinte différente)")
            case .newerFormat(let v):
                return lang.pick(
                    en: "format version \(v) is newer than this program (1.x): the file can be read but not changed",
                    fr: "la version de format \(v) est plus récente que ce programme (1.x) : le fichier peut être lu mais pas modifié")
            }
        }
    }

    /// Decodes an assessment from its tape against `catalog`; throws every problem found.
    static func decode(_ tape: JSONTape, catalog: Catalog) throws(ProblemList) -> (Assessment, [Warning]) {
        try tape.withRoot { root throws(ProblemList) in try decodeRoot(root, catalog: catalog) }
    }

    private static func decodeRoot(_ value: JSONNode, catalog: Catalog) throws(ProblemList) -> (Assessment, [Warning]) {
        let log = ProblemLog()
        var warnings: [Warning] = []
        let result = decode(value, catalog: catalog, log: log, warnings: &warnings)
        if let result, log.problems.isEmpty { return (result, warnings) }
        throw ProblemList(problems: log.problems)
    }

    private static let knownTop = KnownKeys([
        "formatVersion", "catalog", "program", "assessor", "side", "created", "updated", "assessedOn", "language", "answers",
    ])
    private static let knownCatalogRef = KnownKeys(["id", "version", "sha256"])
    private static let knownProgram = KnownKeys(["name", "partner", "segment"])
    private static let knownEvidence = KnownKeys(["text", "strength", "date"])
    private static let knownAction = KnownKeys(["id", "title", "owner", "due", "status"])

    private static func decode(_ value: JSONNode, catalog: Catalog, log: ProblemLog, warnings: inout [Warning]) -> Assessment? {
        let root = JSONPointer.root
        guard let o = log.object(value, at: root) else { return nil }
        guard let fv = log.required(o, "formatVersion", at: root),
            let formatVersion = log.string(fv, at: root.appending("formatVersion"), maxLength: 20)
        else { return nil }
        let major = formatVersion.split(separator: ".", omittingEmptySubsequences: false)
        guard major.count == 2, let m = Int(major[0]), Int(major[1]) != nil, m >= 1 else {
            log.add(root.appending("formatVersion"), .unsupportedFormat(formatVersion))
            return nil
        }
        if m > supportedMajor { warnings.append(.newerFormat(formatVersion)) }

        let catalogRef = log.required(o, "catalog", at: root).flatMap {
            decodeCatalogRef($0, at: root.appending("catalog"), catalog: catalog, log: log, warnings: &warnings)
        }
        let program = log.required(o, "program", at: root).flatMap { decodeProgram($0, at: root.appending("program"), log: log) }
        let assessor = log.required(o, "assessor", at: root).flatMap { log.string($0, at: root.appending("assessor"), maxLength: maxNameLength) }
        let side = log.required(o, "side", at: root).flatMap { log.choice($0, at: root.appending("side"), as: Side.self) }
        let created = log.required(o, "created", at: root).flatMap { log.timestamp($0, at: root.appending("created")) }
        let updated = log.required(o, "updated", at: root).flatMap { log.timestamp($0, at: root.appending("updated")) }
        let assessedOn = log.required(o, "assessedOn", at: root).flatMap { log.date($0, at: root.appending("assessedOn")) }
        let language = log.required(o, "language", at: root).flatMap { log.choice($0, at: root.appending("language"), as: Language.self) }
        var answers: [String: Answer] = [:]
        if let av = log.required(o, "answers", at: root), let ao = log.object(av, at: root.appending("answers")) {
            answers.reserveCapacity(ao.memberCount)
            for member in ao.members {
                let ap = root.appending("answers").appending(member.key)
                guard catalog.ruleIndex(member.key) != nil else {
                    log.add(ap, .unknownRule(member.key))
                    continue
                }
                if let answer = decodeAnswer(member.value, at: ap, log: log) { answers[member.key] = answer }
            }
        }
        guard let catalogRef, let program, let assessor, let side, let created, let updated, let assessedOn, let language else { return nil }
        var a = Assessment(catalog: catalog, program: program, assessor: assessor, side: side, now: created, assessedOn: assessedOn, language: language)
        a.formatVersion = formatVersion
        a.catalog = catalogRef
        a.updated = updated
        a.answers = answers
        a.extra = o.excluding(knownTop)
        return a
    }

    private static func decodeCatalogRef(_ value: JSONNode, at p: JSONPointer, catalog: Catalog, log: ProblemLog, warnings: inout [Warning])
        -> CatalogReference?
    {
        guard let o = log.object(value, at: p) else { return nil }
        let id = log.required(o, "id", at: p).flatMap { log.string($0, at: p.appending("id"), maxLength: 200, allowEmpty: false) }
        let version = log.required(o, "version", at: p).flatMap { log.string($0, at: p.appending("version"), maxLength: 100, allowEmpty: false) }
        var sha = log.required(o, "sha256", at: p).flatMap { log.string($0, at: p.appending("sha256"), maxLength: 64) }
        if let s = sha, !(s.utf8.count == 64 && s.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })) {
            log.add(p.appending("sha256"), .invalidFingerprint(s))
            sha = nil
        }
        guard let id, let version, let sha else { return nil }
        if id != catalog.id {
            log.add(p.appending("id"), .catalogMismatch(found: id, expected: catalog.id))
        } else if version != catalog.version {
            warnings.append(.catalogVersionDiffers(file: version, loaded: catalog.version))
        } else if sha != catalog.sha256 {
            warnings.append(.catalogContentDiffers)
        }
        return CatalogReference(id: id, version: version, sha256: sha, extra: o.excluding(knownCatalogRef))
    }

    private static func decodeProgram(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> Program? {
        guard let o = log.object(value, at: p) else { return nil }
        let name = log.required(o, "name", at: p).flatMap { log.string($0, at: p.appending("name"), maxLength: maxNameLength) }
        let partner = log.required(o, "partner", at: p).flatMap { log.string($0, at: p.appending("partner"), maxLength: maxNameLength) }
        var segment: Segment?
        if let s = o["segment"] { segment = log.choice(s, at: p.appending("segment"), as: Segment.self) }
        guard let name, let partner else { return nil }
        return Program(name: name, partner: partner, segment: segment, extra: o.excluding(knownProgram))
    }

    private static let knownAnswer = KnownKeys(["state", "score", "reason", "target", "note", "evidence", "actions"])

    private static func decodeAnswer(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> Answer? {
        guard let o = log.object(value, at: p) else { return nil }
        var answer = Answer()
        let before = log.problems.count
        if let sv = o["state"], let stateName = log.string(sv, at: p.appending("state"), maxLength: 50) {
            switch stateName {
            case "scored":
                if let v = log.required(o, "score", at: p), let s = log.integer(v, at: p.appending("score"), in: 0...3) { answer.state = .scored(s) }
                if o["reason"] != nil { log.add(p.appending("reason"), .notAllowedForState("reason", state: stateName)) }
            case "notApplicable":
                if let v = o["reason"], let r = log.string(v, at: p.appending("reason"), maxLength: maxNoteLength) {
                    if r.allSatisfy(\.isWhitespace) { log.add(p.appending("reason"), .missingReason) } else { answer.state = .notApplicable(reason: r) }
                } else if o["reason"] == nil {
                    log.add(p, .missingReason)
                }
                if o["score"] != nil { log.add(p.appending("score"), .notAllowedForState("score", state: stateName)) }
            case "unknown":
                answer.state = .unknown
                if o["score"] != nil { log.add(p.appending("score"), .notAllowedForState("score", state: stateName)) }
                if o["reason"] != nil { log.add(p.appending("reason"), .notAllowedForState("reason", state: stateName)) }
            default:
                log.add(p.appending("state"), .notOneOf(stateName, allowed: ["scored", "notApplicable", "unknown"]))
            }
        } else if o["state"] == nil {
            if o["score"] != nil { log.add(p.appending("score"), .notAllowedForState("score", state: "(none)")) }
            if o["reason"] != nil { log.add(p.appending("reason"), .notAllowedForState("reason", state: "(none)")) }
        }
        if let v = o["target"] { answer.target = log.integer(v, at: p.appending("target"), in: 0...3) }
        if let v = o["note"] { answer.note = log.string(v, at: p.appending("note"), maxLength: maxNoteLength) ?? "" }
        if let v = o["evidence"], let items = log.array(v, at: p.appending("evidence")) {
            if items.count > maxItemsPerRule { log.add(p.appending("evidence"), .tooMany(max: maxItemsPerRule)) }
            for (i, item) in items.prefix(maxItemsPerRule).enumerated() {
                if let e = decodeEvidence(item, at: p.appending("evidence").appending(i), log: log) { answer.evidence.append(e) }
            }
        }
        if let v = o["actions"], let items = log.array(v, at: p.appending("actions")) {
            if items.count > maxItemsPerRule { log.add(p.appending("actions"), .tooMany(max: maxItemsPerRule)) }
            var ids: Set<String> = []
            for (i, item) in items.prefix(maxItemsPerRule).enumerated() {
                let ip = p.appending("actions").appending(i)
                if let a = decodeAction(item, at: ip, log: log) {
                    if !ids.insert(a.id).inserted { log.add(ip.appending("id"), .duplicate(a.id)) }
                    answer.actions.append(a)
                }
            }
        }
        answer.extra = o.excluding(knownAnswer)
        return log.problems.count == before ? answer : nil
    }

    private static func decodeEvidence(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> Evidence? {
        guard let o = log.object(value, at: p) else { return nil }
        let text = log.required(o, "text", at: p).flatMap { log.string($0, at: p.appending("text"), maxLength: maxNoteLength, allowEmpty: false) }
        let strength = log.required(o, "strength", at: p).flatMap { log.choice($0, at: p.appending("strength"), as: Evidence.Strength.self) }
        var date: CalendarDate?
        var dateOK = true
        if let v = o["date"] {
            date = log.date(v, at: p.appending("date"))
            dateOK = date != nil
        }
        guard let text, let strength, dateOK else { return nil }
        return Evidence(text: text, strength: strength, date: date, extra: o.excluding(knownEvidence))
    }

    private static func decodeAction(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> ActionItem? {
        guard let o = log.object(value, at: p) else { return nil }
        let id = log.required(o, "id", at: p).flatMap { log.string($0, at: p.appending("id"), maxLength: 100, allowEmpty: false) }
        let title = log.required(o, "title", at: p).flatMap { log.string($0, at: p.appending("title"), maxLength: maxNameLength, allowEmpty: false) }
        let owner = o["owner"].flatMap { log.string($0, at: p.appending("owner"), maxLength: maxNameLength) } ?? ""
        let status = log.required(o, "status", at: p).flatMap { log.choice($0, at: p.appending("status"), as: ActionItem.Status.self) }
        var due: CalendarDate?
        var dueOK = true
        if let v = o["due"] {
            due = log.date(v, at: p.appending("due"))
            dueOK = due != nil
        }
        guard let id, let title, let status, dueOK else { return nil }
        return ActionItem(id: id, title: title, owner: owner, due: due, status: status, extra: o.excluding(knownAction))
    }
}
