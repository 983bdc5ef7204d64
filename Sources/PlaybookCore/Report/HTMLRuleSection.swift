/// One rule of the HTML report: its text, where it stands, the note, the evidence and the actions.
enum HTMLRuleSection {
    /// The words every rule section repeats, looked up once per report.
    struct Words {
        let weight: String
        let gap: String
        let state: String
        let score: String
        let target: String
        let reason: String
        let note: String
        let evidence: String
        let actions: String
        let colon: String

        init(_ w: ReportWords) {
            weight = " · " + w.weight.lowercased() + " "
            gap = " (" + w.gap.lowercased() + " "
            state = w.state
            score = w.score
            target = w.target
            reason = w.reason
            note = w.note
            evidence = w.evidence
            actions = w.actions
            colon = ReportText.colon(w.lang)
        }
    }

    static func render(_ r: RuleLine, _ c: ReportContent, _ w: ReportWords, _ words: Words, into h: inout HTMLBuilder) {
        let lang = c.lang
        let rule = r.rule
        // Pieces of one element's text are escaped one by one: the same bytes as the whole, as
        // no piece of this program's ends or starts with a line break.
        h.raw("<article class=\"rule\">\n<div class=\"rule-head\"><span class=\"no\">")
        h.number(rule.number)
        h.raw("</span>")
        h.element("h3", rule.title[lang])
        h.raw("</div>\n")
        h.open("p", cls: "rule-meta")
        h.text(r.themeTitle)
        h.text(words.weight)
        h.text(rule.weight.description)
        h.raw(" · ")
        h.text(rule.id)
        h.close("p")
        h.raw("\n<blockquote>")
        h.element("p", rule.text[lang], cls: "user")
        for note in rule.footnotes { h.element("p", "[" + note.marker + "] " + note.text[lang], cls: "footnote") }
        h.raw("</blockquote>\n")
        if let original = c.originalLanguage {
            h.raw("<blockquote class=\"original\" lang=\"" + original.rawValue + "\">")
            h.open("p", cls: "user")
            h.text(w.original(original) + words.colon + w.quoteMarks.open)
            h.text(rule.text[original])
            h.text(w.quoteMarks.close)
            h.close("p")
            h.raw("</blockquote>\n")
        }

        h.raw("<dl class=\"answer\">\n")
        if r.score == nil {
            field(words.state, into: &h) { h in h.element("span", w.state(r.answer.state), cls: "badge quiet") }
        }
        if let score = r.score {
            field(words.score, into: &h) { h in
                meter(score, into: &h)
                h.open("strong")
                h.number(score)
                h.raw(" — ")
                h.text(c.levelLabel(score))
                h.close("strong")
                let description = r.levelDescription(score, lang)
                if !description.isEmpty {
                    h.text(words.colon)
                    h.text(description)
                }
            }
        }
        if let target = r.target {
            field(words.target, into: &h) { h in
                h.number(target)
                h.raw(" — ")
                h.text(c.levelLabel(target))
                if let gap = r.gap {
                    h.text(words.gap)
                    h.number(gap)
                    h.raw(")")
                }
            }
        }
        if let reason = r.reason { field(words.reason, user: true, into: &h) { h in h.text(reason) } }
        if !r.answer.note.isEmpty { field(words.note, user: true, into: &h) { h in h.text(r.answer.note) } }
        if !r.answer.evidence.isEmpty {
            field(words.evidence, into: &h) { h in
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
            field(words.actions, into: &h) { h in
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
