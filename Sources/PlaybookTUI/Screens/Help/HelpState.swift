import PlaybookCore

/// What the help screen describes: the keys of the screen it was opened from.
public struct HelpState: Equatable, Sendable {
    public var returnTo: Mode
    public var scroll: Scroll

    public init(returnTo: Mode) {
        self.returnTo = returnTo
        scroll = Scroll()
    }

    /// The keymap the help lists: the one of the screen it returns to.
    public var kind: ModeKind { returnTo.kind }
}
