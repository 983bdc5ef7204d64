/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
/// link and no external request, a Content-Security-Policy that forbids them anyway, and every
/// piece of user or file text escaped, so a hostile note cannot change the page's structure (S1).
enum HTMLReport {
    static func render(_ c: ReportContent) -> [UInt8] {
        let w = ReportWords(c.lang)
        let lang = c.lang
        let a = c.assessment
        var h = HTMLBuilder(capacity: 24_000 + c.rules.count * 2_500)
        h.raw("<!DOCTYPE html>\n<html lang=\"" + lang.rawValue + "\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HTMLStyle.contentSecurityPolicy + "\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        h.raw("<title>")
        h.text((a.program.name.isEmpty ? w.unnamedProgram : a.program.name) + " — " + w.reportTitle)
        h.raw("</title>\n<style>" + HTMLStyle.css + "</style>\n</head>\n<body>\n<main class=\"report\">\n")

        cover(c, w, into: &h)
        headline(c, w, into: &h)
        charts(c, w, into: &h)
        themes(c, w, into: &h)
        ruleTable(c, w, into: &h)
        priorities(c, w, into: &h)
        sectionStart("details", w.rules, pageBreak: true, into: &h)
        let words = HTMLRuleSection.Words(w)
        for line in c.rules { HTMLRuleSection.render(line, c, w, words, into: &h) }
        h.raw("</section>\n")
        actionPlan(c, w, into: &h)
        about(c, w, into: &h)
        h.raw("</main>\n</body>\n</html>\n")
        return h.bytes
    }

    private static func cover(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let a = c.assessment
        let lang = c.lang
        h.raw("<header class=\"cover\">\n")
        h.element("p", w.reportTitle, cls: "kicker")
        h.element("h1", a.program.name.isEmpty ? w.unnamedProgram : a.program.name)
        if !a.program.partner.isEmpty { h.element("p", w.partner + ReportText.colon(lang) + a.program.partner, cls: "subtitle") }
        h.raw("\n<dl class=\"facts\">")
        var facts: [(String, String)] = []
        if let segment = a.program.segment { facts.append((w.segment, segment.label(lang))) }
        facts.append((w.side, a.side.label(lang)))
        if !a.assessor.isEmpty { facts.append((w.assessor, a.assessor)) }
        facts.append((w.assessedOn, a.assessedOn.description))
        if !c.actions.isEmpty { facts.append((w.overdueAsOf, c.asOf.description)) }
        facts.append((w.catalogue, c.catalog.title[lang] + ", " + w.version + " " + c.catalog.version))
        for (i, (term, value)) in facts.enumerated() {
            h.raw(i == facts.count - 1 ? "<div class=\"wide\">" : "<div>")
            h.element("dt", term)
            h.element("dd", value)
            h.raw("</div>")
        }
        h.raw("</dl>\n</header>\n")
    }

    private static func sectionStart(_ id: String, _ title: String, pageBreak: Bool = false, into h: inout HTMLBuilder) {
        h.raw("<section" + (pageBreak ? " class=\"new-page\"" : "") + " aria-labelledby=\"h-" + id + "\">\n<h2 id=\"h-" + id + "\">")
        h.text(title)
        h.raw("</h2>\n")
    }

    private static func headline(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let s = c.summary
        let lang = c.lang
        sectionStart("headline", w.headline, into: &h)
        h.raw("<div class=\"kpis\">\n")
        // Without a band nothing is scored, and the summary's wording for that case applies.
        let band =
            s.band.map { c.levelLabel($0) + " (" + w.levelNumber($0) + ")" } ?? SummaryText.overallText(s.overall, band: s.band, catalog: c.catalog, lang: lang)
        kpi(w.overall, s.overall?.percent(lang) ?? "—", band, into: &h)
        kpi(w.coverage, s.coverage?.percent(lang) ?? "—", SummaryText.coverageText(s, lang: lang), into: &h)
        if let toTarget = s.toTarget {
            kpi(
                w.toTarget, toTarget.percent(lang),
                w.count(
                    s.targetCount, en: ("rule with a target and a score", "rules with a target and a score"),
                    fr: ("règle avec cible et score", "règles avec cible et score")), into: &h)
        }
        h.raw("</div>\n")
        h.element("p", ReportReading.paragraph(c, escape: { $0 }), cls: "reading")
        h.raw("\n</section>\n")
    }

    private static func kpi(_ label: String, _ value: String, _ detail: String, into h: inout HTMLBuilder) {
        h.raw("<div class=\"kpi\">")
        h.element("p", label, cls: "label")
        h.element("p", value, cls: "value")
        h.element("p", detail, cls: "detail")
        h.raw("</div>\n")
    }

    private static func charts(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let lang = c.lang
        sectionStart("glance", w.atAGlance, into: &h)
        h.raw("<div class=\"charts\">\n<figure>")
        let ruleCount = w.count(c.rules.count, en: ("rule", "rules"), fr: ("règle", "règles"))
        if c.rules.count >= 3 {
            let spokes = c.rules.map { SVGCharts.Spoke(label: String($0.rule.number), score: $0.score, target: $0.target) }
            let label =
                lang.pick(
                    en: "Radar chart of the \(ruleCount): each rule’s score from 0 at the centre to 3 at the edge",
                    fr: "Graphique radar des \(ruleCount) : la note de chaque règle, de 0 au centre à 3 au bord")
                + (c.hasTargets ? lang.pick(en: ", and its target as a dashed line.", fr: ", et sa cible en pointillés.") : ".")
            h.raw(
                SVGCharts.radar(
                    spokes, ariaLabel: label, describedBy: "rules-table",
                    legend: (w.score, w.target, lang.pick(en: "Grey italic numbers: rules not scored", fr: "Numéros gris en italique : règles non notées"))))
            h.raw("<figcaption>")
            h.text(
                lang.pick(
                    en:
                        "Score of each rule by number (0 at the centre, 3 at the edge). Rules that are not scored are left out of the shape. The same figures are in the table “Scores by rule”.",
                    fr:
                        "Note de chaque règle par numéro (0 au centre, 3 au bord). Les règles non notées sont laissées hors de la forme. Les mêmes chiffres figurent dans le tableau « Notes par règle »."
                ))
        } else {
            let bars = c.rules.map { r in
                SVGCharts.Bar(
                    label: "\(r.rule.number). " + r.rule.title[lang], fraction: r.score.map { Fraction($0, 3) }, target: r.target.map { Fraction($0, 3) },
                    value: r.score.map { "\($0) — " + c.levelLabel($0) } ?? w.state(r.answer.state))
            }
            h.raw(
                SVGCharts.bars(
                    bars,
                    ariaLabel: lang.pick(
                        en: "Bar chart of the \(ruleCount): each rule’s score from 0 to 3.",
                        fr: "Graphique en barres des \(ruleCount) : la note de chaque règle, de 0 à 3."),
                    describedBy: "rules-table", axis: levelAxis(c), axisTitle: w.score))
            h.raw("<figcaption>")
            h.text(
                lang.pick(
                    en: "Score of each rule from 0 to 3; a dashed mark shows its target. The same figures are in the table “Scores by rule”.",
                    fr: "Note de chaque règle de 0 à 3 ; un trait pointillé marque sa cible. Les mêmes chiffres figurent dans le tableau « Notes par règle »."))
        }
        h.raw("</figcaption></figure>\n<figure>")
        let themeBars = c.summary.themes.map { t in
            SVGCharts.Bar(label: c.themeTitle(t), fraction: t.overall, target: nil, value: t.overall?.percent(lang) ?? w.notScored)
        }
        let themeCount = w.count(c.summary.themes.count, en: ("theme", "themes"), fr: ("thème", "thèmes"))
        h.raw(
            SVGCharts.bars(
                themeBars,
                ariaLabel: lang.pick(
                    en: "Bar chart of the \(themeCount): each theme’s score as a percentage, with lines at levels 1, 2 and 3.",
                    fr: "Graphique en barres des \(themeCount) : le score de chaque thème en pourcentage, avec des repères aux niveaux 1, 2 et 3."),
                describedBy: "themes-table", axis: levelAxis(c), axisTitle: lang.pick(en: "Average level reached", fr: "Niveau moyen atteint")))
        h.raw("<figcaption>")
        h.text(
            lang.pick(
                en: "Score of each theme; the vertical lines mark levels 1, 2 and 3. The same figures are in the table “Themes”.",
                fr: "Score de chaque thème ; les traits verticaux marquent les niveaux 1, 2 et 3. Les mêmes chiffres figurent dans le tableau « Thèmes »."))
        h.raw("</figcaption></figure>\n</div>\n</section>\n")
    }

    /// `0 Absent`, `1 Ad hoc`, …: the names of the scale under the bars.
    private static func levelAxis(_ c: ReportContent) -> [String] {
        (0...3).map { "\($0) " + c.levelLabel($0) }
    }

    private static func themes(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        sectionStart("themes", w.themes, into: &h)
        h.raw("<div class=\"table-wrap\"><table id=\"themes-table\">\n<thead><tr>")
        header([(w.theme, false), (w.score, true), (w.level, false), (w.scoredRules, true), (w.coverage, true)], into: &h)
        h.raw("</tr></thead>\n<tbody>\n")
        for t in c.summary.themes {
            h.raw("<tr>")
            h.element("td", c.themeTitle(t))
            h.element("td", t.overall?.percent(c.lang) ?? "—", cls: "n")
            h.element("td", t.band.map { "\($0) — " + c.levelLabel($0) } ?? "—")
            h.element("td", "\(t.scoredCount)/\(t.applicableCount)", cls: "n")
            h.element("td", t.coverage?.percent(c.lang) ?? "—", cls: "n")
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table></div>\n</section>\n")
    }

    private static func ruleTable(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        sectionStart("scores", c.lang.pick(en: "Scores by rule", fr: "Notes par règle"), into: &h)
        h.raw("<div class=\"table-wrap\"><table id=\"rules-table\">\n<thead><tr>")
        header([(w.number, true), (w.rule, false), (w.theme, false), (w.score, false), (w.target, true), (w.gap, true), (w.openActions, true)], into: &h)
        h.raw("</tr></thead>\n<tbody>\n")
        for r in c.rules {
            h.raw("<tr><td class=\"n\">")
            h.number(r.rule.number)
            h.raw("</td>")
            h.element("td", r.rule.title[c.lang])
            h.element("td", r.themeTitle)
            if let score = r.score {
                h.raw("<td class=\"score\">")
                HTMLRuleSection.meter(score, into: &h)
                h.number(score)
                h.raw(" — ")
                h.text(c.levelLabel(score))
                h.raw("</td>")
            } else {
                h.element("td", w.state(r.answer.state), cls: "muted")
            }
            h.raw("<td class=\"n\">")
            if let target = r.target { h.number(target) } else { h.raw("—") }
            h.raw("</td><td class=\"n\">")
            if let gap = r.gap { h.number(gap) } else { h.raw("—") }
            h.raw("</td><td class=\"n\">")
            h.number(r.openActions)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table></div>\n</section>\n")
    }

    private static func priorities(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let lang = c.lang
        sectionStart("priorities", w.priorities, into: &h)
        h.element("p", c.summary.priorities.isEmpty ? w.noPriorities(c.summary) : w.prioritiesIntro, cls: "muted")
        h.raw("\n<ol class=\"priorities\">\n")
        for (i, p) in c.summary.priorities.prefix(ReportContent.detailedPriorities).enumerated() {
            guard let r = c.line(for: p) else { continue }
            h.raw("<li class=\"priority\"><h3>")
            h.text("\(i + 1). " + w.rule + " \(r.rule.number) — " + r.rule.title[lang])
            h.raw("</h3>\n<p>")
            h.element("span", SummaryText.gapText(p, lang: lang), cls: "gap")
            h.text(" · " + w.weightedGap.lowercased() + " " + Weight(thousandths: p.weightedGap).description + " · " + r.themeTitle)
            h.raw("</p>\n")
            if !r.answer.note.isEmpty {
                h.raw("<p class=\"user\">")
                h.element("strong", ReportText.label(w.note, lang))
                h.text(" " + r.answer.note)
                h.raw("</p>\n")
            }
            let open = r.answer.actions.filter(\.status.isOpen)
            if !open.isEmpty {
                h.raw("<ul>")
                for action in open { HTMLRuleSection.actionItem(action, overdue: action.isOverdue(asOf: c.asOf), w, into: &h) }
                h.raw("</ul>\n")
            }
            h.raw("</li>\n")
        }
        h.raw("</ol>\n")
        if let others = c.otherPriorities { h.element("p", others, cls: "muted") }
        h.raw("</section>\n")
    }

    private static func actionPlan(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        sectionStart("actions", w.actionPlan, pageBreak: true, into: &h)
        guard !c.actions.isEmpty else {
            h.element("p", w.noActions, cls: "muted")
            h.raw("\n</section>\n")
            return
        }
        h.element("p", w.actionCounts(c), cls: "muted")
        h.raw("\n<div class=\"table-wrap\"><table>\n<thead><tr>")
        header([(w.rule, true), (w.actionID, false), (w.title, false), (w.owner, false), (w.due, false), (w.status, false), (w.overdue, false)], into: &h)
        h.raw("</tr></thead>\n<tbody>\n")
        for x in c.actions {
            h.raw("<tr><td class=\"n\">")
            h.number(x.rule.number)
            h.raw("</td>")
            h.element("td", x.action.id)
            h.element("td", x.action.title, cls: "user")
            h.element("td", x.action.owner)
            h.element("td", x.action.due?.description ?? "—", cls: "n")
            h.element("td", x.action.status.label(c.lang))
            h.raw("<td>")
            if x.overdue { h.element("span", w.overdue, cls: "badge overdue") }
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody></table></div>\n</section>\n")
    }

    private static func about(_ c: ReportContent, _ w: ReportWords, into h: inout HTMLBuilder) {
        let lang = c.lang
        h.raw("<footer class=\"about\" aria-labelledby=\"h-about\">\n<h2 id=\"h-about\">")
        h.text(w.about)
        h.raw("</h2>\n<dl>")
        h.element("dt", w.catalogue)
        h.element(
            "dd", c.catalog.title[lang] + " — " + w.version + " " + c.catalog.version + " (" + w.fingerprint + " " + String(c.catalog.sha256.prefix(12)) + ")")
        if let source = w.sourceText(c.catalog) {
            h.element("dt", w.source)
            h.element("dd", source)
            if let note = c.catalog.source?.note?[lang], !note.isEmpty { h.element("dd", note) }
        }
        h.element("dt", w.method)
        h.element("dd", w.methodText)
        h.raw("</dl>\n</footer>\n")
    }

    /// Header cells; `numeric` right-aligns the column.
    private static func header(_ cells: [(String, Bool)], into h: inout HTMLBuilder) {
        for (title, numeric) in cells {
            h.raw(numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">")
            h.text(title)
            h.raw("</th>")
        }
    }
}
