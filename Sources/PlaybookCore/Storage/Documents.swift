/// Loading catalogues and assessments from files, with every error tied to the file.
public enum Documents {
    /// Parses bytes as JSON, turning syntax errors into `file:line:column` errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(FileError) -> JSONValue {
        try parseTape(bytes, path: path).withRoot { $0.jsonValue }
    }

    /// The tape of `bytes`, which the decoders read without building a tree.
    static func parseTape(_ bytes: [UInt8], path: String) throws(FileError) -> JSONTape {
        do throws(JSONSyntaxError) {
            return try JSONTape.parse(bytes)
        } catch {
            // A file saved as UTF-16 or UTF-32 fails at its first bytes: say which encoding it is.
            if let encoding = wideEncoding(of: bytes) {
                throw FileError(path: path, kind: .wrongEncoding(encoding))
            }
            if case .invalidUTF8 = error.reason {
                throw FileError(path: path, kind: .invalidUTF8(offset: error.offset))
            }
            let position = TextPosition(offset: error.offset, in: bytes)
            if error.offset < bytes.count, bytes[error.offset] == 0 {
                throw FileError(path: path, kind: .nulByte(line: position.line, column: position.column))
            }
            throw FileError(path: path, kind: .syntax(line: position.line, column: position.column, error.reason))
        }
    }

    /// `UTF-16LE`, `UTF-16BE`, `UTF-32LE` or `UTF-32BE` when the bytes start with that encoding's
    /// byte order mark, or with the zero bytes that ASCII text has in it (RFC 4627 §3); else nil.
    static func wideEncoding(of bytes: [UInt8]) -> String? {
        let b = bytes.prefix(4) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (b[0], b[1], b[2], b[3]) {
        case (0xFF, 0xFE, 0, 0), (0x21...0x7F, 0, 0, 0): return "UTF-32LE"
        case (0, 0, 0xFE, 0xFF), (0, 0, 0, 0x21...0x7F): return "UTF-32BE"
        case (0xFF, 0xFE, _, _), (0x09...0x7F, 0, _, _): return "UTF-16LE"
        case (0xFE, 0xFF, _, _), (0, 0x09...0x7F, _, _): return "UTF-16BE"
        default: return nil
        }
    }

    /// Loads and validates a catalogue file.
    public static func loadCatalog(_ path: String) throws(FileError) -> Catalog {
        let bytes = try SafeFile.read(path)
        return try decodeCatalog(bytes, path: path)
    }

    public static func decodeCatalog(_ bytes: [UInt8], path: String) throws(FileError) -> Catalog {
        let tape = try parseTape(bytes, path: path)
        do throws(ProblemList) {
            return try Catalog.decode(tape)
        } catch {
            throw FileError(path: path, kind: .problems(error.problems))
        }
    }

    /// An assessment as loaded, with what the reader should be told about it.
    public struct LoadedAssessment: Sendable {
        public var assessment: Assessment
        public var warnings: [Assessment.Warning]
        /// The exact bytes read, to detect a later change on disk.
        public var bytes: [UInt8]

        /// True when the file must not be saved by this program (newer format).
        public var isReadOnly: Bool { assessment.isNewerFormat }
    }

    /// Loads and validates an assessment file against `catalog`.
    public static func loadAssessment(_ path: String, catalog: Catalog) throws(FileError) -> LoadedAssessment {
        let bytes = try SafeFile.read(path)
        return try decodeAssessment(bytes, path: path, catalog: catalog)
    }

    public static func decodeAssessment(_ bytes: [UInt8], path: String, catalog: Catalog) throws(FileError) -> LoadedAssessment {
        let tape = try parseTape(bytes, path: path)
        do throws(ProblemList) {
            let (assessment, warnings) = try Assessment.decode(tape, catalog: catalog)
            return LoadedAssessment(assessment: assessment, warnings: warnings, bytes: bytes)
        } catch {
            if let v = tape.withRoot({ $0.object?["formatVersion"]?.stringValue }),
                let major = Int(v.split(separator: ".").first ?? ""), major > Assessment.supportedMajor
            {
                throw FileError(path: path, kind: .newerFormat(v))
            }
            throw FileError(path: path, kind: .problems(error.problems))
        }
    }
}
