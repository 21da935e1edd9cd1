/// Rows partitioned by the distinct values of a key column.
package struct Groups: Sendable {
    /// One entry per distinct value, in ascending key order (missing last).
    package var keys: [Scalar]
    /// The row indices of each group, in row order.
    package var rows: [[Int]]

    package init(by column: Column) {
        let order = RowOrder.stableOrder(keys: [column], descending: [false])
        var keys: [Scalar] = []
        var rows: [[Int]] = []
        var last: KeyPart?
        for i in order {
            let scalar = column[i]
            let part = KeyPart(scalar)
            if part != last {
                keys.append(scalar)
                rows.append([])
                last = part
            }
            rows[rows.count - 1].append(i)
        }
        self.keys = keys
        self.rows = rows
    }
}
