/// The tape's work on bytes: what a string scan stops at, unsafe scalars, escapes, keys.
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
