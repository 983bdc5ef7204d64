import PlaybookCore

/// The two header rows: programme and file, then progress and live score; for a comparison, its
/// title, then both files with their scores.
enum HeaderView {
    static func draw(_ s: AppState, into screen: inout Screen) {
        if let comparison = comparison(s.mode) {
            draw(s, comparison, into: &screen)
            return
        }
        let lang = s.language
        let d = s.document
        screen.fill(x: 0, y: 0, count: s.width, role: .header)
        var title = "Playbook"
        let name = d.program.name.isEmpty ? lang.pick(en: "(unnamed programme)", fr: "(programme sans nom)") : d.program.name
        title += " │ " + name
        if !d.program.partner.isEmpty { title += " · " + d.program.partner }
        title += " · " + d.side.label(lang)
        let file = s.filePath.map { Path.base($0) } ?? lang.pick(en: "(not saved yet)", fr: "(pas encore enregistré)")
        var right = file + (s.dirty ? " ●" : "")
        if s.isReadOnly { right += lang.pick(en: " [read-only]", fr: " [lecture seule]") }
        right += "  " + lang.rawValue.uppercased()
        let rightWidth = min(DisplayWidth.of(right), s.width / 2)
        let titleWidth = max(0, s.width - rightWidth - 3)
        screen.put(TextWrap.clip(title, width: titleWidth), x: 1, y: 0, role: .header, maxWidth: titleWidth)
        screen.put(right, x: max(0, s.width - rightWidth - 1), y: 0, role: .header, maxWidth: rightWidth)

        let sum = s.summary
        // Rules with an answer (a score, N/A or unknown) out of all: coverage says how many are scored.
        let (answered, total) = answeredCount(sum)
        var status = lang.pick(en: "Answered \(answered)/\(total)", fr: "Réponses \(answered)/\(total)")
        status += " · " + lang.pick(en: "Score ", fr: "Score ")
        if let overall = sum.overall, let band = sum.band {
            status += overall.percent(lang) + " " + s.catalog.levelLabel(band, lang)
        } else {
            status += "—"
        }
        status += " · " + lang.pick(en: "Coverage ", fr: "Couverture ") + (sum.coverage?.percent(lang) ?? "—")
        if let toTarget = sum.toTarget { status += " · " + lang.pick(en: "To target ", fr: "Vers la cible ") + toTarget.percent(lang) }
        screen.put(status, x: 1, y: 1, role: .title, maxWidth: s.width - 2)
    }

    /// Rules with a score, N/A or unknown, and all the rules.
    static func answeredCount(_ sum: ScoreSummary) -> (answered: Int, total: Int) {
        let answered = sum.scoredCount + sum.notApplicableCount + sum.unknownCount
        return (answered, answered + sum.unansweredCount)
    }

    /// The comparison on screen (or behind its help), if any.
    static func comparison(_ mode: Mode) -> Comparison? {
        switch mode {
        case .compare(let view): return view.comparison
        case .help(let topic): return comparison(topic.returnTo)
        default: return nil
        }
    }

    /// A comparison's header: its title, then each side's file and overall score (the names are cut first).
    static func draw(_ s: AppState, _ c: Comparison, into screen: inout Screen) {
        let lang = s.language
        let w = CompareWords(lang: lang, kind: c.kind)
        screen.fill(x: 0, y: 0, count: s.width, role: .header)
        let right = lang.rawValue.uppercased()
        let titleWidth = max(0, s.width - DisplayWidth.of(right) - 4)
        screen.put("Playbook │ " + TerminalSafety.visible(w.title(c)), x: 1, y: 0, role: .header, maxWidth: titleWidth)
        screen.put(right, x: s.width - DisplayWidth.of(right) - 1, y: 0, role: .header)
        let sides = [(w.beforeLabel, c.before), (w.afterLabel, c.after)]
        let fixed = sides.map { DisplayWidth.of($0.0 + "  " + w.percent($0.1.summary.overall)) }.reduce(3, +)
        let room = max(2, (s.width - 2 - fixed) / 2)
        let parts = sides.map { label, side in
            label + " " + TextWrap.clip(TerminalSafety.visible(Path.base(side.path)), width: room) + " " + w.percent(side.summary.overall)
        }
        screen.put(parts.joined(separator: " · "), x: 1, y: 1, role: .title, maxWidth: s.width - 2)
    }
}

/// The message row and the key hints of the current screen, from the keymap.
enum FooterView {
    static func draw(_ s: AppState, layout: Layout, into screen: inout Screen) {
        if case .prompt = s.mode {
        } else if let message = s.message {
            let role: Role =
                switch message.kind {
                case .info: .normal
                case .success: .success
                case .warning: .warning
                case .error: .error
                }
            screen.put(message.text, x: 1, y: layout.messageRow, role: role, maxWidth: s.width - 2)
        }
        drawHints(s, y: layout.footerRow, into: &screen)
    }

    /// `text` up to its first " (": the footer leaves out what the help says in parentheses. A scan
    /// of the bytes, drawn on every frame (the standard library's `split` took a fifth of a frame).
    static func beforeParenthesis(_ text: String) -> String {
        let bytes = text.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let next = bytes.index(after: i)
            if bytes[i] == 0x20, next != bytes.endIndex, bytes[next] == 0x28 { return String(text[..<i]) }
            i = next
        }
        return text
    }

    /// Draws the hints on row `y` (the spaces between are left alone).
    static func drawHints(_ s: AppState, y: Int, into screen: inout Screen) {
        // Essential hints (help, save, quit, back) always fit; the others fill what is left, in keymap order.
        // A read-only session is not offered what it cannot do.
        let hints = Keymap.bindings(s.mode.kind).filter { $0.footer && !(s.isReadOnly && $0.changesDocument) }.map {
            binding -> (key: String, text: String, essential: Bool) in
            let text = binding.hintText(s.language)
            return (binding.hintKey(s.language), beforeParenthesis(text), binding.isEssential)
        }
        func width(_ h: (key: String, text: String, essential: Bool)) -> Int { DisplayWidth.of(h.key) + 1 + DisplayWidth.of(h.text) + 1 }
        var room = s.width - 1 - hints.filter(\.essential).map(width).reduce(0, +)
        var shown = [Bool](repeating: false, count: hints.count)
        for (i, h) in hints.enumerated() {
            if h.essential {
                shown[i] = true
            } else if width(h) <= room {
                shown[i] = true
                room -= width(h)
            } else {
                room = -1
            }
        }
        var x = 1
        for (i, h) in hints.enumerated() where shown[i] && x < s.width {
            x += screen.put(h.key, x: x, y: y, role: .key) + 1
            x += screen.put(h.text, x: x, y: y, role: .muted) + 1
        }
    }
}

/// What is shown when the terminal is smaller than the checklist needs.
enum TooSmallView {
    static func draw(_ s: AppState, into screen: inout Screen) {
        let quit = Keymap.keyName(.quit, in: .checklist, s.language)
        let lines = [
            s.language.pick(en: "Enlarge the terminal", fr: "Agrandissez le terminal"),
            s.language.pick(
                en: "(at least \(AppState.minimumWidth)×\(AppState.minimumHeight); now \(s.width)×\(s.height))",
                fr: "(au moins \(AppState.minimumWidth)×\(AppState.minimumHeight) ; actuellement \(s.width)×\(s.height))"),
            s.language.pick(en: "\(quit) quits", fr: "\(quit) pour quitter"),
        ]
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < s.height {
            let w = DisplayWidth.of(line)
            screen.put(line, x: max(0, (s.width - w) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
