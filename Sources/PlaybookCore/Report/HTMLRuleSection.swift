/// One rule of the HTML report: its text, where it stands, the note, the evidence and the actions.
enum HTMLRuleSection {
    static func render(_ r: RuleLine, _ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let lang = c.lang
        let rule = r.rule
        h.raw("<article class=\"rule\">\n<div class=\"rule-head\">")
        h.element("span", String(rule.number), cls: "no")
        h.element("h3", rule.title[lang])
        h.raw("</div>\n")
        h.element("p", r.themeTitle + " · " + w.weight.lowercased() + " " + rule.weight.description + " · " + rule.id, cls: "rule-meta")
        h.raw("\n<blockquote>")
        h.element("p", rule.text[lang], cls: "user")
        for note in rule.footnotes { h.element("p", "[" + note.marker + "] " + note.text[lang], cls: "footnote") }
        h.raw("</blockquote>\n")
        if let original = c.originalLanguage {
            h.raw("<blockquote class=\"original\" lang=\"" + original.rawValue + "\">")
            h.element("p", w.original(original) + ReportText.colon(lang) + w.quoted(rule.text[original]), cls: "user")
            h.raw("</blockquote>\n")
        }

        h.raw("<dl class=\"answer\">\n")
        if r.score == nil {
            field(w.state, into: &h) { h in h.element("span", w.state(r.answer.state), cls: "badge quiet") }
        }
        if let score = r.score {
            field(w.score, into: &h) { h in
                meter(score, into: &h)
                h.element("strong", "\(score) — " + c.levelLabel(score))
                let description = r.levelDescription(score, lang)
                if !description.isEmpty { h.text(ReportText.colon(lang) + description) }
            }
        }
        if let target = r.target {
            field(w.target, into: &h) { h in
                h.text("\(target) — " + c.levelLabel(target) + (r.gap.map { " (" + w.gap.lowercased() + " \($0))" } ?? ""))
            }
        }
        if let reason = r.reason { field(w.reason, user: true, into: &h) { h in h.text(reason) } }
        if !r.answer.note.isEmpty { field(w.note, user: true, into: &h) { h in h.text(r.answer.note) } }
        if !r.answer.evidence.isEmpty {
            field(w.evidence, into: &h) { h in
                h.raw("<ul>")
                for e in r.answer.evidence {
                    h.raw("<li>")
                    h.element("span", e.text, cls: "user")
                    h.element("span", " (" + e.strength.label(lang) + (e.date.map { ", " + $0.description } ?? "") + ")", cls: "muted")
                    h.raw("</li>")
                }
                h.raw("</ul>")
            }
        }
        if !r.answer.actions.isEmpty {
            field(w.actions, into: &h) { h in
                h.raw("<ul>")
                for action in r.answer.actions { actionItem(action, overdue: action.isOverdue(asOf: c.asOf), w, into: &h) }
                h.raw("</ul>")
            }
        }
        h.raw("</dl>\n</article>\n")
    }

    /// A `<dt>`/`<dd>` pair wrapped in a `<div>` (valid in a `<dl>`), so print never splits a label from its value.
    private static func field(_ term: String, user: Bool = false, into h: inout HTMLBuilder, _ body: (inout HTMLBuilder) -> Void) {
        h.raw("<div>")
        h.element("dt", term)
        h.raw(user ? "<dd class=\"user\">" : "<dd>")
        body(&h)
        h.raw("</dd></div>\n")
    }

    /// Three boxes, as many filled as the score: the level at a glance, in shape as well as colour.
    static func meter(_ score: Int, into h: inout HTMLBuilder) {
        h.raw("<span class=\"meter\" aria-hidden=\"true\">")
        for level in 1...3 { h.raw(level <= score ? "<i class=\"on\"></i>" : "<i></i>") }
        h.raw("</span>")
    }

    /// `A1 Write the plan — Paul — due 2026-12-15 — open [Overdue]` as a list item.
    static func actionItem(_ a: ActionItem, overdue: Bool, _ w: ReportWords, into h: inout HTMLBuilder) {
        h.raw("<li>")
        h.element("strong", a.id)
        h.raw(" ")
        h.element("span", a.title, cls: "user")
        var details: [String] = []
        if !a.owner.isEmpty { details.append(a.owner) }
        details += w.actionDetails(a)
        h.text(" — " + details.joined(separator: " — "))
        if overdue {
            h.raw(" ")
            h.element("span", w.overdue, cls: "badge overdue")
        }
        h.raw("</li>")
    }
}
