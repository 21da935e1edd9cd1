/// Why a cell stopped before its end: the error, located in the cell's code, and the
/// warnings its statement raised before failing.
package struct CellFailure: Error, Sendable {
    /// What kind of stop it was, which decides how a caller reacts.
    package enum Kind: Sendable, Equatable {
        /// The code does not parse; nothing ran.
        case syntax
        /// The code ended inside a statement (an open bracket, a trailing operator); nothing
        /// ran, and the REPL asks for another line instead of reporting.
        case incomplete
        /// A statement failed; the ones before it ran.
        case runtime
        /// The user stopped a statement (Ctrl-C); the ones before it ran.
        case interrupted
    }

    /// The typed error, for callers that need more than the diagnostic.
    package var error: LangError
    /// The error as the user sees it, located in the cell's code.
    package var diagnostic: Diagnostic
    /// Warnings the failing statement raised before it failed (none for a syntax error).
    package var warnings: [Warning]

    /// The failure for `error`, located in `source`.
    package init(_ error: LangError, warnings: [Warning] = [], in source: SourceText) {
        self.error = error
        self.diagnostic = error.diagnostic(in: source)
        self.warnings = warnings
    }

    package var kind: Kind {
        switch error {
        case .syntax(let e): e.isIncomplete ? .incomplete : .syntax
        case .runtime(.interrupted): .interrupted
        case .runtime: .runtime
        }
    }
}
