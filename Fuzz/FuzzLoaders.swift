// libFuzzer target over the loaders (B1): the JSON tape and error locator, the catalogue and
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
    // The tape, the one parser: whatever it accepts survives a write and a second parse unchanged,
    // with the same fingerprint; whatever it refuses is refused at an offset inside the input.
    do throws(JSONSyntaxError) {
        let tape = try JSONTape.parse(bytes)
        let (value, sha) = tape.withRoot { ($0.jsonValue, $0.canonicalSHA256()) }
        let again = try! JSONTape.parse(JSONWriter.pretty(value))
        precondition(again.withRoot { $0.jsonValue } == value)
        precondition(again.withRoot { $0.canonicalSHA256() } == sha)
    } catch {
        precondition((0...bytes.count).contains(error.offset))
        if case .invalidUTF8 = error.reason {
            precondition(UTF8Validation.firstInvalidOffset(bytes) == error.offset)
        }
    }
    return 0
}
