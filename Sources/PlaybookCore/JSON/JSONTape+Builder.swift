/// Writes a `JSONValue` as a tape, its strings stored unescaped.
struct TapeBuilder {
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
