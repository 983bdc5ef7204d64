/// Reading a catalogue from JSON, with every structural and meaning problem reported.
extension Catalog {
    static let maxTextLength = 20_000

    /// Decodes and validates a catalogue from its tape; throws every problem found. From a
    /// megabyte on, the fingerprint is computed on a second thread while the rules are decoded.
    static func decode(_ tape: JSONTape) throws(ProblemList) -> Catalog {
        try tape.withRoot { root throws(ProblemList) in try decodeRoot(root, fingerprintInBackground: tape.bytes.count >= 1 << 20) }
    }

    private static func decodeRoot(_ value: JSONNode, fingerprintInBackground: Bool) throws(ProblemList) -> Catalog {
        let fingerprint = Fingerprint(of: value, inBackground: fingerprintInBackground)
        let log = ProblemLog()
        let catalog = decode(value, log: log)
        // Finished on every path: the thread reads the tape, which is gone once this returns.
        fingerprint.finish()
        if var catalog, log.problems.isEmpty {
            catalog.sha256 = fingerprint.value()
            return catalog
        }
        throw ProblemList(problems: log.problems)
    }

    /// The catalogue's fingerprint, computed when asked or, started at once, on a second thread.
    private final class Fingerprint: @unchecked Sendable {
        private let compute: () -> String
        private var sha256: String?
        private var thread: BackgroundThread?

        init(of value: JSONNode, inBackground: Bool) {
            compute = { value.canonicalSHA256() }
            if inBackground { thread = BackgroundThread { [self] in sha256 = compute() } }
        }

        /// Waits for the second thread, if there is one.
        func finish() {
            thread?.join()
            thread = nil
        }

        func value() -> String {
            finish()
            if let sha256 { return sha256 }
            let computed = compute()
            sha256 = computed
            return computed
        }
    }

    private static let topKeys = KnownKeys(["$schema", "id", "version", "sourceLanguage", "title", "description", "source", "scale", "themes", "rules"])
    private static let sourceKeys = KnownKeys(["author", "title", "date", "url", "note"])
    private static let scaleKeys = KnownKeys(["levels"])
    private static let levelKeys = KnownKeys(["level", "label", "meaning"])
    private static let themeKeys = KnownKeys(["id", "title"])
    private static let ruleKeys = KnownKeys(["id", "number", "theme", "weight", "title", "text", "questions", "levels", "footnotes"])
    private static let footnoteKeys = KnownKeys(["marker", "text"])

    private static func decode(_ value: JSONNode, log: ProblemLog) -> Catalog? {
        let root = JSONPointer.root
        guard let o = log.object(value, at: root) else { return nil }
        log.onlyKnown(o, topKeys, at: root)
        let id = o["id"].flatMap { validID(log.string($0, at: root.appending("id"), maxLength: 200), at: root.appending("id"), log: log) }
        if o["id"] == nil { log.add(root, .missing("id")) }
        var version: String?
        if let v = log.required(o, "version", at: root), let s = log.string(v, at: root.appending("version"), maxLength: 100) {
            if isSemVer(s) { version = s } else { log.add(root.appending("version"), .invalidVersion(s)) }
        }
        var sourceLanguage = Language.fr
        if let v = o["sourceLanguage"] {
            sourceLanguage = log.choice(v, at: root.appending("sourceLanguage"), as: Language.self) ?? .fr
        }
        let title = log.required(o, "title", at: root).flatMap { log.localized($0, at: root.appending("title"), maxLength: maxTextLength) }
        let description = log.required(o, "description", at: root).flatMap { log.localized($0, at: root.appending("description"), maxLength: maxTextLength) }
        // Optional: a home-made catalogue has no bibliographic source.
        let source = o["source"].flatMap { decodeSource($0, at: root.appending("source"), log: log) }
        let sourceIsValid = o["source"] == nil || source != nil
        let scale = log.required(o, "scale", at: root).flatMap { decodeScale($0, at: root.appending("scale"), log: log) }
        let themes = log.required(o, "themes", at: root).flatMap { decodeThemes($0, at: root.appending("themes"), log: log) } ?? []
        let rules = log.required(o, "rules", at: root).flatMap { decodeRules($0, at: root.appending("rules"), themes: themes, log: log) } ?? []
        guard let id, let version, let title, let description, sourceIsValid, let scale else { return nil }
        return Catalog(
            id: id, version: version, sourceLanguage: sourceLanguage, title: title, description: description,
            source: source, scale: scale, themes: themes, rules: rules, sha256: "")
    }

