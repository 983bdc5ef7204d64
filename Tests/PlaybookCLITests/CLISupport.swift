import Foundation
import PlaybookCore

/// The result of running the real `playbook` binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `playbook` binary, beside the test bundle.
let playbookBinary: String = {
    let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
    for candidate in [
        bundle.appendingPathComponent("playbook").path,
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("playbook").path,
    ] {
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    return root.appendingPathComponent(".build/debug/playbook").path
}()

let repoRoot: String = {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    return root.path
}()

/// Runs `playbook` with `arguments` in `directory`, a fixed clock and English unless told otherwise.
func playbook(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: playbookBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PLAYBOOK_NOW": "2026-11-27T09:00:00Z", "COLUMNS": "80"]
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh folder for one test.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "playbook-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func readText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

func jsonObject(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
}
