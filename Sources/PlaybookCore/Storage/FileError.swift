import Glibc

/// Why a file could not be read, loaded or saved, with the path it concerns.
public struct FileError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case notFound
        case notRegularFile
        case tooLarge(size: Int64, limit: Int64)
        case system(operation: String, errno: Int32)
        case invalidUTF8(offset: Int)
        case syntax(line: Int, column: Int, JSONSyntaxError.Reason)
        case problems([Problem])
        case alreadyExists
        case newerFormat(String)
        case wrongEncoding(String)
        case nulByte(line: Int, column: Int)
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// One or more lines: `file:line:column: what`, or `file: /pointer: what`, made safe for a terminal.
    public func message(_ lang: Language, unchanged: Bool = false) -> String {
        let file = TerminalSafety.visible(path)
        var lines: [String]
        switch kind {
        case .notFound:
            lines = ["\(file): " + lang.pick(en: "no such file", fr: "fichier introuvable")]
        case .notRegularFile:
            lines = ["\(file): " + lang.pick(en: "not a regular file", fr: "n’est pas un fichier ordinaire")]
        case .tooLarge(let size, let limit):
            lines = [
                "\(file): "
                    + lang.pick(
                        en: "file is too large (\(size) bytes; the limit is \(limit) bytes)",
                        fr: "fichier trop volumineux (\(size) octets ; la limite est de \(limit) octets)")
            ]
        case .system(let operation, let code):
            lines = [
                "\(file): " + lang.pick(en: "cannot \(operation): ", fr: FileError.impossible(FileError.operationFR(operation)) + " : ")
                    + SystemError.describe(code, lang)
            ]
        case .invalidUTF8(let offset):
            lines = ["\(file): " + lang.pick(en: "invalid UTF-8 at byte offset \(offset)", fr: "UTF-8 invalide à l’octet \(offset)")]
        case .syntax(let line, let column, let reason):
            lines = ["\(file):\(line):\(column): " + FileError.describe(reason, lang)]
        case .problems(let problems):
            lines = problems.prefix(50).map { "\(file): \(TerminalSafety.visible($0.pointer.description)): " + TerminalSafety.visible($0.message(lang)) }
            if problems.count > 50 {
                lines.append(
                    "\(file): " + "… " + lang.pick(en: "and ", fr: "et ")
                        + lang.count(problems.count - 50, en: "more problem", "more problems", fr: "autre problème", "autres problèmes"))
            }
        case .alreadyExists:
            lines = ["\(file): " + lang.pick(en: "already exists; not overwritten", fr: "existe déjà ; non écrasé")]
        case .wrongEncoding(let encoding):
            lines = [
                "\(file): "
                    + lang.pick(
                        en: "the file is in \(encoding), not UTF-8; save it as UTF-8 (for example: iconv -f \(encoding) -t UTF-8)",
                        fr: "le fichier est en \(encoding), pas en UTF-8 ; enregistrez-le en UTF-8 (par exemple : iconv -f \(encoding) -t UTF-8)")
            ]
        case .nulByte(let line, let column):
            lines = [
                "\(file):\(line):\(column): "
                    + lang.pick(
                        en: "a NUL byte (0x00): this is not a text file, or it is damaged",
                        fr: "un octet NUL (0x00) : ce n’est pas un fichier texte, ou il est abîmé")
            ]
        case .newerFormat(let v):
            lines = ["\(file): " + Assessment.Warning.newerFormat(v).message(lang)]
        }
        if unchanged {
            lines.append(lang.pick(en: "The file was not changed.", fr: "Le fichier n’a pas été modifié."))
        }
        return lines.joined(separator: "\n")
    }

    /// True for the errors that say the path itself is wrong (a file used as a folder, a link
    /// loop, a name too long, a missing folder): bad input, not a failure of the system.
    public static func isBadPath(_ code: Int32) -> Bool {
        code == ENOTDIR || code == ELOOP || code == ENAMETOOLONG || code == ENOENT || code == EISDIR
    }

    /// « impossible de lire », « impossible d’enregistrer »: the French preposition elides before a vowel.
    static func impossible(_ verb: String) -> String {
        let elides = verb.first.map { "aeéèêioouhy".contains($0) } ?? false
        return elides ? "impossible d’" + verb : "impossible de " + verb
    }

    static func operationFR(_ operation: String) -> String {
        switch operation {
        case "read": "lire"
        case "open": "ouvrir"
        case "write": "écrire"
        case "save": "enregistrer"
        case "create": "créer"
        default: operation
        }
    }

    static func describe(_ reason: JSONSyntaxError.Reason, _ lang: Language) -> String {
        switch reason {
        case .invalidUTF8:
            return lang.pick(en: "invalid UTF-8", fr: "UTF-8 invalide")
        case .unexpectedEnd:
            return lang.pick(en: "unexpected end of file", fr: "fin de fichier inattendue")
        case .unexpectedCharacter(let scalar):
            let shown = TerminalSafety.visible(String(Character(scalar)))
            return lang.pick(en: "unexpected character '\(shown)'", fr: "caractère inattendu « \(shown) »")
        case .expected(let what):
            let list = what.split(separator: " ").map { "'\($0)'" }.joined(separator: lang.pick(en: " or ", fr: " ou "))
            return lang.pick(en: "expected \(list)", fr: "attendu : \(list)")
        case .invalidNumber:
            return lang.pick(en: "invalid number", fr: "nombre invalide")
        case .invalidEscape:
            return lang.pick(en: "invalid escape sequence in a string", fr: "séquence d’échappement invalide dans une chaîne")
        case .loneSurrogate:
            return lang.pick(en: "lone surrogate in a \\u escape", fr: "demi-codet isolé dans un échappement \\u")
        case .controlCharacterInString:
            return lang.pick(
                en: "raw control character in a string (write it as \\n, \\t or \\u00XX)",
                fr: "caractère de contrôle brut dans une chaîne (l’écrire \\n, \\t ou \\u00XX)")
        case .duplicateKey(let key):
            return lang.pick(en: "duplicate key \(JSONWriter.quoted(key))", fr: "clé en double \(JSONWriter.quoted(key))")
        case .tooDeep(let max):
            return lang.pick(en: "nested deeper than \(max) levels", fr: "imbrication de plus de \(max) niveaux")
        case .trailingContent:
            return lang.pick(en: "unexpected content after the end of the document", fr: "contenu inattendu après la fin du document")
        }
    }
}
