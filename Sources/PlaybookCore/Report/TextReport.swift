/// The report as plain text for a terminal or an email: wrapped to a width, bars in block
/// characters, every piece of user or file text made visible-safe, colour only when asked.
enum TextReport {
    static func render(_ c: ReportContent, width: Int, color: Bool) -> [UInt8] {
        let width = max(40, width)
        let w = ReportWords(c.lang)
        let lang = c.lang
        var out = StyledLines(width: width, lang: lang, color: color, capacity: 8_192 + c.rules.count * 1_500)
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
        let words = BlockWords(c, w)
        for line in c.rules { ruleBlock(line, c, w, words, into: &out) }

        out.blank()
        out.heading(w.actionPlan.uppercased() + " (" + w.actionCounts(c) + ")")
        if c.actions.isEmpty { out.wrapped(w.noActions, indent: 2) }
        for a in c.actions {
            actionLine(a.action, overdue: a.overdue, prefix: w.rule + " \(a.rule.number) · ", indent: 2, into: &out, w)
        }

        out.blank()
        out.heading(w.about.uppercased())
        out.field(
            w.catalogue,
            safe(c.catalog.title[lang]) + " — " + w.version + " " + safe(c.catalog.version) + " (" + w.fingerprint + " "
                + safe(String(c.catalog.sha256.prefix(12))) + ")", indent: 2)
        if let source = w.sourceText(c.catalog) { out.field(w.source, safe(source), indent: 2) }
        if let note = c.catalog.source?.note?[lang], !note.isEmpty { out.wrapped(safe(note), indent: 4) }
        out.field(w.method, w.methodText, indent: 2)
        return out.out.bytes
    }

    /// The words every rule block repeats, looked up once per report.
    struct BlockWords {
        let weight: String
        let gap: String
        let original: String?
        let quoteMarks: (open: String, close: String)
        let evidence: String
        let actions: String
        /// The level labels 0–3, made visible-safe.
        let levels: [String]

        init(_ c: ReportContent, _ w: ReportWords) {
            weight = " · " + w.weight.lowercased() + " "
            gap = " (" + w.gap.lowercased() + " "
            original = c.originalLanguage.map(w.original)
            quoteMarks = w.quoteMarks
            evidence = ReportText.label(w.evidence, c.lang)
            actions = ReportText.label(w.actions, c.lang)
            levels = (0...3).map { safe(c.levelLabel($0)) }
        }

        func level(_ n: Int, _ c: ReportContent) -> String { levels.indices.contains(n) ? levels[n] : safe(c.levelLabel(n)) }
    }

