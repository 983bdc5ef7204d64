/// A comparison as JSON for scripts and dashboards (`formatVersion` first, deterministic).
public enum CompareJSON {
    public static func render(_ c: Comparison) -> [UInt8] {
        func fraction(_ f: Fraction?) -> JSONValue {
            guard let f else { return .null }
            return .object(
                JSONObject([
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
            return .object(
                JSONObject([
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
        func state(_ answer: Answer, into out: inout JSONPrettyStream) {
            out.beginObject()
            if let s = answer.score {
                out.key("score")
                out.number(s)
            }
            out.key("state")
            if let state = answer.state { out.string(state.name) } else { out.null() }
            if let t = answer.target {
                out.key("target")
                out.number(t)
            }
            out.endObject()
        }
        func ids(_ key: String, _ actions: [ActionItem], into out: inout JSONPrettyStream) {
            out.key(key)
            out.beginArray()
            for a in actions { out.string(a.id) }
            out.endArray()
        }
        let themes: [JSONValue] = c.themes.map { t in
            .object(
                JSONObject([
                    JSONMember("after", fraction(t.after?.overall)),
                    JSONMember("before", fraction(t.before?.overall)),
                    JSONMember("change", points(t.change)),
                    JSONMember("id", .string(t.themeID)),
                ]))
        }
        // Streamed: the rules and sections have an item per rule, too many to build as a tree first.
        var out = JSONPrettyStream(capacity: 4_096 + c.rules.count * 450)
        out.beginObject()
        out.member("formatVersion", .string("1.0"))
        out.member("after", side(c.after))
        out.member("before", side(c.before))
        out.member("catalogChanged", .bool(c.catalogChanged))
        out.member(
            "changes",
            .object(
                JSONObject([
                    JSONMember("coverage", points(c.coverageChange)),
                    JSONMember("overall", points(c.overallChange)),
                    JSONMember("toTarget", points(c.toTargetChange)),
                ])))
        out.member("fell", .array(c.fell.map { .string($0) }))
        out.member("hasRegression", .bool(c.hasRegression))
        out.member("kind", .string(c.kind.rawValue))
        out.key("rules")
        out.beginArray()
        for r in c.rules {
            out.beginObject()
            ids("actionsCompleted", r.actionsCompleted, into: &out)
            ids("actionsDropped", r.actionsDropped, into: &out)
            if c.kind == .sides {
                // Two sides' files have their own actions: an id in one says nothing about the other.
                ids("actionsOnBothSides", r.actionsOnBothSides, into: &out)
                ids("actionsOnlyAfter", r.actionsOnlyAfter, into: &out)
                ids("actionsOnlyBefore", r.actionsOnlyBefore, into: &out)
            }
            ids("actionsOpened", r.actionsOpened, into: &out)
            out.key("after")
            state(r.after, into: &out)
            out.key("before")
            state(r.before, into: &out)
            out.member("change", .string(r.change.rawValue))
            out.member("delta", number(r.delta))
            out.member("id", .string(r.ruleID))
            out.member("noteChanged", .bool(r.noteChanged))
            out.member("number", .number(String(r.number)))
            out.member("presence", .string(String(describing: r.presence)))
            out.endObject()
        }
        out.endArray()
        out.key("sections")
        out.beginObject()
        for (section, rules) in c.sections() {
            out.key(section.rawValue)
            out.beginArray()
            for r in rules { out.string(r.ruleID) }
            out.endArray()
        }
        out.endObject()
        out.member("themes", .array(themes))
        out.member("warnings", .array(c.warnings.map { .string($0.message(.en)) }))
        out.endObject()
        return out.finish()
    }
}
