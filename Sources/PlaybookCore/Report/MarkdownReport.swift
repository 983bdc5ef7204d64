/// The report as GitHub-flavoured Markdown. Every piece of user or file text goes through
/// `Markdown.inline` (tables, one line) or `Markdown.block` (paragraphs), so no note can add
/// structure: a heading, a list, a link, HTML or a broken table (S2).
enum MarkdownReport {
    static func render(_ c: ReportContent) -> [UInt8] {
        let w = ReportWords(c.lang)
        var out = ReportBytes(capacity: 8_192 + c.rules.count * 1_500)
        header(c, w, into: &out)
        headline(c, w, into: &out)
        themes(c, w, into: &out)
        priorities(c, w, into: &out)
        rules(c, w, into: &out)
        actionPlan(c, w, into: &out)
        about(c, w, into: &out)
        return out.bytes
    }

    private static func header(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        let a = c.assessment
        let lang = c.lang
        out.line("# " + Markdown.inline(a.program.name.isEmpty ? w.unnamedProgram : a.program.name) + " — " + w.reportTitle)
        out.line()
        out.line("| | |")
        out.line("|---|---|")
        if !a.program.partner.isEmpty { out.line("| " + bold(w.partner) + " | " + Markdown.inline(a.program.partner) + " |") }
        if let segment = a.program.segment { out.line("| " + bold(w.segment) + " | " + segment.label(lang) + " |") }
        out.line("| " + bold(w.side) + " | " + a.side.label(lang) + " |")
        if !a.assessor.isEmpty { out.line("| " + bold(w.assessor) + " | " + Markdown.inline(a.assessor) + " |") }
        out.line("| " + bold(w.assessedOn) + " | " + a.assessedOn.description + " |")
        if !c.actions.isEmpty { out.line("| " + bold(w.overdueAsOf) + " | " + c.asOf.description + " |") }
        out.line("| " + bold(w.catalogue) + " | " + Markdown.inline(c.catalog.title[lang]) + ", " + w.version + " " + Markdown.inline(c.catalog.version) + " |")
        out.line()
    }

    private static func headline(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        let s = c.summary
        let lang = c.lang
        out.line("## " + w.headline)
        out.line()
        out.line(
            "- " + bold(w.overall) + ReportText.colon(lang)
                + SummaryText.overallText(s.overall, band: s.band, catalog: c.catalog, lang: lang, escape: { Markdown.inline($0) }))
        out.line("- " + bold(w.coverage) + ReportText.colon(lang) + SummaryText.coverageText(s, lang: lang))
        if let toTarget = s.toTarget {
            let rules = w.count(
                s.targetCount, en: ("rule with a target and a score", "rules with a target and a score"),
                fr: ("règle avec cible et score", "règles avec cible et score"))
            out.line("- " + bold(w.toTarget) + ReportText.colon(lang) + toTarget.percent(lang) + " (" + rules + ")")
        }
        out.line()
        out.line(ReportReading.paragraph(c, escape: { Markdown.inline($0) }))
        out.line()
    }

    private static func themes(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        out.line("## " + w.themes)
        out.line()
        out.line("| " + [w.theme, w.score, w.level, w.scoredRules, w.coverage].joined(separator: " | ") + " |")
        out.line("|---|---:|---|---:|---:|")
        for theme in c.summary.themes {
            let level = theme.band.map { "\($0) — " + Markdown.inline(c.levelLabel($0)) } ?? "—"
            out.line(
                "| " + Markdown.inline(c.themeTitle(theme)) + " | " + (theme.overall?.percent(c.lang) ?? "—") + " | " + level
                    + " | \(theme.scoredCount)/\(theme.applicableCount) | " + (theme.coverage?.percent(c.lang) ?? "—") + " |")
        }
        out.line()
    }

    private static func priorities(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        let lang = c.lang
        out.line("## " + w.priorities)
        out.line()
        out.line(c.summary.priorities.isEmpty ? w.noPriorities(c.summary) : w.prioritiesIntro)
        out.line()
        for (i, p) in c.summary.priorities.prefix(ReportContent.detailedPriorities).enumerated() {
            guard let r = c.line(for: p) else { continue }
            out.line(
                "\(i + 1). " + bold(w.rule + " \(r.rule.number) — " + Markdown.inline(r.rule.title[lang])) + ReportText.colon(lang)
                    + SummaryText.gapText(p, lang: lang))
            if !r.answer.note.isEmpty { out.line("   - " + w.note + ReportText.colon(lang) + Markdown.block(r.answer.note, atLineStart: false)) }
            for action in r.answer.actions where action.status.isOpen {
                out.line("   - " + w.action + " " + actionText(action, overdue: action.isOverdue(asOf: c.asOf), w))
            }
        }
        if let others = c.otherPriorities {
            out.line()
            out.line(others)
        }
        out.line()
    }

