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

    /// The finding, located in `source` (the code that ran).
    package func diagnostic(in source: SourceText) -> Diagnostic {
        switch self {
        case .unexpectedCharacter(let c, let span, let help):
            Diagnostic("unexpected character `\(c)`", at: span, in: source, help: help)
        case .invalidNumber(let text, let span):
            Diagnostic(
                "invalid number `\(text)`", at: span, in: source, help: "numbers look like 12, 0.5, 1e-3 or 1_000_000")
        case .unterminatedString(let span):
            Diagnostic("unterminated string", at: span, in: source, help: "close it with `\"` on the same line")
        case .invalidEscape(let text, let span):
            Diagnostic(
                "unknown escape `\(text)` in string", at: span, in: source, help: "strings know \\\" \\\\ \\n and \\t")
        case .unexpectedToken(let found, let expected, let span):
            Diagnostic("expected \(expected), found \(found.display)", at: span, in: source)
        case .incomplete(let expected, let span):
            Diagnostic("unexpected end of input: expected \(expected)", at: span, in: source)
        case .invalidAssignmentTarget(let span):
            Diagnostic(
                "only a name can be assigned to", at: span, in: source,
                help: "write `name = expression`; to compare, use `==`")
        case .positionalAfterNamed(let span):
            Diagnostic(
                "positional argument after a named one", at: span, in: source, help: "put positional arguments first")
        case .duplicateArgument(let name, let span):
            Diagnostic("argument `\(name)` is given twice", at: span, in: source)
        case .duplicateField(let name, let span):
            Diagnostic("field `\(name)` is given twice", at: span, in: source)
        case .tooDeep(let span):
            Diagnostic(
                "expression nested more than \(Parser.maxDepth) levels deep", at: span, in: source,
                help: "split it into named steps")
        }
    }
}
