/// A recursive-descent parser for the cell language of SPEC §4.
///
/// Any error met at the end of the input is reported as `.incomplete`, so the
/// REPL can tell "keep typing" apart from a real mistake.
package struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// Nesting of expressions being parsed; bounded so that no input can exhaust the stack.
    var depth = 0
    static let maxDepth = 100

    package init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses every statement of `source`.
    package static func parse(_ source: SourceText) throws(SyntaxError) -> [Statement] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.program()
    }

    // MARK: Token access

    var current: Token { tokens[min(position, tokens.count - 1)] }

    func peekKind(_ offset: Int) -> Token.Kind {
        tokens[min(position + offset, tokens.count - 1)].kind
    }

    func check(_ kind: Token.Kind) -> Bool { current.kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func match(_ kind: Token.Kind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    /// The error for finding `current` where `expected` should be.
    func unexpected(_ expected: String) -> SyntaxError {
        if current.kind == .eof { return .incomplete(expected: expected, current.span) }
        return .unexpectedToken(found: current.kind, expected: expected, current.span)
    }

    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ expected: String) throws(SyntaxError) -> Token {
        guard check(kind) else { throw unexpected(expected) }
        return advance()
    }

    // MARK: Statements

    mutating func program() throws(SyntaxError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while match(.newline) || match(.semicolon) {}
            if check(.eof) { return statements }
            statements.append(try statement())
            guard check(.newline) || check(.semicolon) || check(.eof) else {
                throw unexpected("end of statement (a new line or `;`)")
            }
        }
    }

    mutating func statement() throws(SyntaxError) -> Statement {
        let start = current.span
        if match(.kwExpect) {
            let condition = try expression()
            var message: String?
            var end = condition.span
            if match(.comma) {
                let token = current
                guard case .string(let text) = token.kind else { throw unexpected("a message string") }
                advance()
                message = text
                end = token.span
            }
            return Statement(kind: .expect(condition, message: message), span: start.through(end))
        }
        if case .name(let name) = current.kind, peekKind(1) == .assign {
            advance()
            advance()
            let value = try expression()
            return Statement(
                kind: .assignment(name: name, nameSpan: start, value: value), span: start.through(value.span))
        }
        let expr = try expression()
        if check(.assign) { throw .invalidAssignmentTarget(expr.span) }
        return Statement(kind: .expression(expr), span: expr.span)
    }
}
