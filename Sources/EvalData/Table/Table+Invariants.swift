extension Table {
    /// A structural rule of `Table` that a table breaks.
    package enum InvariantViolation: Equatable, Sendable, CustomStringConvertible {
        /// There are `names` names for `columns` columns.
        case nameCount(names: Int, columns: Int)
        /// The column at `index` has an empty name.
        case emptyName(index: Int)
        /// Two columns share a name.
        case duplicateName(String)
        /// Column `name` has `count` rows where the table has `expected`.
        case columnLength(name: String, count: Int, expected: Int)
        /// A table without columns claims `rowCount` rows.
        case rowsWithoutColumns(rowCount: Int)
        /// Column `name` breaks a rule of its own.
        case column(name: String, Column.InvariantViolation)

        package var description: String {
            switch self {
            case .nameCount(let names, let columns): "\(names) names for \(columns) columns"
            case .emptyName(let index): "column \(index) has an empty name"
            case .duplicateName(let name): "two columns are named `\(name)`"
            case .columnLength(let name, let count, let expected):
                "column `\(name)` has \(count) rows, the table \(expected)"
            case .rowsWithoutColumns(let rowCount): "no columns but \(rowCount) rows"
            case .column(let name, let violation): "column `\(name)`: \(violation)"
            }
        }
    }

    /// Every structural rule this table and its columns break; empty when it is well formed.
    ///
    /// - Complexity: O(cells + dictionary sizes), as every column is checked too.
    package var invariantViolations: [InvariantViolation] {
        Table.invariantViolations(names: names, columns: columns, rowCount: rowCount)
    }

    /// The rules a table of these parts would break, for checking parts before (or
    /// instead of) building a table.
    ///
    /// Rules: one non-empty, unique name per column; every column `rowCount` long; no
    /// rows without columns; and, when `checkingColumns`, each column's own rules.
    ///
    /// - Complexity: O(columns) for the table's rules; checking columns adds O(cells).
    package static func invariantViolations(
        names: [String], columns: [Column], rowCount: Int, checkingColumns: Bool = true
    ) -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        if names.count != columns.count { found.append(.nameCount(names: names.count, columns: columns.count)) }
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            if name.isEmpty { found.append(.emptyName(index: i)) }
            if !seen.insert(name).inserted { found.append(.duplicateName(name)) }
        }
        if columns.isEmpty, rowCount != 0 { found.append(.rowsWithoutColumns(rowCount: rowCount)) }
        for (i, column) in columns.enumerated() {
            // A column without a name (already reported) is named by its position.
            let name = i < names.count ? names[i] : "#\(i + 1)"
            if column.count != rowCount {
                found.append(.columnLength(name: name, count: column.count, expected: rowCount))
            }
            if checkingColumns {
                found += column.invariantViolations.map { .column(name: name, $0) }
            }
        }
        return found
    }

    /// Stops a debug build whose code broke a table invariant; compiled out of release builds.
    ///
    /// Checks the table's own rules only: columns check theirs when they are built, and
    /// cannot change afterwards. Input cannot reach this: every way to build or
    /// change a table throws a `TableError` for input that would break a rule.
    func assertInvariants() {
        assert(
            Table.invariantViolations(names: names, columns: columns, rowCount: rowCount, checkingColumns: false)
                .isEmpty,
            "Table invariant broken: \(invariantViolations)")
    }
}