    private static func ruleBlock(_ line: RuleLine, _ c: ReportContent, _ w: ReportWords, _ words: BlockWords, into out: inout StyledLines) {
        let lang = c.lang
        let rule = line.rule
        out.blank()
        out.hanging(String(rule.number) + ". ", indent: 2, role: .strong) { text in
            text.append(safe(rule.title[lang]))
            text.append(" [")
            text.append(safe(rule.id))
            text.append("]")
        }
        out.wrapped(indent: 6, role: .muted) { text in
            text.append(safe(line.themeTitle))
            text.append(words.weight)
            text.append(rule.weight.description)
        }
        out.wrapped(safe(rule.text[lang]), indent: 6)
        for note in rule.footnotes { out.wrapped("[" + safe(note.marker) + "] " + safe(note.text[lang]), indent: 6, role: .muted) }
        if let original = c.originalLanguage, let label = words.original {
            out.field(label, indent: 6, role: .muted) { text in
                text.append(words.quoteMarks.open)
                text.append(safe(rule.text[original]))
                text.append(words.quoteMarks.close)
            }
        }
        switch line.answer.state {
        case .scored(let score):
            out.field(w.score, indent: 6) { text in
                text.append(score)
                text.append(" — ")
                text.append(words.level(score, c))
            }
            let description = line.levelDescription(score, lang)
            if !description.isEmpty { out.wrapped(safe(description), indent: 8) }
        case .notApplicable(let reason):
            out.field(w.state, w.state(line.answer.state), indent: 6)
            out.field(w.reason, safeBlock(reason), indent: 6)
        case .unknown, nil:
            out.field(w.state, w.state(line.answer.state), indent: 6, role: line.answer.state == nil ? .muted : nil)
        }
        if let target = line.target {
            out.field(w.target, indent: 6) { text in
                text.append(target)
                text.append(" — ")
                text.append(words.level(target, c))
                if let gap = line.gap {
                    text.append(words.gap)
                    text.append(gap)
                    text.append(")")
                }
            }
        }
        if !line.answer.note.isEmpty { out.field(w.note, safeBlock(line.answer.note), indent: 6) }
        if !line.answer.evidence.isEmpty {
            out.wrapped(words.evidence, indent: 6)
            for e in line.answer.evidence {
                var detail = e.strength.label(lang)
                if let date = e.date { detail += ", " + date.description }
                out.hanging("- ", safeBlock(e.text) + " (" + detail + ")", indent: 8)
            }
        }
        if !line.answer.actions.isEmpty {
            out.wrapped(words.actions, indent: 6)
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

    /// `TerminalSafety.visible(text)`, tabs as spaces to the next tab stop.
    static func safe(_ text: String) -> String {
        TerminalSafety.visible(text, expandTabs: true)
    }

    /// Multi-line user text: its own line breaks kept (CRLF read as one), tabs as spaces to the next tab stop, every other control made visible.
    static func safeBlock(_ text: String) -> String {
        TerminalSafety.visible(ReportText.unifyingNewlines(text), keepNewlines: true, expandTabs: true)
    }
}

/// Lines of a text report, each with an optional style role that becomes ANSI colour only when
/// asked, written as bytes as they are laid out (the lines of `TextWrap`).
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
    let color: Bool
    private(set) var out: ReportBytes
    /// The text of a `field`, assembled from its pieces without a `String` in between.
    private var scratch: [UInt8] = []

    init(width: Int, lang: Language, color: Bool, capacity: Int) {
        self.width = width
        self.lang = lang
        self.color = color
        out = ReportBytes(capacity: capacity)
    }

    mutating func blank() { out.newline() }
    mutating func heading(_ text: String) { wrapped(text, indent: 0, role: .heading) }

    mutating func plain(_ text: [String]) {
        for l in text {
            var l = l
            l.withUTF8 { emit(indent: 0, $0, role: nil) }
        }
    }

    /// `text` wrapped to the width less `indent`, every line indented.
    mutating func wrapped(_ text: String, indent: Int, role: Role? = nil) {
        var text = text
        text.withUTF8 { bytes in
            TextWrap.wrap(bytes, width: width - indent) { _, line in
                emit(indent: line.isEmpty ? 0 : indent, line, role: role)
            }
        }
    }

    /// The text that `build` writes, wrapped to the width less `indent`, every line indented.
    mutating func wrapped(indent: Int, role: Role? = nil, _ build: (inout TextPieces) -> Void) {
        layout(width: width - indent, build) { this, i, line in
            this.emit(indent: line.isEmpty ? 0 : indent, line, role: role)
        }
    }

    /// `prefix` then `text`, the following lines aligned under the text.
    mutating func hanging(_ prefix: String, _ text: String, indent: Int, role: Role? = nil) {
        hanging(prefix, indent: indent, role: role) { $0.append(text) }
    }

    /// `prefix` then the text that `build` writes, the following lines aligned under the text.
    mutating func hanging(_ prefix: String, indent: Int, role: Role? = nil, _ build: (inout TextPieces) -> Void) {
        let hang = indent + DisplayWidth.of(prefix)
        layout(width: width - hang, build) { this, i, line in
            if i == 0 {
                this.emit(indent: indent, prefix: prefix, line, role: role)
            } else {
                this.emit(indent: hang, line, role: role)
            }
        }
    }

    /// `Label: value`, the value's following lines two columns further in, so the label stands out.
    mutating func field(_ label: String, _ value: String, indent: Int, role: Role? = nil) {
        field(label, indent: indent, role: role) { $0.append(value) }
    }

    /// `Label: ` then the text that `build` writes, laid out as `field`.
    mutating func field(_ label: String, indent: Int, role: Role? = nil, _ build: (inout TextPieces) -> Void) {
        let colon = ReportText.colon(lang)
        layout(
            width: width - indent - 2,
            { text in
                text.append(label)
                text.append(colon)
                build(&text)
            }
        ) { this, i, line in
            this.emit(indent: line.isEmpty ? 0 : (i == 0 ? indent : indent + 2), line, role: role)
        }
    }

    /// Builds a text into the scratch bytes (no `String` in between) and hands its lines to `line`.
    private mutating func layout(width: Int, _ build: (inout TextPieces) -> Void, _ line: (inout StyledLines, Int, UnsafeBufferPointer<UInt8>) -> Void) {
        var pieces = TextPieces(bytes: scratch)
        scratch = []
        pieces.bytes.removeAll(keepingCapacity: true)
        build(&pieces)
        pieces.bytes.withUnsafeBufferPointer { bytes in
            TextWrap.wrap(bytes, width: width) { i, text in line(&self, i, text) }
        }
        scratch = pieces.bytes
    }

    /// One line: `indent` spaces, `prefix` and `line`, in colour when asked and the line is not empty.
    private mutating func emit(indent: Int, prefix: String = "", _ line: UnsafeBufferPointer<UInt8>, role: Role?) {
        let styled = color && role != nil && !(indent <= 0 && prefix.isEmpty && line.isEmpty)
        if styled { out.raw(role!.sgr) }
        if indent > 0 { out.spaces(indent) }
        if !prefix.isEmpty { out.raw(prefix) }
        out.raw(line)
        if styled { out.raw("\u{1B}[0m") }
        out.newline()
    }
}

/// The text of one paragraph or field, written piece by piece before it is wrapped.
struct TextPieces {
    var bytes: [UInt8]

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }
}
