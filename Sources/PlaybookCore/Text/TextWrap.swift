/// Word wrapping and clipping by terminal columns.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible;
    /// existing newlines start new lines. Never returns an empty array.
    public static func lines(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { wrap($0, width: width) { _, line in result.append(String(decoding: line, as: UTF8.self)) } }
        return result
    }

    /// The one wrapper, on UTF-8 bytes: calls `emit` with the index and bytes of each line of
    /// `text` wrapped to `width` columns (at least one line). Paragraphs end at every line break
    /// a `Character` calls a newline (LF, VT, FF, CR, CR LF, NEL, U+2028, U+2029); words are split
    /// at the spaces that are characters of their own and joined by one space; a word wider than
    /// the line is cut between characters. Lines are slices of `text` wherever the source has one
    /// space between their words, so most of a report is never copied.
    static func wrap(_ text: UnsafeBufferPointer<UInt8>, width: Int, _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        var wrapper = Wrapper(width: max(1, width))
        var start = 0
        while true {
            let (end, next) = lineBreak(in: text, from: start)
            wrapper.paragraph(text, start, end, emit)
            if end == text.count { break }
            start = next
        }
    }

    /// The first line break at or after `start`: where it starts and where the next line starts
    /// (the end twice when there is none). Bytes below 0x0E or above 0x7F stop the scan of eight at a time.
    private static func lineBreak(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int) {
        let n = text.count
        var k = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while k < n {
            k = text.skipWords(from: k, to: n) { w in (w &- ones &* 0x0E) & ~w | w }
            guard k < n else { break }
            switch text[k] {
            case 0x0D: return (k, k + 1 < n && text[k + 1] == 0x0A ? k + 2 : k + 1)
            case 0x0A, 0x0B, 0x0C: return (k, k + 1)
            case 0xC2 where text[k + 1] == 0x85: return (k, k + 2)
            case 0xE2 where text[k + 1] == 0x80 && (text[k + 2] == 0xA8 || text[k + 2] == 0xA9): return (k, k + 3)
            default: k += 1
            }
        }
        return (n, n)
    }

    /// Paragraph wrapping. Widths are byte counts for printable ASCII words, `DisplayWidth` for others.
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
                while j < end, bytes[j] == 0x20, TextWrap.isSeparator(bytes, j, start, end) { j += 1 }
                if j == end { break }
                let wordStart = j
                // Printable ASCII is skipped eight bytes at a time up to the next space.
                var ascii = true
                let ones: UInt64 = 0x0101_0101_0101_0101
                while j < end {
                    // A space, a byte below 0x20, at 0x7F or above stops the scan.
                    j = bytes.skipWords(from: j, to: end) { w in
                        let s = w ^ (ones &* 0x20)
                        return (s &- ones) & ~s | (w &- ones &* 0x20) & ~w | w | (w &+ ones)
                    }
                    guard j < end else { break }
                    let b = bytes[j]
                    if b == 0x20 {
                        if TextWrap.isSeparator(bytes, j, start, end) { break }
                    } else if b < 0x20 || b >= 0x7F {
                        ascii = false
                    }
                    j += 1
                }
                let wordEnd = j
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])
                let wordWidth = ascii ? word.count : DisplayWidth.of(utf8: word)
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
                        line.append(contentsOf: word)
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
                    // A word wider than the line is cut between characters, in one pass.
                    chunkWidth = 0
                    var m = wordStart
                    for ch in String(decoding: word, as: UTF8.self) {
                        let w = DisplayWidth.of(ch)
                        if chunkWidth + w > width, m > chunkStart {
                            emit(index, UnsafeBufferPointer(rebasing: bytes[chunkStart..<m]))
                            index += 1
                            emitted = true
                            chunkStart = m
                            chunkWidth = 0
                        }
                        chunkWidth += w
                        m += ch.utf8.count
                    }
                }
                lineStart = chunkStart
                lineEnd = wordEnd
                inPlace = true
                lineWidth = chunkWidth
            }
            if lineWidth > 0 || !emitted { send(bytes, lineStart, lineEnd, inPlace, emit) }
        }

        private mutating func send(
            _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ inPlace: Bool,
            _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void
        ) {
            if inPlace {
                emit(index, UnsafeBufferPointer(rebasing: bytes[start..<end]))
            } else {
                line.withUnsafeBufferPointer { emit(index, $0) }
            }
            index += 1
        }
    }

    /// Whether the space at `j` (in a paragraph `start..<end`) is a character of its own, and so
    /// separates words: a mark or joiner after it, or a prepended letter before it, makes one
    /// character with it.
    private static func isSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ j: Int, _ start: Int, _ end: Int) -> Bool {
        // French typography's space before `:` `;` `?` `!` `»` and after `«` holds the mark to its
        // word: a line never starts with that punctuation, nor ends with an opening guillemet.
        if j + 1 < end {
            switch bytes[j + 1] {
            case 0x3A, 0x3B, 0x3F, 0x21: return false
            case 0xC2 where j + 2 < end && bytes[j + 2] == 0xBB: return false
            default: break
            }
        }
        if j >= start + 2, bytes[j - 2] == 0xC2, bytes[j - 1] == 0xAB { return false }
        if j > start, bytes[j - 1] >= 0x80 {
            var k = j - 1
            while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
            if !isCharacterBreak(TerminalSafety.scalar(at: bytes.baseAddress! + k, length: j - k), " ") { return false }
        }
        if j + 1 < end, bytes[j + 1] >= 0x80 {
            let length = bytes[j + 1] < 0xE0 ? 2 : bytes[j + 1] < 0xF0 ? 3 : 4
            if !isCharacterBreak(" ", TerminalSafety.scalar(at: bytes.baseAddress! + j + 1, length: length)) { return false }
        }
        return true
    }

    /// True when a `Character` ends between the adjacent scalars `a` and `b`. Only a pair with a
    /// scalar that is neither ASCII nor `DisplayWidth.isSimple` (a mark, a joiner, a prepended
    /// letter…) needs asking the standard library.
    static func isCharacterBreak(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        if a == "\r" { return b != "\n" }
        if (a.isASCII || DisplayWidth.isSimple(a.value)) && (b.isASCII || DisplayWidth.isSimple(b.value)) { return true }
        var pair = String.UnicodeScalarView()
        pair.append(a)
        pair.append(b)
        return String(pair).count == 2
    }

    /// The longest prefix of `text` that fits in `width` columns, and the rest.
    public static func split(_ text: String, at width: Int) -> (String, String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        if index == text.startIndex, index < text.endIndex { index = text.index(after: index) }
        return (String(text[..<index]), String(text[index...]))
    }

    /// `text` cut to at most `width` columns, with an ellipsis when cut.
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let (head, _) = split(text, at: max(0, width - 1))
        var h = head
        while DisplayWidth.of(h) > width - 1, !h.isEmpty { h.removeLast() }
        return h + "…"
    }

    /// `head + body + tail` in at most `width` columns: the body is clipped (with an ellipsis) so that
    /// the head and the tail stay whole; when they alone are too wide, the body is left out.
    public static func fit(head: String, body: String, tail: String, width: Int) -> String {
        let room = width - DisplayWidth.of(head) - DisplayWidth.of(tail)
        if DisplayWidth.of(body) <= room { return head + body + tail }
        return head + (room > 1 ? clip(body, width: room) : "") + tail
    }

    /// `text` padded with spaces to exactly `width` columns (clipped first if longer).
    public static func pad(_ text: String, width: Int) -> String {
        let clipped = clip(text, width: width)
        let w = DisplayWidth.of(clipped)
        return w >= width ? clipped : clipped + String(repeating: " ", count: width - w)
    }
}
