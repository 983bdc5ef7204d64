/// Word wrapping and clipping by terminal columns.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible;
    /// existing newlines start new lines. Never returns an empty array.
    public static func lines(_ text: String, width: Int) -> [String] {
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

    /// `text` padded with spaces to exactly `width` columns (clipped first if longer).
    public static func pad(_ text: String, width: Int) -> String {
        let clipped = clip(text, width: width)
        let w = DisplayWidth.of(clipped)
        return w >= width ? clipped : clipped + String(repeating: " ", count: width - w)
    }
}
