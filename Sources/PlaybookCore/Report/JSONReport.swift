/// The computed results as JSON for scripts and dashboards (schema: Rules/schema/report.schema.json).
/// Written like saved files: `formatVersion` first, other keys sorted, so the same input gives the same bytes.
enum JSONReport {
    static let formatVersion = "1.0"

    static func render(_ c: ReportContent) -> [UInt8] {
        let s = c.summary
        let a = c.assessment
        let lang = c.lang
        var program: [(String, JSONValue)] = [("name", .string(a.program.name)), ("partner", .string(a.program.partner))]
        program.append(("segment", a.program.segment.map { .string($0.rawValue) } ?? .null))
        var source: [(String, JSONValue)] = [("author", .string(c.catalog.source.author)), ("title", .string(c.catalog.source.title))]
        source.append(("date", c.catalog.source.date.map(JSONValue.string) ?? .null))
        source.append(("url", c.catalog.source.url.map(JSONValue.string) ?? .null))
        var root = sortedObject([
            ("actions", .array(c.actions.map(action))),
            ("asOf", .string(c.asOf.description)),
            ("assessedOn", .string(a.assessedOn.description)),
            ("assessor", .string(a.assessor)),
            ("band", band(s.band, c)),
            ("catalog", .object(sortedObject([
                ("id", .string(c.catalog.id)), ("version", .string(c.catalog.version)), ("sha256", .string(c.catalog.sha256)),
                ("title", .string(c.catalog.title[lang])), ("source", .object(sortedObject(source))),
            ]))),
            ("counts", .object(sortedObject([
                ("rules", int(c.rules.count)), ("scored", int(s.scoredCount)), ("applicable", int(s.applicableCount)),
                ("notApplicable", int(s.notApplicableCount)), ("unknown", int(s.unknownCount)), ("notAssessed", int(s.unansweredCount)),
                ("withTarget", int(s.targetCount)), ("targetShortfall", int(c.shortfall)),
                ("actions", int(c.actions.count)), ("openActions", int(c.openActionCount)), ("overdueActions", int(c.overdueActionCount)),
            ]))),
            ("coverage", ratio(s.coverage)),
            ("language", .string(lang.rawValue)),
            ("overall", ratio(s.overall)),
            ("priorities", .array(s.priorities.enumerated().map { priority($0.element, rank: $0.offset + 1, c) })),
            ("program", .object(sortedObject(program))),
            ("reading", .string(ReportReading.paragraph(c, escape: { $0 }))),
            ("rules", .array(c.rules.map { rule($0, c) })),
            ("side", .string(a.side.rawValue)),
            ("themes", .array(s.themes.map { theme($0, c) })),
            ("toTarget", ratio(s.toTarget)),
        ])
        root.members.insert(JSONMember("formatVersion", .string(formatVersion)), at: 0)
        return JSONWriter.pretty(.object(root))
    }

    private static func rule(_ r: RuleLine, _ c: ReportContent) -> JSONValue {
        let state: String = r.answer.state?.name ?? "notAssessed"
        return .object(sortedObject([
            ("number", int(r.rule.number)), ("id", .string(r.rule.id)), ("theme", .string(r.rule.theme)),
            ("title", .string(r.rule.title[c.lang])), ("weight", .number(r.rule.weight.description)),
            ("state", .string(state)), ("score", r.score.map(int) ?? .null), ("level", band(r.score, c)),
            ("target", r.target.map(int) ?? .null), ("gap", r.gap.map(int) ?? .null),
            ("priorityRank", r.priorityRank.map(int) ?? .null),
            ("reason", r.reason.map(JSONValue.string) ?? .null), ("note", .string(r.answer.note)),
            ("evidence", .array(r.answer.evidence.map { e in
                .object(sortedObject([("text", .string(e.text)), ("strength", .string(e.strength.rawValue)),
                                      ("date", e.date.map { .string($0.description) } ?? .null)]))
            })),
            ("actions", int(r.answer.actions.count)), ("openActions", int(r.openActions)), ("overdueActions", int(r.overdueActions)),
        ]))
    }

    private static func theme(_ t: ThemeScore, _ c: ReportContent) -> JSONValue {
        .object(sortedObject([
            ("id", .string(t.themeID)), ("title", .string(c.themeTitle(t))),
            ("overall", ratio(t.overall)), ("band", band(t.band, c)), ("coverage", ratio(t.coverage)),
            ("rules", int(t.ruleCount)), ("scored", int(t.scoredCount)), ("applicable", int(t.applicableCount)),
        ]))
    }

    private static func priority(_ p: Priority, rank: Int, _ c: ReportContent) -> JSONValue {
        .object(sortedObject([
            ("rank", int(rank)), ("ruleId", .string(p.ruleID)), ("ruleNumber", int(p.number)),
            ("score", int(p.score)), ("goal", int(p.goal)), ("hasTarget", .bool(p.hasTarget)),
            ("weightedGap", .number(Weight(thousandths: p.weightedGap).description)),
        ]))
    }

    private static func action(_ x: ActionLine) -> JSONValue {
        .object(sortedObject([
            ("ruleNumber", int(x.rule.number)), ("ruleId", .string(x.rule.id)), ("id", .string(x.action.id)),
            ("title", .string(x.action.title)), ("owner", .string(x.action.owner)),
            ("due", x.action.due.map { .string($0.description) } ?? .null),
            ("status", .string(x.action.status.rawValue)), ("overdue", .bool(x.overdue)),
        ]))
    }

    /// `{"numerator": 2, "denominator": 3, "percent": 66.7}`: exact, and as shown (rounded half up).
    private static func ratio(_ f: Fraction?) -> JSONValue {
        guard let f else { return .null }
        return .object(JSONObject([JSONMember("denominator", int(f.denominator)), JSONMember("numerator", int(f.numerator)),
                                   JSONMember("percent", .number(ReportText.decimalTenths(f.permille)))]))
    }

    /// `{"level": 2, "label": "Established"}`.
    private static func band(_ level: Int?, _ c: ReportContent) -> JSONValue {
        guard let level else { return .null }
        return .object(JSONObject([JSONMember("label", .string(c.levelLabel(level))), JSONMember("level", int(level))]))
    }

    private static func int(_ n: Int) -> JSONValue { .number(String(n)) }

    /// An object with its keys sorted by code point, as in saved files.
    private static func sortedObject(_ members: [(String, JSONValue)]) -> JSONObject {
        JSONObject(members.map { JSONMember($0.0, $0.1) }).merged(with: JSONObject())
    }
}
