/// The fixed words of a report in its language, shared by every format so they never drift apart.
struct ReportWords {
    let lang: Language

    init(_ lang: Language) {
        self.lang = lang
    }

    private func pick(_ en: String, _ fr: String) -> String { lang.pick(en: en, fr: fr) }

    var reportTitle: String { pick("Partnership assessment report", "Rapport d’évaluation du partenariat") }
    var unnamedProgram: String { pick("(unnamed programme)", "(programme sans nom)") }
    var partner: String { pick("Partner", "Partenaire") }
    var segment: String { pick("Segment", "Segment") }
    var side: String { pick("Side", "Point de vue") }
    var assessor: String { pick("Assessor", "Évaluateur") }
    var assessedOn: String { pick("Assessed on", "Évalué le") }
    var overdueAsOf: String { pick("Overdue as of", "Retards au") }
    var headline: String { pick("Headline", "L’essentiel") }
    var atAGlance: String { pick("At a glance", "En un coup d’œil") }
    var overall: String { pick("Overall score", "Score global") }
    var coverage: String { pick("Coverage", "Couverture") }
    var toTarget: String { pick("To target", "Vers la cible") }
    var themes: String { pick("Themes", "Thèmes") }
    var priorities: String { pick("Priorities", "Priorités") }
    var prioritiesIntro: String {
        pick(
            "Scored rules below their target (or below 3 without one), largest weighted gap first.",
            "Règles notées sous leur cible (ou sous 3 sans cible), plus grand écart pondéré d’abord.")
    }
    var noPriorities: String { pick("None: every scored rule is at its target (or at 3).", "Aucune\u{A0}: chaque règle notée est à sa cible (ou à 3).") }
    var noPrioritiesYet: String { pick("None yet: no rule is scored.", "Aucune pour l’instant\u{A0}: aucune règle n’est notée.") }

    /// What the priorities section says when it has no rule to list.
    func noPriorities(_ summary: ScoreSummary) -> String { summary.scoredCount == 0 ? noPrioritiesYet : noPriorities }
    var rules: String { pick("Rules", "Règles") }
    var actionPlan: String { pick("Action plan", "Plan d’action") }
    var noActions: String { pick("No action recorded.", "Aucune action enregistrée.") }
    var about: String { pick("About this report", "À propos de ce rapport") }
    var number: String { pick("No.", "N°") }
    var rule: String { pick("Rule", "Règle") }
    var ruleID: String { pick("Rule id", "Id de la règle") }
    var theme: String { pick("Theme", "Thème") }
    var title: String { pick("Title", "Titre") }
    var state: String { pick("State", "État") }
    var score: String { pick("Score", "Score") }
    var level: String { pick("Level", "Niveau") }
    var scoredRules: String { pick("Scored", "Notées") }
    var target: String { pick("Target", "Cible") }
    var gap: String { pick("Gap", "Écart") }
    var weight: String { pick("Weight", "Poids") }
    var weightedGap: String { pick("Weighted gap", "Écart pondéré") }
    var priorityRank: String { pick("Priority rank", "Rang de priorité") }
    var reason: String { pick("Why not applicable", "Pourquoi non applicable") }
    var note: String { pick("Note", "Note") }
    var evidence: String { pick("Evidence", "Éléments probants") }
    var evidenceCount: String { pick("Evidence items", "Éléments probants (nombre)") }
    var actions: String { pick("Actions", "Actions") }
    var action: String { pick("Action", "Action") }
    var actionID: String { pick("Action id", "Id de l’action") }
    var openActions: String { pick("Open actions", "Actions ouvertes") }
    var overdueActions: String { pick("Overdue actions", "Actions en retard") }
    var owner: String { pick("Owner", "Responsable") }
    var due: String { pick("Due", "Échéance") }
    var status: String { pick("Status", "Statut") }
    var overdue: String { pick("Overdue", "En retard") }
    var overdueFlag: String { pick("OVERDUE", "EN RETARD") }
    var yes: String { pick("yes", "oui") }
    var no: String { pick("no", "non") }
    var notScored: String { pick("not scored", "non noté") }
    var catalogue: String { pick("Catalogue", "Catalogue") }
    var version: String { pick("version", "version") }
    var fingerprint: String { pick("fingerprint", "empreinte") }
    var source: String { pick("Source", "Source") }
    var method: String { pick("How the numbers are computed", "Comment les chiffres sont calculés") }
    var methodText: String {
        pick(
            "Each rule is scored from 0 to 3. The overall score is Σ(weight × score) / Σ(weight × 3) over scored rules; rules marked not applicable leave the count, unknown and unassessed rules do not score. The level is the one the weighted average has reached. Coverage is scored rules over applicable rules. Percent-to-target is 1 − Σ max(0, target − score) / Σ target over scored rules with a target. Percentages are rounded half up to one decimal.",
            "Chaque règle est notée de 0 à 3. Le score global vaut Σ(poids × note) / Σ(poids × 3) sur les règles notées ; les règles non applicables sortent du compte, les règles inconnues ou non évaluées ne sont pas notées. Le niveau est celui qu’atteint la moyenne pondérée. La couverture rapporte les règles notées aux règles applicables. L’atteinte des cibles vaut 1 − Σ max(0, cible − note) / Σ cible sur les règles notées qui ont une cible. Les pourcentages sont arrondis au dixième le plus proche (demi vers le haut)."
        )
    }

