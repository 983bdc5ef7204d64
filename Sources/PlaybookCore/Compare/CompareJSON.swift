/// A comparison as JSON for scripts and dashboards (`formatVersion` first, deterministic).
public enum CompareJSON {
    public static func render(_ c: Comparison) -> [UInt8] {
        func fraction(_ f: Fraction?) -> JSONValue {
            guard let f else { return .null }
            return .object(JSONObject([
                JSONMember("denominator", .number(String(f.denominator))),
                JSONMember("numerator", .number(String(f.numerator))),
                JSONMember("percent", .number(String(f.permille / 10) + "." + String(f.permille % 10))),
            ]))
        }
        func number(_ n: Int?) -> JSONValue { n.map { .number(String($0)) } ?? .null }
        func points(_ permille: Int?) -> JSONValue {
            guard let p = permille else { return .null }
            return .number((p < 0 ? "-" : "") + String(abs(p) / 10) + "." + String(abs(p) % 10))
        }
        func side(_ s: Comparison.Side) -> JSONValue {
            let a = s.assessment
            return .object(JSONObject([
                JSONMember("assessedOn", .string(a.assessedOn.description)),
                JSONMember("catalog", .object(JSONObject([JSONMember("id", .string(a.catalog.id)), JSONMember("version", .string(a.catalog.version))]))),
                JSONMember("coverage", fraction(s.summary.coverage)),
                JSONMember("file", .string(Path.base(s.path))),
                JSONMember("overall", fraction(s.summary.overall)),
                JSONMember("program", .string(a.program.name)),
                JSONMember("side", .string(a.side.rawValue)),
                JSONMember("toTarget", fraction(s.summary.toTarget)),
            ]))
        }
        func state(_ answer: Answer) -> JSONValue {
            var o = JSONObject()
            if let s = answer.score { o.append("score", .number(String(s))) }
            o.append("state", answer.state.map { .string($0.name) } ?? .null)
            if let t = answer.target { o.append("target", .number(String(t))) }
            return .object(o)
        }
        var sections = JSONObject()
        for (section, rules) in c.sections() { sections.append(section.rawValue, .array(rules.map { .string($0.ruleID) })) }
        let rules: [JSONValue] = c.rules.map { r in
            .object(JSONObject([
                JSONMember("actionsCompleted", .array(r.actionsCompleted.map { .string($0.id) })),
                JSONMember("actionsDropped", .array(r.actionsDropped.map { .string($0.id) })),
                JSONMember("actionsOpened", .array(r.actionsOpened.map { .string($0.id) })),
                JSONMember("after", state(r.after)),
                JSONMember("before", state(r.before)),
                JSONMember("change", .string(r.change.rawValue)),
                JSONMember("delta", number(r.delta)),
                JSONMember("id", .string(r.ruleID)),
                JSONMember("noteChanged", .bool(r.noteChanged)),
                JSONMember("number", .number(String(r.number))),
                JSONMember("presence", .string(String(describing: r.presence))),
            ]))
        }
        let themes: [JSONValue] = c.themes.map { t in
            .object(JSONObject([
                JSONMember("after", fraction(t.after?.overall)),
                JSONMember("before", fraction(t.before?.overall)),
                JSONMember("change", points(t.change)),
                JSONMember("id", .string(t.themeID)),
            ]))
        }
        var root = JSONObject([
            JSONMember("after", side(c.after)),
            JSONMember("before", side(c.before)),
            JSONMember("catalogChanged", .bool(c.catalogChanged)),
            JSONMember("changes", .object(JSONObject([
                JSONMember("coverage", points(c.coverageChange)),
                JSONMember("overall", points(c.overallChange)),
                JSONMember("toTarget", points(c.toTargetChange)),
            ]))),
            JSONMember("hasRegression", .bool(c.hasRegression)),
            JSONMember("kind", .string(c.kind.rawValue)),
            JSONMember("rules", .array(rules)),
            JSONMember("sections", .object(sections)),
            JSONMember("themes", .array(themes)),
            JSONMember("warnings", .array(c.warnings.map { .string($0.message(.en)) })),
        ])
        root.members.insert(JSONMember("formatVersion", .string("1.0")), at: 0)
        return JSONWriter.pretty(.object(root))
    }
}
