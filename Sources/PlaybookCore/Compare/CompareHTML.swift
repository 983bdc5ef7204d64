/// A comparison as one self-contained HTML page for the partner: the report's stylesheet and
/// policy (no script, no link, no request), both score polygons on one radar, every text escaped.
public enum CompareHTML {
    public static func render(_ c: Comparison, lang: Language) -> [UInt8] {
        let w = CompareWords(lang: lang, kind: c.kind)
        var h = HTMLBuilder(capacity: 20_000 + c.rules.count * 600)
        h.raw("<!DOCTYPE html>\n<html lang=\"" + lang.rawValue + "\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HTMLStyle.contentSecurityPolicy + "\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
        h.text(w.title(c))
        h.raw("</title>\n<style>" + HTMLStyle.css + "</style>\n</head>\n<body>\n<main class=\"report\">\n<header class=\"cover\">\n")
        h.element(
            "p",
            c.kind == .overTime
                ? lang.pick(en: "Comparison over time", fr: "Comparaison dans le temps")
                : lang.pick(en: "Comparison of the two sides", fr: "Comparaison des deux côtés"), cls: "kicker")
        h.element("h1", w.title(c))
        h.raw("\n<dl class=\"facts\">")
        for (label, side) in [(w.beforeLabel, c.before), (w.afterLabel, c.after)] {
            h.raw("<div class=\"wide\">")
            h.element("dt", label)
            h.element("dd", w.sideLine(label, side).split(separator: ":", maxSplits: 1).last.map { String($0.dropFirst()) } ?? "")
            h.raw("</div>")
        }
        h.raw("</dl>\n</header>\n")
        if !c.warnings.isEmpty {
            h.raw("<ul class=\"muted\">")
            for warning in c.warnings { h.element("li", warning.message(lang)) }
            h.raw("</ul>\n")
        }

        section("headline", lang.pick(en: "Headline", fr: "L’essentiel"), into: &h)
        h.raw("<div class=\"kpis\">\n")
        kpi(lang.pick(en: "Overall", fr: "Score global"), c.before.summary.overall, c.after.summary.overall, c.overallChange, w, into: &h)
        kpi(lang.pick(en: "Coverage", fr: "Couverture"), c.before.summary.coverage, c.after.summary.coverage, c.coverageChange, w, into: &h)
        if c.before.summary.toTarget != nil || c.after.summary.toTarget != nil {
            kpi(lang.pick(en: "To target", fr: "Vers la cible"), c.before.summary.toTarget, c.after.summary.toTarget, c.toTargetChange, w, into: &h)
        }
        h.raw("</div>\n")
        h.element("p", w.reading(c), cls: "reading")
        h.raw("\n</section>\n")

        let comparable = c.rules.filter { $0.presence == .both }
        if comparable.count >= 3 {
            section("glance", lang.pick(en: "At a glance", fr: "En un coup d’œil"), into: &h)
            h.raw("<div class=\"charts\">\n<figure>")
            let spokes = comparable.map { SVGCharts.Spoke(label: String($0.number), score: $0.before.score, target: $0.after.score) }
            let label = lang.pick(
                en: "Radar chart of each rule’s score, 0 at the centre to 3 at the edge: \(w.beforeLabel) as a filled shape, \(w.afterLabel) as a dashed line.",
                fr: "Graphique radar de la note de chaque règle, de 0 au centre à 3 au bord : \(w.beforeLabel) en forme pleine, \(w.afterLabel) en pointillés.")
            h.raw(
                SVGCharts.radar(
                    spokes, ariaLabel: label, describedBy: "compare-table",
                    legend: (w.beforeLabel, w.afterLabel, lang.pick(en: "Grey italic numbers: not scored", fr: "Numéros gris en italique : non notées"))))
            h.raw("<figcaption>")
            h.text(
                lang.pick(
                    en: "Both assessments on one radar. The same figures are in the table below.",
                    fr: "Les deux évaluations sur un même radar. Les mêmes chiffres figurent dans le tableau ci-dessous."))
            h.raw("</figcaption></figure>\n</div>\n</section>\n")
        }

        section("themes", lang.pick(en: "Themes", fr: "Thèmes"), into: &h)
        h.raw("<div class=\"table-wrap\"><table>\n<thead><tr>")
        for (title, numeric) in [(lang.pick(en: "Theme", fr: "Thème"), false), (w.beforeLabel, true), (w.afterLabel, true), (w.changeLabel, true)] {
            h.raw(numeric ? "<th class=\"n\">" : "<th>")
            h.text(title)
            h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        for t in c.themes {
            h.raw("<tr>")
            h.element("td", t.title[lang])
            h.element("td", w.percent(t.before?.overall), cls: "n")
            h.element("td", w.percent(t.after?.overall), cls: "n")
            h.element("td", w.points(t.change), cls: "n")
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table></div>\n</section>\n")

        var first = true
        for (s, rules) in c.sections() where !rules.isEmpty {
            section(s.rawValue, s.title(lang) + " (\(rules.count))", into: &h)
            h.raw("<div class=\"table-wrap\"><table" + (first ? " id=\"compare-table\"" : "") + ">\n<thead><tr>")
            first = false
            for (title, numeric) in [
                ("#", true), (lang.pick(en: "Rule", fr: "Règle"), false), (w.beforeLabel, true), (w.afterLabel, true), (w.changeLabel, true),
                (lang.pick(en: "Details", fr: "Détails"), false),
            ] {
                h.raw(numeric ? "<th class=\"n\">" : "<th>")
                h.text(title)
                h.raw("</th>")
            }
            h.raw("</tr></thead>\n<tbody>\n")
            for r in rules {
                h.raw("<tr>")
                h.element("td", String(r.number), cls: "n")
                h.element("td", r.title[lang])
                h.element("td", w.state(r.before), cls: "n")
                h.element("td", w.state(r.after), cls: "n")
                h.element("td", w.difference(r), cls: "n")
                h.raw("<td class=\"user\">")
                var lines = w.details(r)
                h.text(lines.joined(separator: "\n"))
                for (label, note) in w.notes(r) {
                    if !lines.isEmpty { h.text("\n") }
                    lines.append(label)
                    h.text(label + lang.pick(en: ": ", fr: " : "))
                    switch note {
                    case .text(let text): h.text(text)
                    case .diff(let tokens): diff(tokens, into: &h)
                    }
                }
                h.raw("</td></tr>\n")
            }
            h.raw("</tbody></table></div>\n</section>\n")
        }
        h.raw("</main>\n</body>\n</html>\n")
        return h.bytes
    }

    /// A note's word diff with its changes marked as HTML does (`<del>`, `<ins>`), the text escaped.
    private static func diff(_ tokens: [WordDiff.Token], into h: inout HTMLBuilder) {
        WordDiff.walk(tokens) { token in
            switch token {
            case .same(let s): h.text(s)
            case .removed(let s):
                h.raw("<del>")
                h.text(s)
                h.raw("</del>")
            case .added(let s):
                h.raw("<ins>")
                h.text(s)
                h.raw("</ins>")
            }
        }
    }

    private static func section(_ id: String, _ title: String, into h: inout HTMLBuilder) {
        h.raw("<section aria-labelledby=\"h-" + id + "\">\n<h2 id=\"h-" + id + "\">")
        h.text(title)
        h.raw("</h2>\n")
    }

    private static func kpi(_ label: String, _ before: Fraction?, _ after: Fraction?, _ change: Int?, _ w: CompareWords, into h: inout HTMLBuilder) {
        h.raw("<div class=\"kpi\">")
        h.element("p", label, cls: "label")
        // Between sides the big figure is the partner's: it says so, and the detail names ours and the gap.
        if w.kind == .sides {
            h.element("p", w.afterLabel + " " + w.percent(after), cls: "value")
            h.element("p", w.beforeLabel + " " + w.percent(before) + " · " + w.changeLabel.lowercased() + " " + w.points(change), cls: "detail")
        } else {
            h.element("p", w.percent(after), cls: "value")
            h.element("p", w.beforeLabel + " " + w.percent(before) + " · " + w.points(change), cls: "detail")
        }
        h.raw("</div>\n")
    }
}

/// The comparison formats, from one entry point for the command line and the checklist.
public enum CompareRender {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    public static func render(_ c: Comparison, format: Format, lang: Language, width: Int) -> [UInt8] {
        switch format {
        case .text: CompareText.renderBytes(c, lang: lang, width: width)
        case .markdown: CompareMarkdown.renderBytes(c, lang: lang)
        case .html: CompareHTML.render(c, lang: lang)
        case .json: CompareJSON.render(c)
        }
    }
}