    /// `level 2` / `niveau 2`.
    func levelNumber(_ n: Int) -> String { pick("level \(n)", "niveau \(n)") }

    /// The state of a rule in words; nil state means not assessed yet.
    func state(_ state: AnswerState?) -> String {
        switch state {
        case .scored: pick("Scored", "Notée")
        case .notApplicable: pick("Not applicable", "Non applicable")
        case .unknown: pick("Unknown", "Inconnue")
        case nil: pick("Not assessed yet", "Pas encore évaluée")
        }
    }

    /// The name of a language, in the report's language.
    func languageName(_ l: Language) -> String {
        switch l {
        case .fr: pick("French", "français")
        case .en: pick("English", "anglais")
        }
    }

    /// `Original text (French)`.
    func original(_ l: Language) -> String { pick("Original text (\(languageName(l)))", "Texte original (\(languageName(l)))") }

    /// `yes` or `no`.
    func yesNo(_ flag: Bool) -> String { flag ? yes : no }

    /// `1 rule`, `3 rules` in English, `1 règle`, `3 règles` in French (singular for 0 and 1).
    func count(_ n: Int, en: (String, String), fr: (String, String)) -> String {
        lang.count(n, en: en.0, en.1, fr: fr.0, fr.1)
    }

    /// True when `n` takes the plural in the report's language.
    func isPlural(_ n: Int) -> Bool { lang.isPlural(n) }

    /// `3 actions, 2 open, 1 overdue as of 2026-09-30`.
    func actionCounts(_ c: ReportContent) -> String {
        count(c.actions.count, en: ("action", "actions"), fr: ("action", "actions")) + ", "
            + count(c.openActionCount, en: ("open", "open"), fr: ("ouverte", "ouvertes")) + ", "
            + count(c.overdueActionCount, en: ("overdue", "overdue"), fr: ("en retard", "en retard"))
            + lang.pick(en: " as of ", fr: " au ") + c.asOf.description
    }

    /// Text between the language's quotation marks.
    func quoted(_ text: String) -> String { quoteMarks.open + text + quoteMarks.close }

    /// The language's quotation marks, spaces included.
    var quoteMarks: (open: String, close: String) { lang == .fr ? ("«\u{A0}", "\u{A0}»") : ("“", "”") }

    /// `Yann Gourvennec, “16 règles d’or…” (2007-09-27) — URL`: where the catalogue comes from, as plain text (never a link).
    /// Nil for a catalogue without a source (a home-made one).
    func sourceText(_ catalog: Catalog) -> String? {
        guard let source = catalog.source else { return nil }
        var text = source.author + ", " + quoted(source.title)
        if let date = source.date { text += " (" + date + ")" }
        if let url = source.url { text += " — " + url }
        return text
    }

    /// `due 2026-12-15`, `open`: an action's due date and status; no user text, so every format can use them as they are.
    func actionDetails(_ a: ActionItem) -> [String] {
        var parts: [String] = []
        if let due = a.due { parts.append(pick("due ", "échéance ") + due.description) }
        parts.append(a.status.label(lang))
        return parts
    }
}
