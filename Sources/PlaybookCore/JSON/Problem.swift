/// One thing wrong with a document's content, located by a JSON Pointer.
public struct Problem: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case missing(String)
        case wrongType(expected: String, found: String)
        case notOneOf(String, allowed: [String])
        case outOfRange(String, range: String)
        case invalidDate(String)
        case invalidTimestamp(String)
        case empty
        case tooLong(max: Int)
        case tooMany(max: Int)
        case countNotIn(Int, range: String)
        case unknownRule(String)
        case missingReason
        case notAllowedForState(String, state: String)
        case duplicate(String)
        case unknownTheme(String)
        case unusedTheme(String)
        case invalidID(String)
        case invalidVersion(String)
        case outOfOrder
        case unsupportedFormat(String)
        case catalogMismatch(found: String, expected: String)
        case unknownField(String)
        case footnoteNotInText(String)
        case markerWithoutFootnote(String)
        case blank
        case invalidFingerprint(String)
        case invalidWeight(String)
    }

    public var pointer: JSONPointer
    public var kind: Kind

    public init(_ pointer: JSONPointer, _ kind: Kind) {
        self.pointer = pointer
        self.kind = kind
    }

    /// What is wrong, in the reader's language, without the location.
    public func message(_ lang: Language) -> String {
        switch kind {
        case .missing(let key):
            return lang.pick(en: "required field \"\(key)\" is missing", fr: "le champ obligatoire « \(key) » est absent")
        case .wrongType(let expected, let found):
            return lang.pick(en: "expected \(expected), found \(found)", fr: "attendu : \(typeFR(expected)), trouvé : \(typeFR(found))")
        case .notOneOf(let value, let allowed):
            let list = allowed.joined(separator: ", ")
            return lang.pick(en: "\(JSONWriter.quoted(value)) is not one of: \(list)", fr: "\(JSONWriter.quoted(value)) n’est pas une valeur permise : \(list)")
        case .outOfRange(let value, let range):
            return lang.pick(en: "\(value) is out of range (\(range))", fr: "\(value) est hors limites (\(range))")
        case .invalidDate(let value):
            return lang.pick(
                en: "\(JSONWriter.quoted(value)) is not a real date in the form YYYY-MM-DD",
                fr: "\(JSONWriter.quoted(value)) n’est pas une date réelle de la forme AAAA-MM-JJ")
        case .invalidTimestamp(let value):
            return lang.pick(
                en: "\(JSONWriter.quoted(value)) is not an ISO 8601 time such as 2026-11-27T09:30:00Z",
                fr: "\(JSONWriter.quoted(value)) n’est pas une heure ISO 8601 comme 2026-11-27T09:30:00Z")
        case .empty:
            return lang.pick(en: "must not be empty", fr: "ne doit pas être vide")
        case .tooLong(let max):
            return lang.pick(en: "text is longer than the limit of \(max) characters", fr: "le texte dépasse la limite de \(max) caractères")
        case .tooMany(let max):
            return lang.pick(en: "more than the limit of \(max) items", fr: "plus que la limite de \(max) éléments")
        case .countNotIn(let count, let range):
            return lang.pick(en: "has ", fr: "contient ") + lang.count(count, en: "item", "items", fr: "élément", "éléments")
                + lang.pick(en: ", expected \(range)", fr: ", attendu : \(range)")
        case .unknownRule(let id):
            return lang.pick(
                en: "unknown rule id \(JSONWriter.quoted(id)) (not in the catalogue)",
                fr: "identifiant de règle inconnu \(JSONWriter.quoted(id)) (absent du catalogue)")
        case .missingReason:
            return lang.pick(en: "a rule marked not applicable needs a \"reason\"", fr: "une règle marquée non applicable exige une raison (« reason »)")
        case .notAllowedForState(let key, let state):
            return lang.pick(en: "\"\(key)\" is not allowed when the state is \"\(state)\"", fr: "« \(key) » n’est pas permis quand l’état est « \(state) »")
        case .duplicate(let value):
            return lang.pick(en: "\(JSONWriter.quoted(value)) is used more than once", fr: "\(JSONWriter.quoted(value)) est utilisé plusieurs fois")
        case .unknownTheme(let id):
            return lang.pick(
                en: "theme \(JSONWriter.quoted(id)) is not defined in \"themes\"", fr: "le thème \(JSONWriter.quoted(id)) n’est pas défini dans « themes »")
        case .unusedTheme(let id):
            return lang.pick(en: "theme \(JSONWriter.quoted(id)) has no rule", fr: "le thème \(JSONWriter.quoted(id)) n’a aucune règle")
        case .invalidID(let id):
            return lang.pick(
                en: "\(JSONWriter.quoted(id)) is not a valid id (lowercase letters, digits and single hyphens, such as strategic-level)",
                fr: "\(JSONWriter.quoted(id)) n’est pas un identifiant valide (minuscules, chiffres et tirets simples, comme strategic-level)")
        case .invalidVersion(let v):
            return lang.pick(
                en: "\(JSONWriter.quoted(v)) is not a semantic version such as 1.0.0",
                fr: "\(JSONWriter.quoted(v)) n’est pas une version sémantique comme 1.0.0")
        case .outOfOrder:
            return lang.pick(en: "rules must be listed in increasing number order", fr: "les règles doivent être listées par numéro croissant")
        case .catalogMismatch(let found, let expected):
            return lang.pick(
                en: "made with catalogue \(JSONWriter.quoted(found)), but the catalogue in use is \(JSONWriter.quoted(expected)) (use --catalog)",
                fr: "fait avec le catalogue \(JSONWriter.quoted(found)), mais le catalogue utilisé est \(JSONWriter.quoted(expected)) (voir --catalog)")
        case .unknownField(let key):
            return lang.pick(
                en: "unknown field \(JSONWriter.quoted(key)) (a typo? extensions start with \"x-\")",
                fr: "champ inconnu \(JSONWriter.quoted(key)) (une faute de frappe ? les extensions commencent par « x- »)")
        case .footnoteNotInText(let marker):
            return lang.pick(
                en: "footnote marker [\(marker)] does not appear in the rule's text", fr: "l’appel de note [\(marker)] n’apparaît pas dans le texte de la règle"
            )
        case .markerWithoutFootnote(let marker):
            return lang.pick(
                en: "the text calls footnote [\(marker)], but the rule has no footnote with marker \"\(marker)\"",
                fr: "le texte appelle la note [\(marker)], mais la règle n’a pas de note d’appel « \(marker) »")
        case .blank:
            return lang.pick(en: "must contain more than spaces", fr: "ne doit pas contenir que des espaces")
        case .invalidFingerprint(let value):
            return lang.pick(
                en: "\(JSONWriter.quoted(value)) is not a SHA-256 fingerprint (64 lowercase hexadecimal digits)",
                fr: "\(JSONWriter.quoted(value)) n’est pas une empreinte SHA-256 (64 chiffres hexadécimaux en minuscules)")
        case .invalidWeight(let value):
            return lang.pick(
                en:
                    "weight \(value) is out of range: a number greater than 0 and at most 1000000, with at most 3 decimals and no exponent (such as 1, 2.5 or 0.125)",
                fr:
                    "poids \(value) hors limites : un nombre supérieur à 0 et au plus 1000000, avec au plus 3 décimales et sans exposant (comme 1, 2.5 ou 0.125)"
            )
        case .unsupportedFormat(let v):
            return lang.pick(
                en: "format version \(JSONWriter.quoted(v)) is not supported (this program reads 1.x)",
                fr: "la version de format \(JSONWriter.quoted(v)) n’est pas prise en charge (ce programme lit 1.x)")
        }
    }

    private func typeFR(_ name: String) -> String {
        switch name {
        case "string": "chaîne"
        case "number": "nombre"
        case "integer": "entier"
        case "boolean": "booléen"
        case "object": "objet"
        case "array": "tableau"
        default: name
        }
    }
}

