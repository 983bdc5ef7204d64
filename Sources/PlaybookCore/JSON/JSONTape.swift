/// A parsed JSON document as a flat list of entries over its source bytes: how files are loaded.
///
/// `JSONParser` builds a tree with a `String` per string and an array per object, which for a
/// 30 MB catalogue is most of the load time and of the memory. The tape holds twelve bytes per
/// value, strings stay bytes until a decoder asks for one, and the canonical form is hashed from
/// the source bytes (`JSONTape+Canonical`). The syntax it accepts and the errors it reports, with
/// their offsets, are `JSONParser`'s: a property test and the fuzz target compare the two.
struct JSONTape: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, array, object
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

    /// Parses `bytes` with `JSONParser`'s rules: UTF-8 checked first, a leading BOM skipped,
    /// duplicate keys, lone surrogates and trailing content refused, nesting bounded.
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

    /// The tape of a value built in memory: its strings are stored as their text, unescaped.
    init(_ value: JSONValue) {
        var builder = TapeBuilder()
        builder.append(value)
        self.init(bytes: builder.bytes, entries: builder.entries)
    }

    private init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
    }

    /// Calls `body` with the root value; nodes are valid only inside `body`.
    func withRoot<R, E: Error>(_ body: (JSONNode) throws(E) -> R) throws(E) -> R {
        // An empty array may have no storage to point at; a tape with no bytes never reads them.
        let storage = bytes.isEmpty ? [0] : bytes
        let result: Result<R, E> = storage.withUnsafeBufferPointer { source in
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

/// The recursive descent of `JSONParser`, writing entries instead of building values.
private struct TapeParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    var entries: [JSONTape.Entry] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        count = buffer.count
        // About one value per 24 bytes of a pretty-printed file; untouched capacity costs no memory.
        entries.reserveCapacity(buffer.count / 16 + 16)
    }

    mutating func parseDocument() throws(JSONSyntaxError) {
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { index = 3 }
        skipWhitespace()
        try parseValue(depth: 0)
        skipWhitespace()
        if index < count { throw JSONSyntaxError(offset: index, reason: .trailingContent) }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    func unexpected() -> JSONSyntaxError {
        if index >= count { return JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(start: base + index, count: count - index).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return JSONSyntaxError(offset: index, reason: .unexpectedCharacter(scalar))
        }
        return JSONSyntaxError(offset: index, reason: .invalidUTF8)
    }

    func expected(_ what: String) -> JSONSyntaxError {
        if index >= count { return JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        return JSONSyntaxError(offset: index, reason: .expected(what))
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) {
        guard index < count else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        switch base[index] {
        case UInt8(ascii: "\""):
            entries.append(try scanString())
        case UInt8(ascii: "{"):
            guard depth < JSONParser.maxDepth else { throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONParser.maxDepth)) }
            try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else { throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONParser.maxDepth)) }
            try parseArray(depth: depth + 1)
        case UInt8(ascii: "t"):
            try literal("true", .true)
        case UInt8(ascii: "f"):
            try literal("false", .false)
        case UInt8(ascii: "n"):
            try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
        default:
            throw unexpected()
        }
    }

    mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard index + n <= count else { throw unexpected() }
        for k in 0..<n where base[index + k] != w[k] { throw unexpected() }
        entries.append(JSONTape.Entry(start: UInt32(index), length: UInt32(n), kind: kind, flags: []))
        index += n
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) {
        let slot = entries.count
        entries.append(JSONTape.Entry(start: 0, length: 0, kind: .object, flags: []))
        index += 1
        var members = 0
        // Keys seen so far, built only for objects of eight members or more, as `JSONParser` does.
        var seen: Set<String> = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            entries[slot].length = UInt32(entries.count)
            return
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else { throw expected("\"") }
            let keyOffset = index
            let key = try scanString()
            let keySlot = entries.count
            entries.append(key)
            if members < 8 {
                if let duplicate = duplicate(of: keySlot, after: slot + 1) {
                    throw JSONSyntaxError(offset: keyOffset, reason: .duplicateKey(duplicate))
                }
            } else {
                if seen.isEmpty { seen = keysBefore(keySlot, after: slot + 1) }
                let text = string(at: keySlot)
                if seen.contains(text) { throw JSONSyntaxError(offset: keyOffset, reason: .duplicateKey(text)) }
            }
            if !seen.isEmpty { seen.insert(string(at: keySlot)) }
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else { throw expected(":") }
            index += 1
            skipWhitespace()
            try parseValue(depth: depth)
            members += 1
            skipWhitespace()
            guard index < count else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                entries[slot].start = UInt32(members)
                entries[slot].length = UInt32(entries.count)
                return
            }
            throw expected(", }")
        }
    }

    /// The text of an earlier key of this object equal to the key at `keySlot`, if any.
    private func duplicate(of keySlot: Int, after first: Int) -> String? {
        var k = first
        while k < keySlot {
            if JSONTape.keysEqual(entries[k], entries[keySlot], base) { return string(at: keySlot) }
            k = entries[k + 1].kind.isContainer ? entries[k + 1].next : k + 2
        }
        return nil
    }

    private func keysBefore(_ keySlot: Int, after first: Int) -> Set<String> {
        var keys: Set<String> = []
        var k = first
        while k < keySlot {
            keys.insert(string(at: k))
            k = entries[k + 1].kind.isContainer ? entries[k + 1].next : k + 2
        }
        return keys
    }

    private func string(at slot: Int) -> String {
        JSONTape.text(of: entries[slot], base)
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) {
        let slot = entries.count
        entries.append(JSONTape.Entry(start: 0, length: 0, kind: .array, flags: []))
        index += 1
        var elements = 0
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            entries[slot].length = UInt32(entries.count)
            return
        }
        while true {
            skipWhitespace()
            try parseValue(depth: depth)
            elements += 1
            skipWhitespace()
            guard index < count else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "]") {
                index += 1
                entries[slot].start = UInt32(elements)
                entries[slot].length = UInt32(entries.count)
                return
            }
            throw expected(", ]")
        }
    }

    @inline(__always)
    private func isDigit(_ i: Int) -> Bool {
        i < count && base[i] >= UInt8(ascii: "0") && base[i] <= UInt8(ascii: "9")
    }

    mutating func parseNumber() throws(JSONSyntaxError) {
        let start = index
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
        } else {
            guard isDigit(index) else { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
            while isDigit(index) { index += 1 }
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
            while isDigit(index) { index += 1 }
        }
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
            while isDigit(index) { index += 1 }
        }
        entries.append(JSONTape.Entry(start: UInt32(start), length: UInt32(index - start), kind: .number, flags: []))
    }

    /// Scans the string at `index` (its opening quote) and checks its escapes; the text itself is
    /// decoded later, and only if asked for. Runs of plain ASCII are skipped eight bytes at a time.
    mutating func scanString() throws(JSONSyntaxError) -> JSONTape.Entry {
        index += 1
        let start = index
        var flags: JSONTape.Flags = []
        while true {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let special = JSONTape.specialBytes(word)
                if special != 0 {
                    index += special.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                let entry = JSONTape.Entry(start: UInt32(start), length: UInt32(index - start), kind: .string, flags: flags)
                index += 1
                return entry
            }
            if b == UInt8(ascii: "\\") {
                flags.insert(.escaped)
                try checkEscape()
                continue
            }
            if b < 0x20 { throw JSONSyntaxError(offset: index, reason: .controlCharacterInString) }
            if b == 0x7F {
                flags.insert(.unsafe)
                index += 1
                continue
            }
            if b >= 0x80 {
                flags.insert(.nonASCII)
                // The document is valid UTF-8, so the sequence is complete and well formed.
                if JSONTape.isUnsafeSequence(base + index) { flags.insert(.unsafe) }
                index += b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
                continue
            }
            index += 1
        }
    }

    /// Checks the escape at `index` (its backslash) as `JSONParser` decodes it, and moves past it.
    private mutating func checkEscape() throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < count else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        let e = base[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let code = try hex4(at: escapeStart)
            if code >= 0xD800, code <= 0xDBFF {
                guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                }
                index += 2
                let low = try hex4(at: escapeStart)
                guard low >= 0xDC00, low <= 0xDFFF else { throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate) }
            } else if code >= 0xDC00, code <= 0xDFFF {
                throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
            }
        default:
            throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
        }
    }

    private mutating func hex4(at escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= count else { throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = JSONTape.hexDigit(base[index]) else { throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

extension JSONTape.Kind {
    var isContainer: Bool { self == .array || self == .object }
}

extension JSONTape {
    /// A word with the high bit set in each byte that a string scan must look at: `"`, `\`, a
    /// control, DEL or any byte outside ASCII. Only the lowest flag is exact (borrows can set
    /// flags above it), which is all the scan uses.
    @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22)
        let s = w ^ (ones &* 0x5C)
        let zeroQ = (q &- ones) & ~q
        let zeroS = (s &- ones) & ~s
        let control = (w &- ones &* 0x20) & ~w
        // DEL and above: adding 1 sets the high bit of 0x7F…0xFE (0xFF never occurs in UTF-8).
        let high = w | (w &+ ones)
        return (zeroQ | zeroS | control | high) & highs
    }

    /// True when the UTF-8 sequence at `p` encodes a scalar `TerminalSafety.isUnsafe` names:
    /// C1 (C2 80–9F), U+061C (D8 9C), U+200E–200F, U+2028–202E (E2 80 …), U+2066–2069 (E2 81 …).
    @inline(__always)
    static func isUnsafeSequence(_ p: UnsafePointer<UInt8>) -> Bool {
        switch p[0] {
        case 0xC2: return p[1] <= 0x9F
        case 0xD8: return p[1] == 0x9C
        case 0xE2:
            if p[1] == 0x80 { return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xA8 && p[2] <= 0xAE) }
            if p[1] == 0x81 { return p[2] >= 0xA6 && p[2] <= 0xA9 }
            return false
        default: return false
        }
    }

    @inline(__always)
    static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The text of a string entry: its bytes, or their unescaped form.
    static func text(of entry: Entry, _ source: UnsafePointer<UInt8>) -> String {
        let raw = UnsafeBufferPointer(start: source + Int(entry.start), count: Int(entry.length))
        guard entry.flags.contains(.escaped) else { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: unescaped(raw), as: UTF8.self)
    }

    /// The bytes of a string entry's text (unescaped when needed), passed to `body`.
    static func withTextBytes<R>(of entry: Entry, _ source: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let raw = UnsafeBufferPointer(start: source + Int(entry.start), count: Int(entry.length))
        guard entry.flags.contains(.escaped) else { return body(raw) }
        return unescaped(raw).withUnsafeBufferPointer(body)
    }

    /// Decodes the escapes of a string the parser has already checked.
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex4(raw, i)
                i += 4
                if code >= 0xD800, code <= 0xDBFF {
                    let low = hex4(raw, i + 2)
                    i += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                out.appendUTF8(Unicode.Scalar(code)!)
            default: out.append(e)
            }
        }
        return out
    }

    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 { value = value << 4 | (hexDigit(raw[i + k]) ?? 0) }
        return value
    }

    /// Key equality as `String` has it (canonical equivalence): bytes when both are plain ASCII.
    static func keysEqual(_ a: Entry, _ b: Entry, _ source: UnsafePointer<UInt8>) -> Bool {
        let plain: Flags = [.escaped, .nonASCII]
        if a.flags.isDisjoint(with: plain), b.flags.isDisjoint(with: plain) {
            return a.length == b.length && memoryEqual(source + Int(a.start), source + Int(b.start), Int(a.length))
        }
        return text(of: a, source) == text(of: b, source)
    }

    @inline(__always)
    static func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where a[k] != b[k] { return false }
        return true
    }
}

