import EvalData

/// An expression over a relation's columns: what `t.amount * 0.3 - 2` or
/// `t.segment == "EU"` becomes when `t`'s rows stay in the engine.
///
/// Column names are quoted and constants bound when the builder renders it, so no part of
/// it is ever SQL text from a notebook.
package indirect enum SQLExpr: Sendable, Hashable {
    case column(String)
    case number(Double)
    case text(String)
    case bool(Bool)
    case null
    case binary(SQLOperator, SQLExpr, SQLExpr)
    case negate(SQLExpr)
    case not(SQLExpr)
    case isNull(SQLExpr)
    case function(SQLFunction, SQLExpr)

    /// The names of the columns it reads, in first-use order.
    package var columns: [String] {
        var out: [String] = []
        collect(into: &out)
        return out
    }

    private func collect(into out: inout [String]) {
        switch self {
        case .column(let name): if !out.contains(name) { out.append(name) }
        case .number, .text, .bool, .null: break
        case .binary(_, let a, let b):
            a.collect(into: &out)
            b.collect(into: &out)
        case .negate(let a), .not(let a), .isNull(let a), .function(_, let a): a.collect(into: &out)
        }
    }
}

/// The operators of the cell language that have an SQL form.
package enum SQLOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "AND", or = "OR"

    package var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

/// One-argument functions of columns that push down (`log`, `exp`, `sqrt`, `abs`).
package enum SQLFunction: String, Sendable, Hashable {
    case ln, exp, sqrt, abs
}

/// The column type of an expression, in the language's three types.
package enum SQLExprType {
    /// The type of `expr` over columns typed by `column`, or nil when it has none
    /// (`"a" + 1`).
    package static func of(_ expr: SQLExpr, column: (String) -> ColumnType?) -> ColumnType? {
        switch expr {
        case .column(let name): return column(name)
        case .number: return .number
        case .text: return .string
        case .bool, .isNull, .not: return .bool
        case .null: return .number
        case .negate, .function: return .number
        case .binary(let op, let a, let b):
            if op.isComparison || op == .and || op == .or { return .bool }
            guard let ta = of(a, column: column), let tb = of(b, column: column) else { return nil }
            return ta == .string || tb == .string ? nil : .number
        }
    }
}
