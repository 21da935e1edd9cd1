import EvalData
import EvalSQL

/// The cell language's operators, members and indexing on relations: each builds an
/// expression for the engine instead of computing, so `t[t.segment == "EU"]` is a
/// filtered relation and `t.amount * 0.3 - 2` a column computed where the rows are.
enum RemoteExpressions {
    /// `t.col` (a relation column) and `db.table` (a function bound to the connection).
    static func member(_ remote: Remote, name: String, relationName: String?, span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        switch remote {
        case .relation(let r):
            guard r.relation.visible.contains(name), let column = r.relation.column(named: name) else {
                throw .unknownColumn(name, table: relationName, candidates: r.relation.visible, span)
            }
            return .remote(
                .column(
                    RemoteColumn(
                        connection: r.connection, relation: r.relation, expr: .column(name), type: column.type)))
        case .connection(let c):
            guard name == "table" else {
                throw .unknownField(name, candidates: ["table"], span)
            }
            let builtin = Builtin(
                "table", family: .data, [.required("name")], doc: "A relation of a table of this connection.",
                example: "db.table(\"predictions\")"
            ) { _, args throws(RuntimeError) in
                try Warehouse.table(try args.string("name"), of: c, span: args.span("name"))
            }
            return .function(.builtin(builtin))
        case .column:
            throw .invalidArgument("a relation column has no fields; `.\(name)` reads a relation's column", span)
        }
    }

    /// An operand as an expression over `relation`'s rows; scalars become bound constants.
    private static func expr(_ value: Value, side: String, span: SourceSpan) throws(RuntimeError) -> (
        SQLExpr, RemoteColumn?
    ) {
        switch value {
        case .remote(.column(let c)): return (c.expr, c)
        case .number(let x): return (.number(x), nil)
        case .string(let s): return (.text(s), nil)
        case .bool(let b): return (.bool(b), nil)
        case .null: return (.null, nil)
        default:
            throw .wrongType(
                what: "the \(side) operand", expected: "a relation column or a scalar", found: value.typeName, span)
        }
    }

    static let operators: [BinaryOperator: SQLOperator] = [
        .add: .add, .subtract: .subtract, .multiply: .multiply, .divide: .divide, .equal: .equal,
        .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual,
    ]

    /// Whether either operand is a relation value, so the remote form applies.
    static func involved(_ a: Value, _ b: Value) -> Bool {
        if case .remote = a { return true }
        if case .remote = b { return true }
        return false
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws(RuntimeError) -> Value
    {
        guard let sqlOp = operators[op] else {
            throw .invalidArgument("`\(op.rawValue)` does not run on relation columns", span)
        }
        return try combine(sqlOp, lhs, rhs, span: span)
    }

    static func logical(and: Bool, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        try combine(and ? .and : .or, lhs, rhs, span: span)
    }

    private static func combine(_ op: SQLOperator, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        let (a, ca) = try expr(lhs, side: "left", span: span)
        let (b, cb) = try expr(rhs, side: "right", span: span)
        guard let base = ca ?? cb else { throw .invalidArgument("no relation column in this expression", span) }
        if let ca, let cb, !ca.relation.hasSameRows(as: cb.relation) {
            throw .relation(.differentRelations(function: op.rawValue), span)
        }
        let combined = SQLExpr.binary(op, a, b)
        guard let type = base.relation.type(of: combined) else {
            throw .invalidArgument("these relation columns cannot be combined with `\(op.rawValue)`", span)
        }
        var out = base
        out.expr = combined
        out.type = type
        return .remote(.column(out))
    }

    static func negate(_ column: RemoteColumn) -> Value {
        var out = column
        out.expr = .negate(column.expr)
        return .remote(.column(out))
    }

    static func not(_ column: RemoteColumn) -> Value {
        var out = column
        out.expr = .not(column.expr)
        out.type = .bool
        return .remote(.column(out))
    }

    /// `t[mask]`, `t["col"]`, `t[["a", "b"]]` and `c[mask]` on relations.
    static func index(_ base: Remote, by key: Value, baseName: String?, span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        switch (base, key) {
        case (.relation, .string(let name)):
            return try member(base, name: name, relationName: baseName, span: span)
        case (.relation(var r), .list(let items)):
            var names: [String] = []
            for case .string(let name) in items {
                guard r.relation.visible.contains(name) else {
                    throw .unknownColumn(name, table: baseName, candidates: r.relation.visible, span)
                }
                names.append(name)
            }
            guard names.count == items.count, !names.isEmpty else {
                throw .invalidArgument("a relation selects columns by a list of names", span)
            }
            r.relation = r.relation.selecting(names)
            r.rowCount = nil
            return .remote(.relation(r))
        case (.relation(var r), .remote(.column(let mask))):
            guard mask.type == .bool else {
                throw .wrongType(
                    what: "a row mask", expected: "a bool column", found: "a \(mask.type.rawValue) column", span)
            }
            guard mask.relation.hasSameRows(as: r.relation) else {
                throw .relation(.differentRelations(function: "[]"), span)
            }
            r.relation = r.relation.filtered(by: mask.expr)
            r.rowCount = nil
            return .remote(.relation(r))
        case (.column(var c), .remote(.column(let mask))):
            guard mask.type == .bool, mask.relation.hasSameRows(as: c.relation) else {
                throw .relation(.differentRelations(function: "[]"), span)
            }
            c.relation = c.relation.filtered(by: mask.expr)
            return .remote(.column(c))
        default:
            throw .invalidArgument(
                "cannot index a \(base.typeName) with a \(key.typeName)", span,
                help: "relations take a column name, a list of names or a bool column of the same relation")
        }
    }
}
