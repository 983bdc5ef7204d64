/// Deterministic JSON output: members in the order given, two-space indentation, and a
/// string escaping that keeps terminal and bidi controls out of the file's raw bytes.
public enum JSONWriter {
    /// Pretty output with a trailing newline, the form of every saved file.
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        writePretty(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    /// Compact output with every object's keys sorted by code point: the canonical bytes that are hashed.
    public static func canonical(_ value: JSONValue) -> [UInt8] {
        var sink = CanonicalSink(hasher: nil)
        writeCanonical(value, into: &sink)
        return sink.bytes
    }

    /// The SHA-256 of `canonical(value)`, hashed as it is written: the canonical bytes of a large
    /// catalogue are never held whole.
    public static func canonicalSHA256(_ value: JSONValue) -> String {
        var sink = CanonicalSink(hasher: SHA256.Hasher())
        writeCanonical(value, into: &sink)
        sink.flush()
        return sink.hasher!.finalize()
    }

    /// Where canonical bytes go: kept whole, or handed to a hasher every 64 KiB.
    private struct CanonicalSink {
        var bytes: [UInt8] = []
        var hasher: SHA256.Hasher?

        init(hasher: SHA256.Hasher?) {
            self.hasher = hasher
            if hasher != nil { bytes.reserveCapacity(1 << 16 + 4096) }
        }

        mutating func flushIfFull() {
            if hasher != nil, bytes.count >= 1 << 16 { flush() }
        }

        mutating func flush() {
            guard hasher != nil else { return }
            hasher!.update(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func writePretty(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                writePretty(element, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                writeString(member.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                writePretty(member.value, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &out)
        }
    }

    private static func writeCanonical(_ value: JSONValue, into sink: inout CanonicalSink) {
        switch value {
        case .array(let elements):
            sink.bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                writeCanonical(element, into: &sink)
            }
            sink.bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            sink.bytes.append(UInt8(ascii: "{"))
            let sorted = object.members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &sink.bytes)
                sink.bytes.append(UInt8(ascii: ":"))
                writeCanonical(member.value, into: &sink)
            }
            sink.bytes.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &sink.bytes)
            sink.flushIfFull()
        }
    }

    private static func writeScalar(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let lexeme): out.append(contentsOf: lexeme.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array, .object: break
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The escape of one scalar that cannot be written raw: `"`, `\\`, a control, DEL, C1 or a bidi control.
    private static func writeEscaped(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0x22: out.append(contentsOf: "\\\"".utf8)
        case 0x5C: out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x08: out.append(contentsOf: "\\b".utf8)
        case 0x0C: out.append(contentsOf: "\\f".utf8)
        default:
            out.append(contentsOf: "\\u".utf8)
            for shift in stride(from: 12, through: 0, by: -4) {
                out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)])
            }
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        // Runs of bytes that need no escape are copied whole: saving an assessment and hashing a
        // catalogue are mostly this loop.
        let done: Bool? = s.utf8.withContiguousStorageIfAvailable { bytes in
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Plain ASCII eight bytes at a time, up to a quote, a backslash, a control or a byte from 0x7F on.
                while i + 8 <= bytes.count {
                    let special = JSONTape.specialBytes(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                    if special != 0 {
                        i += special.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
                guard i < bytes.count else { break }
                let b = bytes[i]
                var length = 1
                var scalar: Unicode.Scalar?
                if b < 0x80 {
                    if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F { scalar = Unicode.Scalar(b) }
                } else if b != 0xC2, b != 0xD8, b != 0xE2 {
                    // Only these lead bytes start a scalar that is escaped (C1, U+061C, U+200E…U+2069).
                    length = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
                } else {
                    var v: UInt32
                    if b < 0xE0 {
                        length = 2
                        v = UInt32(b & 0x1F)
                    } else if b < 0xF0 {
                        length = 3
                        v = UInt32(b & 0x0F)
                    } else {
                        length = 4
                        v = UInt32(b & 0x07)
                    }
                    for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if let u = Unicode.Scalar(v), TerminalSafety.isUnsafe(u) { scalar = u }
                }
                if let scalar {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    writeEscaped(scalar, into: &out)
                    runStart = i + length
                }
                i += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(UInt8(ascii: "\""))
            return true
        }
        if done == true { return }
        writeStringByScalars(s, into: &out)
    }

    /// `writeString` scalar by scalar: the path for text without contiguous UTF-8, and what tests compare the fast path with.
    static func writeStringByScalars(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x22 || v == 0x5C || TerminalSafety.isUnsafe(scalar) {
                writeEscaped(scalar, into: &out)
            } else if v < 0x80 {
                out.append(UInt8(v))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
