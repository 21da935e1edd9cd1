import EvalData

/// `join(a, b, on:, how:)`: a hash join that keeps a's row order.
enum TableJoin {
    /// The most rows a join may produce: beyond it a repeated key has made the result explode.
    static let maxRows = 50_000_000

    static func join(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let a = try args.table("a"), b = try args.table("b")
        let how = try args.choice("how", ["inner", "left"], default: "inner")
        let on: [String]
        if args.has("on") {
            on = try args.strings("on")
        } else {
            on = a.names.filter { b.index(of: $0) != nil }
            guard !on.isEmpty else {
                throw .invalidArgument(
                    "the tables share no column name to join on", args.callSpan, help: "name the key with `on:`")
            }
        }
        for name in on {
            if a.index(of: name) == nil { throw .unknownColumn(name, table: "a", candidates: a.names, args.span("on")) }
            if b.index(of: name) == nil { throw .unknownColumn(name, table: "b", candidates: b.names, args.span("on")) }
        }
        let aKeys = on.compactMap { a.column(named: $0) }
        let bKeys = on.compactMap { b.column(named: $0) }
        func key(_ columns: [Column], _ i: Int) -> [KeyPart] { columns.map { KeyPart($0[i]) } }

        var index: [[KeyPart]: [Int]] = [:]
        for j in 0..<b.rowCount {
            let k = key(bKeys, j)
            if k.contains(.missing) { continue }
            index[k, default: []].append(j)
        }
        // Count first: a key repeated on both sides multiplies rows, and the result must fit before it is built.
        var total = 0
        for i in 0..<a.rowCount {
            let k = key(aKeys, i)
            let matches = k.contains(.missing) ? 0 : index[k]?.count ?? 0
            total += matches == 0 ? (how == "left" ? 1 : 0) : matches
            if total > Self.maxRows { throw .limit(.joinRows(Self.maxRows), args.callSpan) }
        }
        var left: [Int] = []
        var right: [Int?] = []
        left.reserveCapacity(total)
        right.reserveCapacity(total)
        for i in 0..<a.rowCount {
            let k = key(aKeys, i)
            if !k.contains(.missing), let matches = index[k] {
                for j in matches {
                    left.append(i)
                    right.append(j)
                }
            } else if how == "left" {
                left.append(i)
                right.append(nil)
            }
        }
        var out = a.gathering(left)
        for (name, column) in zip(b.names, b.columns) where !on.contains(name) {
            let outName = out.index(of: name) == nil ? name : name + "_b"
            do throws(TableError) { try out.append(name: outName, column: gather(column, right)) } catch {
                throw TableBuiltins.tableError(error, span: args.callSpan)
            }
        }
        return .table(out)
    }

    /// Rows of `column` at `indices`; `nil` gives a missing value.
    private static func gather(_ column: Column, _ indices: [Int?]) -> Column {
        guard column.count > 0 else { return Column.allMissing(column.type, count: indices.count) }
        let present = column.gathering(indices.map { $0 ?? 0 })
        guard indices.contains(nil) else { return present }
        let missing = indices.indices.map { indices[$0] == nil || present.isMissing($0) }
        switch present.storage {
        case .number(let v): return Column(numbers: v, missing: missing)
        case .bool(let v): return Column(bools: v, missing: missing)
        case .string(let codes, let dictionary):
            return Column(
                codes: codes.indices.map { missing[$0] ? -1 : codes[$0] }, dictionary: dictionary, missing: missing)
        }
    }
}
