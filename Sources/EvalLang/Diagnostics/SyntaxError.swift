/// An error found while reading code, before anything runs.
package enum SyntaxError: Error, Equatable, Sendable {
    case unexpectedCharacter(String, SourceSpan, help: String?)
    case invalidNumber(String, SourceSpan)
    case unterminatedString(SourceSpan)
    case invalidEscape(String, SourceSpan)
    /// A token that cannot stand here; `expected` says what could.
    case unexpectedToken(found: Token.Kind, expected: String, SourceSpan)
    /// The input ended before the statement did: the REPL asks for another line.
    case incomplete(expected: String, SourceSpan)
    case invalidAssignmentTarget(SourceSpan)
    case positionalAfterNamed(SourceSpan)
    case duplicateArgument(String, SourceSpan)
    case duplicateField(String, SourceSpan)
    case tooDeep(SourceSpan)

    /// True when more input could complete the statement (unclosed brackets, a
    /// trailing operator); the REPL continues the prompt instead of reporting.
    package var isIncomplete: Bool {
        if case .incomplete = self { return true }
        return false
    }

    package var diagnostic: Diagnostic {
        switch self {
        case .unexpectedCharacter(let c, let span, let help):
            Diagnostic(span: span, message: "unexpected character `\(c)`", help: help)
        case .invalidNumber(let text, let span):
            Diagnostic(
                span: span, message: "invalid number `\(text)`",
                help: "numbers look like 12, 0.5, 1e-3 or 1_000_000")
        case .unterminatedString(let span):
            Diagnostic(span: span, message: "unterminated string", help: "close it with `\"` on the same line")
        case .invalidEscape(let text, let span):
            Diagnostic(
                span: span, message: "unknown escape `\(text)` in string",
                help: "strings know \\\" \\\\ \\n and \\t")
        case .unexpectedToken(let found, let expected, let span):
            Diagnostic(span: span, message: "expected \(expected), found \(found.display)")
        case .incomplete(let expected, let span):
            Diagnostic(span: span, message: "unexpected end of input: expected \(expected)")
        case .invalidAssignmentTarget(let span):
            Diagnostic(
                span: span, message: "only a name can be assigned to",
                help: "write `name = expression`; to compare, use `==`")
        case .positionalAfterNamed(let span):
            Diagnostic(
                span: span, message: "positional argument after a named one",
                help: "put positional arguments first")
        case .duplicateArgument(let name, let span):
            Diagnostic(span: span, message: "argument `\(name)` is given twice")
        case .duplicateField(let name, let span):
            Diagnostic(span: span, message: "field `\(name)` is given twice")
        case .tooDeep(let span):
            Diagnostic(
                span: span, message: "expression nested more than \(Parser.maxDepth) levels deep",
                help: "split it into named steps")
        }
    }
}
