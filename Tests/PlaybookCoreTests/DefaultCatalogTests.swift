import Glibc
import Testing
@testable import PlaybookCore

/// The built-in catalogue is compiled from literals that scripts/embed-catalog generates; these
/// tests hold it to what decoding the embedded JSON gives, and the script's fingerprint to
/// `JSONWriter.canonicalSHA256`.
@Suite struct DefaultCatalogTests {
    /// The embedded JSON read the way any catalogue file is: parsed, decoded, hashed.
    func decoded() throws -> Catalog {
        try Documents.decodeCatalog(DefaultCatalog.bytes, path: DefaultCatalog.displayPath)
    }

    @Test func compiledCatalogueEqualsTheDecodedJSON() throws {
        let decoded = try decoded()
        #expect(DefaultCatalog.catalog == decoded)
        let compiledFields = fields(of: DefaultCatalog.catalog)
        let decodedFields = fields(of: decoded)
        #expect(compiledFields.count == decodedFields.count)
        for (compiled, expected) in zip(compiledFields, decodedFields) {
            #expect(compiled.path == expected.path)
            #expect(compiled.bytes == expected.bytes, "\(compiled.path): \(String(decoding: compiled.bytes, as: UTF8.self))")
        }
    }

    @Test func fingerprintIsTheCanonicalHashOfTheEmbeddedJSON() throws {
        let value = try JSONParser.parse(DefaultCatalog.bytes)
        #expect(DefaultCatalog.catalog.sha256 == JSONWriter.canonicalSHA256(value))
        #expect(DefaultCatalog.catalog.sha256 == SHA256.hex(JSONWriter.canonical(value)))
    }

