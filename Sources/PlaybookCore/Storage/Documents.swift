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
            if case .invalidUTF8 = error.reason {
                throw FileError(path: path, kind: .invalidUTF8(offset: error.offset))
            }
            let position = TextPosition(offset: error.offset, in: bytes)
            throw FileError(path: path, kind: .syntax(line: position.line, column: position.column, error.reason))
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
               let major = Int(v.split(separator: ".").first ?? ""), major > Assessment.supportedMajor {
                throw FileError(path: path, kind: .newerFormat(v))
            }
            throw FileError(path: path, kind: .problems(error.problems))
        }
    }
}