    private static func rules(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        out.line("## " + w.rules)
        out.line()
        out.line("| " + [w.number, w.rule, w.theme, w.state, w.score, w.target, w.gap, w.openActions].joined(separator: " | ") + " |")
        out.line("|---:|---|---|---|---|---:|---:|---:|")
        // Level labels escaped once, not once per rule.
        let levels = (0...3).map { Markdown.inline(c.levelLabel($0)) }
        for r in c.rules {
            out.raw("| ")
            out.raw(r.rule.number)
            out.raw(" | ")
            out.markdownInline(r.rule.title[c.lang])
            out.raw(" | ")
            out.markdownInline(r.themeTitle)
            out.raw(" | ")
            out.raw(w.state(r.answer.state))
            out.raw(" | ")
            if let score = r.score {
                out.raw(score)
                out.raw(" — ")
                out.raw(levels.indices.contains(score) ? levels[score] : Markdown.inline(c.levelLabel(score)))
            } else {
                out.raw("—")
            }
            out.raw(" | ")
            if let target = r.target { out.raw(target) } else { out.raw("—") }
            out.raw(" | ")
            if let gap = r.gap { out.raw(gap) } else { out.raw("—") }
            out.raw(" | ")
            out.raw(r.openActions)
            out.line(" |")
        }
        let words = SectionWords(w)
        for r in c.rules { ruleSection(r, c, w, words, into: &out) }
        out.line()
    }

    private static func actionPlan(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        out.line("## " + w.actionPlan)
        out.line()
        guard !c.actions.isEmpty else {
            out.line(w.noActions)
            out.line()
            return
        }
        out.line(w.actionCounts(c) + ".")
        out.line()
        out.line("| " + [w.rule, w.actionID, w.title, w.owner, w.due, w.status, w.overdue].joined(separator: " | ") + " |")
        out.line("|---:|---|---|---|---|---|---|")
        for x in c.actions {
            out.raw("| ")
            out.raw(x.rule.number)
            out.raw(" | ")
            out.markdownInline(x.action.id)
            out.raw(" | ")
            out.markdownInline(x.action.title)
            out.raw(" | ")
            out.markdownInline(x.action.owner)
            out.raw(" | ")
            if let due = x.action.due { out.raw(due.description) }
            out.raw(" | ")
            out.raw(x.action.status.label(c.lang))
            out.raw(" | ")
            if x.overdue { out.raw(bold(w.overdueFlag)) }
            out.line(" |")
        }
        out.line()
    }

    private static func about(_ c: ReportContent, _ w: ReportWords, into out: inout ReportBytes) {
        let lang = c.lang
        out.line("## " + w.about)
        out.line()
        out.line(
            "- " + bold(w.catalogue) + ReportText.colon(lang) + Markdown.inline(c.catalog.title[lang]) + ", " + w.version + " "
                + Markdown.inline(c.catalog.version)
                + " (" + w.fingerprint + " `" + String(c.catalog.sha256.filter(\.isHexDigit).prefix(12)) + "`)")
        if let source = w.sourceText(c.catalog) { out.line("- " + bold(w.source) + ReportText.colon(lang) + Markdown.inline(source)) }
        if let note = c.catalog.source?.note?[lang], !note.isEmpty { out.line("  " + Markdown.block(note)) }
        out.line("- " + bold(w.method) + ReportText.colon(lang) + w.methodText)
    }

    /// The words every rule section repeats, looked up once.
    private struct SectionWords {
        let weight: String
        let score: String
        let state: String
        let reason: String
        let target: String
        let gap: String
        let note: String
        let evidence: String
        let actions: String

