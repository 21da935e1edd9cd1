/// One cell's code run statement by statement on an interpreter: what each statement
/// produced and warned, and why the run stopped early if it did.
///
/// Notebooks, `evalbook eval`, the REPL and the language tests all run code through this,
/// so they parse, reset warnings and locate errors the same way. Callers that show outcomes
/// as they happen (the REPL, `eval`) call `step(on:)` until it returns nil; the rest call
/// `run(_:on:)`. The first error ends the run: later statements never run.
package struct CellRun: Sendable {
    package let source: SourceText
    /// The statements that ran without error, in order.
    package private(set) var results: [StatementResult] = []
    /// Why the run stopped early: nil unless the parse or a statement failed.
    package private(set) var failure: CellFailure?
    /// Parsed statements not yet run.
    private var remaining: ArraySlice<Statement> = []

    /// Parses `source`; a syntax error becomes `failure`, and then nothing runs.
    package init(_ source: SourceText) {
        self.source = source
        do { remaining = try Parser.parse(source)[...] } catch { failure = CellFailure(.syntax(error), in: source) }
    }

    /// Parses `source` and runs all of it on `interpreter`, stopping at the first error.
    package static func run(_ source: SourceText, on interpreter: inout Interpreter) -> CellRun {
        var run = CellRun(source)
        while run.step(on: &interpreter) != nil {}
        return run
    }

    /// True once every statement has run or one has failed.
    package var isFinished: Bool {
        failure != nil || remaining.isEmpty
    }

    /// Runs the next statement and returns its result; nil when the run is finished,
    /// and when this statement failed (see `failure`).
    @discardableResult
    package mutating func step(on interpreter: inout Interpreter) -> StatementResult? {
        guard failure == nil, let statement = remaining.popFirst() else { return nil }
        // The session collects warnings as they are raised; emptying it here is what makes
        // each result's warnings its own statement's.
        interpreter.session.warnings = []
        let outcome: Outcome
        do { outcome = try interpreter.execute(statement, in: source) } catch {
            failure = CellFailure(.runtime(error), warnings: interpreter.session.warnings, in: source)
            return nil
        }
        let result = StatementResult(
            span: statement.span, code: source.slice(statement.span), outcome: outcome,
            warnings: interpreter.session.warnings)
        results.append(result)
        return result
    }
}
