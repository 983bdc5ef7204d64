/// The built-in catalogue: the 16 golden rules, carried inside the binary.
public enum DefaultCatalog {
    /// The path shown in messages about the built-in catalogue.
    public static let displayPath = "Rules/alliances-16-golden-rules.json (built-in)"

    /// Parsed once, on first use.
    public static let catalog: Catalog = {
        do throws(FileError) {
            return try Documents.decodeCatalog(Array(json.utf8), path: displayPath)
        } catch {
            // The test suite validates the embedded copy, so this is a build defect, not user input.
            fatalError(error.message(.en))
        }
    }()

    /// The embedded bytes, for tests and `playbook rules --format json`.
    public static var bytes: [UInt8] { Array(json.utf8) }
}
