import EvalData
import EvalMetrics
import OrderedCollections

/// Grouping and summaries: `by`, `describe`, `value_counts`, `unique`.
enum TableGroup {
    static func by(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let t = try args.table("t")
        let keyName = try args.string("key")
        let fn = try args.function("fn")
        guard let key = t.column(named: keyName) else {
            throw .unknownColumn(keyName, table: nil, candidates: t.names, args.span("key"))
        }
        let groups = Groups(by: key)
        let overall = try args.bool("overall", default: false)
        var rows: [OrderedDictionary<String, Value>] = []
        // With `overall: true` the function also runs on the whole table, as a last row.
        let parts = groups.rows.map { Optional($0) } + (overall ? [nil] : [])
        for members in parts {
            let result = try interpreter.call(fn, [.table(members.map { t.gathering($0) } ?? t)], span: args.span("fn"))
            switch result {
            case .record(let r): rows.append(r.fields)
            case .number, .bool, .string, .null: rows.append(["value": result])
            default:
                throw .wrongType(
                    what: "the result of the function given to `by`", expected: "a record of scalars or a scalar",
                    found: result.typeName, args.span("fn"))
            }
        }
        var out = Table()
        do {
            if overall {
                // The key becomes text so the overall row can say "all".
                let labels = groups.keys.map { Value.cellText($0) } + ["all"]
                try out.append(name: keyName, column: Column(strings: labels))
            } else {
                try out.append(name: keyName, column: key.gathering(groups.rows.map { $0[0] }))
            }
            var fieldNames: [String] = []
            for row in rows { for name in row.keys where !fieldNames.contains(name) { fieldNames.append(name) } }
            for name in fieldNames where name != keyName {
                let values = rows.map { $0[name] ?? .null }
                let column = try Coerce.column(
                    fromList: values, what: "field `\(name)` of the groups' results", span: args.span("fn"))
                try out.append(name: name, column: column)
            }
        } catch let error as TableError {
            throw TableBuiltins.tableError(error, span: args.callSpan)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw .invalidArgument("cannot build the grouped table", args.callSpan)
        }
        return .table(out)
    }

    /// Present numbers of a number or bool column (bools as 0/1).
    static func presentNumbers(_ c: Column) -> [Double]? {
        switch c.storage {
        case .number(let v): return c.hasMissing ? v.indices.compactMap { c.isMissing($0) ? nil : v[$0] } : v
        case .bool(let v): return v.indices.compactMap { c.isMissing($0) ? nil : (v[$0] ? 1 : 0) }
        case .string: return nil
        }
    }

    static func describe(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        if case .model(let model)? = args.value("x") { return ModelBuiltins.describe(model) }
        let t: Table
        if case .table(let table)? = args.value("x") {
            t = table
        } else {
            t = (try? Table(names: ["x"], columns: [try args.column("x")])) ?? Table()
        }
        var stats: [String: [Double?]] = [:]
        let statNames = ["mean", "std", "min", "median", "max"]
        var distinct: [Double] = []
        for c in t.columns {
            let present = c.type == .number ? presentNumbers(c) : nil
            let values: [Double?] = [
                present.flatMap(Descriptive.mean), present.flatMap { Descriptive.std($0) },
                present.flatMap(Descriptive.min), present.flatMap(Descriptive.median), present.flatMap(Descriptive.max),
            ]
            for (name, v) in zip(statNames, values) { stats[name, default: []].append(v) }
            distinct.append(Double(Set((0..<c.count).compactMap { c.isMissing($0) ? nil : KeyPart(c[$0]) }).count))
        }
        var out = Table()
        do throws(TableError) {
            try out.append(name: "column", column: Column(strings: t.names))
            try out.append(name: "type", column: Column(strings: t.columns.map { $0.type.rawValue }))
            try out.append(name: "count", column: Column(numbers: t.columns.map { Double($0.count - $0.missingCount) }))
            try out.append(name: "missing", column: Column(numbers: t.columns.map { Double($0.missingCount) }))
            try out.append(name: "distinct", column: Column(numbers: distinct))
            for name in statNames { try out.append(name: name, column: Column(optionalNumbers: stats[name] ?? [])) }
        } catch { throw TableBuiltins.tableError(error, span: args.callSpan) }
        return .table(out)
    }

    static func valueCounts(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let c = try args.column("x")
        let groups = Groups(by: c)
        var entries = zip(groups.keys, groups.rows.map(\.count)).filter { $0.0 != .missing }.enumerated().map {
            ($0.offset, $0.element)
        }
        entries.sort { $0.1.1 != $1.1.1 ? $0.1.1 > $1.1.1 : $0.0 < $1.0 }
        let firsts = entries.map { groups.rows[$0.0][0] }
        var out = Table()
        do throws(TableError) {
            try out.append(name: "value", column: c.gathering(firsts))
            try out.append(name: "count", column: Column(numbers: entries.map { Double($0.1.1) }))
        } catch { throw TableBuiltins.tableError(error, span: args.callSpan) }
        return .table(out)
    }

    static func unique(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let c = try args.column("x")
        let groups = Groups(by: c)
        let firsts = zip(groups.keys, groups.rows).filter { $0.0 != .missing }.map { $0.1[0] }
        return .column(c.gathering(firsts))
    }
}
