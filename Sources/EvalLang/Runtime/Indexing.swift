import EvalData

/// `x[i]`, `x[mask]`, `t["name"]` and `t[["a", "b"]]` (SPEC §4).
enum Indexing {
    static func index(_ base: Value, by key: Value, baseName: String?, span: SourceSpan) throws(RuntimeError) -> Value {
        if case .remote(let remote) = base {
            return try RemoteExpressions.index(remote, by: key, baseName: baseName, span: span)
        }
        switch (base, key) {
        case (.table(let t), .string(let name)):
            guard let c = t.column(named: name) else {
                throw .unknownColumn(name, table: baseName, candidates: t.names, span)
            }
            return .column(c)
        case (.table(let t), .list(let items))
        where items.allSatisfy({ if case .string = $0 { true } else { false } }) && !items.isEmpty:
            var names: [String] = []
            for case .string(let name) in items {
                guard t.index(of: name) != nil else {
                    throw .unknownColumn(name, table: baseName, candidates: t.names, span)
                }
                names.append(name)
            }
            return .table(t.selecting(names))
        case (.table(let t), .number(let x)):
            let i = try position(x, count: t.rowCount, span: span)
            var record = Record()
            for (name, column) in zip(t.names, t.columns) { record[name] = Coerce.value(column[i]) }
            return .record(record)
        case (.table(let t), _):
            let mask = try self.mask(key, count: t.rowCount, span: span)
            return .table(t.filtering(mask))
        case (.column(let c), .number(let x)):
            return Coerce.value(c[try position(x, count: c.count, span: span)])
        case (.column(let c), _):
            return .column(c.filtering(try mask(key, count: c.count, span: span)))
        case (.list(let items), .number(let x)):
            return items[try position(x, count: items.count, span: span)]
        case (.list(let items), _):
            let m = try mask(key, count: items.count, span: span)
            return .list(items.indices.filter { m[$0] }.map { items[$0] })
        case (.record(let r), .string(let name)):
            guard let v = r[name] else { throw .unknownField(name, candidates: Array(r.fields.keys), span) }
            return v
        default:
            throw .invalidArgument(
                "cannot index a \(base.typeName) with a \(key.typeName)", span,
                help:
                    "tables take a column name, a list of names or a bool mask; columns and lists take a position or a mask"
            )
        }
    }

    /// A 0-based position, checked against `count`.
    static func position(_ x: Double, count: Int, span: SourceSpan) throws(RuntimeError) -> Int {
        guard x == x.rounded(), abs(x) < 1e15 else {
            throw .invalidArgument("an index must be a whole number, not \(NumberFormat.human(x))", span)
        }
        let i = Int(x)
        guard i >= 0, i < count else { throw .indexOutOfRange(i, count: count, span) }
        return i
    }

    /// A bool mask of length `count`; missing entries select nothing.
    static func mask(_ key: Value, count: Int, span: SourceSpan) throws(RuntimeError) -> [Bool] {
        let column = try Coerce.column(key, what: "the index", span: span)
        guard column.type == .bool, let bools = column.bools else {
            throw .wrongType(
                what: "a row mask", expected: "a bool column", found: "a \(column.type.rawValue) column", span)
        }
        guard column.count == count else {
            throw .lengthMismatch("the mask", column.count, "the indexed value", count, span)
        }
        return (0..<count).map { bools[$0] && !column.isMissing($0) }
    }
}
