import EvalData

/// The `by:` option shared by every scalar metric (SPEC §5): one row per group of
/// the key column, in ascending key order, plus an overall row, as a table
/// `group, <metric>, n`.
enum ByGroups {
    /// Calls `compute` with each group's row indices and label, then with `nil`
    /// (every row) and "all"; `count` is the number of rows the key must match.
    static func table(
        _ args: Arguments, count: Int, against first: String = "y",
        _ compute: (_ rows: [Int]?, _ label: String) throws(RuntimeError) -> Double?
    ) throws(RuntimeError) -> Value {
        let key = try args.column("by")
        try MetricInputs.sameLength(args, "by", key.count, count, against: first)
        let groups = Groups(by: key)
        var labels: [String] = [], values: [Double?] = [], counts: [Double] = []
        for (groupKey, rows) in zip(groups.keys, groups.rows) {
            let label = Value.cellText(groupKey)
            labels.append(label)
            values.append(try compute(rows, label))
            counts.append(Double(rows.count))
        }
        labels.append("all")
        values.append(try compute(nil, "all"))
        counts.append(Double(count))
        let table = try? Table(
            names: ["group", args.function, "n"],
            columns: [Column(strings: labels), Column(optionalNumbers: values), Column(numbers: counts)])
        return table.map(Value.table) ?? .null
    }

    /// One result table per group of the `by:` key (ascending key order) and then the
    /// overall one labelled "all", for results that are tables or records rather than
    /// numbers; the caller stacks them.
    static func parts(
        _ args: Arguments, count: Int, against first: String = "y",
        _ compute: (_ rows: [Int]?, _ label: String) throws(RuntimeError) -> Table?
    ) throws(RuntimeError) -> [(String, Table)] {
        let key = try args.column("by")
        try MetricInputs.sameLength(args, "by", key.count, count, against: first)
        let groups = Groups(by: key)
        var parts: [(String, Table)] = []
        for (groupKey, rows) in zip(groups.keys, groups.rows) {
            let label = Value.cellText(groupKey)
            if let table = try compute(rows, label) { parts.append((label, table)) }
        }
        if let table = try compute(nil, "all") { parts.append(("all", table)) }
        return parts
    }

    /// The elements of `values` at `rows`, or all of them.
    static func pick<T>(_ values: [T], _ rows: [Int]?) -> [T] {
        rows.map { r in r.map { values[$0] } } ?? values
    }
}
