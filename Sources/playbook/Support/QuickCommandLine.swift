import PlaybookCore

/// Reads the everyday command lines without swift-argument-parser's parser.
///
/// swift-argument-parser builds its argument tree by reflection over every command and checks
/// protocol conformances at run time: about 10 M instructions, more than everything else a
/// command does on the built-in catalogue (issue 7). Command lines made only of known options,
/// each given once, with values that do not start with "-", and the right number of arguments,
/// are read here into the same plain requests the parser's commands build (`ReportRequest`…),
/// without touching the parser's types; anything else (help, a mistake, an unusual spelling)
/// returns nil and goes to swift-argument-parser, which then gives its usual help or message.
/// A test checks that both readings agree on thousands of command lines.
enum QuickCommandLine {
    /// The request `arguments` (without the program name) make, or nil to leave them to the
    /// full parser.
    static func request(_ arguments: ArraySlice<String>) -> (any CommandRequest)? {
        guard let name = arguments.first, !name.hasPrefix("-") else {
            // `playbook` alone, or with only the common options: the checklist on a new assessment.
            guard let line = Line(arguments, Spec()), let common = line.common else { return nil }
            return AssessRequest(common: common, file: nil)
        }
        let rest = arguments.dropFirst()
        switch name {
        case "assess": return assess(rest)
        case "rules": return rules(rest)
        case "new": return new(rest)
        case "set": return set(rest)
        case "show": return show(rest)
        case "report": return report(rest)
        case "compare": return compare(rest)
        case "validate": return validate(rest)
        default: return nil
        }
    }

    /// The options and arguments one command accepts, besides --catalog and --lang. Plain
    /// arrays: a `Set` or `Dictionary` of strings costs a run-time conformance look-up on first
    /// use (0.2 M instructions), more than reading any command line.
    private struct Spec {
        var values: [String] = []
        var flags: [String] = []
        var shortNames: [(short: String, long: String)] = []
        var arguments: ClosedRange<Int> = 0...0
    }

