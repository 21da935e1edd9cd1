/// An expression node with the span of source it came from.
package struct Expr: Sendable, Equatable {
    package indirect enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case null
        case name(String)
        case list([Expr])
        case record([Field])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case not(Expr)
        case call(Expr, [CallArgument])
        case member(Expr, name: String, nameSpan: SourceSpan)
        case index(Expr, Expr)
        case lambda(parameters: [String], body: Expr)
    }

    package var kind: Kind
    package var span: SourceSpan

    package init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// `name: value` inside a record literal.
package struct Field: Sendable, Equatable {
    package var name: String
    package var nameSpan: SourceSpan
    package var value: Expr
}

/// One argument of a call; `name` is set for named arguments (options).
package struct CallArgument: Sendable, Equatable {
    package var name: String?
    package var nameSpan: SourceSpan?
    package var value: Expr

    package init(name: String? = nil, nameSpan: SourceSpan? = nil, value: Expr) {
        self.name = name
        self.nameSpan = nameSpan
        self.value = value
    }

    package var span: SourceSpan { nameSpan.map { $0.through(value.span) } ?? value.span }
}

package enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
}

package enum BinaryOperator: String, Sendable, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    package var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

/// A top-level statement of a cell.
package struct Statement: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case expression(Expr)
        case assignment(name: String, nameSpan: SourceSpan, value: Expr)
        case expect(Expr, message: String?)
    }

    package var kind: Kind
    package var span: SourceSpan
}
