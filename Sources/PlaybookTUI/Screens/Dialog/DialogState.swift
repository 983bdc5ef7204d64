import PlaybookCore

/// A one-line question with a text answer.
public struct PromptState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case notApplicableReason
        case saveAs
        case export
        case compareWith
    }

    public var purpose: Purpose
    public var editor: TextEditor
    public var error: String?
    /// An export path the user was told exists; submitting it again overwrites it.
    public var confirmedOverwrite: String?
}

/// A recovery copy found when the file was opened (D7).
public struct RecoveryOffer: Equatable, Sendable {
    public var document: Assessment
    public var bytes: [UInt8]
    /// The recovery copy's time, and whether the file on disk was written after it.
    public var savedAt: Timestamp?
    public var diskIsNewer: Bool

    public init(document: Assessment, bytes: [UInt8], savedAt: Timestamp?, diskIsNewer: Bool) {
        self.document = document
        self.bytes = bytes
        self.savedAt = savedAt
        self.diskIsNewer = diskIsNewer
    }
}
