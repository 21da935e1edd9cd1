import EvalData
import EvalSQL

/// Values whose rows stay in an engine: a connection, a relation, a column of one.
package enum Remote: Sendable {
    case connection(Connection)
    case relation(RelationValue)
    case column(RemoteColumn)

    package var typeName: String {
        switch self {
        case .connection: "connection"
        case .relation: "relation"
        case .column(let c): "relation \(c.type.rawValue) column"
        }
    }
}

/// `connect("warehouse")`: a named, open, read-only engine session.
package struct Connection: Sendable {
    package var name: String
    package var engine: any SQLEngine

    package init(name: String, engine: any SQLEngine) {
        self.name = name
        self.engine = engine
    }
}

/// A relation of a connection, with its row count once it has been counted (for display).
package struct RelationValue: Sendable {
    package var connection: Connection
    package var relation: Relation
    package var rowCount: Int?

    package init(connection: Connection, relation: Relation, rowCount: Int? = nil) {
        self.connection = connection
        self.relation = relation
        self.rowCount = rowCount
    }
}

/// `t.col`, `t.amount * 0.3 - 2`, `t.score >= 0.5`: an expression over a relation's rows,
/// computed in the engine when a metric, `collect` or a filter needs it.
package struct RemoteColumn: Sendable {
    package var connection: Connection
    package var relation: Relation
    package var expr: SQLExpr
    package var type: ColumnType

    package init(connection: Connection, relation: Relation, expr: SQLExpr, type: ColumnType) {
        self.connection = connection
        self.relation = relation
        self.expr = expr
        self.type = type
    }

    /// The column's name when it is one column (`t.score`), else nil.
    package var name: String? {
        if case .column(let n) = expr { return n }
        return nil
    }
}

extension Remote {
    /// One line: `relation predictions (warehouse): 6,000 rows × 7 columns`.
    package var inlineText: String {
        switch self {
        case .connection(let c):
            let info = c.engine.info
            return "connection \(c.name): \(info.engine) \(info.serverVersion), database \(info.database)"
        case .relation(let r):
            let rows = r.rowCount.map { "\(NumberFormat.grouped($0)) rows" } ?? "rows uncounted"
            let filtered = r.relation.filters.isEmpty ? "" : ", filtered"
            return "relation \(r.relation.label) (\(r.connection.name)\(filtered)): \(rows) × "
                + "\(r.relation.visible.count) columns"
        case .column(let c):
            return "\(typeName) of \(c.relation.label)" + (c.name.map { ": \($0)" } ?? "")
        }
    }

    /// A relation shows its columns and types under a line with its row count.
    package func display() -> Display {
        guard case .relation(let r) = self else { return .text(inlineText) }
        let rows = r.relation.columns.map { [$0.name, $0.type.rawValue, $0.engineType] }
        var table = DisplayTable(
            columns: ["column", "type", "engine type"], rightAligned: [false, false, false], rows: rows)
        table.headline = inlineText
        return .table(table)
    }
}
