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
        out.row([w.number, w.ruleID, w.theme, w.title, w.state, w.score, w.level, w.target, w.gap, w.weight, w.weightedGap,
                 w.priorityRank, w.reason, w.note, w.evidenceCount, w.evidence, w.actions, w.openActions, w.overdueActions])
        var weightedGap = [Int?](repeating: nil, count: c.rules.count)
        for p in c.summary.priorities {
            if let i = c.catalog.ruleIndex(p.ruleID) { weightedGap[i] = p.weightedGap }
        }
        for (i, r) in c.rules.enumerated() {
            let evidence = r.answer.evidence.map { e in
                e.text + " (" + e.strength.label(lang) + (e.date.map { ", " + $0.description } ?? "") + ")"
            }
            out.row([String(r.rule.number), r.rule.id, r.themeTitle, r.rule.title[lang], w.state(r.answer.state),
                     r.score.map(String.init) ?? "", r.score.map { c.levelLabel($0) } ?? "",
                     r.target.map(String.init) ?? "", r.gap.map(String.init) ?? "",
                     r.rule.weight.description, weightedGap[i].map { Weight(thousandths: $0).description } ?? "",
                     r.priorityRank.map(String.init) ?? "", r.reason ?? "", r.answer.note,
                     String(r.answer.evidence.count), evidence.joined(separator: "\n"),
                     String(r.answer.actions.count), String(r.openActions), String(r.overdueActions)])
        }
    }

    private static func actionRows(_ c: ReportContent, into out: inout CSVWriter) {
        let w = ReportWords(c.lang)
        out.row([w.number, w.ruleID, w.rule, w.actionID, w.title, w.owner, w.due, w.status, w.overdue])
        for x in c.actions {
            out.row([String(x.rule.number), x.rule.id, x.rule.title[c.lang], x.action.id, x.action.title, x.action.owner,
                     x.action.due?.description ?? "", x.action.status.label(c.lang), w.yesNo(x.overdue)])
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

    /// The cell as a spreadsheet will show it: line breaks as LF (CRLF only ends records), tabs kept,
    /// other controls visible, a formula defused with a leading `'`.
    static func cellText(_ text: String) -> String {
        let defused = text.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
        // Most cells have nothing to change: one scan instead of a copy scalar by scalar. CR is
        // unsafe, so text with one still goes the long way and has its line breaks unified.
        if !text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && TerminalSafety.isUnsafe($0) }) {
            return defused ? "'" + text : text
        }
        var s = String.UnicodeScalarView()
        for scalar in ReportText.unifyingNewlines(text).unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !TerminalSafety.isUnsafe(scalar) {
                s.append(scalar)
            } else {
                s.append(contentsOf: TerminalSafety.escape(scalar).unicodeScalars)
            }
        }
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + String(s) }
        return String(s)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        // Most cells hold nothing to make visible: one pass over the bytes decides, and they are copied whole.
        let done = text.withUTF8 { appendPlain($0, to: &out) }
        if !done { appendEscaped(text, to: &out) }
    }

    /// `append` for a cell without controls (tab and LF aside), DEL, C1 or bidi characters; false for any other.
    private static func appendPlain(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var quoted = false
        for i in s.indices {
            let b = s[i]
            if b >= 0x80 {
                if (b == 0xC2 || b == 0xD8 || b == 0xE2), TerminalSafety.isUnsafeSequence(s.baseAddress! + i) { return false }
                continue
            }
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A: quoted = true
            case 0x09: break
            case 0x00..<0x20, 0x7F: return false
            default: break
            }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if let first = s.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") || first == 0x09 {
            out.append(UInt8(ascii: "'"))
        }
        if quoted {
            var run = 0
            for i in s.indices where s[i] == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[run...i]))
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[run...]))
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: s)
        }
        return true
    }

    /// `append` through `cellText`: the general path, and what tests compare the byte path with.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let cell = cellText(text)
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) else {
            out += cell.utf8
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in cell.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
