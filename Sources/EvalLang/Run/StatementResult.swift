/// One statement that ran: where it is, what it produced, and the warnings it raised.
package struct StatementResult: Sendable {
    /// The statement's place in the cell, at the notebook's real line.
    package var span: SourceSpan
    /// The statement as written, so the REPL can log exactly what ran.
    package var code: String
    package var outcome: Outcome
    /// Only this statement's warnings: the session's list is emptied before each statement.
    package var warnings: [Warning]

    package init(span: SourceSpan, code: String, outcome: Outcome, warnings: [Warning]) {
        self.span = span
        self.code = code
        self.outcome = outcome
        self.warnings = warnings
    }
}