/// Collects problems while a document is decoded, so one pass reports them all. Pointers are
/// taken as autoclosures: they are built only for a problem, not for every value read.
final class ProblemLog {
    private(set) var problems: [Problem] = []

    func add(_ pointer: JSONPointer, _ kind: Problem.Kind) {
        problems.append(Problem(pointer, kind))
    }

    /// The object at `value`, or nil after logging a type problem.
    func object(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer) -> JSONObjectNode? {
        if let o = value.object { return o }
        add(pointer(), .wrongType(expected: "object", found: value.typeName))
        return nil
    }

    func array(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer) -> JSONArrayNode? {
        if let a = value.array { return a }
        add(pointer(), .wrongType(expected: "array", found: value.typeName))
        return nil
    }

    func string(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer, maxLength: Int, allowEmpty: Bool = true) -> String? {
        guard let s = value.stringValue else {
            add(pointer(), .wrongType(expected: "string", found: value.typeName))
            return nil
        }
        if !allowEmpty, s.isEmpty {
            add(pointer(), .empty)
            return nil
        }
        if s.utf8.count > maxLength, s.count > maxLength {
            add(pointer(), .tooLong(max: maxLength))
            return nil
        }
        return s
    }

    /// A string with something other than white space in it (a title, a rule's text).
    func text(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer, maxLength: Int) -> String? {
        guard let s = string(value, at: pointer(), maxLength: maxLength, allowEmpty: false) else { return nil }
        if s.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            add(pointer(), .blank)
            return nil
        }
        return s
    }

    /// An integer in `range`; `1.0` and `2e0` are refused (integers are written as integers).
    func integer(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer, in range: ClosedRange<Int>) -> Int? {
        guard let lexeme = value.numberLexeme else {
            add(pointer(), .wrongType(expected: "integer", found: value.typeName))
            return nil
        }
        guard let n = Int(lexeme) else {
            if lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                add(pointer(), .wrongType(expected: "integer", found: "number " + lexeme))
            } else {
                add(pointer(), .outOfRange(lexeme, range: "\(range.lowerBound)–\(range.upperBound)"))
            }
            return nil
        }
        guard range.contains(n) else {
            add(pointer(), .outOfRange(lexeme, range: "\(range.lowerBound)–\(range.upperBound)"))
            return nil
        }
        return n
    }

    func choice<T: RawRepresentable>(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer, as type: T.Type) -> T?
    where T.RawValue == String, T: CaseIterable {
        guard let s = string(value, at: pointer(), maxLength: 200) else { return nil }
        if let v = T(rawValue: s) { return v }
        add(pointer(), .notOneOf(s, allowed: T.allCases.map(\.rawValue)))
        return nil
    }

    func date(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer) -> CalendarDate? {
        guard let s = string(value, at: pointer(), maxLength: 100) else { return nil }
        if let d = CalendarDate(iso: s) { return d }
        add(pointer(), .invalidDate(s))
        return nil
    }

    func timestamp(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer) -> Timestamp? {
        guard let s = string(value, at: pointer(), maxLength: 100) else { return nil }
        if let t = Timestamp(iso: s) { return t }
        add(pointer(), .invalidTimestamp(s))
        return nil
    }

    /// Logs every key of `object` outside `known` that is not an `x-` extension (catalogues are strict, so typos show).
    func onlyKnown(_ object: JSONObjectNode, _ known: KnownKeys, at pointer: @autoclosure () -> JSONPointer) {
        for key in object.unknownKeys(known, allowingExtensions: true) {
            add(pointer().appending(key), .unknownField(key))
        }
    }

    /// The member `key` of `object`, or nil after logging it as missing.
    func required(_ object: JSONObjectNode, _ key: StaticString, at pointer: @autoclosure () -> JSONPointer) -> JSONNode? {
        if let v = object[key] { return v }
        add(pointer(), .missing(key.description))
        return nil
    }

    private static let languageKeys = KnownKeys(["fr", "en"])

    func localized(_ value: JSONNode, at pointer: @autoclosure () -> JSONPointer, maxLength: Int) -> LocalizedText? {
        guard let o = object(value, at: pointer()) else { return nil }
        // Exactly the two languages: an `x-` extension inside a text would be taken for a language.
        for key in o.unknownKeys(ProblemLog.languageKeys, allowingExtensions: false) {
            add(pointer().appending(key), .unknownField(key))
        }
        var fr: String?
        var en: String?
        if let v = required(o, "fr", at: pointer()) { fr = text(v, at: pointer().appending("fr"), maxLength: maxLength) }
        if let v = required(o, "en", at: pointer()) { en = text(v, at: pointer().appending("en"), maxLength: maxLength) }
        guard let fr, let en else { return nil }
        return LocalizedText(fr: fr, en: en)
    }
}

extension LocalizedText {
    var json: JSONValue {
        .object(JSONObject([JSONMember("en", .string(en)), JSONMember("fr", .string(fr))]))
    }
}
