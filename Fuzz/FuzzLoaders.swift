// libFuzzer target over the loaders (B1): the JSON parser and error locator, the catalogue and
// assessment decoders, and the escapers. Built by Fuzz/run with the core sources in one module.

private let catalog = DefaultCatalog.catalog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(FileError) {
        _ = try Documents.decodeAssessment(bytes, path: "fuzz.json", catalog: catalog)
    } catch {
        _ = error.message(.en)
        _ = error.message(.fr)
    }
    do throws(FileError) {
        _ = try Documents.decodeCatalog(bytes, path: "fuzz.json")
    } catch {
        _ = error.message(.fr)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let visible = TerminalSafety.visible(text, keepNewlines: true)
    precondition(!visible.unicodeScalars.contains { $0 != "\n" && TerminalSafety.isUnsafe($0) })
    precondition(TerminalSafety.visible(visible, keepNewlines: true) == visible)
    let md = Markdown.inline(text)
    precondition(!md.unicodeScalars.contains { TerminalSafety.isUnsafe($0) })
    _ = TextWrap.lines(text, width: 17)
    _ = SafeName.fileName(from: text, fallback: "x", extension: "json")
    if case .some = try? JSONParser.parse(bytes) {
        // Whatever parses must survive a write and a second parse unchanged.
        let value = try! JSONParser.parse(bytes)
        precondition((try? JSONParser.parse(JSONWriter.pretty(value))) == value)
    }
    // The tape (how files are loaded) accepts and refuses exactly what the tree parser does, with
    // the same error and offset, and fingerprints a document as the writer's canonical form does.
    do throws(JSONSyntaxError) {
        let tape = try JSONTape.parse(bytes)
        let value = try! JSONParser.parse(bytes)
        precondition(tape.withRoot { $0.jsonValue } == value)
        precondition(tape.withRoot { $0.canonicalSHA256() } == SHA256.hex(JSONWriter.canonical(value)))
    } catch {
        do throws(JSONSyntaxError) {
            _ = try JSONParser.parse(bytes)
            preconditionFailure("the tape refused what the tree parser accepts")
        } catch let treeError {
            precondition(treeError == error)
        }
    }
    return 0
}
