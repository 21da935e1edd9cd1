/// A lexical token with its span.
package struct Token: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case name(String)
        // keywords
        case kwTrue, kwFalse, kwNull, kwAnd, kwOr, kwNot, kwExpect
        // punctuation and operators
        case lparen, rparen, lbracket, rbracket, lbrace, rbrace
        case comma, colon, dot, semicolon, newline
        case plus, minus, star, slash, percent, caret
        case assign, arrow, pipe
        case eq, ne, lt, le, gt, ge
        case eof
    }

    package var kind: Kind
    package var span: SourceSpan

    package init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

extension Token.Kind {
    /// How the token reads in an error message.
    package var display: String {
        switch self {
        case .number(let v): "number \(Value.number(v).displayText)"
        case .string: "string"
        case .name(let n): "`\(n)`"
        case .kwTrue: "`true`"
        case .kwFalse: "`false`"
        case .kwNull: "`null`"
        case .kwAnd: "`and`"
        case .kwOr: "`or`"
        case .kwNot: "`not`"
        case .kwExpect: "`expect`"
        case .lparen: "`(`"
        case .rparen: "`)`"
        case .lbracket: "`[`"
        case .rbracket: "`]`"
        case .lbrace: "`{`"
        case .rbrace: "`}`"
        case .comma: "`,`"
        case .colon: "`:`"
        case .dot: "`.`"
        case .semicolon: "`;`"
        case .newline: "end of line"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .percent: "`%`"
        case .caret: "`^`"
        case .assign: "`=`"
        case .arrow: "`=>`"
        case .pipe: "`|>`"
        case .eq: "`==`"
        case .ne: "`!=`"
        case .lt: "`<`"
        case .le: "`<=`"
        case .gt: "`>`"
        case .ge: "`>=`"
        case .eof: "end of input"
        }
    }
}
