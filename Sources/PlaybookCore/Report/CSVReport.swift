/// The report as CSV for a spreadsheet (RFC 4180: CRLF line ends, fields quoted when they hold
/// a comma, a quote or a line break, quotes doubled; UTF-8), one row per rule or per action.
enum CSVReport {
    static func render(_ c: ReportContent, actions: Bool, bom: Bool) -> [UInt8] {
        var out = CSVWriter(capacity: 1_024 + (actions ? c.actions.count : c.rules.count) * 256)
        if bom { out.bytes += [0xEF, 0xBB, 0xBF] }
        if actions { actionRows(c, into: &out) } else { ruleRows(c, into: &out) }
        return out.bytes
    }

    private static func ruleRows(_ c: ReportContent, into out: inout CSVWriter) {
        let w = ReportWords(c.lang)
        let lang = c.lang
        out.row([
            w.number, w.ruleID, w.theme, w.title, w.state, w.score, w.level, w.target, w.gap, w.weight, w.weightedGap,
            w.priorityRank, w.reason, w.note, w.evidenceCount, w.evidence, w.actions, w.openActions, w.overdueActions,
        ])
        var weightedGap = [Int?](repeating: nil, count: c.rules.count)
        for p in c.summary.priorities {
            if let i = c.catalog.ruleIndex(p.ruleID) { weightedGap[i] = p.weightedGap }
        }
        for (i, r) in c.rules.enumerated() {
            let evidence = r.answer.evidence.map { e in
                e.text + " (" + e.strength.label(lang) + (e.date.map { ", " + $0.description } ?? "") + ")"
            }
            out.row([
                String(r.rule.number), r.rule.id, r.themeTitle, r.rule.title[lang], w.state(r.answer.state),
                r.score.map(String.init) ?? "", r.score.map { c.levelLabel($0) } ?? "",
                r.target.map(String.init) ?? "", r.gap.map(String.init) ?? "",
                r.rule.weight.description, weightedGap[i].map { Weight(thousandths: $0).description } ?? "",
                r.priorityRank.map(String.init) ?? "", r.reason ?? "", r.answer.note,
                String(r.answer.evidence.count), evidence.joined(separator: "\n"),
                String(r.answer.actions.count), String(r.openActions), String(r.overdueActions),
            ])
        }
    }

    private static func actionRows(_ c: ReportContent, into out: inout CSVWriter) {
        let w = ReportWords(c.lang)
        out.row([w.number, w.ruleID, w.rule, w.actionID, w.title, w.owner, w.due, w.status, w.overdue])
        for x in c.actions {
            out.row([
                String(x.rule.number), x.rule.id, x.rule.title[c.lang], x.action.id, x.action.title, x.action.owner,
                x.action.due?.description ?? "", x.action.status.label(c.lang), w.yesNo(x.overdue),
            ])
        }
    }
}

/// RFC 4180 rows with two protections for the people who open them: a cell a spreadsheet would
/// run as a formula (= + - @ tab CR first) is prefixed with `'` (CSV injection), and terminal or
/// bidi controls become visible escapes, so `cat` of the file is safe too (S3).
struct CSVWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func row(_ cells: [String]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVWriter.append(cell, to: &bytes)
        }
        bytes += [0x0D, 0x0A]
    }

    /// The one CSV escaper, on UTF-8 bytes: the cell as a spreadsheet will show it (line breaks as
    /// LF, since CRLF only ends records; tabs kept; other controls, C1 and bidi characters visible;
    /// a formula defused with a leading `'`), quoted when it holds a comma, a quote or a line break,
    /// quotes doubled. Runs that need nothing are copied whole.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { s in
            guard let first = s.first else { return }
            let quoted = s.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if quoted { out.append(UInt8(ascii: "\"")) }
            if "=+-@\t\r".utf8.contains(first) { out.append(UInt8(ascii: "'")) }
            TerminalSafety.append(s, plain: plain, to: &out) { i in
                switch s[i] {
                case UInt8(ascii: "\""): .replace("\"\"", length: 1)
                case 0x0D: .replace("\n", length: i + 1 < s.count && s[i + 1] == 0x0A ? 2 : 1)
                default: .visibleIfUnsafe
                }
            }
            if quoted { out.append(UInt8(ascii: "\"")) }
        }
    }

    /// The bytes copied as they are: all but quotes, controls other than tab and LF, DEL and the
    /// lead bytes of the unsafe scalars.
    private static let plain: [Bool] = (0...255).map { b in
        switch b {
        case 0x09, 0x0A: return true
        case 0x00..<0x20, 0x7F, 0xC2, 0xD8, 0xE2, 0x22: return false
        default: return true
        }
    }
}
