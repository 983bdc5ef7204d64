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
        var source: JSONValue = .null
        if let s = c.catalog.source {
            source = .object(
                sortedObject([
                    ("author", .string(s.author)), ("date", s.date.map(JSONValue.string) ?? .null),
                    ("title", .string(s.title)), ("url", s.url.map(JSONValue.string) ?? .null),
                ]))
        }
        // Streamed, keys in code point order, as `sortedObject` would put them: the arrays have an
        // item per rule or action, too many to build as a tree first.
        var out = JSONPrettyStream(capacity: 4_096 + c.rules.count * 700 + c.actions.count * 250)
        out.beginObject()
        out.member("formatVersion", .string(formatVersion))
        out.key("actions")
        out.beginArray()
        for x in c.actions { action(x, into: &out) }
        out.endArray()
        out.member("asOf", .string(c.asOf.description))
        out.member("assessedOn", .string(a.assessedOn.description))
        out.member("assessor", .string(a.assessor))
        out.member("band", band(s.band, c))
        out.member(
            "catalog",
            .object(
                sortedObject([
                    ("id", .string(c.catalog.id)), ("version", .string(c.catalog.version)), ("sha256", .string(c.catalog.sha256)),
                    ("title", .string(c.catalog.title[lang])), ("source", source),
                ])))
        out.member(
            "counts",
            .object(
                sortedObject([
                    ("rules", int(c.rules.count)), ("scored", int(s.scoredCount)), ("applicable", int(s.applicableCount)),
                    ("notApplicable", int(s.notApplicableCount)), ("unknown", int(s.unknownCount)), ("notAssessed", int(s.unansweredCount)),
                    ("withTarget", int(s.targetCount)), ("targetShortfall", int(c.shortfall)),
                    ("actions", int(c.actions.count)), ("openActions", int(c.openActionCount)), ("overdueActions", int(c.overdueActionCount)),
                ])))
        out.member("coverage", ratio(s.coverage))
        out.member("language", .string(lang.rawValue))
        out.member("overall", ratio(s.overall))
        out.key("priorities")
        out.beginArray()
        for (i, p) in s.priorities.enumerated() { priority(p, rank: i + 1, into: &out) }
        out.endArray()
        out.member("program", .object(sortedObject(program)))
        out.member("reading", .string(ReportReading.paragraph(c, escape: { $0 })))
        out.key("rules")
        out.beginArray()
        let levels = (0...3).map { band($0, c) }
        for r in c.rules { rule(r, c, levels, into: &out) }
        out.endArray()
        out.member("side", .string(a.side.rawValue))
        out.member("themes", .array(s.themes.map { theme($0, c) }))
        out.member("toTarget", ratio(s.toTarget))
        out.endObject()
        return out.finish()
    }

    private static func rule(_ r: RuleLine, _ c: ReportContent, _ levels: [JSONValue], into out: inout JSONPrettyStream) {
        out.beginObject()
        out.key("actions")
        out.number(r.answer.actions.count)
        out.key("evidence")
        out.beginArray()
        for e in r.answer.evidence {
            out.beginObject()
            out.key("date")
            if let date = e.date { out.string(date.description) } else { out.null() }
            out.key("strength")
            out.string(e.strength.rawValue)
            out.key("text")
            out.string(e.text)
            out.endObject()
        }
        out.endArray()
        optional("gap", r.gap, into: &out)
        out.key("id")
        out.string(r.rule.id)
        out.key("level")
        if let score = r.score {
            out.value(levels.indices.contains(score) ? levels[score] : band(score, c))
        } else {
            out.null()
        }
        out.key("note")
        out.string(r.answer.note)
        out.key("number")
        out.number(r.rule.number)
        out.key("openActions")
        out.number(r.openActions)
        out.key("overdueActions")
        out.number(r.overdueActions)
        optional("priorityRank", r.priorityRank, into: &out)
        out.key("reason")
        if let reason = r.reason { out.string(reason) } else { out.null() }
        optional("score", r.score, into: &out)
        out.key("state")
        out.string(r.answer.state?.name ?? "notAssessed")
        optional("target", r.target, into: &out)
        out.key("theme")
        out.string(r.rule.theme)
        out.key("title")
        out.string(r.rule.title[c.lang])
        out.key("weight")
        out.number(lexeme: r.rule.weight.description)
        out.endObject()
    }

    /// `"key": n`, or `null`.
    private static func optional(_ key: String, _ n: Int?, into out: inout JSONPrettyStream) {
        out.key(key)
        if let n { out.number(n) } else { out.null() }
    }

    private static func theme(_ t: ThemeScore, _ c: ReportContent) -> JSONValue {
        .object(
            sortedObject([
                ("id", .string(t.themeID)), ("title", .string(c.themeTitle(t))),
                ("overall", ratio(t.overall)), ("band", band(t.band, c)), ("coverage", ratio(t.coverage)),
                ("rules", int(t.ruleCount)), ("scored", int(t.scoredCount)), ("applicable", int(t.applicableCount)),
            ]))
    }

    private static func priority(_ p: Priority, rank: Int, into out: inout JSONPrettyStream) {
        out.beginObject()
        out.key("goal")
        out.number(p.goal)
        out.key("hasTarget")
        out.bool(p.hasTarget)
        out.key("rank")
        out.number(rank)
        out.key("ruleId")
        out.string(p.ruleID)
        out.key("ruleNumber")
        out.number(p.number)
        out.key("score")
        out.number(p.score)
        out.key("weightedGap")
        out.number(lexeme: Weight(thousandths: p.weightedGap).description)
        out.endObject()
    }

    private static func action(_ x: ActionLine, into out: inout JSONPrettyStream) {
        out.beginObject()
        out.key("due")
        if let due = x.action.due { out.string(due.description) } else { out.null() }
        out.key("id")
        out.string(x.action.id)
        out.key("overdue")
        out.bool(x.overdue)
        out.key("owner")
        out.string(x.action.owner)
        out.key("ruleId")
        out.string(x.rule.id)
        out.key("ruleNumber")
        out.number(x.rule.number)
        out.key("status")
        out.string(x.action.status.rawValue)
        out.key("title")
        out.string(x.action.title)
        out.endObject()
    }

    /// `{"numerator": 2, "denominator": 3, "percent": 66.7}`: exact, and as shown (rounded half up).
    private static func ratio(_ f: Fraction?) -> JSONValue {
        guard let f else { return .null }
        return .object(
            JSONObject([
                JSONMember("denominator", int(f.denominator)), JSONMember("numerator", int(f.numerator)),
                JSONMember("percent", .number(ReportText.decimalTenths(f.permille))),
            ]))
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
