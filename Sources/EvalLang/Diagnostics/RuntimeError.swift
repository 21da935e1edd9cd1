import EvalData
import EvalMetrics
import EvalModels
import EvalSQL

/// An error raised while running a statement; each carries the span of the
/// expression or call that failed, and errors from the kernels and readers keep the
/// typed error underneath, worded only in `diagnostic(in:)`.
package enum RuntimeError: Error, Sendable {
    case unknownName(String, candidates: [String], SourceSpan)
    case unknownColumn(String, table: String?, candidates: [String], SourceSpan)
    case unknownField(String, candidates: [String], SourceSpan)
    case unknownOption(String, function: String, candidates: [String], SourceSpan)
    case unknownParam(String, candidates: [String], SourceSpan)
    case missingArgument(String, function: String, signature: String, SourceSpan)
    case tooManyArguments(function: String, signature: String, SourceSpan)
    case wrongType(what: String, expected: String, found: String, SourceSpan)
    case lengthMismatch(String, Int, String, Int, SourceSpan)
    case indexOutOfRange(Int, count: Int, SourceSpan)
    case notCallable(found: String, SourceSpan)
    case invalidArgument(String, SourceSpan, help: String? = nil)
    /// An argument that must be complete has a missing value at `row` (0-based).
    case missingValue(argument: String, function: String, row: Int, SourceSpan)
    /// A metric kernel refused its input; `names` says what the builtin calls each role.
    case metric(MetricError, MetricNames, SourceSpan)
    /// Work refused because it passed a documented limit.
    case limit(Limit, SourceSpan)
    /// A data file could not be read; the reader's typed error is underneath.
    case data(DataFileError, SourceSpan)
    /// A model file could not be loaded or used.
    case model(ModelError, SourceSpan)
    case fileAccess(path: String, reason: String, SourceSpan, help: String?)
    case interrupted(SourceSpan)
    /// An engine refused or failed (connection, sign-in, SQL, timeout); words in `SQLWording`.
    case sql(SQLError, SourceSpan)
    /// A relation cannot be used as asked (labels, scores, limits); words in `SQLWording`.
    case relation(RelationError, SourceSpan)

    package var span: SourceSpan {
        switch self {
        case .unknownName(_, _, let s), .unknownColumn(_, _, _, let s), .unknownField(_, _, let s),
            .unknownOption(_, _, _, let s), .unknownParam(_, _, let s), .missingArgument(_, _, _, let s),
            .tooManyArguments(_, _, let s), .wrongType(_, _, _, let s), .lengthMismatch(_, _, _, _, let s),
            .indexOutOfRange(_, _, let s), .notCallable(_, let s), .invalidArgument(_, let s, _),
            .missingValue(_, _, _, let s), .metric(_, _, let s), .limit(_, let s), .data(_, let s), .model(_, let s),
            .fileAccess(_, _, let s, _), .interrupted(let s), .sql(_, let s), .relation(_, let s):
            s
        }
    }

    /// The finding, located in `source` (the code that ran).
    package func diagnostic(in source: SourceText) -> Diagnostic {
        switch self {
        case .unknownName(let name, let candidates, let span):
            return Diagnostic(
                "unknown name `\(name)`", at: span, in: source, help: Suggestion.help(for: name, in: candidates))
        case .unknownColumn(let name, let table, let candidates, let span):
            let owner = table.map { "table `\($0)`" } ?? "the table"
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty
                    ? nil : "columns are " + candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", "))
            return Diagnostic("\(owner) has no column `\(name)`", at: span, in: source, help: help)
        case .unknownField(let name, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty ? nil : "fields are " + candidates.map { "`\($0)`" }.joined(separator: ", "))
            return Diagnostic("no field `\(name)`", at: span, in: source, help: help)
        case .unknownOption(let name, let function, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty
                    ? "`\(function)` takes no named arguments"
                    : "`\(function)` takes " + candidates.map { "`\($0):`" }.joined(separator: ", "))
            return Diagnostic("`\(function)` has no option `\(name)`", at: span, in: source, help: help)
        case .unknownParam(let name, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty ? "this notebook declares no params" : nil)
            return Diagnostic("unknown param `\(name)`", at: span, in: source, help: help)
        case .missingArgument(let name, let function, let signature, let span):
            return Diagnostic(
                "`\(function)` needs argument `\(name)`", at: span, in: source, help: "usage: \(signature)")
        case .tooManyArguments(let function, let signature, let span):
            return Diagnostic("too many arguments to `\(function)`", at: span, in: source, help: "usage: \(signature)")
        case .wrongType(let what, let expected, let found, let span):
            return Diagnostic("\(what) must be \(expected), not \(found)", at: span, in: source)
        case .lengthMismatch(let a, let n, let b, let m, let span):
            return Diagnostic(
                "length mismatch: \(a) has \(NumberFormat.grouped(n)) values, \(b) has \(NumberFormat.grouped(m))",
                at: span, in: source)
        case .indexOutOfRange(let i, let count, let span):
            return Diagnostic(
                "index \(i) is out of range for length \(NumberFormat.grouped(count))", at: span, in: source,
                help: "indices start at 0")
        case .notCallable(let found, let span):
            return Diagnostic("a \(found) cannot be called", at: span, in: source)
        case .invalidArgument(let message, let span, let help):
            return Diagnostic(message, at: span, in: source, help: help)
        case .missingValue(let argument, let function, let row, let span):
            let words = MetricError.missing(argument, of: function, row: row)
            return Diagnostic(words.message, at: span, in: source, help: words.help)
        case .limit(let limit, let span):
            let words = limit.words
            return Diagnostic(words.message, at: span, in: source, help: words.help)
        case .metric(let error, let names, let span):
            let words = error.words(names)
            return Diagnostic(words.message, at: span, in: source, help: words.help)
        case .data(let error, let span):
            return Diagnostic(error.description, at: span, in: source, help: error.help)
        case .model(let error, let span):
            return Diagnostic(error.description, at: span, in: source)
        case .fileAccess(let path, let reason, let span, let help):
            return Diagnostic("cannot read `\(path)`: \(reason)", at: span, in: source, help: help)
        case .interrupted(let span):
            return Diagnostic("interrupted", at: span, in: source)
        case .sql(let error, let span):
            let words = error.words
            return Diagnostic(words.message, at: span, in: source, help: words.help)
        case .relation(let error, let span):
            let words = error.words
            return Diagnostic(words.message, at: span, in: source, help: words.help)
        }
    }
}

/// A documented limit that a statement ran into, so deep or runaway input ends in a
/// located error instead of a stack overflow or a process that never finishes.
package enum Limit: Sendable, Equatable {
    /// Expressions nested deeper than this while evaluating.
    case evaluationDepth(Int)
    /// Lambda calls nested deeper than this (usually a recursion without a base case).
    case callDepth(Int)
    /// A join whose result would have more rows than this.
    case joinRows(Int)

    var words: (message: String, help: String) {
        switch self {
        case .evaluationDepth(let n):
            (
                "evaluation nested more than \(n) levels deep",
                "split long chains into named steps; a lambda that calls itself needs a case that stops"
            )
        case .callDepth(let n):
            ("more than \(n) nested lambda calls", "a lambda that calls itself needs a case that stops")
        case .joinRows(let n):
            (
                "the join would have more than \(NumberFormat.grouped(n)) rows",
                "a key repeated in both tables multiplies rows; join on a key that is unique in one of them"
            )
        }
    }
}
