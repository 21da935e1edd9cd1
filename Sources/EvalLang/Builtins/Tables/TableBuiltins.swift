import EvalData

/// Selecting, filtering, ordering, joining and grouping tables.
enum TableBuiltins {
    static let family = Family.tables

    static let all: [Builtin] = [
        Builtin(
            "select", family: family, [.required("t"), .variadic("names")],
            doc: "The named columns of a table, in the order given.",
            example: #"select(test, "actual_minutes", "predicted_minutes")"#
        ) { _, args throws(RuntimeError) in
            let t = try args.table("t")
            let names = try columnNames(args, in: t)
            return .table(t.selecting(names))
        },
        Builtin(
            "drop", family: family, [.required("t"), .variadic("names")],
            doc: "A table without the named columns.",
            example: #"drop(test, "order_id")"#
        ) { _, args throws(RuntimeError) in
            let t = try args.table("t")
            return .table(t.dropping(try columnNames(args, in: t)))
        },
        Builtin(
            "filter", family: family, [.required("t"), .required("mask")],
            doc: "The rows of a table where a bool column (or a function of the table giving one) is true.",
            example: "late = filter(test, t => t.actual_minutes > t.promised_minutes)"
        ) { interpreter, args throws(RuntimeError) in
            let t = try args.table("t")
            var mask = args.value("mask") ?? .null
            if case .function(let f) = mask { mask = try interpreter.call(f, [.table(t)], span: args.span("mask")) }
            return .table(t.filtering(try Indexing.mask(mask, count: t.rowCount, span: args.span("mask"))))
        },
        Builtin(
            "sort", family: family, [.required("x"), .option("by"), .option("descending")],
            doc: "Rows ordered by one or more columns (stable); a column or list sorts its values.",
            example: #"sort(test, by: ["city", "distance_km"], descending: [false, true])"#, body: TableBuiltins.sort),
        Builtin(
            "with", family: family, [.required("t"), .anyNamed("name")],
            doc:
                "A table with columns added or replaced; a value may be a column, a scalar, or a function of the table.",
            example: "test = with(test, error: t => t.actual_minutes - t.predicted_minutes)"
        ) { interpreter, args throws(RuntimeError) in
            var t = try args.table("t")
            for (name, item) in args.extraNamed {
                var value = item.value
                if case .function(let f) = value { value = try interpreter.call(f, [.table(t)], span: item.span) }
                let column = try columnValue(value, length: t.rowCount, what: "column `\(name)`", span: item.span)
                guard t.columnCount == 0 || column.count == t.rowCount else {
                    throw .lengthMismatch("column `\(name)`", column.count, "the table", t.rowCount, item.span)
                }
                do throws(TableError) { try t.set(name: name, column: column) } catch {
                    throw tableError(error, span: item.span)
                }
            }
            return .table(t)
        },
        Builtin(
            "join", family: family, [.required("a"), .required("b"), .option("on"), .option("how")],
            doc: "Rows of a matched with rows of b on key columns; how: \"inner\" (default) or \"left\".",
            example: #"join(orders, cities, on: "city", how: "left")"#, body: TableJoin.join),
        Builtin(
            "by", family: family, [.required("t"), .required("key"), .required("fn"), .option("overall")],
            doc:
                "One row per group of a key column, in ascending key order: the function's record (or number) for each group; overall: true adds an \"all\" row.",
            example: #"by(test, "city", g => {mae: mae(g.actual_minutes, g.predicted_minutes), n: nrow(g)})"#,
            body: TableGroup.by),
        Builtin(
            "describe", family: family, [.required("x")],
            doc:
                "A summary per column: type, count, missing, mean, std, min, median, max (or distinct values for strings); for a model, its format, objective, trees and features.",
            example: "describe(test)", body: TableGroup.describe),
        Builtin(
            "value_counts", family: family, [.required("x")],
            doc: "Each distinct value with its count, most frequent first (ties by value).",
            example: "value_counts(test.city)", body: TableGroup.valueCounts),
        Builtin(
            "unique", family: family, [.required("x")],
            doc: "The distinct values of a column, in ascending order (missing left out).",
            example: "unique(test.city)", body: TableGroup.unique),
    ]

    /// Column names from variadic arguments or one list, each checked against `t`.
    static func columnNames(_ args: Arguments, in t: Table) throws(RuntimeError) -> [String] {
        var names: [String] = []
        for item in args.rest {
            switch item.value {
            case .string(let s): names.append(s)
            case .list(let l):
                for case .string(let s) in l { names.append(s) }
            default:
                throw .wrongType(what: "a column name", expected: "a string", found: item.value.typeName, item.span)
            }
            for name in names where t.index(of: name) == nil {
                throw .unknownColumn(name, table: nil, candidates: t.names, item.span)
            }
        }
        return names
    }

    /// A column from a column, list or scalar (repeated `length` times).
    static func columnValue(_ value: Value, length: Int, what: String, span: SourceSpan) throws(RuntimeError) -> Column
    {
        switch value {
        case .number(let x): return Column(numbers: [Double](repeating: x, count: length))
        case .bool(let b): return Column(bools: [Bool](repeating: b, count: length))
        case .string(let s): return Column(strings: [String?](repeating: s, count: length))
        case .null: return Column(optionalNumbers: [Double?](repeating: nil, count: length))
        default: return try Coerce.column(value, what: what, span: span)
        }
    }

    static func tableError(_ error: TableError, span: SourceSpan) -> RuntimeError {
        switch error {
        case .lengthMismatch(let name, let count, let expected):
            .lengthMismatch("column `\(name)`", count, "the table", expected, span)
        case .duplicateName(let name): .invalidArgument("column `\(name)` is given twice", span)
        case .emptyName: .invalidArgument("a column needs a name", span)
        case .columnCountMismatch(let names, let columns):
            .invalidArgument("\(names) column names for \(columns) columns", span)
        }
    }

    private static func sort(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        if case .table? = args.value("x") {
        } else {
            let column = try args.column("x")
            let descending = try args.bool("descending", default: false)
            return .column(column.gathering(RowOrder.stableOrder(keys: [column], descending: [descending])))
        }
        do {
            let t = try args.table("x")
            guard args.has("by") else {
                throw .missingArgument("by", function: "sort", signature: "sort(t, by:, descending:)", args.callSpan)
            }
            let names = try args.strings("by")
            var keys: [Column] = []
            for name in names {
                guard let c = t.column(named: name) else {
                    throw .unknownColumn(name, table: nil, candidates: t.names, args.span("by"))
                }
                keys.append(c)
            }
            var descending = [Bool](repeating: false, count: keys.count)
            switch args.value("descending") {
            case .bool(let b)?: descending = [Bool](repeating: b, count: keys.count)
            case .list(let l)?:
                let flags = l.compactMap { if case .bool(let b) = $0 { b } else { nil } }
                guard flags.count == keys.count, flags.count == l.count else {
                    throw .invalidArgument(
                        "`descending` needs one flag per `by` column (\(keys.count))", args.span("descending"))
                }
                descending = flags
            case nil, .null?: break
            case let other?:
                throw .wrongType(
                    what: "`descending` of `sort`", expected: "a bool or list of bools", found: other.typeName,
                    args.span("descending"))
            }
            return .table(t.gathering(RowOrder.stableOrder(keys: keys, descending: descending)))
        }
    }
}
