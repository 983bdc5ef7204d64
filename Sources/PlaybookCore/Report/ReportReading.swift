/// The headline's one-paragraph reading, in plain words, of what the numbers say.
enum ReportReading {
    /// The paragraph; `escape` is applied to every piece of catalogue or user text put into it,
    /// so each format can make that text safe while the fixed words stay readable.
    static func paragraph(_ c: ReportContent, escape: (String) -> String) -> String {
        let w = ReportWords(c.lang)
        let s = c.summary
        let lang = c.lang
        var sentences: [String] = []
        if let overall = s.overall, let band = s.band {
            let label = w.quoted(escape(c.levelLabel(band)))
            sentences.append(
                lang.pick(
                    en:
                        "With \(s.scoredCount) of \(s.applicableCount) applicable rules scored, the programme stands at \(overall.percent(lang)) overall, which is level \(band), \(label), on the catalogue’s 0–3 scale.",
                    fr:
                        "Avec \(w.count(s.scoredCount, en: ("", ""), fr: ("règle notée", "règles notées"))) sur \(s.applicableCount) \(s.applicableCount > 1 ? "applicables" : "applicable"), le programme atteint \(overall.percent(lang)) au global, soit le niveau \(band), \(label), sur l’échelle de 0 à 3 du catalogue."
                ))
            if let meaning = c.catalog.scale.first(where: { $0.level == band })?.meaning[lang], !meaning.isEmpty {
                sentences.append(lang.pick(en: "At that level: ", fr: "À ce niveau\u{A0}: ") + w.quoted(escape(meaning)))
            }
            sentences += themeSentences(c, w, escape: escape)
            if let toTarget = s.toTarget {
                let rules = w.count(s.targetCount, en: ("scored rule", "scored rules"), fr: ("règle notée", "règles notées"))
                let missing = w.count(c.shortfall, en: ("level", "levels"), fr: ("niveau", "niveaux"))
                sentences.append(
                    lang.pick(
                        en: "Against the targets set for \(rules), it is at \(toTarget.percent(lang)): \(missing) still to climb.",
                        fr: "Au regard des cibles fixées pour \(rules), il en est à \(toTarget.percent(lang))\u{A0}: \(missing) encore à gravir."))
            }
            sentences += prioritySentences(c, w, escape: escape)
        } else {
            let rules = w.count(s.applicableCount, en: ("applicable rule", "applicable rules"), fr: ("règle applicable", "règles applicables"))
            sentences.append(
                lang.pick(
                    en: "No rule has been scored yet, so there is no overall score: \(rules) to assess.",
                    fr: "Aucune règle n’est encore notée, il n’y a donc pas de score global\u{A0}: \(rules) à évaluer."))
        }
        sentences += incompleteSentences(c, w)
        sentences += actionSentences(c, w)
        return sentences.joined(separator: " ")
    }

    private static func themeSentences(_ c: ReportContent, _ w: ReportWords, escape: (String) -> String) -> [String] {
        var best: (ThemeScore, Fraction)?
        var worst: (ThemeScore, Fraction)?
        for theme in c.summary.themes {
            guard let o = theme.overall else { continue }
            if best.map({ $0.1 < o }) ?? true { best = (theme, o) }
            if worst.map({ o < $0.1 }) ?? true { worst = (theme, o) }
        }
        guard let best, let worst, best.0.themeID != worst.0.themeID || best.1.permille != worst.1.permille else { return [] }
        let lang = c.lang
        if best.1.permille == worst.1.permille {
            return [lang.pick(en: "Every scored theme stands at \(best.1.percent(lang)).", fr: "Tous les thèmes notés sont à \(best.1.percent(lang)).")]
        }
        let strong = w.quoted(escape(c.themeTitle(best.0))) + " (" + best.1.percent(lang) + ")"
        let weak = w.quoted(escape(c.themeTitle(worst.0))) + " (" + worst.1.percent(lang) + ")"
        return [
            lang.pick(
                en: "The strongest theme is \(strong), the weakest \(weak).",
                fr: "Le thème le plus solide est \(strong), le plus faible \(weak).")
        ]
    }

