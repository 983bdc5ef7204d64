import PlaybookCore

extension AppState {
    static let segmentChoices: [String] = [""] + Segment.allCases.map(\.rawValue)
    static let sideChoices = Side.allCases.map(\.rawValue)
    static let strengthChoices = Evidence.Strength.allCases.map(\.rawValue)
    static let statusChoices = ActionItem.Status.allCases.map(\.rawValue)

    func detailsForm() -> FormState {
        let p = document.program
        let segmentLabels = [LocalizedText(fr: "(aucun)", en: "(none)")] + Segment.allCases.map { LocalizedText(fr: $0.label(.fr), en: $0.label(.en)) }
        return FormState(
            purpose: .details,
            fields: [
                .init(label: LocalizedText(fr: "Programme", en: "Programme"), kind: .text(required: false, maxLength: Assessment.maxNameLength), value: p.name),
                .init(
                    label: LocalizedText(fr: "Partenaire", en: "Partner"), kind: .text(required: false, maxLength: Assessment.maxNameLength), value: p.partner),
                .init(
                    label: LocalizedText(fr: "Segment", en: "Segment"), kind: .choice(AppState.segmentChoices, labels: segmentLabels),
                    value: p.segment?.rawValue ?? ""),
                .init(
                    label: LocalizedText(fr: "Évaluateur", en: "Assessor"), kind: .text(required: false, maxLength: Assessment.maxNameLength),
                    value: document.assessor),
                .init(
                    label: LocalizedText(fr: "Côté", en: "Side"),
                    kind: .choice(AppState.sideChoices, labels: Side.allCases.map { LocalizedText(fr: $0.label(.fr), en: $0.label(.en)) }),
                    value: document.side.rawValue),
                .init(
                    label: LocalizedText(fr: "Date d’évaluation", en: "Assessment date"), kind: .date(required: true), value: document.assessedOn.description),
            ])
    }

    func evidenceForm(index: Int?) -> FormState {
        let item = index.map { answer.evidence[$0] }
        return FormState(
            purpose: .evidence(index: index),
            fields: [
                .init(label: LocalizedText(fr: "Preuve", en: "Evidence"), kind: .text(required: true, maxLength: 10_000), value: item?.text ?? ""),
                .init(
                    label: LocalizedText(fr: "Force", en: "Strength"),
                    kind: .choice(AppState.strengthChoices, labels: Evidence.Strength.allCases.map { LocalizedText(fr: $0.label(.fr), en: $0.label(.en)) }),
                    value: item?.strength.rawValue ?? Evidence.Strength.asserted.rawValue),
                .init(
                    label: LocalizedText(fr: "Date", en: "Date"), kind: .date(required: false),
                    value: item?.date?.description ?? document.assessedOn.description),
            ])
    }

    func actionForm(index: Int?) -> FormState {
        let item = index.map { answer.actions[$0] }
        return FormState(
            purpose: .action(index: index),
            fields: [
                .init(
                    label: LocalizedText(fr: "Action", en: "Action"), kind: .text(required: true, maxLength: Assessment.maxNameLength), value: item?.title ?? ""
                ),
                .init(
                    label: LocalizedText(fr: "Responsable", en: "Owner"), kind: .text(required: false, maxLength: Assessment.maxNameLength),
                    value: item?.owner ?? ""),
                .init(label: LocalizedText(fr: "Échéance", en: "Due date"), kind: .date(required: false), value: item?.due?.description ?? ""),
                .init(
                    label: LocalizedText(fr: "Statut", en: "Status"),
                    kind: .choice(AppState.statusChoices, labels: ActionItem.Status.allCases.map { LocalizedText(fr: $0.label(.fr), en: $0.label(.en)) }),
                    value: item?.status.rawValue ?? ActionItem.Status.open.rawValue),
            ])
    }

    mutating func reduceForm(_ action: Action, _ form: FormState) -> Effect {
        var form = form
        let isChoice: Bool = { if case .choice = form.fields[form.focus].kind { return true } else { return false } }()
        switch action {
        case .back:
            mode = returnMode(for: form.purpose)
            return .none
        case .showHelp:
            mode = .help(HelpState(returnTo: mode))
            return .none
        case .nextField where form.focus == form.fields.count - 1:
            return submit(form)
        case .nextField: form.move(by: 1)
        case .previousField: form.move(by: -1)
        case .submit: return submit(form)
        case .cycleChoice(let d) where isChoice: form.cycle(by: d)
        case .cycleChoice: _ = form.editor.map { _ in form.editor!.insert(" ") }
        case .cursorLeft where isChoice: form.cycle(by: -1)
        case .cursorRight where isChoice: form.cycle(by: 1)
        default:
            guard var editor = form.editor, apply(action, to: &editor, width: max(1, width - 24)) else { return .none }
            form.editor = editor
        }
        form.error = nil
        mode = .form(form)
        // The text typed so far goes into the next recovery copy.
        recoveryPending = true
        return .none
    }

