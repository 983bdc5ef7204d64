import PlaybookCore

/// What the user (or the runner, reporting back) wants; never which key was pressed (STYLE.md §2).
public enum Action: Equatable, Sendable {
    // Moving in the checklist.
    case moveUp, moveDown, pageUp, pageDown, first, last, nextUnassessed
    case detailUp, detailDown
    // Scoring the selected rule.
    case setScore(Int)
    case beginNotApplicable
    case markUnknown
    case clearState
    case beginTarget
    case setTarget(Int?)
    case toggleAdvance
    case toggleOriginal
    case toggleLanguage
    case beginExport
    case beginCompare
    case cycleFilter
    // Screens.
    case editNote
    case openEvidence
    case openActions
    case openDetails
    case openSummary
    case showHelp
    /// Paint the whole screen again (after something else wrote on the terminal).
    case redraw
    case back
    // Files.
    case save
    case saveAs
    case quit
    // Text editing, in the notes editor, prompts and form fields.
    case insert(String)
    case newline
    case backspace, deleteForward, deleteWordBackward
    /// Deletes from the start of the cursor's line to the cursor (Ctrl-U, as in shells): clears a prompt.
    case deleteToLineStart
    case cursorLeft, cursorRight, wordLeft, wordRight, lineStart, lineEnd, cursorUp, cursorDown
    case submit
    case externalEditor
    // Lists and forms.
    case listUp, listDown
    case addItem, editItem, deleteItem
    case nextField, previousField
    case cycleChoice(Int)
    // Answers to the dialogs' questions.
    case saveAndQuit, discardAndQuit
    /// Replace the file that changed on disk or already exists; take it back from disk.
    case overwrite, reload
    /// Take the recovery copy's changes, or delete the copy.
    case recover, discardRecovery
    // Events from the runner.
    case resize(width: Int, height: Int)
    /// The clock: the time, and today's date where the user is (a session running past midnight
    /// judges overdue actions by the new day).
    case tick(Timestamp, today: CalendarDate)
    /// The user has paused (5 s without a key): a good moment for a recovery copy.
    case idle
    case click(x: Int, y: Int)
    case wheel(Int)
    case saved(path: String, bytes: [UInt8])
    case saveFailed(String)
    /// What the runner found at a save's path just before writing: `reduce` decides whether it is a conflict (D4).
    case saveTargetRead(path: String, SaveTarget)
    case reloaded(Assessment, bytes: [UInt8])
    case reloadFailed(String)
    case editorFinished(String?)
    case recoveryWritten
    case exported(path: String)
    case exportExists(path: String)
    case exportFailed(String)
    /// The other assessment, loaded for the comparison that `reduce` builds.
    case compareFileLoaded(path: String, Assessment)
    case compareFailed(String)
}

/// The file at a save's path, as the runner read it.
public enum SaveTarget: Equatable, Sendable {
    /// The file the document was loaded from or last saved to: what it holds now (nil: nothing readable).
    case openFile(bytes: [UInt8]?)
    /// Another file (a save under a new name): whether something is already there.
    case otherFile(exists: Bool)
}

extension Action {
    /// True for what changes or saves the document: a read-only session does not offer it.
    public var changesDocument: Bool {
        switch self {
        case .setScore, .beginNotApplicable, .markUnknown, .clearState, .beginTarget, .setTarget, .editNote, .externalEditor, .openDetails,
            .addItem, .editItem, .deleteItem, .save, .saveAs:
            true
        default:
            false
        }
    }
}

/// Work for the runner: IO that `reduce` describes but never performs (STYLE.md §5).
public enum Effect: Equatable, Sendable {
    case none
    /// Read what `path` holds now and report it (`.saveTargetRead`), before a save that must not
    /// replace changes made by someone else.
    case readSaveTarget(path: String)
    /// Save `bytes` to `path` (taking that file's lock first when it is not the open file).
    case save(path: String, bytes: [UInt8])
    case reload(path: String)
    case runEditor(text: String)
    case writeRecovery(bytes: [UInt8])
    case discardRecovery
    /// Write a report; with `overwrite` false an existing file is not replaced.
    case export(path: String, bytes: [UInt8], overwrite: Bool)
    /// Load another assessment to compare the open one with.
    case loadForCompare(path: String)
    /// Clear the terminal and draw the whole screen again.
    case redraw
    case quit
}