    private static func prioritySentences(_ c: ReportContent, _ w: ReportWords, escape: (String) -> String) -> [String] {
        let lang = c.lang
        let priorities = c.summary.priorities
        guard !priorities.isEmpty else {
            return [
                lang.pick(
                    en: "No scored rule is below its target (or below 3 where no target is set).",
                    fr: "Aucune règle notée n’est sous sa cible (ou sous 3 faute de cible).")
            ]
        }
        let named = priorities.prefix(3).compactMap { c.line(for: $0) }.map {
            lang.pick(en: "rule \($0.rule.number), ", fr: "la règle \($0.rule.number), ") + w.quoted(escape($0.rule.title[lang]))
        }
        let list = joinedList(named, lang)
        var sentences = [
            named.count == 1
                ? lang.pick(en: "The largest gap is on \(list).", fr: "Le plus grand écart porte sur \(list).")
                : lang.pick(en: "The largest gaps are on \(list).", fr: "Les plus grands écarts portent sur \(list).")
        ]
        let uncovered = priorities.filter { (c.line(for: $0)?.openActions ?? 0) == 0 }.count
        if uncovered > 0 {
            let below = w.count(
                priorities.count, en: ("rule below its goal", "rules below their goal"), fr: ("règle sous son objectif", "règles sous leur objectif"))
            sentences.append(
                w.isPlural(uncovered)
                    ? lang.pick(
                        en: "\(uncovered) of the \(below) have no open action yet.", fr: "\(uncovered) des \(below) n’ont encore aucune action ouverte.")
                    : lang.pick(en: "\(uncovered) of the \(below) has no open action yet.", fr: "\(uncovered) des \(below) n’a encore aucune action ouverte."))
        }
        return sentences
    }

    private static func incompleteSentences(_ c: ReportContent, _ w: ReportWords) -> [String] {
        let s = c.summary
        var parts: [String] = []
        if s.unknownCount > 0 {
            parts.append(
                w.count(
                    s.unknownCount, en: ("rule is marked unknown", "rules are marked unknown"),
                    fr: ("règle est marquée inconnue", "règles sont marquées inconnues")))
        }
        if s.unansweredCount > 0, s.overall != nil {
            parts.append(
                w.count(
                    s.unansweredCount, en: ("rule is not assessed yet", "rules are not assessed yet"),
                    fr: ("règle n’est pas encore évaluée", "règles ne sont pas encore évaluées")))
        }
        var sentences: [String] = []
        if !parts.isEmpty {
            let list = joinedList(parts, c.lang)
            sentences.append(c.lang.pick(en: "The picture is incomplete: \(list).", fr: "Le tableau est incomplet\u{A0}: \(list)."))
        }
        if s.notApplicableCount > 0 {
            sentences.append(
                w.count(
                    s.notApplicableCount, en: ("rule was set aside as not applicable.", "rules were set aside as not applicable."),
                    fr: ("règle a été écartée comme non applicable.", "règles ont été écartées comme non applicables.")))
        }
        return sentences
    }

    private static func actionSentences(_ c: ReportContent, _ w: ReportWords) -> [String] {
        guard !c.actions.isEmpty else { return [] }
        let lang = c.lang
        let open = c.openActionCount
        guard open > 0 else { return [lang.pick(en: "No action is open.", fr: "Aucune action n’est ouverte.")] }
        let date = c.asOf.description
        let openText = w.count(open, en: ("action is open", "actions are open"), fr: ("action est ouverte", "actions sont ouvertes"))
        let overdue = c.overdueActionCount
        if overdue == 0 {
            return [lang.pick(en: "\(openText), none overdue as of \(date).", fr: "\(openText), aucune en retard au \(date).")]
        }
        if open == 1 {
            return [lang.pick(en: "\(openText), and it is overdue as of \(date).", fr: "\(openText), et elle est en retard au \(date).")]
        }
        return [lang.pick(en: "\(openText), \(overdue) of them overdue as of \(date).", fr: "\(openText), dont \(overdue) en retard au \(date).")]
    }

    /// `a`, `a and b`, `a, b and c` (`et` in French).
    static func joinedList(_ items: [String], _ lang: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + lang.pick(en: " and ", fr: " et ") + items.last!
    }
}