    /// One command line, read against a `Spec`.
    private struct Line {
        var given: [(name: String, value: String)] = []
        var flags: [String] = []
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
                var name = spec.shortNames.first { $0.short == token }?.long ?? token
                var value: String?
                if name.hasPrefix("--"), let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                if spec.flags.contains(name) {
                    guard value == nil, !flags.contains(name) else { return nil }
                    flags.append(name)
                } else if spec.values.contains(name) || name == "--catalog" || name == "--lang" {
                    if value == nil {
                        guard i < tokens.endIndex else { return nil }
                        value = tokens[i]
                        i += 1
                    }
                    guard let value, !value.hasPrefix("-"), self.value(name) == nil else { return nil }
                    given.append((name, value))
                } else {
                    return nil
                }
            }
            guard spec.arguments.contains(arguments.count) else { return nil }
        }

        /// The value given to option `name`, if any.
        func value(_ name: String) -> String? {
            given.first { $0.name == name }?.value
        }

        /// --catalog and --lang, or nil when --lang's value is not a language.
        var common: Common? {
            guard let lang = choice("--lang", Language.self) else { return nil }
            return Common(catalog: value("--catalog"), lang: lang)
        }

        func flag(_ name: String) -> Bool { flags.contains(name) }

        /// An option whose value is one of a fixed set: .some(nil) when absent, nil when invalid.
        func choice<T: RawRepresentable<String>>(_ name: String, _: T.Type) -> T?? {
            guard let text = value(name) else { return .some(nil) }
            guard let value = T(rawValue: text) else { return nil }
            return .some(value)
        }
    }

    private static func assess(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        guard let line = Line(tokens, Spec(values: ["--as-of"], arguments: 0...1)), let common = line.common else { return nil }
        return AssessRequest(common: common, file: line.arguments.first, asOf: line.value("--as-of"))
    }

    private static func rules(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        guard let line = Line(tokens, Spec(values: ["--format"], flags: ["--details"])), let common = line.common,
              let format = line.choice("--format", RulesCommand.Format.self) else { return nil }
        return RulesRequest(common: common, format: format ?? .text, details: line.flag("--details"))
    }

    private static func new(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        let spec = Spec(values: ["--program", "--partner", "--segment", "--assessor", "--side", "--date"], arguments: 1...1)
        guard let line = Line(tokens, spec), let common = line.common,
              let segment = line.choice("--segment", Segment.self), let side = line.choice("--side", Side.self) else { return nil }
        return NewRequest(common: common, file: line.arguments[0], program: line.value("--program") ?? "",
                          partner: line.value("--partner") ?? "", segment: segment, assessor: line.value("--assessor") ?? "",
                          side: side ?? .ours, date: line.value("--date"))
    }

    private static func set(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        let spec = Spec(values: ["--score", "--na", "--target", "--note", "--add-evidence", "--strength", "--evidence-date",
                                 "--add-action", "--owner", "--due"],
                        flags: ["--unknown", "--clear"], arguments: 2...2)
        guard let line = Line(tokens, spec), let common = line.common,
              let strength = line.choice("--strength", Evidence.Strength.self) else { return nil }
        let request = SetRequest(common: common, file: line.arguments[0], rule: line.arguments[1], score: line.value("--score"),
                                 na: line.value("--na"), unknown: line.flag("--unknown"), clear: line.flag("--clear"),
                                 target: line.value("--target"), note: line.value("--note"),
                                 addEvidence: line.value("--add-evidence"), strength: strength ?? .asserted,
                                 evidenceDate: line.value("--evidence-date"), addAction: line.value("--add-action"),
                                 owner: line.value("--owner") ?? "", due: line.value("--due"))
        // A request that cannot be applied is left to the full parser, which says why with the usage.
        return request.problem == nil ? request : nil
    }

    private static func show(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        guard let line = Line(tokens, Spec(values: ["--as-of"], arguments: 1...1)), let common = line.common else { return nil }
        return ShowRequest(common: common, file: line.arguments[0], asOf: line.value("--as-of"))
    }

    private static func report(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        let spec = Spec(values: ["--format", "--output", "--as-of"], flags: ["--force", "--actions", "--bom"],
                        shortNames: [("-o", "--output")], arguments: 1...1)
        guard let line = Line(tokens, spec), let common = line.common,
              let format = line.choice("--format", ReportFormat.self) else { return nil }
        return ReportRequest(common: common, file: line.arguments[0], format: format, out: line.value("--output"),
                             force: line.flag("--force"), asOf: line.value("--as-of"), actions: line.flag("--actions"),
                             bom: line.flag("--bom"))
    }

    private static func compare(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        let spec = Spec(values: ["--format", "--output", "--catalog-a", "--catalog-b"],
                        flags: ["--force", "--sides", "--fail-on-regression", "--allow-rescoping", "--interactive", "--allow-different-catalogs"],
                        shortNames: [("-o", "--output")], arguments: 2...2)
        guard let line = Line(tokens, spec), let common = line.common,
              let format = line.choice("--format", CompareRender.Format.self) else { return nil }
        return CompareRequest(common: common, a: line.arguments[0], b: line.arguments[1], format: format,
                              output: line.value("--output"), force: line.flag("--force"), sides: line.flag("--sides"),
                              failOnRegression: line.flag("--fail-on-regression"), allowRescoping: line.flag("--allow-rescoping"),
                              interactive: line.flag("--interactive"),
                              allowDifferentCatalogs: line.flag("--allow-different-catalogs"),
                              catalogA: line.value("--catalog-a"), catalogB: line.value("--catalog-b"))
    }

    private static func validate(_ tokens: ArraySlice<String>) -> (any CommandRequest)? {
        let spec = Spec(flags: ["--quiet"], shortNames: [("-q", "--quiet")], arguments: 1...Int.max)
        guard let line = Line(tokens, spec), let common = line.common else { return nil }
        return ValidateRequest(common: common, files: line.arguments, quiet: line.flag("--quiet"))
    }
}
