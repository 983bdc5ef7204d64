/// A strict RFC 8259 parser: rejects duplicate keys, invalid UTF-8, lone surrogates and
/// trailing content, accepts a leading UTF-8 BOM, and bounds nesting depth.
public enum JSONParser {
    /// Deep enough for any real document, shallow enough that recursion cannot exhaust the stack.
    public static let maxDepth = 128

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            if let bad = UTF8Validation.firstInvalidOffset(buffer) {
                return .failure(JSONSyntaxError(offset: bad, reason: .invalidUTF8))
            }
            var cursor = Cursor(bytes: buffer)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                cursor.index = 3
            }
            do throws(JSONSyntaxError) {
                cursor.skipWhitespace()
                let value = try cursor.parseValue(depth: 0)
                cursor.skipWhitespace()
                if cursor.index < buffer.count {
                    throw JSONSyntaxError(offset: cursor.index, reason: .trailingContent)
                }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func unexpected() -> JSONSyntaxError {
        if atEnd { return JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        var decoder = UTF8()
        var iterator = bytes[index...].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return JSONSyntaxError(offset: index, reason: .unexpectedCharacter(scalar))
        }
        return JSONSyntaxError(offset: index, reason: .invalidUTF8)
    }

    func expected(_ what: String) -> JSONSyntaxError {
        if atEnd { return JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        return JSONSyntaxError(offset: index, reason: .expected(what))
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard !atEnd else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth < JSONParser.maxDepth else {
                throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONParser.maxDepth))
            }
            return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else {
                throw JSONSyntaxError(offset: index, reason: .tooDeep(JSONParser.maxDepth))
            }
            return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw unexpected()
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let ok = word.withUTF8Buffer { w -> Bool in
            guard index + count <= bytes.count else { return false }
            for k in 0..<count where bytes[index + k] != w[k] { return false }
            return true
        }
        guard ok else {
            index = start
            throw unexpected()
        }
        index += count
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        index += 1
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if !atEnd, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject(members)
        }
        while true {
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { throw expected("\"") }
            let keyOffset = index
            let key = try parseString()
            if members.count < 8 {
                if members.contains(where: { $0.key == key }) {
                    throw JSONSyntaxError(offset: keyOffset, reason: .duplicateKey(key))
                }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                if seen.contains(key) {
                    throw JSONSyntaxError(offset: keyOffset, reason: .duplicateKey(key))
                }
            }
            if !seen.isEmpty { seen.insert(key) }
            skipWhitespace()
            guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw expected(":") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard !atEnd else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return JSONObject(members)
            }
            throw expected(", }")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if !atEnd, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard !atEnd else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            throw expected(", ]")
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        func digits(_ cursor: inout Cursor) -> Int {
            var n = 0
            while !cursor.atEnd, cursor.bytes[cursor.index] >= UInt8(ascii: "0"), cursor.bytes[cursor.index] <= UInt8(ascii: "9") {
                cursor.index += 1
                n += 1
            }
            return n
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard !atEnd else { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if !atEnd, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                throw JSONSyntaxError(offset: start, reason: .invalidNumber)
            }
        } else if digits(&self) == 0 {
            throw JSONSyntaxError(offset: start, reason: .invalidNumber)
        }
        if !atEnd, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
        }
        if !atEnd, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if !atEnd, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 { throw JSONSyntaxError(offset: start, reason: .invalidNumber) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw JSONSyntaxError(offset: index, reason: .controlCharacterInString) }
            index += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw JSONSyntaxError(offset: index, reason: .controlCharacterInString) }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard !atEnd else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd) }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4(at: escapeStart)
                if code >= 0xD800, code <= 0xDBFF {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                    }
                    index += 2
                    let low = try hex4(at: escapeStart)
                    guard low >= 0xDC00, low <= 0xDFFF else {
                        throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00, code <= 0xDFFF {
                    throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                }
                // Valid by construction: surrogates were handled above.
                let scalar = Unicode.Scalar(code)!
                out.append(contentsOf: UTF8.encode(scalar)!)
            default:
                throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
        }
        throw JSONSyntaxError(offset: index, reason: .unexpectedEnd)
    }

    mutating func hex4(at escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
