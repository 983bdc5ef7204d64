/// Writing an assessment: `formatVersion` first, other keys sorted, answers in catalogue order.
extension Assessment {
    /// The file's bytes: deterministic, so saving twice without a change gives the same bytes.
    public func encoded(catalog: Catalog) -> [UInt8] {
        JSONWriter.pretty(jsonValue(catalog: catalog))
    }

    public func jsonValue(catalog: Catalog) -> JSONValue {
        var answersObject = JSONObject()
        answersObject.members.reserveCapacity(answers.count)
        for rule in catalog.rules {
            if let answer = answers[rule.id], !answer.isEmpty { answersObject.append(rule.id, answer.jsonValue) }
        }
        var rest = JSONObject([
            JSONMember("answers", .object(answersObject)),
            JSONMember("assessedOn", .string(assessedOn.description)),
            JSONMember("assessor", .string(assessor)),
            JSONMember(
                "catalog",
                .object(
                    JSONObject([
                        JSONMember("id", .string(self.catalog.id)),
                        JSONMember("sha256", .string(self.catalog.sha256)),
                        JSONMember("version", .string(self.catalog.version)),
                    ]).merged(with: self.catalog.extra))),
            JSONMember("created", .string(created.description)),
            JSONMember("language", .string(language.rawValue)),
            JSONMember("program", .object(program.jsonObject)),
            JSONMember("side", .string(side.rawValue)),
            JSONMember("updated", .string(updated.description)),
        ]).merged(with: extra)
        rest.members.insert(JSONMember("formatVersion", .string(formatVersion)), at: 0)
        return .object(rest)
    }
}

extension Program {
    var jsonObject: JSONObject {
        var o = JSONObject([JSONMember("name", .string(name)), JSONMember("partner", .string(partner))])
        if let segment { o.append("segment", .string(segment.rawValue)) }
        return o.merged(with: extra)
    }
}

extension Answer {
    var jsonValue: JSONValue {
        var o = JSONObject()
        if !actions.isEmpty { o.append("actions", .array(actions.map(\.jsonValue))) }
        if !evidence.isEmpty { o.append("evidence", .array(evidence.map(\.jsonValue))) }
        if !note.isEmpty { o.append("note", .string(note)) }
        switch state {
        case .scored(let s):
            o.append("score", .number(String(s)))
            o.append("state", .string("scored"))
        case .notApplicable(let reason):
            o.append("reason", .string(reason))
            o.append("state", .string("notApplicable"))
        case .unknown:
            o.append("state", .string("unknown"))
        case nil:
            break
        }
        if let target { o.append("target", .number(String(target))) }
        return .object(o.merged(with: extra))
    }
}

extension Evidence {
    var jsonValue: JSONValue {
        var o = JSONObject()
        if let date { o.append("date", .string(date.description)) }
        o.append("strength", .string(strength.rawValue))
        o.append("text", .string(text))
        return .object(o.merged(with: extra))
    }
}

extension ActionItem {
    var jsonValue: JSONValue {
        var o = JSONObject()
        if let due { o.append("due", .string(due.description)) }
        o.append("id", .string(id))
        o.append("owner", .string(owner))
        o.append("status", .string(status.rawValue))
        o.append("title", .string(title))
        return .object(o.merged(with: extra))
    }
}
