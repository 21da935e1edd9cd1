/// An error raised while running a statement; each carries the span of the
/// expression or call that failed.
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
    case data(String, SourceSpan)
    case fileAccess(path: String, reason: String, SourceSpan, help: String?)
    case interrupted(SourceSpan)

    package var span: SourceSpan {
        switch self {
        case .unknownName(_, _, let s), .unknownColumn(_, _, _, let s), .unknownField(_, _, let s),
            .unknownOption(_, _, _, let s), .unknownParam(_, _, let s), .missingArgument(_, _, _, let s),
            .tooManyArguments(_, _, let s), .wrongType(_, _, _, let s), .lengthMismatch(_, _, _, _, let s),
            .indexOutOfRange(_, _, let s), .notCallable(_, let s), .invalidArgument(_, let s, _),
            .data(_, let s), .fileAccess(_, _, let s, _), .interrupted(let s):
            s
        }
    }

    package var diagnostic: Diagnostic {
        switch self {
        case .unknownName(let name, let candidates, let span):
            return Diagnostic(
                span: span, message: "unknown name `\(name)`",
                help: Suggestion.help(for: name, in: candidates))
        case .unknownColumn(let name, let table, let candidates, let span):
            let owner = table.map { "table `\($0)`" } ?? "the table"
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty
                    ? nil : "columns are " + candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", "))
            return Diagnostic(span: span, message: "\(owner) has no column `\(name)`", help: help)
        case .unknownField(let name, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty ? nil : "fields are " + candidates.map { "`\($0)`" }.joined(separator: ", "))
            return Diagnostic(span: span, message: "no field `\(name)`", help: help)
        case .unknownOption(let name, let function, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty
                    ? "`\(function)` takes no named arguments"
                    : "`\(function)` takes " + candidates.map { "`\($0):`" }.joined(separator: ", "))
            return Diagnostic(span: span, message: "`\(function)` has no option `\(name)`", help: help)
        case .unknownParam(let name, let candidates, let span):
            let help =
                Suggestion.help(for: name, in: candidates)
                ?? (candidates.isEmpty ? "this notebook declares no params" : nil)
            return Diagnostic(span: span, message: "unknown param `\(name)`", help: help)
        case .missingArgument(let name, let function, let signature, let span):
            return Diagnostic(
                span: span, message: "`\(function)` needs argument `\(name)`", help: "usage: \(signature)")
        case .tooManyArguments(let function, let signature, let span):
            return Diagnostic(span: span, message: "too many arguments to `\(function)`", help: "usage: \(signature)")
        case .wrongType(let what, let expected, let found, let span):
            return Diagnostic(span: span, message: "\(what) must be \(expected), not \(found)")
        case .lengthMismatch(let a, let n, let b, let m, let span):
            return Diagnostic(
                span: span,
                message:
                    "length mismatch: \(a) has \(NumberFormat.grouped(n)) values, \(b) has \(NumberFormat.grouped(m))")
        case .indexOutOfRange(let i, let count, let span):
            return Diagnostic(
                span: span, message: "index \(i) is out of range for length \(NumberFormat.grouped(count))",
                help: "indices start at 0")
        case .notCallable(let found, let span):
            return Diagnostic(span: span, message: "a \(found) cannot be called")
        case .invalidArgument(let message, let span, let help):
            return Diagnostic(span: span, message: message, help: help)
        case .data(let message, let span):
            return Diagnostic(span: span, message: message)
        case .fileAccess(let path, let reason, let span, let help):
            return Diagnostic(span: span, message: "cannot read `\(path)`: \(reason)", help: help)
        case .interrupted(let span):
            return Diagnostic(span: span, message: "interrupted")
        }
    }
}
