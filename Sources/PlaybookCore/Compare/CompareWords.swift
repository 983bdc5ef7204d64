/// The words a comparison is written with, in both languages, shared by every format.
public struct CompareWords: Sendable {
    public let lang: Language
    public let kind: Comparison.Kind

    public init(lang: Language, kind: Comparison.Kind) {
        self.lang = lang
        self.kind = kind
    }

    public var beforeLabel: String {
        kind == .overTime ? lang.pick(en: "Before", fr: "Avant") : lang.pick(en: "Ours", fr: "Nous")
    }

    public var afterLabel: String {
        kind == .overTime ? lang.pick(en: "After", fr: "Après") : lang.pick(en: "Theirs", fr: "Partenaire")
    }

    public var changeLabel: String {
        kind == .overTime ? lang.pick(en: "Change", fr: "Évolution") : lang.pick(en: "Gap", fr: "Écart")
    }

    public func title(_ c: Comparison) -> String {
        let name = c.after.assessment.program.name.isEmpty ? lang.pick(en: "(unnamed programme)", fr: "(programme sans nom)") : c.after.assessment.program.name
        return
            (kind == .overTime
            ? lang.pick(en: "Progress over time — ", fr: "Évolution dans le temps — ")
            : lang.pick(en: "Our view and the partner’s — ", fr: "Notre vue et celle du partenaire — ")) + name
    }

    public func sideLine(_ label: String, _ s: Comparison.Side) -> String {
        let a = s.assessment
        var parts = [Path.base(s.path), a.assessedOn.description, a.side.label(lang)]
        if !a.assessor.isEmpty { parts.append(a.assessor) }
        parts.append(lang.pick(en: "catalogue ", fr: "catalogue ") + a.catalog.version)
        return label + lang.pick(en: ": ", fr: " : ") + parts.joined(separator: " · ")
    }

    public func state(_ answer: Answer) -> String {
        switch answer.state {
        case .scored(let s): String(s)
        case .notApplicable: lang.pick(en: "N/A", fr: "N/A")
        case .unknown: "?"
        case nil: "—"
        }
    }

    /// `3 → 2` over time; `ours 3 · theirs 1` between sides.
    public func scores(_ r: RuleChange) -> String {
        kind == .overTime
            ? state(r.before) + " → " + state(r.after)
            : beforeLabel.lowercased() + " " + state(r.before) + " · " + afterLabel.lowercased() + " " + state(r.after)
    }

    /// The note's changes over time; between sides both notes are shown instead.
    public func noteLine(_ r: RuleChange) -> String? {
        guard kind == .overTime, r.noteChanged else { return nil }
        return lang.pick(en: "note: ", fr: "note : ") + WordDiff.inline(r.noteDiff)
    }

    /// What is worth saying about one rule beyond its scores, each on one line: the kind of change,
    /// the target and the actions (the notes, which can span lines, are `notes`).
    public func details(_ r: RuleChange) -> [String] {
        var out: [String] = []
        if kind == .overTime, ![.improved, .regressed, .unchanged].contains(r.change) { out.append(change(r)) }
        if let t = target(r) { out.append(t) }
        out.append(contentsOf: actions(r).map { lang.pick(en: "actions ", fr: "actions ") + $0 })
        return out
    }

    /// The notes of one rule, labelled: over time the note's word diff, between sides each side's note.
    public func notes(_ r: RuleChange) -> [(label: String, note: Note)] {
        switch kind {
        case .overTime:
            return r.noteChanged ? [(lang.pick(en: "Note", fr: "Note"), .diff(r.noteDiff))] : []
        case .sides:
            return [(beforeLabel, r.before.note), (afterLabel, r.after.note)].filter { !$0.1.isEmpty }.map { ($0.0, .text($0.1)) }
        }
    }

    /// A note as it is shown: a word diff or a side's own text.
    public enum Note {
        case diff([WordDiff.Token])
        case text(String)
    }

    public func change(_ r: RuleChange) -> String {
        switch r.change {
        case .improved: return lang.pick(en: "improved", fr: "en progrès") + " (+\(r.delta ?? 0))"
        case .regressed: return lang.pick(en: "regressed", fr: "en recul") + " (−\(abs(r.delta ?? 0)))"
        case .unchanged: return lang.pick(en: "unchanged", fr: "inchangée")
        case .newlyAssessed: return lang.pick(en: "newly assessed", fr: "nouvellement évaluée")
        case .noLongerAssessed: return lang.pick(en: "no longer assessed", fr: "plus évaluée")
        case .nowNotApplicable: return lang.pick(en: "now not applicable", fr: "devenue non applicable")
        case .nowApplicable: return lang.pick(en: "applicable again", fr: "de nouveau applicable")
        case .nowUnknown: return lang.pick(en: "now unknown", fr: "devenue inconnue")
        case .nowKnown: return lang.pick(en: "no longer unknown", fr: "plus inconnue")
        case .stateChanged: return lang.pick(en: "reason changed", fr: "raison modifiée")
        case .added: return lang.pick(en: "new rule in the catalogue", fr: "nouvelle règle du catalogue")
        case .removed: return lang.pick(en: "rule removed from the catalogue", fr: "règle retirée du catalogue")
        }
    }

