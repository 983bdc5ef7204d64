/// A report's bytes as they are written: text of this program's goes in with `raw`, file and
/// user text through the one escaper of its format (`Markdown`, `HTMLText`).
struct ReportBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    /// Literals one after the other, appended at once (markup is written in many small pieces).
    mutating func raw(_ pieces: [StaticString]) {
        let total = pieces.reduce(0) { $0 + $1.utf8CodeUnitCount }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var p = buffer.baseAddress!
            for piece in pieces {
                p.update(from: piece.utf8Start, count: piece.utf8CodeUnitCount)
                p += piece.utf8CodeUnitCount
            }
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// A number in decimal digits.
    mutating func raw(_ n: Int) { raw(String(n)) }

    @inline(__always)
    mutating func newline() { bytes.append(0x0A) }

    /// `n` spaces.
    mutating func spaces(_ n: Int) {
        let run: StaticString = "                                                                "
        var left = n
        while left > 0 {
            let k = min(left, run.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: run.utf8Start, count: k))
            left -= k
        }
    }

    /// `text` then a line feed.
    mutating func line(_ text: String) {
        raw(text)
        newline()
    }

    // MARK: Markdown

    /// `Markdown.inline(text)`: the one Markdown escaper, writing into these bytes.
    mutating func markdownInline(_ text: String, atLineStart: Bool = false) {
        Markdown.append(text, block: false, atLineStart: atLineStart, to: &bytes)
    }

    /// `Markdown.block(text)`: each line escaped, line breaks as hard breaks; `atLineStart` false
    /// when the first line follows a label.
    mutating func markdownBlock(_ text: String, atLineStart: Bool = true) {
        Markdown.append(text, block: true, atLineStart: atLineStart, to: &bytes)
    }

    // MARK: HTML

    /// `HTMLText.escape(text, keepNewlines:)`, written into these bytes.
    mutating func html(_ text: String, keepNewlines: Bool = true) {
        HTMLText.append(text, keepNewlines: keepNewlines, to: &bytes)
    }
}
