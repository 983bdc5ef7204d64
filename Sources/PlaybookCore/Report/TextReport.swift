/// The report as plain text for a terminal or an email: wrapped to a width, bars in block
/// characters, every piece of user or file text made visible-safe, colour only when asked.
enum TextReport {
    static func render(_ c: ReportContent, width: Int, color: Bool) -> String {
        let width = max(40, width)
        let w = ReportWords(c.lang)
        let lang = c.lang
        var out = StyledLines(width: width, lang: lang)
        out.heading(w.reportTitle.uppercased())
        out.plain(SummaryText.headerLines(c.assessment, catalog: c.catalog, lang: lang, width: width))
        if !c.actions.isEmpty { out.wrapped(w.overdueAsOf + ReportText.colon(lang) + c.asOf.description, indent: 0) }

        out.blank()
        out.heading(w.headline.uppercased())
        out.plain(SummaryText.headlineLines(c.summary, catalog: c.catalog, lang: lang, width: width))
        out.blank()
        out.wrapped(ReportReading.paragraph(c, escape: safe), indent: 0)

        out.blank()
        out.heading(w.themes.uppercased())
        // The summary's theme lines need about 45 columns; narrower terminals get them clipped, not wrapped.
        out.plain(SummaryText.themeLines(c.summary, catalog: c.catalog, lang: lang, width: width).map { TextWrap.clip($0, width: width) })

        out.blank()
        out.heading(w.priorities.uppercased())
        out.wrapped(c.summary.priorities.isEmpty ? w.noPriorities(c.summary) : w.prioritiesIntro, indent: 2, role: .muted)
        for (i, p) in c.summary.priorities.prefix(ReportContent.detailedPriorities).enumerated() {
            guard let line = c.line(for: p) else { continue }
            let prefix = "\(i + 1). "
            let inner = 2 + prefix.count
            out.hanging(prefix, w.rule + " \(line.rule.number) · " + safe(line.rule.title[lang]) + " — " + SummaryText.gapText(p, lang: lang), indent: 2)
            if !line.answer.note.isEmpty { out.field(w.note, safeBlock(line.answer.note), indent: inner) }
            for action in line.answer.actions where action.status.isOpen {
                actionLine(action, overdue: action.isOverdue(asOf: c.asOf), prefix: "- ", indent: inner, into: &out, w)
            }
        }

        if let others = c.otherPriorities { out.wrapped(others, indent: 2) }

        out.blank()
        out.heading(w.rules.uppercased())
        for line in c.rules { ruleBlock(line, c, w, into: &out) }

        out.blank()
        out.heading(w.actionPlan.uppercased() + " (" + w.actionCounts(c) + ")")
        if c.actions.isEmpty { out.wrapped(w.noActions, indent: 2) }
        for a in c.actions {
            actionLine(a.action, overdue: a.overdue, prefix: w.rule + " \(a.rule.number) · ", indent: 2, into: &out, w)
        }

        out.blank()
        out.heading(w.about.uppercased())
        out.field(w.catalogue, safe(c.catalog.title[lang]) + " — " + w.version + " " + safe(c.catalog.version) + " (" + w.fingerprint + " " + safe(String(c.catalog.sha256.prefix(12))) + ")", indent: 2)
        out.field(w.source, safe(w.sourceText(c.catalog)), indent: 2)
        if let note = c.catalog.source.note?[lang], !note.isEmpty { out.wrapped(safe(note), indent: 4) }
        out.field(w.method, w.methodText, indent: 2)
        return out.text(color: color)
    }