    /// The difference for one rule as the reader wants it: a signed change over time, a gap between sides.
    public func difference(_ r: RuleChange) -> String {
        guard let d = r.delta else { return "" }
        if kind == .sides { return lang.pick(en: "gap \(abs(d))", fr: "écart \(abs(d))") }
        return d > 0 ? "+\(d)" : (d < 0 ? "−\(abs(d))" : "=")
    }

    public func points(_ permille: Int?) -> String {
        guard let permille else { return "—" }
        let sign = permille > 0 ? "+" : (permille < 0 ? "−" : "±")
        let m = abs(permille)
        return sign + "\(m / 10)" + (lang == .fr ? "," : ".") + "\(m % 10)" + lang.pick(en: " pts", fr: " pts")
    }

    /// `8.3 pts`: the size of a change, without its sign.
    public func size(_ permille: Int) -> String { String(points(abs(permille)).dropFirst()) }

    public func percent(_ f: Fraction?) -> String { f?.percent(lang) ?? "—" }

    public func target(_ r: RuleChange) -> String? {
        guard r.targetChanged else { return nil }
        let b = r.before.target.map(String.init) ?? "—", a = r.after.target.map(String.init) ?? "—"
        return lang.pick(en: "target \(b) → \(a)", fr: "cible \(b) → \(a)")
    }

    public func actions(_ r: RuleChange) -> [String] {
        var out: [String] = []
        if kind == .sides {
            if !r.actionsOnBothSides.isEmpty {
                out.append(lang.pick(en: "on both sides: ", fr: "des deux côtés : ") + r.actionsOnBothSides.map(\.title).joined(separator: "; "))
            }
            if !r.actionsOnlyBefore.isEmpty {
                out.append(lang.pick(en: "only in ours: ", fr: "seulement chez nous : ") + r.actionsOnlyBefore.map(\.title).joined(separator: "; "))
            }
            if !r.actionsOnlyAfter.isEmpty {
                out.append(lang.pick(en: "only in theirs: ", fr: "seulement chez le partenaire : ") + r.actionsOnlyAfter.map(\.title).joined(separator: "; "))
            }
            return out
        }
        if !r.actionsOpened.isEmpty { out.append(lang.pick(en: "opened: ", fr: "ouvertes : ") + r.actionsOpened.map(\.title).joined(separator: "; ")) }
        if !r.actionsCompleted.isEmpty {
            out.append(lang.pick(en: "completed: ", fr: "terminées : ") + r.actionsCompleted.map(\.title).joined(separator: "; "))
        }
        if !r.actionsDropped.isEmpty { out.append(lang.pick(en: "dropped: ", fr: "abandonnées : ") + r.actionsDropped.map(\.title).joined(separator: "; ")) }
        return out
    }

    /// One paragraph a manager can read out: what got better, what got worse, or where the sides disagree.
    public func reading(_ c: Comparison) -> String {
        let sections = Dictionary(uniqueKeysWithValues: c.sections().map { ($0.0, $0.1) })
        switch kind {
        case .overTime:
            let reg = sections[.regressions]?.count ?? 0, imp = sections[.improvements]?.count ?? 0
            var s = lang.pick(
                en: "Between \(c.before.assessment.assessedOn) and \(c.after.assessment.assessedOn), ",
                fr: "Entre le \(c.before.assessment.assessedOn) et le \(c.after.assessment.assessedOn), ")
            s += lang.pick(
                en: imp == 1 ? "1 rule improved" : "\(imp) rules improved",
                fr: imp <= 1 ? "\(imp) règle a progressé" : "\(imp) règles ont progressé")
            s += lang.pick(en: " and \(reg) regressed", fr: reg <= 1 ? " et \(reg) a reculé" : " et \(reg) ont reculé")
            let left = sections[.regressions]?.filter(\.leftScoredSet).count ?? 0
            if left > 0 {
                s += lang.pick(
                    en: left == 1 ? " (1 of them is no longer scored)" : " (\(left) of them are no longer scored)",
                    fr: left == 1 ? " (dont 1 qui n’est plus notée)" : " (dont \(left) qui ne sont plus notées)")
            }
            // A fall of a headline figure is said in words: a gate that only counts rules can miss it.
            if let d = c.overallChange {
                s +=
                    d < 0
                    ? lang.pick(en: "; the overall score fell by \(size(d))", fr: " ; le score global a baissé de \(size(d))")
                    : lang.pick(en: "; the overall score moved by \(points(d))", fr: " ; le score global a évolué de \(points(d))")
            }
            if let d = c.coverageChange, d < 0 {
                s += lang.pick(en: "; coverage fell by \(size(d))", fr: " ; la couverture a baissé de \(size(d))")
            }
            return s + "."
        case .sides:
            let gaps = sections[.largeGaps]?.count ?? 0, joint = sections[.jointPriorities]?.count ?? 0, agree = sections[.agreement]?.count ?? 0
            let rules = { (n: Int) in lang.count(n, en: "rule", "rules", fr: "règle", "règles") }
            return lang.pick(
                en: "The two sides differ by 2 levels or more on \(rules(gaps)), agree on \(agree), and both see \(rules(joint)) as weak (joint priorities).",
                fr:
                    "Les deux côtés divergent de 2 niveaux ou plus sur \(rules(gaps)), s’accordent sur \(agree), et jugent tous deux \(rules(joint)) \(joint <= 1 ? "faible" : "faibles") (priorités communes)."
            )
        }
    }
}
