/// A parsed JSON document as a flat list of entries over its source bytes: the one JSON parser.
///
/// A strict RFC 8259 reading: duplicate keys, invalid UTF-8, lone surrogates and trailing content
/// are refused, a leading UTF-8 BOM is accepted, nesting is bounded. The tape holds twelve bytes
/// per value, strings stay bytes until a decoder asks for one, and the canonical form is hashed
/// from the source bytes (`JSONTape+Canonical`). A tree (`JSONValue`) is built from it only where
/// one is kept: unknown fields, and `Documents.parse`.
struct JSONTape: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, array, object

        var isContainer: Bool { self == .array || self == .object }
    }

    /// One value. Containers are followed by their contents: an array by its elements, an object
    /// by key, value, key, value…; `next` skips over all of it.
    struct Entry: Sendable {
        /// Strings and numbers: the offset of the first byte (after the opening quote for a string).
        /// Containers: how many elements or members.
        var start: UInt32
        /// Strings: the bytes between the quotes, as written; numbers: the lexeme's length.
        /// Containers: the index of the entry after the container.
        var length: UInt32
        var kind: Kind
        var flags: Flags

        var count: Int { Int(start) }
        var next: Int { Int(length) }
    }

    /// What a string's bytes hold, found while scanning it.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A backslash escape: the bytes are not the text itself.
        static let escaped = Flags(rawValue: 1)
        /// A scalar that the writer escapes (DEL, C1, bidi and other invisible controls).
        static let unsafe = Flags(rawValue: 2)
        /// A byte outside ASCII: comparisons go through `String`, which compares canonically.
        static let nonASCII = Flags(rawValue: 4)
    }

    /// The document's bytes, as read (the tape points into them).
    let bytes: [UInt8]
    let entries: [Entry]

    /// Deep enough for any real document, shallow enough that recursion cannot exhaust the stack.
    static let maxDepth = 128

    /// Parses `bytes`: UTF-8 checked first, a leading BOM skipped, duplicate keys (compared as
    /// `String`s are), lone surrogates and trailing content refused, nesting bounded.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONTape {
        if bytes.isEmpty { throw JSONSyntaxError(offset: 0, reason: .unexpectedEnd) }
        let result: Result<[Entry], JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            if let bad = UTF8Validation.firstInvalidOffset(buffer) {
                return .failure(JSONSyntaxError(offset: bad, reason: .invalidUTF8))
            }
            var parser = TapeParser(buffer)
            do throws(JSONSyntaxError) {
                try parser.parseDocument()
                return .success(parser.entries)
            } catch {
                return .failure(error)
            }
        }
        return JSONTape(bytes: bytes, entries: try result.get())
    }

    private init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
    }

    /// Calls `body` with the root value; nodes are valid only inside `body`.
    func withRoot<R, E: Error>(_ body: (JSONNode) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = bytes.withUnsafeBufferPointer { source in
            entries.withUnsafeBufferPointer { tape in
                do throws(E) {
                    return .success(try body(JSONNode(tape: tape.baseAddress!, source: source.baseAddress!, index: 0)))
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }
}
