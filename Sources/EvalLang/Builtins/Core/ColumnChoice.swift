import EvalData

/// Builtins that choose or classify values: `where`, `fill_missing`, `bucket`, `argmax`.
enum ColumnChoice {
    static func whereBody(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let cond = try Operators.operand(args.value("cond") ?? .null, side: "cond", span: args.span("cond"))
        let a = try Operators.operand(args.value("a") ?? .null, side: "a", span: args.span("a"))
        let b = try Operators.operand(args.value("b") ?? .null, side: "b", span: args.span("b"))
        if let t = cond.type(0), t != .bool {
            throw .wrongType(
                what: "`cond` of `where`", expected: "a bool or bool column", found: cond.typeName, args.span("cond"))
        }
        if let ta = a.type(0), let tb = b.type(0), ta != tb {
            throw .invalidArgument(
                "`where` needs a and b of one type, not \(a.typeName) and \(b.typeName)", args.callSpan)
        }
        let n1 = try Operators.length(cond, a, span: args.callSpan)
        let n2 = try Operators.length(cond, b, span: args.callSpan)
        let n3 = try Operators.length(a, b, span: args.callSpan)
        guard let n = n1 ?? n2 ?? n3 else {
            guard case .bool(let c) = cond.element(0) else { return .null }
            return Coerce.value(c ? a.element(0) : b.element(0))
        }
        var values: [Value] = []
        values.reserveCapacity(n)
        for i in 0..<n {
            guard case .bool(let c) = cond.element(i) else { values.append(.null); continue }
            values.append(Coerce.value(c ? a.element(i) : b.element(i)))
        }
        return .column(try Coerce.column(fromList: values, what: "the result of `where`", span: args.callSpan))
    }

    static func fillMissing(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        if case .null? = args.value("x") { return args.value("value") ?? .null }
        let c = try args.column("x")
        let fill = args.value("value") ?? .null
        let fillType: ColumnType? =
            switch fill {
            case .number: .number
            case .bool: .bool
            case .string: .string
            default: nil
            }
        if let fillType, fillType != c.type, c.missingCount < c.count {
            throw .invalidArgument("the fill value must be a \(c.type.rawValue), like the column", args.span("value"))
        }
        var values = Coerce.values(c)
        for i in values.indices where c.isMissing(i) { values[i] = fill }
        return .column(try Coerce.column(fromList: values, what: "the filled column", span: args.span("value")))
    }

    static func bucket(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let edges = try args.numberColumn("edges")
        let e = edges.numbers ?? []
        guard !edges.hasMissing, zip(e, e.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidArgument("`edges` must be strictly ascending numbers", args.span("edges"))
        }
        // Binary search: the number of edges ≤ x (numpy.digitize, right=False).
        func classOf(_ x: Double) -> Double {
            var lo = 0, hi = e.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if e[mid] <= x { lo = mid + 1 } else { hi = mid }
            }
            return Double(lo)
        }
        if case .number(let x)? = args.value("x") { return .number(classOf(x)) }
        let c = try args.numberColumn("x")
        return .column(Column(numbers: (c.numbers ?? []).map(classOf), missing: c.missing))
    }

    static func argmax(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        guard case .table(let t)? = args.value("P") else {
            if args.has("classes") {
                throw .invalidArgument(
                    "`classes` of `argmax` names the columns of a probability table, and `P` is not a table",
                    args.span("classes"))
            }
            let c = try args.numberColumn("P")
            let v = c.numbers ?? []
            var best: Int?
            for i in v.indices where !c.isMissing(i) && (best.map { v[i] > v[$0] } ?? true) { best = i }
            return best.map { .number(Double($0)) } ?? .null
        }
        var columns: [[Double]] = []
        for (name, c) in zip(t.names, t.columns) {
            guard let v = c.numbers else {
                throw .wrongType(
                    what: "column `\(name)` of the probability table", expected: "numbers", found: c.type.rawValue,
                    args.span("P"))
            }
            columns.append(v)
        }
        // Column names 0..k-1 are numeric classes; otherwise the names are the classes.
        let numeric = t.names.enumerated().allSatisfy { $0.element == String($0.offset) }
        var best = [Int?](repeating: nil, count: t.rowCount)
        for row in 0..<t.rowCount {
            var b: Int?
            for k in columns.indices where !columns[k][row].isNaN {
                if b.map({ columns[k][row] > columns[$0][row] }) ?? true { b = k }
            }
            best[row] = b
        }
        if args.has("classes") {
            return try named(best, classes: args, columns: t.columnCount)
        }
        if numeric { return .column(Column(optionalNumbers: best.map { $0.map(Double.init) })) }
        return .column(Column(strings: best.map { $0.map { t.names[$0] } }))
    }

    /// The best columns as the classes `classes:` lists in column order: a number column
    /// for numbers, a string column for strings.
    private static func named(_ best: [Int?], classes args: Arguments, columns: Int) throws(RuntimeError) -> Value {
        guard case .list(let items)? = args.value("classes") else {
            throw .wrongType(
                what: "`classes` of `argmax`", expected: "a list of class names or numbers",
                found: args.value("classes")?.typeName ?? "nothing", args.span("classes"))
        }
        guard items.count == columns else {
            throw .invalidArgument(
                "`classes` names \(items.count) class\(items.count == 1 ? "" : "es") but `P` has \(columns) columns",
                args.span("classes"))
        }
        var numbers: [Double] = [], strings: [String] = []
        for item in items {
            switch item {
            case .number(let x): numbers.append(x)
            case .string(let s): strings.append(s)
            default:
                throw .wrongType(
                    what: "each of `classes`", expected: "a string or a number", found: item.typeName,
                    args.span("classes"))
            }
        }
        if numbers.count == columns { return .column(Column(optionalNumbers: best.map { $0.map { numbers[$0] } })) }
        guard strings.count == columns else {
            throw .invalidArgument(
                "`classes` must be all strings or all numbers, not a mix", args.span("classes"))
        }
        return .column(Column(strings: best.map { $0.map { strings[$0] } }))
    }
}