    @Test func lookUpsAnswerAsOnTheDecodedCatalogue() throws {
        let decoded = try decoded()
        let compiled = DefaultCatalog.catalog
        for rule in decoded.rules {
            #expect(compiled.ruleIndex(rule.id) == decoded.ruleIndex(rule.id), "\(rule.id)")
            #expect(compiled.rule(rule.id) == rule, "\(rule.id)")
            #expect(compiled.rule(matching: String(rule.number)) == rule, "\(rule.number)")
        }
        for theme in decoded.themes {
            #expect(compiled.themeIndex(theme.id) == decoded.themeIndex(theme.id), "\(theme.id)")
            #expect(compiled.theme(theme.id) == theme, "\(theme.id)")
        }
        for level in 0...3 {
            for lang in Language.allCases { #expect(compiled.levelLabel(level, lang) == decoded.levelLabel(level, lang)) }
        }
        #expect(compiled.rule("no-such-rule") == nil)
        #expect(compiled.theme("no-such-theme") == nil)
    }

    @Test func equalityComparesEveryField() {
        let edits: [(String, (inout Catalog) -> Void)] = [
            ("id", { $0.id += "x" }),
            ("version", { $0.version = "9.9.9" }),
            ("sourceLanguage", { $0.sourceLanguage = .en }),
            ("title", { $0.title.en += "x" }),
            ("description", { $0.description.fr += "x" }),
            ("source", { $0.source?.url = "https://example.org" }),
            ("scale", { $0.scale[1].label.fr += "x" }),
            ("themes", { $0.themes[0].title.en += "x" }),
            ("rules", { $0.rules[3].levels[2].en += "x" }),
            ("sha256", { $0.sha256 = String($0.sha256.reversed()) }),
        ]
        for (name, edit) in edits {
            var changed = DefaultCatalog.catalog
            edit(&changed)
            #expect(changed != DefaultCatalog.catalog, "\(name)")
        }
    }

    /// JSON that exercises every rule of the canonical form: key order by code point (astral
    /// after U+FFFF), each kind of escape, raw DEL, C1 and bidi controls, astral scalars written
    /// raw and as surrogate pairs, number lexemes kept as written, whitespace between tokens.
    static let awkwardJSON = "{\"z\" : [1, -0, 1.50E+02, 2e-3, 0.0, 12345678901234567890123],\r\n"
        + "\t\"a\": {\"\\u00e9\": \"\\u00e9 e\\u0301\", \"e\": \"tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 esc\\u001b del\\u007f c1\\u0085\\u009f\",\n"
        + "  \"É\": true, \"Z\": false, \"\": null},\n"
        + " \"quotes\": \"\\\" \\\\ / \\/\",\n"
        + " \"bidi\": \"\\u061c \\u200e \\u200f \\u2028 \\u2029 \\u202a \\u202e \\u2066 \\u2069 \\u202f \\u00a0\",\n"
        + " \"raw\": \"\u{7F} \u{85} \u{9F} \u{202E} \u{2028} é 中文 ₂ \u{1F600} e\u{301}\",\n"
        + " \"astral\": \"\\ud83d\\ude00 𝄞\",\n"
        + " \"keys\": {\"\\ud83d\\ude00\": 1, \"\\uffff\": 2, \"\\u00ff\": 3, \"b\": 4, \"B\": 5, \"aa\": 6, \"a\": 7, \"\\u0000\": 8},\n"
        + " \"empty\": [{}, [], \"\"], \"deep\": [[[[{\"x\": [true, null]}]]]]}\n"

    @Test func scriptFingerprintEqualsTheWriters() throws {
        let value = try JSONParser.parse(Self.awkwardJSON)
        let script = try runFingerprintScript(on: Self.awkwardJSON)
        #expect(script.status == 0)
        #expect(script.output == JSONWriter.canonicalSHA256(value) + "\n")
    }

    /// Input whose canonical bytes the script cannot be sure to reproduce gets no fingerprint:
    /// lone surrogates, NaN, duplicate keys (also under normalization), a byte order mark.
    @Test(arguments: ["[\"\\ud800\"]", "[NaN]", "{\"a\": 1, \"a\": 2}", "[\"\\udc00 x\"]", "\u{FEFF}[1]", "{\"\\u00e9\": 1, \"e\\u0301\": 2}"])
    func scriptRefusesWhatItCannotReproduce(_ json: String) throws {
        let script = try runFingerprintScript(on: json)
        #expect(script.status == 1, "\(json): \(script.output)")
        #expect(script.output.isEmpty)
    }
}

/// Every field of a catalogue with its path, strings as UTF-8 bytes: `String`'s `==` treats
/// differently normalized text as equal, the compiled catalogue must hold the very same scalars.
private func fields(of c: Catalog) -> [(path: String, bytes: [UInt8])] {
    var out: [(path: String, bytes: [UInt8])] = []
    func add(_ path: String, _ text: String?) {
        out.append(text.map { (path, Array($0.utf8)) } ?? (path + " (absent)", []))
    }
    func add(_ path: String, _ text: LocalizedText?) {
        if let text {
            add(path + ".fr", text.fr)
            add(path + ".en", text.en)
        } else {
            add(path, nil as String?)
        }
    }
    add("id", c.id)
    add("version", c.version)
    add("sourceLanguage", c.sourceLanguage.rawValue)
    add("title", c.title)
    add("description", c.description)
    add("source.author", c.source?.author)
    add("source.title", c.source?.title)
    add("source.date", c.source?.date)
    add("source.url", c.source?.url)
    add("source.note", c.source?.note)
    for (i, level) in c.scale.enumerated() {
        add("scale[\(i)].level", String(level.level))
        add("scale[\(i)].label", level.label)
        add("scale[\(i)].meaning", level.meaning)
    }
    for (i, theme) in c.themes.enumerated() {
        add("themes[\(i)].id", theme.id)
        add("themes[\(i)].title", theme.title)
    }
    for (i, rule) in c.rules.enumerated() {
        let p = "rules[\(i)]"
        add(p + ".id", rule.id)
        add(p + ".number", String(rule.number))
        add(p + ".theme", rule.theme)
        add(p + ".weight", String(rule.weight.thousandths))
        add(p + ".title", rule.title)
        add(p + ".text", rule.text)
        for (k, question) in rule.questions.enumerated() { add(p + ".questions[\(k)]", question) }
        for (k, level) in rule.levels.enumerated() { add(p + ".levels[\(k)]", level) }
        for (k, note) in rule.footnotes.enumerated() {
            add(p + ".footnotes[\(k)].marker", note.marker)
            add(p + ".footnotes[\(k)].text", note.text)
        }
    }
    add("sha256", c.sha256)
    return out
}

/// Runs `scripts/embed-catalog --fingerprint` on `json` written to a temporary file.
private func runFingerprintScript(on json: String) throws -> (status: Int32, output: String) {
    let folder = makeTempDirectory()
    defer { removeTree(folder) }
    let path = Path.join(folder, "input.json")
    writeRaw(Array(json.utf8), to: path)
    let script = Path.join(repositoryRoot, "scripts/embed-catalog")
    guard let pipe = popen("python3 '\(script)' --fingerprint '\(path)' 2>/dev/null", "r") else {
        Issue.record("cannot run python3, which CI needs for scripts/embed-catalog")
        return (-1, "")
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, pipe)
        if n <= 0 { break }
        output += buffer[0..<n]
    }
    let status = pclose(pipe)
    return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
}
