/// The recursive descent that writes a tape's entries.
struct TapeParser {
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
            case 0x20, 0x0A, 0x09, 0x0D:
                index += 1
                // The indentation of a pretty-printed file: eight spaces at a time.
                while index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    index += 8
                }
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
            guard depth < JSONTape.maxDepth else { throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONTape.maxDepth)) }
            try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < JSONTape.maxDepth else { throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONTape.maxDepth)) }
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
        // Keys seen so far, built only for objects of eight members or more: below, a scan is cheaper.
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
                if TerminalSafety.isUnsafeSequence(base + index) { flags.insert(.unsafe) }
                index += b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
                continue
            }
            index += 1
        }
    }

    /// Checks the escape at `index` (its backslash) as `JSONTape.unescaped` decodes it, and moves past it.
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