    func returnMode(for purpose: FormState.Purpose) -> Mode {
        switch purpose {
        case .details: .checklist
        case .evidence(let i): .evidence(cursor: i ?? max(0, answer.evidence.count - 1))
        case .action(let i): .actions(cursor: i ?? max(0, answer.actions.count - 1))
        }
    }

    mutating func submit(_ form: FormState) -> Effect {
        var form = form
        form.storeEditor()
        if let problem = form.validationError(language) {
            // Put the cursor on the field to fix.
            form.focus = problem.field
            form.loadEditor()
            form.error = problem.message
            mode = .form(form)
            return .none
        }
        switch form.purpose {
        case .details:
            if let reason = readOnlyReason {
                message = readOnlyRefusal(reason)
                mode = .checklist
                return .none
            }
            storeDetails(form)
            mode = .checklist
            return documentChanged(typed: 1)
        case .evidence(let index):
            let item = evidenceItem(form, index: index)
            let effect = edit { $0.store(item, at: index) }
            mode = .evidence(cursor: index ?? max(0, answer.evidence.count - 1))
            return effect
        case .action(let index):
            let item = actionItem(form, index: index)
            let effect = edit { $0.store(item, at: index) }
            mode = .actions(cursor: index ?? max(0, answer.actions.count - 1))
            return effect
        }
    }

    /// Writes the programme-details form into the document (a date that is not one keeps the old date).
    mutating func storeDetails(_ form: FormState) {
        document.program.name = form.value(0)
        document.program.partner = form.value(1)
        document.program.segment = Segment(rawValue: form.value(2))
        document.assessor = form.value(3)
        document.side = Side(rawValue: form.value(4)) ?? document.side
        document.assessedOn = CalendarDate(iso: form.value(5)) ?? document.assessedOn
    }

    func evidenceItem(_ form: FormState, index: Int?) -> Evidence {
        Evidence(
            text: form.value(0), strength: Evidence.Strength(rawValue: form.value(1)) ?? .asserted,
            date: CalendarDate(iso: form.value(2)), extra: index.map { answer.evidence[$0].extra } ?? JSONObject())
    }

    func actionItem(_ form: FormState, index: Int?) -> ActionItem {
        let id = index.map { answer.actions[$0].id } ?? document.nextActionID()
        return ActionItem(
            id: id, title: form.value(0), owner: form.value(1), due: CalendarDate(iso: form.value(2)),
            status: ActionItem.Status(rawValue: form.value(3)) ?? .open,
            extra: index.map { answer.actions[$0].extra } ?? JSONObject())
    }

    /// The document with the text of an open form or N/A prompt in it, as if submitted (help open
    /// over it included): what a recovery copy keeps. The note editor writes into the document as
    /// it goes; the other prompts (file names) hold no part of the assessment.
    public var documentWithPendingText: Assessment {
        var mode = self.mode
        if case .help(let topic) = mode { mode = topic.returnTo }
        var copy = self
        switch mode {
        case .form(var form):
            form.storeEditor()
            switch form.purpose {
            case .details:
                copy.storeDetails(form)
            case .evidence(let index):
                guard !form.value(0).isEmpty else { break }
                copy.document.answers[rule.id] = answer.storing(evidenceItem(form, index: index), at: index)
            case .action(let index):
                guard !form.value(0).isEmpty else { break }
                copy.document.answers[rule.id] = answer.storing(actionItem(form, index: index), at: index)
            }
        case .prompt(let prompt) where prompt.purpose == .notApplicableReason:
            let reason = prompt.editor.text.trimmingSpaces()
            guard !reason.isEmpty else { break }
            var answer = self.answer
            answer.state = .notApplicable(reason: reason)
            copy.document.answers[rule.id] = answer
        default:
            break
        }
        return copy.document
    }

    /// Work a signal or a crash would lose: unsaved changes, or text typed in a form or prompt.
    public var hasUnsavedWork: Bool {
        dirty || documentWithPendingText != document
    }
}

extension Answer {
    mutating func store(_ item: Evidence, at index: Int?) {
        if let index { evidence[index] = item } else { evidence.append(item) }
    }

    mutating func store(_ item: ActionItem, at index: Int?) {
        if let index { actions[index] = item } else { actions.append(item) }
    }

    func storing(_ item: Evidence, at index: Int?) -> Answer {
        var copy = self
        copy.store(item, at: index)
        return copy
    }

    func storing(_ item: ActionItem, at index: Int?) -> Answer {
        var copy = self
        copy.store(item, at: index)
        return copy
    }
}
