extension Parser {
    mutating func expression() throws(SyntaxError) -> Expr {
        try nested { (p: inout Parser) throws(SyntaxError) -> Expr in
            if let lambda = try p.lambdaIfPresent() { return lambda }
            return try p.pipe()
        }
    }

    /// Runs `body` one nesting level deeper, refusing input nested absurdly deep.
    private mutating func nested(_ body: (inout Parser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        guard depth < Parser.maxDepth else { throw .tooDeep(current.span) }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// `x => body` or `(a, b) => body`, recognised by looking ahead for `=>`.
    private mutating func lambdaIfPresent() throws(SyntaxError) -> Expr? {
        let start = current.span
        if case .name(let name) = current.kind, peekKind(1) == .arrow {
            advance()
            advance()
            let body = try expression()
            return Expr(.lambda(parameters: [name], body: body), start.through(body.span))
        }
        guard check(.lparen) else { return nil }
        var offset = 1
        var names: [String] = []
        if peekKind(1) != .rparen {
            while true {
                guard case .name(let n) = peekKind(offset) else { return nil }
                names.append(n)
                offset += 1
                if peekKind(offset) == .comma { offset += 1; continue }
                break
            }
        }
        guard peekKind(offset) == .rparen, peekKind(offset + 1) == .arrow else { return nil }
        for _ in 0...(offset + 1) { advance() }
        let body = try expression()
        return Expr(.lambda(parameters: names, body: body), start.through(body.span))
    }

    /// `x |> f(a)` becomes `f(x, a)`; `x |> f` becomes `f(x)`.
    private mutating func pipe() throws(SyntaxError) -> Expr {
        var lhs = try or()
        while match(.pipe) {
            let rhs = try or()
            let span = lhs.span.through(rhs.span)
            if case .call(let callee, let args) = rhs.kind {
                lhs = Expr(.call(callee, [CallArgument(value: lhs)] + args), span)
            } else {
                lhs = Expr(.call(rhs, [CallArgument(value: lhs)]), span)
            }
        }
        return lhs
    }

    private mutating func or() throws(SyntaxError) -> Expr {
        var lhs = try and()
        while match(.kwOr) {
            let rhs = try and()
            lhs = Expr(.or(lhs, rhs), lhs.span.through(rhs.span))
        }
        return lhs
    }

    private mutating func and() throws(SyntaxError) -> Expr {
        var lhs = try not()
        while match(.kwAnd) {
            let rhs = try not()
            lhs = Expr(.and(lhs, rhs), lhs.span.through(rhs.span))
        }
        return lhs
    }

    private mutating func not() throws(SyntaxError) -> Expr {
        let start = current.span
        if match(.kwNot) {
            let operand = try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.not() }
            return Expr(.not(operand), start.through(operand.span))
        }
        return try compare()
    }

    private static func comparison(_ kind: Token.Kind) -> BinaryOperator? {
        switch kind {
        case .eq: .equal
        case .ne: .notEqual
        case .lt: .less
        case .le: .lessEqual
        case .gt: .greater
        case .ge: .greaterEqual
        default: nil
        }
    }

    private mutating func compare() throws(SyntaxError) -> Expr {
        let lhs = try sum()
        guard let op = Self.comparison(current.kind) else { return lhs }
        advance()
        let rhs = try sum()
        if Self.comparison(current.kind) != nil {
            throw .unexpectedToken(
                found: current.kind, expected: "end of comparison (comparisons do not chain; use `and`)", current.span)
        }
        return Expr(.binary(op, lhs, rhs), lhs.span.through(rhs.span))
    }

    private mutating func sum() throws(SyntaxError) -> Expr {
        var lhs = try product()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return lhs
            }
            advance()
            let rhs = try product()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.through(rhs.span))
        }
    }

    private mutating func product() throws(SyntaxError) -> Expr {
        var lhs = try unary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .remainder
            default: return lhs
            }
            advance()
            let rhs = try unary()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.through(rhs.span))
        }
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        let start = current.span
        if match(.minus) {
            let operand = try nested { (p: inout Parser) throws(SyntaxError) -> Expr in try p.unary() }
            return Expr(.unary(.negate, operand), start.through(operand.span))
        }
        return try power()
    }

    private mutating func power() throws(SyntaxError) -> Expr {
        let base = try postfix()
        guard match(.caret) else { return base }
        let exponent = try unary()
        return Expr(.binary(.power, base, exponent), base.span.through(exponent.span))
    }

    private mutating func postfix() throws(SyntaxError) -> Expr {
        var expr = try primary()
        while true {
            if match(.lparen) {
                let args = try arguments()
                let close = try expect(.rparen, "`)` to close the call")
                expr = Expr(.call(expr, args), expr.span.through(close.span))
            } else if match(.dot) {
                let token = current
                guard case .name(let name) = token.kind else { throw unexpected("a name after `.`") }
                advance()
                expr = Expr(.member(expr, name: name, nameSpan: token.span), expr.span.through(token.span))
            } else if match(.lbracket) {
                let index = try expression()
                let close = try expect(.rbracket, "`]` to close the index")
                expr = Expr(.index(expr, index), expr.span.through(close.span))
            } else {
                return expr
            }
        }
    }

    private mutating func arguments() throws(SyntaxError) -> [CallArgument] {
        var args: [CallArgument] = []
        var sawNamed = false
        if check(.rparen) { return args }
        while true {
            if let name = argumentName(current.kind), peekKind(1) == .colon {
                let nameSpan = advance().span
                advance()
                if args.contains(where: { $0.name == name }) { throw .duplicateArgument(name, nameSpan) }
                let value = try expression()
                args.append(CallArgument(name: name, nameSpan: nameSpan, value: value))
                sawNamed = true
            } else {
                let value = try expression()
                if sawNamed { throw .positionalAfterNamed(value.span) }
                args.append(CallArgument(value: value))
            }
            guard match(.comma) else { return args }
            if check(.rparen) { return args }
        }
    }

    /// A named argument's name: `weights:` or, for columns with spaces, `"b c":`.
    private func argumentName(_ kind: Token.Kind) -> String? {
        switch kind {
        case .name(let n): n
        case .string(let s): s
        default: nil
        }
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let v): advance(); return Expr(.number(v), token.span)
        case .string(let s): advance(); return Expr(.string(s), token.span)
        case .kwTrue: advance(); return Expr(.bool(true), token.span)
        case .kwFalse: advance(); return Expr(.bool(false), token.span)
        case .kwNull: advance(); return Expr(.null, token.span)
        case .name(let n): advance(); return Expr(.name(n), token.span)
        case .lparen:
            advance()
            let inner = try expression()
            let close = try expect(.rparen, "`)`")
            return Expr(inner.kind, token.span.through(close.span))
        case .lbracket:
            advance()
            var items: [Expr] = []
            while !check(.rbracket) {
                items.append(try expression())
                guard match(.comma) else { break }
            }
            let close = try expect(.rbracket, "`,` or `]` in the list")
            return Expr(.list(items), token.span.through(close.span))
        case .lbrace:
            advance()
            var fields: [Field] = []
            while !check(.rbrace) {
                let nameToken = current
                let name: String
                switch nameToken.kind {
                case .name(let n): name = n
                case .string(let s): name = s
                default: throw unexpected("a field name")
                }
                advance()
                try expect(.colon, "`:` after the field name")
                if fields.contains(where: { $0.name == name }) { throw .duplicateField(name, nameToken.span) }
                let value = try expression()
                fields.append(Field(name: name, nameSpan: nameToken.span, value: value))
                guard match(.comma) else { break }
            }
            let close = try expect(.rbrace, "`,` or `}` in the record")
            return Expr(.record(fields), token.span.through(close.span))
        default:
            throw unexpected("an expression")
        }
    }
}
