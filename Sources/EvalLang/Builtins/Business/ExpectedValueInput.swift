import EvalData
import EvalMetrics

/// `expected_value(y, yhat, matrix)`: class labels placed on the rows and columns of a
/// payoff matrix.
///
/// The matrix is a list of k lists of k numbers, or a table of k rows and k numeric
/// columns; row i is true class i, column j predicted class j. Which label is class i:
/// the `classes:` list when given; for string labels and a table, the table's column
/// names; for numbers, the label itself (0 to k − 1); for bools, false 0 and true 1.
enum ExpectedValueInput {
    static func evaluate(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let (matrix, k, columnNames) = try readMatrix(args)
        let classNames: [String]?
        if args.has("classes") {
            classNames = try classList(args)
            guard classNames?.count == k else {
                throw .invalidArgument(
                    "`classes` names \(classNames?.count ?? 0) classes but the matrix is \(k) × \(k)",
                    args.span("classes"))
            }
        } else {
            classNames = columnNames
        }
        let y = try codes(args, "y", k: k, classNames: classNames)
        let yhat = try codes(args, "yhat", k: k, classNames: classNames)
        try MetricInputs.sameLength(args, "yhat", yhat.count, y.count)
        let weights = try MetricInputs.weights(args, count: y.count)
        func run(_ rows: [Int]?, group: String? = nil) throws(RuntimeError) -> Double? {
            let a = ByGroups.pick(y, rows), b = ByGroups.pick(yhat, rows), w = weights.map { ByGroups.pick($0, rows) }
            let result = try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.expectedValue(a, b, classes: k, matrix: matrix, weights: w)
            }
            if let warning = result.warning { interpreter.warn(warning, args, group: group) }
            return result.value
        }
        guard args.has("by") else { return try run(nil).map(Value.number) ?? .null }
        return try ByGroups.table(args, count: y.count) { rows, label throws(RuntimeError) in
            try run(rows, group: rows == nil ? nil : label)
        }
    }

    /// The matrix, row-major, its size, and a table's column names (nil for lists).
    static func readMatrix(_ args: Arguments) throws(RuntimeError) -> ([Double], Int, [String]?) {
        let span = args.span("matrix")
        switch args.value("matrix") {
        case .list(let rows)?:
            var values: [Double] = []
            for row in rows {
                guard case .list(let cells) = row, cells.count == rows.count else {
                    throw .invalidArgument(
                        "`matrix` must be square: \(rows.count) lists of \(rows.count) numbers (rows true class, columns predicted)",
                        span)
                }
                for cell in cells {
                    guard case .number(let x) = cell, x.isFinite else {
                        throw .invalidArgument("`matrix` must hold finite numbers, not \(cell.typeName)", span)
                    }
                    values.append(x)
                }
            }
            guard !rows.isEmpty else { throw .invalidArgument("`matrix` is empty", span) }
            return (values, rows.count, nil)
        case .table(let t)?:
            guard t.rowCount == t.columnCount, t.rowCount > 0 else {
                throw .invalidArgument(
                    "`matrix` must be square, but the table is \(t.rowCount) × \(t.columnCount)", span)
            }
            var values = [Double](repeating: 0, count: t.rowCount * t.rowCount)
            for (j, column) in t.columns.enumerated() {
                guard let numbers = column.numbers, !column.hasMissing else {
                    throw .invalidArgument(
                        "column `\(t.names[j])` of `matrix` must hold numbers with no missing values", span)
                }
                for i in 0..<t.rowCount { values[i * t.rowCount + j] = numbers[i] }
            }
            return (values, t.rowCount, t.names)
        case let other:
            throw .wrongType(
                what: "`matrix` of `expected_value`", expected: "a list of lists or a table",
                found: other?.typeName ?? "nothing", span)
        }
    }

    static func classList(_ args: Arguments) throws(RuntimeError) -> [String] {
        guard case .list(let items)? = args.value("classes") else {
            throw .wrongType(
                what: "`classes` of `expected_value`", expected: "a list",
                found: args.value("classes")?.typeName ?? "nothing", args.span("classes"))
        }
        return items.map { item in
            switch item {
            case .string(let s): s
            case .number(let x): NumberFormat.human(x)
            case .bool(let b): b ? "true" : "false"
            default: item.typeName
            }
        }
    }

    /// Class positions of the labels in argument `name`.
    static func codes(_ args: Arguments, _ name: String, k: Int, classNames: [String]?) throws(RuntimeError) -> [Int] {
        let column = try MetricInputs.complete(args, name)
        if let classNames {
            var position: [String: Int] = [:]
            for (i, c) in classNames.enumerated() where position[c] == nil { position[c] = i }
            var out: [Int] = []
            out.reserveCapacity(column.count)
            for i in 0..<column.count {
                let label = Value.cellText(column[i])
                guard let code = position[label] else {
                    throw .invalidArgument(
                        "row \(i) of `\(name)` is \(label), which is not one of the classes ("
                            + classNames.prefix(8).joined(separator: ", ") + ")",
                        args.span(name))
                }
                out.append(code)
            }
            return out
        }
        switch column.storage {
        case .bool(let v):
            guard k == 2 else {
                throw .invalidArgument("`\(name)` holds bools but the matrix is \(k) × \(k)", args.span(name))
            }
            return v.map { $0 ? 1 : 0 }
        case .number(let v):
            if let i = v.firstIndex(where: { !($0 >= 0 && $0 < Double(k) && $0 == $0.rounded()) }) {
                throw .invalidArgument(
                    "row \(i) of `\(name)` is \(NumberFormat.human(v[i])), which is not a class of the \(k) × \(k) matrix (0 to \(k - 1))",
                    args.span(name), help: "name the classes in matrix order with `classes:`")
            }
            return v.map { Int($0) }
        case .string:
            throw .invalidArgument(
                "`\(name)` holds string labels; say which row of the matrix each is", args.span(name),
                help: "give `classes:` in matrix order, or the matrix as a table whose column names are the classes")
        }
    }
}
