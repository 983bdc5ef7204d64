/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown
    case html
    case text
    case csv
    case json

    /// The format a file name's extension asks for (`md`, `markdown`, `html`, `htm`, `txt`, `csv`, `json`), case-insensitive.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "txt", "text": self = .text
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }

    /// The format for an output path, from the extension of its last component; nil when there is none or it is unknown.
    public init?(path: String) {
        let name = Path.base(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }
}

/// How a report is rendered. Everything that changes the bytes is here, so a report is a pure function.
public struct ReportOptions: Sendable, Equatable {
    public var format: ReportFormat
    /// The report's language (words, numbers, and the catalogue's texts).
    public var lang: Language
    /// The day actions are judged overdue against; nil means the assessment's own date, never today.
    public var asOf: CalendarDate?
    /// Columns for the text format (the caller passes the terminal's width, or 80).
    public var width: Int
    /// ANSI colour in the text format; the caller decides (a terminal, and NO_COLOR unset).
    public var color: Bool
    /// CSV only: one row per action instead of one row per rule.
    public var actionsCSV: Bool
    /// CSV only: start with the UTF-8 byte order mark that spreadsheet programs need to read accents right.
    public var bom: Bool

    public init(
        format: ReportFormat, lang: Language, asOf: CalendarDate? = nil, width: Int = 80, color: Bool = false,
        actionsCSV: Bool = false, bom: Bool = false
    ) {
        self.format = format
        self.lang = lang
        self.asOf = asOf
        self.width = width
        self.color = color
        self.actionsCSV = actionsCSV
        self.bom = bom
    }
}

/// Assessment reports: one entry point for the command line and the TUI's export.
public enum Report {
    /// The report's bytes (UTF-8): the same assessment, catalogue and options always give the same bytes.
    public static func render(_ assessment: Assessment, catalog: Catalog, options: ReportOptions) -> [UInt8] {
        let content = ReportContent(assessment, catalog: catalog, lang: options.lang, asOf: options.asOf ?? assessment.assessedOn)
        switch options.format {
        case .markdown:
            return MarkdownReport.render(content)
        case .html:
            return HTMLReport.render(content)
        case .text:
            return TextReport.render(content, width: options.width, color: options.color)
        case .csv:
            return CSVReport.render(content, actions: options.actionsCSV, bom: options.bom)
        case .json:
            return JSONReport.render(content)
        }
    }
}
