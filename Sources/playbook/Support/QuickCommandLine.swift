import ArgumentParser
import PlaybookCore

/// Reads the everyday command lines without swift-argument-parser's parser.
///
/// swift-argument-parser builds its argument tree by reflection over every command and checks
/// protocol conformances at run time: about 10 M instructions, more than everything else a
/// command does on the built-in catalogue (issue 7). Command lines made only of known options,
/// each given once, with values that do not start with "-", and the right number of arguments,
/// are read here and fill the same command structures; anything else (help, a mistake, an
/// unusual spelling) returns nil and goes to swift-argument-parser, which then gives its usual
/// help or message. A test checks that both readings agree on thousands of command lines.
enum QuickCommandLine {
    /// The command `arguments` (without the program name) asks for, or nil to leave it to the
    /// full parser.
    static func command(_ arguments: ArraySlice<String>) -> (any ParsableCommand)? {
        guard let name = arguments.first, !name.hasPrefix("-") else {
            // `playbook` alone, or with only the common options: the checklist.
            guard let line = Line(arguments, Spec()) else { return nil }
            var root = Playbook()
            guard let common = line.common else { return nil }
            root.common = common
            return root
        }
        let rest = arguments.dropFirst()
        let made: (any ParsableCommand)?
        switch name {
        case "assess": made = assess(rest)
        case "rules": made = rules(rest)
        case "new": made = new(rest)
        case "set": made = set(rest)
        case "show": made = show(rest)
        case "report": made = report(rest)
        case "compare": made = compare(rest)
        case "validate": made = validate(rest)
        default: made = nil
        }
        // A command's own checks (`validate()`) failing is left to the full parser, which says so.
        guard var made else { return nil }
        do { try made.validate() } catch { return nil }
        return made
    }

    /// The options and arguments one command accepts, besides --catalog and --lang.
    private struct Spec {
        var values: Set<String> = []
        var flags: Set<String> = []
        var shortNames: [String: String] = [:]
        var arguments: ClosedRange<Int> = 0...0
    }

    /// One command line, read against a `Spec`.
    private struct Line {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var arguments: [String] = []

        init?(_ tokens: ArraySlice<String>, _ spec: Spec) {
            var i = tokens.startIndex
            while i < tokens.endIndex {
                let token = tokens[i]
                i += 1
                guard token.hasPrefix("-") else {
                    arguments.append(token)
                    continue
                }
                var name = spec.shortNames[token] ?? token
                var value: String?
                if name.hasPrefix("--"), let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                if spec.flags.contains(name) {
                    guard value == nil, flags.insert(name).inserted else { return nil }
                } else if spec.values.contains(name) || name == "--catalog" || name == "--lang" {
                    if value == nil {
                        guard i < tokens.endIndex else { return nil }
                        value = tokens[i]
                        i += 1
                    }
                    guard let value, !value.hasPrefix("-"), values[name] == nil else { return nil }
                    values[name] = value
                } else {
                    return nil
                }
            }
            guard spec.arguments.contains(arguments.count) else { return nil }
        }

        /// --catalog and --lang, or nil when --lang's value is not a language.
        var common: CommonOptions? {
            var options = CommonOptions()
            options.catalog = values["--catalog"]
            guard let lang = choice("--lang", Language.self) else { return nil }
            options.lang = lang
            return options
        }

        func flag(_ name: String) -> Bool { flags.contains(name) }

        /// An option whose value is one of a fixed set: .some(nil) when absent, nil when invalid.
        func choice<T: ExpressibleByArgument>(_ name: String, _: T.Type) -> T?? {
            guard let text = values[name] else { return .some(nil) }
            guard let value = T(argument: text) else { return nil }
            return .some(value)
        }
    }

    private static func assess(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        guard let line = Line(tokens, Spec(arguments: 0...1)), let common = line.common else { return nil }
        var command = AssessCommand()
        command.common = common
        command.file = line.arguments.first
        return command
    }

    private static func rules(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        guard let line = Line(tokens, Spec(values: ["--format"], flags: ["--details"])), let common = line.common,
              let format = line.choice("--format", RulesCommand.Format.self) else { return nil }
        var command = RulesCommand()
        command.common = common
        command.format = format ?? .text
        command.details = line.flag("--details")
        return command
    }

