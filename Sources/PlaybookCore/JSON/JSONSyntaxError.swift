/// Why a byte sequence is not acceptable JSON, and where (byte offset into the file).
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case invalidUTF8
        case unexpectedEnd
        case unexpectedCharacter(Unicode.Scalar)
        case expected(String)
        case invalidNumber
        case invalidEscape
        case loneSurrogate
        case controlCharacterInString
        case duplicateKey(String)
        case tooDeep(Int)
        case trailingContent
    }

    public var offset: Int
    public var reason: Reason

    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }
}

/// A 1-based line and column (column counted in Unicode scalars) in a UTF-8 text.
public struct TextPosition: Equatable, Sendable {
    public var line: Int
    public var column: Int

    /// The position of `offset`; bytes after an invalid sequence are counted one by one.
    public init(offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        self.line = line
        self.column = column
    }
}
