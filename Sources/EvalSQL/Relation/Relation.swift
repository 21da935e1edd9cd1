import EvalData

/// A column of a relation as the engine's catalog describes it.
package struct RelationColumn: Sendable, Hashable {
    package var name: String
    /// The language type its values take when pulled: number, bool or string.
    package var type: ColumnType
    /// The engine's own type name (`double precision`, `text`), for display.
    package var engineType: String

    package init(name: String, type: ColumnType, engineType: String) {
        self.name = name
        self.type = type
        self.engineType = engineType
    }
}

/// A table whose rows stay in the engine: a table or a query, the filters applied to it,
/// and the columns it shows.
///
/// Every expression (filters, metric inputs) is over the source's columns, so two values
/// derived from one relation can be combined and pushed down in one statement.
package struct Relation: Sendable, Hashable {
    /// Where the rows come from.
    package enum Source: Sendable, Hashable {
        /// A table of the connected database, by name (quoted when rendered).
        case table(String)
        /// The text of an explicit `query(db, "SELECT …")`, used as a subquery.
        case query(String)
    }

    package var source: Source
    /// The source's columns, from the catalog.
    package var sourceColumns: [RelationColumn]
    /// Filters, all of which a row must pass (SQL `WHERE … AND …`).
    package var filters: [SQLExpr]
    /// The names of the columns shown and pulled, in order (a subset of the source's).
    package var visible: [String]

    package init(source: Source, columns: [RelationColumn]) {
        self.source = source
        self.sourceColumns = columns
        self.filters = []
        self.visible = columns.map(\.name)
    }

    /// The shown columns.
    package var columns: [RelationColumn] {
        visible.compactMap { name in sourceColumns.first { $0.name == name } }
    }

    /// The source column called `name`.
    package func column(named name: String) -> RelationColumn? {
        sourceColumns.first { $0.name == name }
    }

    /// The relation with one more filter.
    package func filtered(by condition: SQLExpr) -> Relation {
        var copy = self
        copy.filters.append(condition)
        return copy
    }

    /// The relation showing only `names`.
    package func selecting(_ names: [String]) -> Relation {
        var copy = self
        copy.visible = names
        return copy
    }

    /// Whether rows of `other` are the rows of this relation (same source, same filters),
    /// so expressions over both can be computed in one statement.
    package func hasSameRows(as other: Relation) -> Bool {
        source == other.source && filters == other.filters
    }

    /// What the manifest and messages call it: the table's name, or `query`.
    package var label: String {
        switch source {
        case .table(let name): name
        case .query: "query"
        }
    }

    /// The type of `expr` over this relation's columns.
    package func type(of expr: SQLExpr) -> ColumnType? {
        SQLExprType.of(expr) { name in column(named: name)?.type }
    }
}