    private static func new(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        let spec = Spec(values: ["--program", "--partner", "--segment", "--assessor", "--side", "--date"], arguments: 1...1)
        guard let line = Line(tokens, spec), let common = line.common,
              let segment = line.choice("--segment", Segment.self), let side = line.choice("--side", Side.self) else { return nil }
        var command = NewCommand()
        command.common = common
        command.file = line.arguments[0]
        command.program = line.values["--program"] ?? ""
        command.partner = line.values["--partner"] ?? ""
        command.segment = segment
        command.assessor = line.values["--assessor"] ?? ""
        command.side = side ?? .ours
        command.date = line.values["--date"]
        return command
    }

    private static func set(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        let spec = Spec(values: ["--score", "--na", "--target", "--note", "--add-evidence", "--strength", "--evidence-date",
                                 "--add-action", "--owner", "--due"],
                        flags: ["--unknown", "--clear"], arguments: 2...2)
        guard let line = Line(tokens, spec), let common = line.common,
              let strength = line.choice("--strength", Evidence.Strength.self) else { return nil }
        var command = SetCommand()
        command.common = common
        command.file = line.arguments[0]
        command.rule = line.arguments[1]
        command.score = line.values["--score"]
        command.na = line.values["--na"]
        command.unknown = line.flag("--unknown")
        command.clear = line.flag("--clear")
        command.target = line.values["--target"]
        command.note = line.values["--note"]
        command.addEvidence = line.values["--add-evidence"]
        command.strength = strength ?? .asserted
        command.evidenceDate = line.values["--evidence-date"]
        command.addAction = line.values["--add-action"]
        command.owner = line.values["--owner"] ?? ""
        command.due = line.values["--due"]
        return command
    }

    private static func show(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        guard let line = Line(tokens, Spec(values: ["--as-of"], arguments: 1...1)), let common = line.common else { return nil }
        var command = ShowCommand()
        command.common = common
        command.file = line.arguments[0]
        command.asOf = line.values["--as-of"]
        return command
    }

    private static func report(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        let spec = Spec(values: ["--format", "--output", "--as-of"], flags: ["--force", "--actions", "--bom"],
                        shortNames: ["-o": "--output"], arguments: 1...1)
        guard let line = Line(tokens, spec), let common = line.common,
              let format = line.choice("--format", ReportFormat.self) else { return nil }
        var command = ReportCommand()
        command.common = common
        command.file = line.arguments[0]
        command.format = format
        command.out = line.values["--output"]
        command.force = line.flag("--force")
        command.asOf = line.values["--as-of"]
        command.actions = line.flag("--actions")
        command.bom = line.flag("--bom")
        return command
    }

    private static func compare(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        let spec = Spec(values: ["--format", "--output", "--catalog-a", "--catalog-b"],
                        flags: ["--force", "--sides", "--fail-on-regression", "--interactive", "--allow-different-catalogs"],
                        shortNames: ["-o": "--output"], arguments: 2...2)
        guard let line = Line(tokens, spec), let common = line.common,
              let format = line.choice("--format", CompareRender.Format.self) else { return nil }
        var command = CompareCommand()
        command.common = common
        command.a = line.arguments[0]
        command.b = line.arguments[1]
        command.format = format
        command.output = line.values["--output"]
        command.force = line.flag("--force")
        command.sides = line.flag("--sides")
        command.failOnRegression = line.flag("--fail-on-regression")
        command.interactive = line.flag("--interactive")
        command.allowDifferentCatalogs = line.flag("--allow-different-catalogs")
        command.catalogA = line.values["--catalog-a"]
        command.catalogB = line.values["--catalog-b"]
        return command
    }

    private static func validate(_ tokens: ArraySlice<String>) -> (any ParsableCommand)? {
        let spec = Spec(flags: ["--quiet"], shortNames: ["-q": "--quiet"], arguments: 1...Int.max)
        guard let line = Line(tokens, spec), let common = line.common else { return nil }
        var command = ValidateCommand()
        command.common = common
        command.files = line.arguments
        command.quiet = line.flag("--quiet")
        return command
    }
}
