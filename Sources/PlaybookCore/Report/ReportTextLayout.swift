/// Wrapping for the text report on UTF-8 bytes: the lines of `TextWrap.lines`, handed over one
/// by one instead of as an array of `String`s. Text whose scalars are all simple
/// (`isSimpleScalar`) apart from line feeds is cut on its bytes, as `TextWrap` does it;
/// any other text goes through `TextWrap.lines` itself. A property test compares the two.
enum ReportTextLayout {
    /// Calls `emit` with the index and bytes of each line of `TextWrap.lines(text, width: width)`.
    static func wrap(_ text: UnsafeBufferPointer<UInt8>, width: Int, _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let width = max(1, width)
        guard isSimple(text, allowingLineFeeds: true) else {
            let lines = TextWrap.lines(String(decoding: text, as: UTF8.self), width: width)
            for (i, line) in lines.enumerated() {
                var line = line
                line.withUTF8 { emit(i, $0) }
            }
            return
        }
        var state = Wrapper(width: width)
        var start = 0
        while true {
            let end = lineFeed(in: text, from: start)
            state.paragraph(text, start, end, emit)
            if end == text.count { break }
            start = end + 1
        }
    }

    /// The index of the first line feed at or after `start`, or the end: eight bytes at a time.
    private static func lineFeed(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var k = start
        while k + 8 <= text.count {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let w = UnsafeRawPointer(text.baseAddress! + k).loadUnaligned(as: UInt64.self) ^ (ones &* 0x0A)
            let found = (w &- ones) & ~w & 0x8080_8080_8080_8080
            if found != 0 { return k + found.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < text.count, text[k] != 0x0A { k += 1 }
        return k
    }

    /// True when every scalar of `text` is simple (`isSimpleScalar`), line feeds aside when
    /// allowed: such text is its own terminal-safe form, one column per scalar.
    static func isSimple(_ text: UnsafeBufferPointer<UInt8>, allowingLineFeeds: Bool) -> Bool {
        guard let base = text.baseAddress else { return true }
        let n = text.count
        var k = 0
        while k < n {
            // Printable ASCII, eight bytes at a time: none below 0x20, none at 0x7F or above.
            while k + 8 <= n {
                let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let flags = ((w &- ones &* 0x20) & ~w | w | (w &+ ones)) & 0x8080_8080_8080_8080
                if flags != 0 {
                    k += flags.trailingZeroBitCount >> 3
                    break
                }
                k += 8
            }
            guard k < n else { return true }
            let b = base[k]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F {
                    guard b == 0x0A, allowingLineFeeds else { return false }
                }
                k += 1
            } else if b < 0xE0 {
                guard isSimpleScalar(UInt32(b & 0x1F) << 6 | UInt32(base[k + 1] & 0x3F)) else { return false }
                k += 2
            } else if b < 0xF0 {
                let v = UInt32(b & 0x0F) << 12 | UInt32(base[k + 1] & 0x3F) << 6 | UInt32(base[k + 2] & 0x3F)
                guard isSimpleScalar(v) else { return false }
                k += 3
            } else {
                return false
            }
        }
        return true
    }

    /// `DisplayWidth.isSimple`, and two more scalars this program writes: the minus sign of a
    /// change (`−1`) and the narrow no-break space of French numbers (`66,7 %`). Each is one
    /// column and a character of its own, as the simple ones are.
    @inline(__always)
    static func isSimpleScalar(_ v: UInt32) -> Bool {
        DisplayWidth.isSimple(v) || v == 0x2212 || v == 0x202F
    }

    static func isSimple(_ text: String, allowingLineFeeds: Bool) -> Bool {
        var text = text
        return text.withUTF8 { isSimple($0, allowingLineFeeds: allowingLineFeeds) }
    }

    /// `TextWrap`'s paragraph wrapping of simple text, where widths are scalar counts. Words are
    /// joined by one space; while the source has exactly one space between them, the line is a
    /// slice of the source and nothing is copied.
    private struct Wrapper {
        let width: Int
        var index = 0
        /// A line whose words were not one space apart in the source, built here.
        var line: [UInt8] = []

        init(width: Int) {
            self.width = width
            line.reserveCapacity(width * 4 + 4)
        }

        mutating func paragraph(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
            var lineWidth = 0
            var emitted = false
            // The line is bytes[lineStart..<lineEnd] while `inPlace`, else `line`.
            var lineStart = start
            var lineEnd = start
            var inPlace = true
            var j = start
            while j < end {
                while j < end, bytes[j] == 0x20 { j += 1 }
                if j == end { break }
                let wordStart = j
                var wordWidth = 0
                // Eight bytes at a time up to the next space, counting scalars as bytes that are
                // not continuation bytes (10xxxxxx).
                var ended = false
                while j + 8 <= end {
                    let w = UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                    let s = w ^ (ones &* 0x20)
                    let space = (s &- ones) & ~s & highs
                    let continuation = w & ~(w &<< 1) & highs
                    // (A population count is a loop of shifts on the baseline x86-64 this is built
                    // for, so ASCII, the common case, skips it.)
                    if space != 0 {
                        let k = space.trailingZeroBitCount >> 3
                        let before = k == 0 ? 0 : continuation & (UInt64.max &>> UInt64(64 - 8 * k))
                        wordWidth += before == 0 ? k : k - before.nonzeroBitCount
                        j += k
                        ended = true
                        break
                    }
                    wordWidth += continuation == 0 ? 8 : 8 - continuation.nonzeroBitCount
                    j += 8
                }
                while !ended, j < end {
                    let b = bytes[j]
                    if b == 0x20 { break }
                    wordWidth &+= b & 0xC0 == 0x80 ? 0 : 1
                    j += 1
                }
                let wordEnd = j
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    if inPlace, wordStart == lineEnd + 1 {
                        lineEnd = wordEnd
                    } else {
                        if inPlace {
                            line.removeAll(keepingCapacity: true)
                            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                            inPlace = false
                        }
                        line.append(0x20)
                        line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
                    }
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    send(bytes, lineStart, lineEnd, inPlace, emit)
                    emitted = true
                    lineWidth = 0
                }
                var chunkStart = wordStart
                var chunkWidth = wordWidth
                if wordWidth > width {
                    // A word longer than the line is cut every `width` scalars.
                    chunkWidth = 0
                    var m = wordStart
                    while m < wordEnd {
                        if chunkWidth + 1 > width, chunkWidth > 0 {
                            emit(index, UnsafeBufferPointer(rebasing: bytes[chunkStart..<m]))
                            index += 1
                            emitted = true
                            chunkStart = m
                            chunkWidth = 0
                        }
                        chunkWidth += 1
                        m += 1
                        while m < wordEnd, bytes[m] & 0xC0 == 0x80 { m += 1 }
                    }
                }
                lineStart = chunkStart
                lineEnd = wordEnd
                inPlace = true
                lineWidth = chunkWidth
            }
            if lineWidth > 0 || !emitted {
                // An empty paragraph gives one empty line.
                if lineWidth == 0 { lineEnd = lineStart }
                send(bytes, lineStart, lineEnd, inPlace || lineWidth == 0, emit)
            }
        }

        private mutating func send(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ inPlace: Bool,
                                   _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
            if inPlace {
                emit(index, UnsafeBufferPointer(rebasing: bytes[start..<end]))
            } else {
                line.withUnsafeBufferPointer { emit(index, $0) }
            }
            index += 1
        }
    }
}
