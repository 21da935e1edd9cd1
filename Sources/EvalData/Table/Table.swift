/// Ordered, named columns of one length.
///
/// Invariants (see `invariantViolations`): one unique, non-empty name per column, every
/// column `rowCount` long, and no rows without columns. Every way of building or
/// changing a table keeps them: input that would break one is a `TableError`, and debug
/// builds assert them after each change.
package struct Table: Sendable, Equatable {
    package private(set) var names: [String]
    package private(set) var columns: [Column]
    package private(set) var rowCount: Int

    package init() {
        names = []
        columns = []
        rowCount = 0
    }

    /// A table of `names[i]` → `columns[i]`; both arrays must have the same count.
    package init(names: [String], columns: [Column]) throws(TableError) {
        // Checked first: pairing the arrays with `zip` would silently drop the extras.
        guard names.count == columns.count else {
            throw .columnCountMismatch(names: names.count, columns: columns.count)
        }
        self.init()
        for (name, column) in zip(names, columns) {
            try append(name: name, column: column)
        }
    }

    package var columnCount: Int { columns.count }

    package func index(of name: String) -> Int? { names.firstIndex(of: name) }

    package func column(named name: String) -> Column? {
        index(of: name).map { columns[$0] }
    }

    /// Adds a column at the end; names must be unique and lengths equal.
    package mutating func append(name: String, column: Column) throws(TableError) {
        guard !name.isEmpty else { throw .emptyName }
        guard index(of: name) == nil else { throw .duplicateName(name) }
        if !columns.isEmpty, column.count != rowCount {
            throw .lengthMismatch(name: name, count: column.count, expected: rowCount)
        }
        if columns.isEmpty { rowCount = column.count }
        names.append(name)
        columns.append(column)
        assertInvariants()
    }

    /// Replaces the column of that name, or adds it at the end.
    package mutating func set(name: String, column: Column) throws(TableError) {
        if let i = index(of: name) {
            if columns.count > 1, column.count != rowCount {
                throw .lengthMismatch(name: name, count: column.count, expected: rowCount)
            }
            columns[i] = column
            rowCount = column.count
            assertInvariants()
        } else {
            try append(name: name, column: column)
        }
    }

    /// The named columns, in the order given; names must exist.
    package func selecting(_ selected: [String]) -> Table {
        var t = Table()
        t.rowCount = rowCount
        for name in selected {
            if let i = index(of: name), !t.names.contains(name) {
                t.names.append(name)
                t.columns.append(columns[i])
            }
        }
        if t.columns.isEmpty { t.rowCount = 0 }
        t.assertInvariants()
        return t
    }

    package func dropping(_ dropped: [String]) -> Table {
        selecting(names.filter { !dropped.contains($0) })
    }

    package func filtering(_ mask: [Bool]) -> Table {
        mapColumns { $0.filtering(mask) }
    }

    package func gathering(_ indices: [Int]) -> Table {
        mapColumns { $0.gathering(indices) }
    }

    package func slice(_ range: Range<Int>) -> Table {
        mapColumns { $0.slice(range) }
    }

    private func mapColumns(_ transform: (Column) -> Column) -> Table {
        var t = Table()
        t.names = names
        t.columns = columns.map(transform)
        t.rowCount = t.columns.first?.count ?? 0
        t.assertInvariants()
        return t
    }
}
