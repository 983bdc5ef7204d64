/// Deterministic JSON output: members in the order given, two-space indentation, and a
/// string escaping that keeps terminal and bidi controls out of the file's raw bytes.
public enum JSONWriter {
    /// Pretty output with a trailing newline, the form of every saved file.
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var stream = JSONPrettyStream(capacity: 4096)
        stream.value(value)
        return stream.finish()
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return String(decoding: out, as: UTF8.self)
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

    /// `s` as a JSON string literal, escaping `"`, `\\` and every scalar `TerminalSafety.isUnsafe`
    /// names, with the short escapes where JSON has one and `\u` with four hex digits otherwise.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        // Native strings already are contiguous UTF-8: this copies nothing.
        s.makeContiguousUTF8()
        // Runs of bytes that need no escape are copied whole: saving an assessment and hashing a
        // catalogue are mostly this loop.
        _ = s.utf8.withContiguousStorageIfAvailable { bytes in
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
        }
    }
}