    private static func validID(_ s: String?, at pointer: @autoclosure () -> JSONPointer, log: ProblemLog) -> String? {
        guard let s else { return nil }
        if isSlug(s) { return s }
        log.add(pointer(), .invalidID(s))
        return nil
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    static func isSlug(_ s: String) -> Bool {
        var previousHyphen = true
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default: return false
            }
        }
        return !previousHyphen
    }

    /// MAJOR.MINOR.PATCH with an optional pre-release or build suffix.
    static func isSemVer(_ s: String) -> Bool {
        let core = s.split(maxSplits: 1, whereSeparator: { $0 == "-" || $0 == "+" }).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil && ($0 == "0" || !$0.hasPrefix("0")) }
    }

    private static func decodeSource(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> Source? {
        guard let o = log.object(value, at: p) else { return nil }
        log.onlyKnown(o, sourceKeys, at: p)
        let author = log.required(o, "author", at: p).flatMap { log.string($0, at: p.appending("author"), maxLength: 1000, allowEmpty: false) }
        let title = log.required(o, "title", at: p).flatMap { log.string($0, at: p.appending("title"), maxLength: 1000, allowEmpty: false) }
        var date: String?
        if let v = o["date"] {
            if let d = log.date(v, at: p.appending("date")) { date = d.description }
        }
        let url = o["url"].flatMap { log.string($0, at: p.appending("url"), maxLength: 2000) }
        let note = o["note"].flatMap { log.localized($0, at: p.appending("note"), maxLength: maxTextLength) }
        guard let author, let title else { return nil }
        return Source(author: author, title: title, date: date, url: url, note: note)
    }

    private static func decodeScale(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> [ScaleLevel]? {
        guard let o = log.object(value, at: p), let lv = log.required(o, "levels", at: p),
            let items = log.array(lv, at: p.appending("levels"))
        else { return nil }
        log.onlyKnown(o, scaleKeys, at: p)
        let lp = p.appending("levels")
        if items.count != 4 { log.add(lp, .countNotIn(items.count, range: "4")) }
        var levels: [ScaleLevel] = []
        for (i, item) in items.enumerated() {
            let ip = lp.appending(i)
            guard let io = log.object(item, at: ip) else { continue }
            log.onlyKnown(io, levelKeys, at: ip)
            let level = log.required(io, "level", at: ip).flatMap { log.integer($0, at: ip.appending("level"), in: 0...3) }
            let label = log.required(io, "label", at: ip).flatMap { log.localized($0, at: ip.appending("label"), maxLength: 200) }
            let meaning = log.required(io, "meaning", at: ip).flatMap { log.localized($0, at: ip.appending("meaning"), maxLength: maxTextLength) }
            guard let level, let label, let meaning else { continue }
            if level != i { log.add(ip.appending("level"), .outOfRange(String(level), range: "\(i)")) }
            levels.append(ScaleLevel(level: level, label: label, meaning: meaning))
        }
        return levels
    }

    private static func decodeThemes(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> [Theme]? {
        guard let items = log.array(value, at: p) else { return nil }
        if items.isEmpty { log.add(p, .empty) }
        var themes: [Theme] = []
        var seen: Set<String> = []
        for (i, item) in items.enumerated() {
            let ip = p.appending(i)
            guard let io = log.object(item, at: ip) else { continue }
            log.onlyKnown(io, themeKeys, at: ip)
            let id = log.required(io, "id", at: ip).flatMap {
                validID(log.string($0, at: ip.appending("id"), maxLength: 200), at: ip.appending("id"), log: log)
            }
            let title = log.required(io, "title", at: ip).flatMap { log.localized($0, at: ip.appending("title"), maxLength: 1000) }
            guard let id, let title else { continue }
            if !seen.insert(id).inserted { log.add(ip.appending("id"), .duplicate(id)) }
            themes.append(Theme(id: id, title: title))
        }
        return themes
    }

    private static func decodeRules(_ value: JSONNode, at p: JSONPointer, themes: [Theme], log: ProblemLog) -> [Rule]? {
        guard let items = log.array(value, at: p) else { return nil }
        if items.isEmpty { log.add(p, .empty) }
        let themeIDs = Set(themes.map(\.id))
        var usedThemes: Set<String> = []
        var ids: Set<String> = []
        var numbers: Set<Int> = []
        var rules: [Rule] = []
        rules.reserveCapacity(items.count)
        var lastNumber = 0
        for (i, item) in items.enumerated() {
            let ip = p.appending(i)
            guard let rule = decodeRule(item, at: ip, log: log) else { continue }
            if !ids.insert(rule.id).inserted { log.add(ip.appending("id"), .duplicate(rule.id)) }
            if !numbers.insert(rule.number).inserted { log.add(ip.appending("number"), .duplicate(String(rule.number))) }
            if rule.number <= lastNumber { log.add(ip.appending("number"), .outOfOrder) }
            lastNumber = max(lastNumber, rule.number)
            if themeIDs.contains(rule.theme) {
                usedThemes.insert(rule.theme)
            } else {
                log.add(ip.appending("theme"), .unknownTheme(rule.theme))
            }
            rules.append(rule)
        }
        for (i, theme) in themes.enumerated() where !usedThemes.contains(theme.id) && !items.isEmpty {
            log.add(JSONPointer(["themes", String(i)]), .unusedTheme(theme.id))
        }
        return rules
    }

    private static func decodeRule(_ value: JSONNode, at p: JSONPointer, log: ProblemLog) -> Rule? {
        guard let o = log.object(value, at: p) else { return nil }
        log.onlyKnown(o, ruleKeys, at: p)
        let id = log.required(o, "id", at: p).flatMap { validID(log.string($0, at: p.appending("id"), maxLength: 200), at: p.appending("id"), log: log) }
        let number = log.required(o, "number", at: p).flatMap { log.integer($0, at: p.appending("number"), in: 1...1_000_000) }
        let theme = log.required(o, "theme", at: p).flatMap { log.string($0, at: p.appending("theme"), maxLength: 200, allowEmpty: false) }
        var weight = Weight.one
        if let w = o["weight"] {
            if let lexeme = w.numberLexeme, let parsed = Weight(lexeme: lexeme), parsed.thousandths > 0 {
                weight = parsed
            } else if let lexeme = w.numberLexeme {
                log.add(p.appending("weight"), .invalidWeight(lexeme))
            } else {
                log.add(p.appending("weight"), .wrongType(expected: "number", found: w.typeName))
            }
        }
        let title = log.required(o, "title", at: p).flatMap { log.localized($0, at: p.appending("title"), maxLength: 1000) }
        let text = log.required(o, "text", at: p).flatMap { log.localized($0, at: p.appending("text"), maxLength: maxTextLength) }
        let questions = log.required(o, "questions", at: p).flatMap { localizedList($0, at: p.appending("questions"), count: 2...4, log: log) }
        let levels = log.required(o, "levels", at: p).flatMap { localizedList($0, at: p.appending("levels"), count: 4...4, log: log) }
        var footnotes: [Footnote] = []
        if let fv = o["footnotes"], let items = log.array(fv, at: p.appending("footnotes")) {
            for (i, item) in items.enumerated() {
                let fp = p.appending("footnotes").appending(i)
                guard let fo = log.object(item, at: fp) else { continue }
                log.onlyKnown(fo, footnoteKeys, at: fp)
                let marker = log.required(fo, "marker", at: fp).flatMap { log.string($0, at: fp.appending("marker"), maxLength: 20, allowEmpty: false) }
                let ftext = log.required(fo, "text", at: fp).flatMap { log.localized($0, at: fp.appending("text"), maxLength: maxTextLength) }
                if let marker, let ftext { footnotes.append(Footnote(marker: marker, text: ftext)) }
            }
        }
        guard let id, let number, let theme, let title, let text, let questions, let levels else { return nil }
        for (i, footnote) in footnotes.enumerated() where !text.fr.contains("[\(footnote.marker)]") && !text.en.contains("[\(footnote.marker)]") {
            log.add(p.appending("footnotes").appending(i).appending("marker"), .footnoteNotInText(footnote.marker))
        }
        let markers = Set(footnotes.map(\.marker))
        for (language, body) in [("fr", text.fr), ("en", text.en)] {
            for marker in footnoteCalls(in: body) where !markers.contains(marker) {
                log.add(p.appending("text").appending(language), .markerWithoutFootnote(marker))
            }
        }
        return Rule(
            id: id, number: number, theme: theme, weight: weight, title: title, text: text,
            questions: questions, levels: levels, footnotes: footnotes)
    }

    /// The footnote calls in a text: each `[n]` with n one or more ASCII digits, in order, once each.
    static func footnoteCalls(in text: String) -> [String] {
        var calls: [String] = []
        var digits: String?
        for scalar in text.unicodeScalars {
            if scalar == "[" {
                digits = ""
            } else if var d = digits, scalar.isASCII, scalar.properties.numericType == .decimal {
                d.unicodeScalars.append(scalar)
                digits = d
            } else {
                if scalar == "]", let d = digits, !d.isEmpty, !calls.contains(d) { calls.append(d) }
                digits = nil
            }
        }
        return calls
    }

    private static func localizedList(_ value: JSONNode, at p: JSONPointer, count: ClosedRange<Int>, log: ProblemLog) -> [LocalizedText]? {
        guard let items = log.array(value, at: p) else { return nil }
        if !count.contains(items.count) {
            let range = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound)–\(count.upperBound)"
            log.add(p, .countNotIn(items.count, range: range))
        }
        var out: [LocalizedText] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let t = log.localized(item, at: p.appending(i), maxLength: maxTextLength) { out.append(t) }
        }
        return out.count == items.count ? out : nil
    }
}

/// The problems found in one document.
public struct ProblemList: Error, Equatable, Sendable {
    public var problems: [Problem]
}
