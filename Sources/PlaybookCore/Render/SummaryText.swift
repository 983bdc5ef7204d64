/// The assessment summary for a terminal: headline figures, themes with bars, priorities and open actions.
public enum SummaryText {
    public struct Options: Sendable {
        public var lang: Language
        public var width: Int
        public var today: CalendarDate
        public var maxPriorities: Int

        public init(lang: Language, width: Int = 80, today: CalendarDate, maxPriorities: Int = 5) {
            self.lang = lang
            self.width = width
            self.today = today
            self.maxPriorities = maxPriorities
        }
    }

    public static func render(_ assessment: Assessment, catalog: Catalog, summary: ScoreSummary, options: Options) -> String {
        let lang = options.lang
        let width = max(40, options.width)
        let a = assessment
        var out = headerLines(a, catalog: catalog, lang: lang, width: width)
        out.append("")
        out += headlineLines(summary, catalog: catalog, lang: lang, width: width, answered: true)
        out.append("")
        out.append(lang.pick(en: "THEMES", fr: "THÈMES"))
        out += themeLines(summary, catalog: catalog, lang: lang, width: width)

        out.append("")
        out.append(lang.pick(en: "PRIORITIES (largest weighted gap first)", fr: "PRIORITÉS (plus grand écart pondéré d’abord)"))
        if summary.priorities.isEmpty {
            out.append("  " + lang.pick(en: "none: every scored rule is at its target (or 3)", fr: "aucune : chaque règle notée est à sa cible (ou à 3)"))
        }
        for p in summary.priorities.prefix(options.maxPriorities) {
            guard let rule = catalog.rule(p.ruleID) else { continue }
            let line = "\(rule.number). " + safe(rule.title[lang]) + " — " + gapText(p, lang: lang)
            out.append(contentsOf: CatalogText.hanging(TextWrap.lines(line, width: width - 4), first: "  ", rest: 4))
        }
        if summary.priorities.count > options.maxPriorities {
            out.append(
                "  "
                    + lang.pick(
                        en: "… and \(summary.priorities.count - options.maxPriorities) more",
                        fr: "… et \(summary.priorities.count - options.maxPriorities) autres"))
        }

        let open = openActions(a, catalog: catalog)
        out.append("")
        let overdue = open.filter { $0.1.isOverdue(asOf: options.today) }.count
        // The date judged by is said beside the count: a live view and a report may judge by different days.
        let asOf = options.today.description
        out.append(
            lang.pick(
                en: "OPEN ACTIONS (\(open.count), \(overdue) overdue as of \(asOf))",
                fr: "ACTIONS OUVERTES (\(open.count), dont \(overdue) en retard au \(asOf))"))
        for (rule, action) in open {
            var line = "\(rule.number). " + safe(action.title)
            if !action.owner.isEmpty { line += " — " + safe(action.owner) }
            if let due = action.due { line += " — " + lang.pick(en: "due ", fr: "échéance ") + due.description }
            if action.isOverdue(asOf: options.today) { line += " " + lang.pick(en: "(OVERDUE)", fr: "(EN RETARD)") }
            out.append(contentsOf: CatalogText.hanging(TextWrap.lines(line, width: width - 4), first: "  ", rest: 4))
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// The programme and partner, the side, segment, date and assessor, and the catalogue, wrapped to `width`.
    public static func headerLines(_ a: Assessment, catalog: Catalog, lang: Language, width: Int) -> [String] {
        var out: [String] = []
        let name = a.program.name.isEmpty ? lang.pick(en: "(unnamed programme)", fr: "(programme sans nom)") : a.program.name
        var title = safe(name)
        if !a.program.partner.isEmpty { title += " — " + lang.pick(en: "partner: ", fr: "partenaire : ") + safe(a.program.partner) }
        out.append(contentsOf: TextWrap.lines(title, width: width))
        var facts: [String] = [a.side.label(lang)]
        if let segment = a.program.segment { facts.append(segment.label(lang)) }
        facts.append(lang.pick(en: "assessed on ", fr: "évalué le ") + a.assessedOn.description)
        if !a.assessor.isEmpty { facts.append(lang.pick(en: "by ", fr: "par ") + safe(a.assessor)) }
        out.append(contentsOf: TextWrap.lines(facts.joined(separator: " · "), width: width))
        out.append(
            contentsOf: TextWrap.lines(
                lang.pick(en: "Catalogue: ", fr: "Catalogue : ") + safe(catalog.title[lang]) + " v" + safe(catalog.version), width: width))
        return out
    }

    /// The overall score, coverage and percent-to-target as labelled rows wrapped to `width`; with
    /// `answered`, also how many rules have an answer (the checklist header's figure).
    public static func headlineLines(_ summary: ScoreSummary, catalog: Catalog, lang: Language, width: Int, answered: Bool = false) -> [String] {
        var out: [String] = []
        let labelWidth =
            max(
                DisplayWidth.of(lang.pick(en: "Overall", fr: "Score global")), DisplayWidth.of(lang.pick(en: "Coverage", fr: "Couverture")),
                DisplayWidth.of(lang.pick(en: "To target", fr: "Vers la cible")), answered ? DisplayWidth.of(lang.pick(en: "Answered", fr: "Réponses")) : 0) + 2
        func row(_ label: String, _ value: String) {
            let lines = TextWrap.lines(value, width: width - labelWidth)
            out.append(TextWrap.pad(label, width: labelWidth) + lines[0])
            for line in lines.dropFirst() { out.append(String(repeating: " ", count: labelWidth) + line) }
        }
        row(lang.pick(en: "Overall", fr: "Score global"), overallText(summary.overall, band: summary.band, catalog: catalog, lang: lang))
        row(lang.pick(en: "Coverage", fr: "Couverture"), coverageText(summary, lang: lang))
        if answered { row(lang.pick(en: "Answered", fr: "Réponses"), answeredText(summary, lang: lang)) }
        if let toTarget = summary.toTarget {
            row(
                lang.pick(en: "To target", fr: "Vers la cible"),
                toTarget.percent(lang) + " " + "(" + lang.count(summary.targetCount, en: "rule", "rules", fr: "règle", "règles")
                    + lang.pick(en: " with a target and a score)", fr: " avec cible et score)"))
        }
        return out
    }

    /// One line per theme: name, bar, percentage and how many of its rules are scored.
    public static func themeLines(_ summary: ScoreSummary, catalog: Catalog, lang: Language, width: Int) -> [String] {
        var out: [String] = []
        let themeNames = catalog.themes.map { safe($0.title[lang]) }
        let nameWidth = min(max(10, themeNames.map(DisplayWidth.of).max() ?? 10), width / 3)
        let barWidth = max(5, min(20, width - nameWidth - 30))
        for (i, theme) in summary.themes.enumerated() {
            let percent = theme.overall.map { $0.percent(lang) } ?? "—"
            let bar = Bars.bar(theme.overall, width: barWidth)
            let counts = lang.pick(en: "\(theme.scoredCount)/\(theme.applicableCount) scored", fr: "\(theme.scoredCount)/\(theme.applicableCount) notées")
            let short = "  " + TextWrap.pad(themeNames[i], width: nameWidth) + "  " + bar + "  " + TextWrap.pad(percent, width: 7)
            let line = short + "  " + counts
            // On a narrow terminal the counts go first; the line never overflows.
            out.append(DisplayWidth.of(line) <= width ? line : TextWrap.clip(short, width: width))
        }
        return out
    }

    /// `1 → 3 (target 3)` or `1 → 3 (max 3)`: where a priority rule stands and what it aims for.
    public static func gapText(_ p: Priority, lang: Language) -> String {
        let goal = p.hasTarget ? lang.pick(en: "target \(p.goal)", fr: "cible \(p.goal)") : lang.pick(en: "max 3", fr: "max 3")
        return "\(p.score) → \(p.goal) (\(goal))"
    }

    /// `66.7% — Established (level 2)`, or a word when nothing is scored.
    public static func overallText(_ overall: Fraction?, band: Int?, catalog: Catalog, lang: Language) -> String {
        overallText(overall, band: band, catalog: catalog, lang: lang, escape: safe)
    }

    /// The same, with `escape` making the catalogue's level label safe for another output (Markdown, HTML).
    public static func overallText(_ overall: Fraction?, band: Int?, catalog: Catalog, lang: Language, escape: (String) -> String) -> String {
        guard let overall, let band else { return lang.pick(en: "no rule scored yet", fr: "aucune règle notée pour l’instant") }
        return overall.percent(lang) + " — " + escape(catalog.levelLabel(band, lang)) + lang.pick(en: " (level \(band))", fr: " (niveau \(band))")
    }

    /// `15 of 16 rules (scored, not applicable or unknown)`: the rules with an answer, out of all.
    public static func answeredText(_ s: ScoreSummary, lang: Language) -> String {
        let answered = s.scoredCount + s.notApplicableCount + s.unknownCount
        let total = answered + s.unansweredCount
        return lang.pick(
            en: "\(answered) of \(total) \(total == 1 ? "rule" : "rules") (scored, not applicable or unknown)",
            fr: "\(answered) sur \(total) \(total <= 1 ? "règle" : "règles") (notées, non applicables ou inconnues)")
    }

    public static func coverageText(_ s: ScoreSummary, lang: Language) -> String {
        var text =
            s.applicableCount == 1
            ? lang.pick(en: "\(s.scoredCount) of 1 applicable rule scored", fr: "\(s.scoredCount) règle notée sur 1 applicable")
            : lang.pick(
                en: "\(s.scoredCount) of \(s.applicableCount) applicable rules scored",
                fr: lang.count(s.scoredCount, en: "", "", fr: "règle notée", "règles notées") + " sur \(s.applicableCount) applicables")
        if let c = s.coverage { text += " (" + c.percent(lang) + ")" }
        var extras: [String] = []
        if s.notApplicableCount > 0 {
            extras.append(lang.count(s.notApplicableCount, en: "not applicable", "not applicable", fr: "non applicable", "non applicables"))
        }
        if s.unknownCount > 0 { extras.append(lang.count(s.unknownCount, en: "unknown", "unknown", fr: "inconnue", "inconnues")) }
        if s.unansweredCount > 0 { extras.append(lang.count(s.unansweredCount, en: "not assessed", "not assessed", fr: "non évaluée", "non évaluées")) }
        if !extras.isEmpty { text += " · " + extras.joined(separator: " · ") }
        return text
    }

    /// Open and in-progress actions in catalogue order.
    public static func openActions(_ a: Assessment, catalog: Catalog) -> [(Catalog.Rule, ActionItem)] {
        var result: [(Catalog.Rule, ActionItem)] = []
        for rule in catalog.rules {
            guard let answer = a.answers[rule.id] else { continue }
            for action in answer.actions where action.status.isOpen { result.append((rule, action)) }
        }
        return result
    }

    static func safe(_ text: String) -> String { TerminalSafety.visible(text, expandTabs: true) }
}

/// Horizontal bars drawn with block characters, eighths included.
public enum Bars {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `width` columns filled in proportion to `fraction` (light shade for the rest).
    public static func bar(_ fraction: Fraction?, width: Int) -> String {
        guard let fraction, fraction.denominator > 0 else { return String(repeating: "░", count: width) }
        let total = width * 8
        let filled = min(total, (fraction.numerator * total * 2 + fraction.denominator) / (2 * fraction.denominator))
        var s = String(repeating: "█", count: filled / 8)
        var used = filled / 8
        if filled % 8 > 0 {
            s += eighths[filled % 8]
            used += 1
        }
        return s + String(repeating: "░", count: width - used)
    }
}
