import EvalData
import OrderedCollections

/// What one statement produced.
package enum Outcome: Sendable {
    /// An expression statement's value, to display.
    case value(Value, SourceSpan)
    /// `name = value`: bindings display nothing in reports.
    case binding(String, Value)
    case check(Check)
}

/// The result of an `expect` statement.
package struct Check: Sendable, Equatable {
    package var passed: Bool
    /// The condition as written.
    package var expression: String
    /// Why it failed, with both sides of a top-level comparison: `0.7712 < 0.8`.
    package var detail: String?
    package var message: String?
    package var span: SourceSpan

    /// `failed: roc_auc(y, p) >= 0.8 (0.7712 < 0.8)` or `passed: …`.
    package var summary: String {
        var text = (passed ? "passed: " : "failed: ") + expression
        if !passed, let detail { text += " (\(detail))" }
        if let message { text += " — \(message)" }
        return text
    }
}

/// Any error from parsing or running code, as data.
package enum LangError: Error, Sendable {
    case syntax(SyntaxError)
    case runtime(RuntimeError)

    /// The finding, located in `source` (the code that ran).
    package func diagnostic(in source: SourceText) -> Diagnostic {
        switch self {
        case .syntax(let e): e.diagnostic(in: source)
        case .runtime(let e): e.diagnostic(in: source)
        }
    }

    package var isIncomplete: Bool {
        if case .syntax(let e) = self { return e.isIncomplete }
        return false
    }
}

/// Runs statements in one environment of bindings, in order.
package struct Interpreter: Sendable {
    package private(set) var globals: OrderedDictionary<String, Value> = [:]
    package var session: Session
    /// The code of the statement being run, so checks can quote their condition.
    var source = SourceText(name: "", text: "")
    /// Lambda calls in progress; bounded so runaway recursion is an error, not a crash.
    var callDepth = 0
    static let maxCallDepth = 150
    /// Nested evaluations in progress, bounded for the same reason (long operator
    /// chains nest as deeply as brackets do).
    var evaluationDepth = 0
    static let maxEvaluationDepth = 500

    package init(session: Session) {
        self.session = session
    }

    /// Parses and runs `source`, returning each statement's outcome; stops at the first error.
    ///
    /// A `CellRun` for callers that want only the outcomes, or the typed error.
    package mutating func run(_ source: SourceText) throws(LangError) -> [Outcome] {
        let run = CellRun.run(source, on: &self)
        if let failure = run.failure { throw failure.error }
        return run.results.map(\.outcome)
    }

    package mutating func execute(_ statement: Statement, in source: SourceText) throws(RuntimeError) -> Outcome {
        self.source = source
        switch statement.kind {
        case .expression(let expr):
            let value = try Warehouse.resolvedForDisplay(
                try evaluate(expr, locals: [:]), span: statement.span, interpreter: &self)
            return .value(value, statement.span)
        case .assignment(let name, _, let expr):
            let value = try evaluate(expr, locals: [:])
            globals[name] = value
            return .binding(name, value)
        case .expect(let condition, let message):
            return .check(try check(condition, message: message, span: statement.span))
        }
    }

    /// Binds `name` directly (the REPL's `:load` and tests use it).
    package mutating func bind(_ name: String, _ value: Value) {
        globals[name] = value
    }

    package mutating func reset() {
        globals = [:]
        session.warnings = []
    }

    /// The text of `span` in the current source.
    func text(of span: SourceSpan) -> String {
        let utf8 = Array(source.text.utf8)
        guard span.start >= 0, span.end <= utf8.count, span.start <= span.end else { return "" }
        return String(decoding: utf8[span.start..<span.end], as: UTF8.self)
    }

    /// Every name a user could mean: locals, bindings, `params`, builtins.
    func knownNames(locals: OrderedDictionary<String, Value>) -> [String] {
        Array(locals.keys) + Array(globals.keys) + ["params"] + BuiltinRegistry.shared.names
    }

    // MARK: Checks

    private mutating func check(_ condition: Expr, message: String?, span: SourceSpan) throws(RuntimeError) -> Check {
        let expression = text(of: condition.span)
        if case .binary(let op, let lhs, let rhs) = condition.kind, op.isComparison {
            let left = try evaluate(lhs, locals: [:])
            let right = try evaluate(rhs, locals: [:])
            let result = try Operators.binary(op, left, right, span: condition.span)
            let (passed, detail) = try verdict(result, span: condition.span)
            let shown = detail ?? "\(left.inlineText) \(op.negated.rawValue) \(right.inlineText)"
            return Check(
                passed: passed, expression: expression, detail: passed ? nil : shown, message: message, span: span)
        }
        let result = try evaluate(condition, locals: [:])
        let (passed, detail) = try verdict(result, span: condition.span)
        var shown = detail ?? "false"
        // A builtin whose `false` says nothing alone (a tolerance check) explains itself
        // from the values it was given: approx(0.8612, 0.87, tol: 0.01) is false.
        if !passed, detail == nil, case .call(let callee, let arguments) = condition.kind,
            case .name(let name) = callee.kind, case .builtin(let builtin)? = function(named: name, locals: [:]),
            builtin.explainsFailedCheck
        {
            var values: [(name: String?, value: Value)] = []
            for argument in arguments { values.append((argument.name, try evaluate(argument.value, locals: [:]))) }
            shown = builtin.failedCheckExplanation(called: name, values) ?? shown
        }
        return Check(passed: passed, expression: expression, detail: passed ? nil : shown, message: message, span: span)
    }

    /// Whether a condition value holds; for a column, a count of the rows that do not.
    private func verdict(_ value: Value, span: SourceSpan) throws(RuntimeError) -> (Bool, String?) {
        switch value {
        case .bool(let b): return (b, nil)
        case .null: return (false, "the condition is null")
        case .list(let items):
            return try verdict(
                .column(try Coerce.column(fromList: items, what: "the condition", span: span)), span: span)
        case .column(let c) where c.type == .bool:
            let bools = c.bools ?? []
            var failing = 0
            for i in 0..<c.count where c.isMissing(i) || !bools[i] { failing += 1 }
            let detail = "\(NumberFormat.grouped(failing)) of \(NumberFormat.grouped(c.count)) rows are not true"
            return (failing == 0, failing == 0 ? nil : detail)
        default:
            throw .wrongType(
                what: "the condition of `expect`", expected: "a bool or a bool column", found: value.typeName, span)
        }
    }
}

extension BinaryOperator {
    /// The comparison that holds when `self` does not: `>=` fails as `<`.
    var negated: BinaryOperator {
        switch self {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterEqual
        case .lessEqual: .greater
        case .greater: .lessEqual
        case .greaterEqual: .less
        default: self
        }
    }
}
