extension Array where Element == UInt8 {
    /// Appends `scalar` encoded as UTF-8: escaping loops build bytes and make one String at the end,
    /// which is several times cheaper than appending scalar by scalar to a String.
    @inline(__always)
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            append(UInt8(v))
        } else if v < 0x800 {
            append(UInt8(0xC0 | v >> 6))
            append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            append(UInt8(0xE0 | v >> 12))
            append(UInt8(0x80 | v >> 6 & 0x3F))
            append(UInt8(0x80 | v & 0x3F))
        } else {
            append(UInt8(0xF0 | v >> 18))
            append(UInt8(0x80 | v >> 12 & 0x3F))
            append(UInt8(0x80 | v >> 6 & 0x3F))
            append(UInt8(0x80 | v & 0x3F))
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where a scan from `start` to `end` must look at bytes one by one, taken eight bytes at a
    /// time: the first byte whose high bit `flags` sets in its word (bits above the lowest set may be
    /// false alarms, as with borrows), or where fewer than eight bytes are left.
    @inline(__always)
    func skipWords(from start: Int, to end: Int, unless flags: (UInt64) -> UInt64) -> Int {
        var i = start
        while i + 8 <= end {
            let f = flags(UnsafeRawPointer(baseAddress! + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
            if f != 0 { return i + f.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }
}
