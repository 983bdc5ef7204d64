import Testing

@testable import PlaybookCore

/// The built-in catalogue is compiled from literals that `playbook catalog compile` generates;
/// these tests hold it to what decoding the embedded JSON gives.
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
