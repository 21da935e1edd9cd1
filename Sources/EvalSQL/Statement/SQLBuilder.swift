/// Renders relations and expressions as SQL text for one dialect, quoting every
/// identifier and binding every value, in the order the text reads (so `?` placeholders
/// line up too).
package struct SQLBuilder {
    package let dialect: any SQLDialect
    package private(set) var binds: [SQLBind] = []

    /// Columns read as text: those of types Evalbook holds as strings but the engine
    /// does not store as text (dates, times, ids), so they compare with bound strings.
    private let castToText: Set<String>

    package init(dialect: any SQLDialect, relation: Relation? = nil) {
        self.dialect = dialect
        castToText = Set(
            (relation?.sourceColumns ?? []).filter { $0.type == .string && !dialect.isText($0.engineType) }.map(\.name))
    }

    /// A placeholder for `value`, bound in order.
    package mutating func bind(_ value: SQLBind) -> String {
        binds.append(value)
        return dialect.placeholder(binds.count)
    }

    /// The expression as SQL, its constants bound.
    package mutating func render(_ expr: SQLExpr) -> String {
        switch expr {
        case .column(let name):
            let quoted = dialect.quote(name)
            return castToText.contains(name) ? dialect.castText(quoted) : quoted
        case .number(let x): return dialect.castDouble(bind(.number(x)))
        case .text(let s): return bind(.text(s))
        case .bool(let b): return bind(.bool(b))
        case .null: return "NULL"
        case .negate(let a): return "(-\(render(a)))"
        case .not(let a): return "(NOT \(render(a)))"
        case .isNull(let a): return "(\(render(a)) IS NULL)"
        case .function(let f, let a):
            let inner = render(a)
            switch f {
            case .ln: return dialect.ln(inner)
            case .exp: return "EXP(\(inner))"
            case .sqrt: return "SQRT(\(inner))"
            case .abs: return "ABS(\(inner))"
            }
        case .binary(.divide, let a, let b):
            // Columns of integers divide as numbers, as they do locally; a zero divisor
            // gives a missing value instead of stopping the whole statement.
            let left = dialect.castDouble(render(a))
            let right = render(b)
            return "(\(left) / NULLIF(\(right), 0))"
        case .binary(let op, let a, let b):
            let left = render(a)
            let right = render(b)
            return "(\(left) \(op.rawValue) \(right))"
        }
    }

    /// `FROM …` and, when the relation is filtered, `WHERE …`, plus `extra` conditions.
    package mutating func from(_ relation: Relation, where extra: [SQLExpr] = []) -> String {
        var text = "FROM "
        switch relation.source {
        case .table(let name): text += dialect.quote(name)
        case .query(let sql): text += "(\(Self.trimmed(sql))) AS \(dialect.quote("evalbook_query"))"
        }
        let conditions = relation.filters + extra
        if !conditions.isEmpty {
            text += " WHERE " + conditions.map { render($0) }.joined(separator: " AND ")
        }
        return text
    }

    /// The statement of `text` with the binds made so far.
    package func statement(_ text: String) -> SQLStatement {
        SQLStatement(text, binds: binds)
    }

    /// A user's query without the trailing semicolons and spaces that would end the
    /// subquery early.
    static func trimmed(_ sql: String) -> String {
        var text = Substring(sql)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

extension SQLBuilder {
    /// `SELECT COUNT(*) FROM …`: the relation's row count.
    package static func count(_ relation: Relation, dialect: any SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect: dialect, relation: relation)
        let from = builder.from(relation)
        return builder.statement("SELECT COUNT(*) AS \(dialect.quote("n")) \(from)")
    }

    /// The relation's shown columns, at most `limit` rows when given.
    package static func rows(_ relation: Relation, limit: Int?, dialect: any SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect: dialect, relation: relation)
        let columns = relation.visible.map { builder.render(.column($0)) + " AS " + dialect.quote($0) }
            .joined(separator: ", ")
        var text = "SELECT \(columns.isEmpty ? "*" : columns) " + builder.from(relation)
        if let limit { text += " " + dialect.limit(limit) }
        return builder.statement(text)
    }

    /// Values of `expressions` (named `c0`, `c1`…) for every row, at most `limit`.
    package static func values(
        _ expressions: [SQLExpr], of relation: Relation, limit: Int?, dialect: any SQLDialect
    ) -> SQLStatement {
        var builder = SQLBuilder(dialect: dialect, relation: relation)
        var items: [String] = []
        for (i, e) in expressions.enumerated() { items.append(builder.render(e) + " AS " + dialect.quote("c\(i)")) }
        var text = "SELECT " + items.joined(separator: ", ") + " " + builder.from(relation)
        if let limit { text += " " + dialect.limit(limit) }
        return builder.statement(text)
    }

    /// No rows, only the result's column names and types: how a query's columns are learnt.
    package static func shape(of relation: Relation, dialect: any SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect: dialect, relation: relation)
        let from = builder.from(relation)
        return builder.statement("SELECT * \(from) \(dialect.limit(0))")
    }
}