    private static func ruleBlock(_ line: RuleLine, _ c: ReportContent, _ w: ReportWords, into out: inout StyledLines) {
        let lang = c.lang
        let rule = line.rule
        out.blank()
        out.hanging("\(rule.number). ", safe(rule.title[lang]) + " [" + safe(rule.id) + "]", indent: 2, role: .strong)
        let meta = safe(line.themeTitle) + " · " + w.weight.lowercased() + " " + rule.weight.description
        out.wrapped(meta, indent: 6, role: .muted)
        out.wrapped(safe(rule.text[lang]), indent: 6)
        for note in rule.footnotes { out.wrapped("[" + safe(note.marker) + "] " + safe(note.text[lang]), indent: 6, role: .muted) }
        if let original = c.originalLanguage {
            out.field(w.original(original), w.quoted(safe(rule.text[original])), indent: 6, role: .muted)
        }
        switch line.answer.state {
        case .scored(let score):
            out.field(w.score, "\(score) — " + safe(c.levelLabel(score)), indent: 6)
            let description = line.levelDescription(score, lang)
            if !description.isEmpty { out.wrapped(safe(description), indent: 8) }
        case .notApplicable(let reason):
            out.field(w.state, w.state(line.answer.state), indent: 6)
            out.field(w.reason, safeBlock(reason), indent: 6)
        case .unknown, nil:
            out.field(w.state, w.state(line.answer.state), indent: 6, role: line.answer.state == nil ? .muted : nil)
        }
        if let target = line.target {
            var text = "\(target) — " + safe(c.levelLabel(target))
            if let gap = line.gap { text += " (" + w.gap.lowercased() + " \(gap))" }
            out.field(w.target, text, indent: 6)
        }
        if !line.answer.note.isEmpty { out.field(w.note, safeBlock(line.answer.note), indent: 6) }
        if !line.answer.evidence.isEmpty {
            out.wrapped(ReportText.label(w.evidence, lang), indent: 6)
            for e in line.answer.evidence {
                var detail = e.strength.label(lang)
                if let date = e.date { detail += ", " + date.description }
                out.hanging("- ", safeBlock(e.text) + " (" + detail + ")", indent: 8)
            }
        }
        if !line.answer.actions.isEmpty {
            out.wrapped(ReportText.label(w.actions, lang), indent: 6)
            for action in line.answer.actions {
                actionLine(action, overdue: action.isOverdue(asOf: c.asOf), prefix: "- ", indent: 8, into: &out, w)
            }
        }
    }

    private static func actionLine(_ a: ActionItem, overdue: Bool, prefix: String, indent: Int, into out: inout StyledLines, _ w: ReportWords) {
        var parts = [safe(a.id) + " " + safe(a.title)]
        if !a.owner.isEmpty { parts.append(safe(a.owner)) }
        parts += w.actionDetails(a)
        if overdue { parts.append(w.overdueFlag) }
        out.hanging(prefix, parts.joined(separator: " — "), indent: indent, role: overdue ? .alert : nil)
    }

    static func safe(_ text: String) -> String { TerminalSafety.visible(text) }

    /// Multi-line user text: its own line breaks kept (CRLF read as one), every other control made visible.
    static func safeBlock(_ text: String) -> String { TerminalSafety.visible(ReportText.unifyingNewlines(text), keepNewlines: true) }
}

/// Lines of a text report, each with an optional style role that becomes ANSI colour only when asked.
struct StyledLines {
    enum Role {
        case heading, strong, muted, alert

        var sgr: String {
            switch self {
            case .heading: "\u{1B}[1m"
            case .strong: "\u{1B}[1m"
            case .muted: "\u{1B}[2m"
            case .alert: "\u{1B}[1;31m"
            }
        }
    }

    let width: Int
    let lang: Language
    private var lines: [(String, Role?)] = []

    init(width: Int, lang: Language) {
        self.width = width
        self.lang = lang
        lines.reserveCapacity(512)
    }

    mutating func blank() { lines.append(("", nil)) }
    mutating func heading(_ text: String) { for l in TextWrap.lines(text, width: width) { lines.append((l, .heading)) } }
    mutating func plain(_ text: [String]) { for l in text { lines.append((l, nil)) } }

    /// `text` wrapped to the width less `indent`, every line indented.
    mutating func wrapped(_ text: String, indent: Int, role: Role? = nil) {
        for l in CatalogText.indent(TextWrap.lines(text, width: width - indent), by: indent) { lines.append((l, role)) }
    }

    /// `prefix` then `text`, the following lines aligned under the text.
    mutating func hanging(_ prefix: String, _ text: String, indent: Int, role: Role? = nil) {
        let pad = String(repeating: " ", count: indent)
        let hang = indent + DisplayWidth.of(prefix)
        for l in CatalogText.hanging(TextWrap.lines(text, width: width - hang), first: pad + prefix, rest: hang) { lines.append((l, role)) }
    }

    /// `Label: value`, the value's following lines two columns further in, so the label stands out.
    mutating func field(_ label: String, _ value: String, indent: Int, role: Role? = nil) {
        let body = TextWrap.lines(label + ReportText.colon(lang) + value, width: width - indent - 2)
        let pad = String(repeating: " ", count: indent)
        for (i, l) in body.enumerated() {
            lines.append((l.isEmpty ? l : pad + (i == 0 ? "" : "  ") + l, role))
        }
    }

    /// The lines joined with newlines, styled with ANSI sequences only when `color` is true.
    func text(color: Bool) -> String {
        var out = ""
        out.reserveCapacity(lines.count * (width / 2))
        for (line, role) in lines {
            if color, let role, !line.isEmpty {
                out += role.sgr + line + "\u{1B}[0m"
            } else {
                out += line
            }
            out += "\n"
        }
        return out
    }
}