        init(_ w: ReportWords) {
            weight = w.weight.lowercased()
            score = "- " + bold(w.score) + ReportText.colon(w.lang)
            state = "- " + bold(w.state) + ReportText.colon(w.lang)
            reason = "- " + bold(w.reason) + ReportText.colon(w.lang)
            target = "- " + bold(w.target) + ReportText.colon(w.lang)
            gap = " (" + w.gap.lowercased() + " "
            note = "- " + bold(w.note) + ReportText.colon(w.lang)
            evidence = "- " + bold(ReportText.label(w.evidence, w.lang))
            actions = "- " + bold(ReportText.label(w.actions, w.lang))
        }
    }

    private static func ruleSection(_ r: RuleLine, _ c: ReportContent, _ w: ReportWords, _ words: SectionWords, into out: inout ReportBytes) {
        let lang = c.lang
        out.newline()
        out.raw("### ")
        out.raw(r.rule.number)
        out.raw("\\. ")
        out.markdownInline(r.rule.title[lang])
        out.newline()
        out.newline()
        out.raw("*")
        out.markdownInline(r.themeTitle)
        out.raw(" · ")
        out.raw(words.weight)
        out.raw(" ")
        out.raw(r.rule.weight.description)
        out.raw(" · ")
        out.markdownInline(r.rule.id)
        out.line("*")
        out.newline()
        out.raw("> ")
        out.markdownBlock(r.rule.text[lang])
        out.newline()
        for note in r.rule.footnotes {
            out.raw(">\n> \\[")
            out.markdownInline(note.marker)
            out.raw("\\] ")
            out.markdownInline(note.text[lang])
            out.newline()
        }
        if let original = c.originalLanguage {
            out.line(">")
            out.raw("> " + bold(w.original(original)) + ReportText.colon(lang))
            out.raw(w.quoteMarks.open)
            out.markdownBlock(r.rule.text[original], atLineStart: false)
            out.raw(w.quoteMarks.close)
            out.newline()
        }
        out.newline()
        switch r.answer.state {
        case .scored(let score):
            out.raw(words.score)
            out.raw(score)
            out.raw(" — ")
            out.markdownInline(c.levelLabel(score))
            let description = r.levelDescription(score, lang)
            if !description.isEmpty {
                out.raw(ReportText.colon(lang))
                out.markdownInline(description)
            }
            out.newline()
        case .notApplicable(let reason):
            out.line(words.state + w.state(r.answer.state))
            out.raw(words.reason)
            out.markdownBlock(reason, atLineStart: false)
            out.newline()
        case .unknown, nil:
            out.line(words.state + w.state(r.answer.state))
        }
        if let target = r.target {
            out.raw(words.target)
            out.raw(target)
            out.raw(" — ")
            out.markdownInline(c.levelLabel(target))
            if let gap = r.gap {
                out.raw(words.gap)
                out.raw(gap)
                out.raw(")")
            }
            out.newline()
        }
        if !r.answer.note.isEmpty {
            out.raw(words.note)
            out.markdownBlock(r.answer.note, atLineStart: false)
            out.newline()
        }
        if !r.answer.evidence.isEmpty {
            out.line(words.evidence)
            for e in r.answer.evidence {
                out.raw("  - ")
                out.markdownBlock(e.text)
                out.raw(" (" + e.strength.label(lang))
                if let date = e.date { out.raw(", " + date.description) }
                out.line(")")
            }
        }
        if !r.answer.actions.isEmpty {
            out.line(words.actions)
            for action in r.answer.actions { out.line("  - " + actionText(action, overdue: action.isOverdue(asOf: c.asOf), w)) }
        }
    }

    /// `A1 — Write the plan — Paul — due 2026-12-15 — open — **OVERDUE**`.
    private static func actionText(_ a: ActionItem, overdue: Bool, _ w: ReportWords) -> String {
        // The id begins a list item's content, where `1.` or `#` would open a block.
        var parts = [Markdown.inline(a.id, atLineStart: true), Markdown.inline(a.title)]
        if !a.owner.isEmpty { parts.append(Markdown.inline(a.owner)) }
        parts += w.actionDetails(a)
        if overdue { parts.append(bold(w.overdueFlag)) }
        return parts.joined(separator: " — ")
    }

    /// Strong emphasis around text this program wrote (never user text, which could hold `**`).
    private static func bold(_ text: String) -> String { "**" + text + "**" }
}

private extension ReportBytes {
    /// A line of text of this program's (or already escaped), or an empty line.
    mutating func line() { newline() }
}
