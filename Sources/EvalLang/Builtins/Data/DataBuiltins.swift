import EvalData
import Foundation

/// Reading data and building tables, columns and sequences.
enum DataBuiltins {
    static let family = Family.data

    static let all: [Builtin] = [
        Builtin(
            "read_csv", family: family,
            [.required("path"), .option("columns"), .option("types"), .option("delimiter")],
            doc: "Read a CSV file (RFC 4180) into a table, inferring number, bool and string columns.",
            example:
                #"test = read_csv("notebooks/data/delivery_eta.csv", columns: ["actual_minutes", "predicted_minutes"])"#,
            body: readCSV),
        Builtin(
            "table", family: family, [.anyNamed("name")],
            doc: "Build a table from named columns or lists; scalars are repeated to the table's length.",
            example: "t = table(y: [1, 0, 1], p: [0.9, 0.2, 0.6])"
        ) { interpreter, args throws(RuntimeError) in
            var t = Table()
            let length =
                args.extraNamed.compactMap { entry -> Int? in
                    switch entry.item.value {
                    case .column(let c): c.count
                    case .list(let l): l.count
                    default: nil
                    }
                }.first ?? 1
            for (name, item) in args.extraNamed {
                let column = try TableBuiltins.columnValue(
                    item.value, length: length, what: "column `\(name)`", span: item.span)
                do throws(TableError) { try t.append(name: name, column: column) } catch {
                    throw TableBuiltins.tableError(error, span: item.span)
                }
            }
            return .table(t)
        },
        Builtin(
            "range", family: family, [.required("start"), .optional("stop"), .optional("step")],
            doc: "Numbers from start up to, not including, stop; range(n) counts 0 to n - 1.",
            example: "range(0, 10, 2)  # [0, 2, 4, 6, 8]"
        ) { _, args throws(RuntimeError) in
            var start = try args.number("start")
            var stop: Double
            if args.has("stop") { stop = try args.number("stop") } else { stop = start; start = 0 }
            let step = try args.number("step", default: 1)
            guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
                throw .invalidArgument("`range` needs finite bounds and a step other than 0", args.span("step"))
            }
            let steps = max(0, ((stop - start) / step).rounded(.up))
            guard steps <= 100_000_000 else {
                throw .invalidArgument(
                    "`range` would make \(NumberFormat.human(steps)) numbers; the limit is 100,000,000", args.callSpan)
            }
            let count = Int(steps)
            return .column(Column(numbers: (0..<count).map { start + Double($0) * step }))
        },
        Builtin(
            "linspace", family: family, [.required("start"), .required("stop"), .required("n")],
            doc: "n evenly spaced numbers from start to stop, both included.",
            example: "linspace(0, 1, 5)  # [0, 0.25, 0.5, 0.75, 1]"
        ) { _, args throws(RuntimeError) in
            let a = try args.number("start"), b = try args.number("stop")
            let n = try args.integer("n", in: 0...100_000_000)
            if n == 1 { return .column(Column(numbers: [a])) }
            let step = (b - a) / Double(max(1, n - 1))
            guard step.isFinite || !(a.isFinite && b.isFinite) else {
                // stop − start overflows (a range wider than the largest double): interpolate instead.
                let last = Double(max(1, n - 1))
                return .column(
                    Column(
                        numbers: (0..<n).map { $0 == n - 1 ? b : a * (1 - Double($0) / last) + b * (Double($0) / last) }
                    ))
            }
            return .column(Column(numbers: (0..<n).map { $0 == n - 1 ? b : a + Double($0) * step }))
        },
        Builtin(
            "map", family: family, [.required("xs"), .required("fn")],
            doc:
                "Apply a function to every item of a list or column, or every row of a table, in order (records of scalars come back as a table).",
            example: "map([1, 2, 3], x => x * 10)"
        ) { interpreter, args throws(RuntimeError) in
            let fn = try args.function("fn")
            let items: [Value]
            switch args.value("xs") {
            case .list(let l)?: items = l
            case .column(let c)?: items = Coerce.values(c)
            case .table(let t)?:
                // A table maps row by row, each row a record of its cells.
                items = (0..<t.rowCount).map { i in
                    var record = Record()
                    for (name, column) in zip(t.names, t.columns) { record[name] = Coerce.value(column[i]) }
                    return .record(record)
                }
            default:
                throw .wrongType(
                    what: "`xs` of `map`", expected: "a list, column or table",
                    found: args.value("xs")?.typeName ?? "nothing", args.span("xs"))
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try interpreter.call(fn, [item], span: args.callSpan)) }
            return simplify(out, span: args.callSpan)
        },
        Builtin(
            "head", family: family, [.required("x"), .optional("n")],
            doc: "The first n rows of a table, column or list (default 5).",
            example: "head(test, 10)"
        ) { _, args throws(RuntimeError) in
            try slice(args, fromEnd: false)
        },
        Builtin(
            "tail", family: family, [.required("x"), .optional("n")],
            doc: "The last n rows of a table, column or list (default 5).",
            example: "tail(test)"
        ) { _, args throws(RuntimeError) in
            try slice(args, fromEnd: true)
        },
        Builtin(
            "nrow", family: family, [.required("t")],
            doc: "The number of rows of a table (or length of a column or list).",
            example: "nrow(test)"
        ) { _, args throws(RuntimeError) in
            switch args.value("t") {
            case .table(let t)?: return .number(Double(t.rowCount))
            case .column(let c)?: return .number(Double(c.count))
            case .list(let l)?: return .number(Double(l.count))
            default: return .number(Double(try args.table("t").rowCount))
            }
        },
        Builtin(
            "ncol", family: family, [.required("t")],
            doc: "The number of columns of a table.",
            example: "ncol(test)"
        ) { _, args throws(RuntimeError) in
            .number(Double(try args.table("t").columnCount))
        },
        Builtin(
            "names", family: family, [.required("x")],
            doc: "The column names of a table, or the field names of a record, as a list.",
            example: "names(test)"
        ) { _, args throws(RuntimeError) in
            if case .record(let r)? = args.value("x") { return .list(r.fields.keys.map { .string($0) }) }
            return .list(try args.table("x").names.map { .string($0) })
        },
    ]

    /// A list of scalars of one type becomes a column; anything else stays a list.
    static func simplify(_ values: [Value], span: SourceSpan) -> Value {
        if let table = recordsTable(values, span: span) { return .table(table) }
        guard !values.isEmpty,
            values.allSatisfy({
                switch $0 {
                case .number, .bool, .string, .null: true
                default: false
                }
            })
        else { return .list(values) }
        return (try? Coerce.column(fromList: values, what: "the results", span: span)).map(Value.column)
            ?? .list(values)
    }

    /// Records of scalars become a table, one row per record (fields in first-seen
    /// order, a missing field null), so `map(alphas, a => {alpha: a, …})` is a table.
    static func recordsTable(_ values: [Value], span: SourceSpan) -> Table? {
        var rows: [Record] = []
        for value in values {
            guard case .record(let r) = value, !r.fields.isEmpty,
                r.fields.values.allSatisfy({
                    if case .number = $0 {
                        true
                    } else if case .string = $0 {
                        true
                    } else if case .bool = $0 {
                        true
                    } else if case .null = $0 {
                        true
                    } else {
                        false
                    }
                })
            else { return nil }
            rows.append(r)
        }
        guard !rows.isEmpty else { return nil }
        var names: [String] = []
        for row in rows { for name in row.fields.keys where !names.contains(name) { names.append(name) } }
        var out = Table()
        for name in names {
            guard
                let column = try? Coerce.column(
                    fromList: rows.map { $0[name] ?? .null }, what: "field `\(name)`", span: span),
                (try? out.append(name: name, column: column)) != nil
            else { return nil }
        }
        return out
    }

    private static func slice(_ args: Arguments, fromEnd: Bool) throws(RuntimeError) -> Value {
        let n = try args.integer("n", default: 5, in: 0...Int.max)
        func range(_ count: Int) -> Range<Int> {
            fromEnd ? max(0, count - n)..<count : 0..<min(n, count)
        }
        switch args.value("x") {
        case .table(let t)?: return .table(t.slice(range(t.rowCount)))
        case .column(let c)?: return .column(c.slice(range(c.count)))
        case .list(let l)?: return .list(Array(l[range(l.count)]))
        default:
            throw .wrongType(
                what: "`x` of `\(args.function)`", expected: "a table, column or list",
                found: args.value("x")?.typeName ?? "nothing", args.span("x"))
        }
    }

    static func readCSV(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let path = try args.string("path")
        var options = CSVOptions()
        options.threads = interpreter.session.threads
        if args.has("columns") { options.columns = try args.strings("columns") }
        if args.has("types") {
            guard case .record(let r)? = args.value("types") else {
                throw .wrongType(
                    what: "`types` of `read_csv`", expected: "a record such as {id: \"string\"}",
                    found: args.value("types")?.typeName ?? "nothing", args.span("types"))
            }
            for (name, value) in r.fields {
                guard case .string(let s) = value, let type = ColumnType(rawValue: s) else {
                    throw .invalidArgument(
                        "the type of `\(name)` must be \"number\", \"bool\" or \"string\"", args.span("types"))
                }
                options.types[name] = type
            }
        }
        if args.has("delimiter") {
            let d = try args.string("delimiter")
            guard d.utf8.count == 1, let byte = d.utf8.first, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n")
            else {
                throw .invalidArgument(
                    "`delimiter` must be one character such as \",\", \";\" or \"\\t\"", args.span("delimiter"))
            }
            options.delimiter = byte
        }
        let resolved = try interpreter.resolveReadable(path, span: args.span("path"))
        do {
            let table = try CSVReader.read(path: resolved, options: options)
            interpreter.session.recordInput(path: path, resolvedPath: resolved)
            return .table(table)
        } catch {
            // Name the file as the notebook wrote it, not by its resolved path.
            throw .data(DataFileError.csv(error).naming(path), args.span("path"))
        }
    }
}

extension Interpreter {
    /// The absolute path to read for `path` under the file policy of SPEC §9.
    package func resolveReadable(_ path: String, span: SourceSpan) throws(RuntimeError) -> String {
        switch session.files.resolve(path) {
        case .success(let resolved): return resolved
        case .failure(.notFound):
            throw .fileAccess(
                path: path, reason: "no such file", span,
                help: "paths are relative to the project root \(session.files.root)")
        case .failure(.notAFile):
            throw .fileAccess(path: path, reason: "it is a directory", span, help: nil)
        case .failure(.notRegularFile):
            throw .fileAccess(
                path: path, reason: "it is not a regular file (a pipe, device or socket)", span,
                help: "copy the data into a file first")
        case .failure(.outsideRoot(let resolved)):
            throw .fileAccess(
                path: path, reason: "\(resolved) is outside the project root", span,
                help: "notebooks read only under their project root; allow it with --allow-read \(resolved)")
        }
    }
}
