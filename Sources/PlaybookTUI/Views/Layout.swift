/// Where each part of the screen goes for a terminal size: list beside the rule (wide) or above it (narrow).
public struct Layout: Equatable, Sendable {
    public struct Area: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
    }

    public var list: Area
    public var detail: Area
    /// The body under the two header rows and above the message and footer rows.
    public var body: Area
    public var wide: Bool
    public var messageRow: Int
    public var footerRow: Int

    /// Terminals this wide show the rule beside the list.
    public static let wideWidth = 100

    public init(width: Int, height: Int) {
        let bodyHeight = max(1, height - 4)
        body = Area(x: 0, y: 2, width: width, height: bodyHeight)
        messageRow = max(0, height - 2)
        footerRow = max(0, height - 1)
        wide = width >= Layout.wideWidth
        if wide {
            let listWidth = max(44, width * 45 / 100)
            list = Area(x: 0, y: 2, width: listWidth, height: bodyHeight)
            detail = Area(x: listWidth + 1, y: 2, width: max(1, width - listWidth - 1), height: bodyHeight)
        } else {
            let listHeight = max(3, bodyHeight / 2)
            list = Area(x: 0, y: 2, width: width, height: listHeight)
            detail = Area(x: 0, y: 2 + listHeight + 1, width: width, height: max(1, bodyHeight - listHeight - 1))
        }
    }

    /// The text area of the notes editor (under its title row, inside a one-column margin).
    public var editor: Area {
        Area(x: 1, y: body.y + 2, width: max(1, body.width - 2), height: max(1, body.height - 2))
    }
}
