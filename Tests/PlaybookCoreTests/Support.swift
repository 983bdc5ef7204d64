import Glibc

@testable import PlaybookCore

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = Path.directory(path) }
    return path
}()

func readRepoFile(_ relative: String) throws -> [UInt8] {
    try SafeFile.read(Path.join(repositoryRoot, relative))
}

/// A fresh private folder for one test, removed by the caller with `removeTree`.
func makeTempDirectory() -> String {
    var template = Array("/tmp/playbook-test-XXXXXX".utf8CString)
    let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return String(cString: p!)
}

func removeTree(_ path: String) {
    _ = system("rm -rf '\(path)'")
}

func writeRaw(_ bytes: [UInt8], to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(fd >= 0)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

func fileMode(_ path: String) -> Int {
    var st = stat()
    guard stat(path, &st) == 0 else { return -1 }
    return Int(st.st_mode & 0o7777)
}

let catalog = DefaultCatalog.catalog

/// A new assessment of the default catalogue at a fixed time.
func sampleAssessment() -> Assessment {
    Assessment(
        catalog: catalog, program: Program(name: "Cloud Alliance", partner: "Acme", segment: .resale),
        assessor: "Marie", side: .ours, now: Timestamp(iso: "2026-11-27T09:00:00Z")!,
        assessedOn: CalendarDate(iso: "2026-11-27")!, language: .en)
}

/// Parses an assessment written by hand in a test.
func decodeAssessment(_ json: String) throws -> Assessment {
    try Documents.decodeAssessment(Array(json.utf8), path: "test.json", catalog: catalog).assessment
}

/// A document as a tree, read by the tape as files are.
func tree(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    try JSONTape.parse(bytes).withRoot { $0.jsonValue }
}

func tree(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try tree(Array(text.utf8))
}
