/// Word wrapping and clipping by terminal columns.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible;
    /// existing newlines start new lines. Never returns an empty array.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        if let simple = simpleLines(Array(text.utf8), width: width) { return simple }
        return linesByCharacters(text, width: width)
    }

    /// True when `text` breaks lines with anything but LF (CR, CR LF, VT, FF, NEL, U+2028, U+2029),
    /// so a byte-level split on LF would not see every line.
    static func hasNewlinesOtherThanLF(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b == 0x0B || b == 0x0C || b == 0x0D { return true }
            if b == 0x85, previous == 0xC2 { return true }
            if b == 0xA8 || b == 0xA9, previous == 0x80, beforePrevious == 0xE2 { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// The general path of `lines`, character by character (also what tests compare the fast path with).
    static func linesByCharacters(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            wrapParagraph(Substring(paragraph), width: width, into: &result)
        }
        return result.isEmpty ? [""] : result
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into result: inout [String]) {
        var line = ""
        var lineWidth = 0
        var emitted = false
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var wordWidth = DisplayWidth.of(String(word))
            var word = String(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                result.append(line)
                emitted = true
                line = ""
                lineWidth = 0
            }
            if wordWidth > width {
                // One pass over a long word: linear, however long it is.
                var chunk = ""
                var chunkWidth = 0
                for ch in word {
                    let w = DisplayWidth.of(ch)
                    if chunkWidth + w > width, !chunk.isEmpty {
                        result.append(chunk)
                        emitted = true
                        chunk = ""
                        chunkWidth = 0
                    }
                    chunk.append(ch)
                    chunkWidth += w
                }
                word = chunk
                wordWidth = chunkWidth
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || !emitted { result.append(line) }
    }

    /// `lines` for text whose scalars are all simple (`DisplayWidth.isSimple`) apart from line feeds,
    /// worked on its UTF-8 bytes: each scalar is then one character one column wide, so the result
    /// is the same as the general path's without grapheme breaking or a String per word, which made
    /// wrapping most of the cost of a text report and of each frame. Nil for any other text.
    private static func simpleLines(_ bytes: [UInt8], width: Int) -> [String]? {
        let n = bytes.count
        var k = 0
        while k < n {
            let b = bytes[k]
            if b < 0x80 {
                if b != 0x0A, b < 0x20 || b == 0x7F { return nil }
                k += 1
            } else if b < 0xE0 {
                guard DisplayWidth.isSimple(UInt32(b & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)) else { return nil }
                k += 2
            } else if b < 0xF0 {
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                guard DisplayWidth.isSimple(v) else { return nil }
                k += 3
            } else {
                return nil
            }
        }
        var result: [String] = []
        var start = 0
        while true {
            var end = start
            while end < n, bytes[end] != 0x0A { end += 1 }
            wrapSimple(bytes, start, end, width: width, into: &result)
            if end == n { break }
            start = end + 1
        }
        return result
    }

    /// `wrapParagraph` over `bytes[start..<end]` of simple text: widths are scalar counts.
    private static func wrapSimple(_ bytes: [UInt8], _ start: Int, _ end: Int, width: Int, into result: inout [String]) {
        var line: [UInt8] = []
        var lineWidth = 0
        var emitted = false
        var j = start
        while j < end {
            while j < end, bytes[j] == 0x20 { j += 1 }
            if j == end { break }
            let wordStart = j
            var wordWidth = 0
            while j < end, bytes[j] != 0x20 {
                if bytes[j] & 0xC0 != 0x80 { wordWidth += 1 }
                j += 1
            }
            let wordEnd = j
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line.append(0x20)
                line.append(contentsOf: bytes[wordStart..<wordEnd])
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                result.append(String(decoding: line, as: UTF8.self))
                emitted = true
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
            }
            var chunkStart = wordStart
            var chunkWidth = wordWidth
            if wordWidth > width {
                // Cut a long word every `width` scalars, as the general path does by characters.
                chunkWidth = 0
                var m = wordStart
                while m < wordEnd {
                    if chunkWidth + 1 > width, chunkWidth > 0 {
                        result.append(String(decoding: bytes[chunkStart..<m], as: UTF8.self))
                        emitted = true
                        chunkStart = m
                        chunkWidth = 0
                    }
                    chunkWidth += 1
                    m += 1
                    while m < wordEnd, bytes[m] & 0xC0 == 0x80 { m += 1 }
                }
            }
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: bytes[chunkStart..<wordEnd])
            lineWidth = chunkWidth
        }
        if lineWidth > 0 || !emitted { result.append(String(decoding: line, as: UTF8.self)) }
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