/// Writes a `JSONValue` as a tape, its strings stored unescaped.
private struct TapeBuilder {
    var bytes: [UInt8] = []
    var entries: [JSONTape.Entry] = []

    mutating func append(_ value: JSONValue) {
        switch value {
        case .null: entries.append(JSONTape.Entry(start: 0, length: 0, kind: .null, flags: []))
        case .bool(let b): entries.append(JSONTape.Entry(start: 0, length: 0, kind: b ? .true : .false, flags: []))
        case .number(let lexeme): appendBytes(lexeme, kind: .number)
        case .string(let s): appendBytes(s, kind: .string)
        case .array(let elements):
            let slot = entries.count
            entries.append(JSONTape.Entry(start: UInt32(elements.count), length: 0, kind: .array, flags: []))
            for element in elements { append(element) }
            entries[slot].length = UInt32(entries.count)
        case .object(let object):
            let slot = entries.count
            entries.append(JSONTape.Entry(start: UInt32(object.members.count), length: 0, kind: .object, flags: []))
            for member in object.members {
                appendBytes(member.key, kind: .string)
                append(member.value)
            }
            entries[slot].length = UInt32(entries.count)
        }
    }

    private mutating func appendBytes(_ text: String, kind: JSONTape.Kind) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        var flags: JSONTape.Flags = []
        for scalar in text.unicodeScalars {
            if !scalar.isASCII { flags.insert(.nonASCII) }
            // Stored unescaped, so anything the writer escapes (quotes included) marks the string.
            if scalar == "\"" || scalar == "\\" || TerminalSafety.isUnsafe(scalar) { flags.insert(.unsafe) }
        }
        entries.append(JSONTape.Entry(start: UInt32(start), length: UInt32(bytes.count - start), kind: kind, flags: flags))
    }
}
