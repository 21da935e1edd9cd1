import EvalData
import EvalSQL

/// Connections and relations (SPEC §10): `connect`, `query`, `collect`; `db.table(…)`
/// is a member of a connection, and the table builtins take relations through
/// `RelationOverloads`.
enum WarehouseBuiltins {
    static let family = Family.data

    static let all: [Builtin] = [
        Builtin(
            "connect", family: family, [.required("name")],
            doc:
                "A read-only session of the connection NAME, defined by --connect NAME=URL or evalbook.toml (never in the notebook).",
            example: "db = connect(\"warehouse\")"
        ) { interpreter, args throws(RuntimeError) in
            let name = try args.string("name")
            guard let connections = interpreter.session.connections else {
                throw .sql(.unknownConnection(name, candidates: []), args.span("name"))
            }
            do throws(SQLError) {
                let engine = try connections.engine(named: name)
                return .remote(.connection(Connection(name: name, engine: engine)))
            } catch {
                throw .sql(error, args.span("name"))
            }
        },
        Builtin(
            "query", family: family, [.required("db"), .required("sql")],
            doc: "A relation of the rows of an explicit SQL query, which stay in the database.",
            example: "query(db, \"SELECT * FROM predictions WHERE day >= '2024-01-01'\")"
        ) { _, args throws(RuntimeError) in
            guard case .remote(.connection(let c))? = args.value("db") else {
                throw .wrongType(
                    what: "`db` of `query`", expected: "a connection", found: args.value("db")?.typeName ?? "nothing",
                    args.span("db"))
            }
            return try Warehouse.query(try args.string("sql"), of: c, span: args.callSpan)
        },
        Builtin(
            "collect", family: family, [.required("t"), .option("limit")],
            doc:
                "Pulls a relation's rows (or a relation column's values) into a local table; refused above limit: rows.",
            example: "local = collect(t[t.segment == \"EU\"], limit: 2000000)"
        ) { interpreter, args throws(RuntimeError) in
            let limit = try args.integer("limit", default: interpreter.session.collectLimit, in: 0...Int(Int32.max))
            switch args.value("t") {
            case .remote(.relation(let r))?:
                let n = try Warehouse.rowCount(r, span: args.callSpan, interpreter: &interpreter)
                guard n <= limit else { throw .relation(.tooManyRows(n, limit: limit), args.span("t")) }
                return .table(try Warehouse.pull(r, limit: nil, span: args.callSpan, interpreter: &interpreter))
            case .remote(.column(let c))?:
                let count = RelationValue(connection: c.connection, relation: c.relation)
                let n = try Warehouse.rowCount(count, span: args.callSpan, interpreter: &interpreter)
                guard n <= limit else { throw .relation(.tooManyRows(n, limit: limit), args.span("t")) }
                return .column(try Warehouse.pull(c, span: args.callSpan, interpreter: &interpreter))
            case .table(let t)?: return .table(t)
            case let other:
                throw .wrongType(
                    what: "`t` of `collect`", expected: "a relation", found: other?.typeName ?? "nothing",
                    args.span("t"))
            }
        },
    ]
}

/// The relation forms of builtins that also take local tables: the interpreter asks here
/// first whenever a call has a relation argument.
enum RelationOverloads {
    /// The relation form of `name`, when one of `args` is a relation value.
    static func body(of name: String, for args: Arguments) -> Builtin.Body? {
        let values = args.byName.values.map(\.value) + args.rest.map(\.value)
        guard values.contains(where: { if case .remote = $0 { true } else { false } }) else { return nil }
        if let table = tables[name] { return table }
        if ScorePushdown.builtins.contains(name) {
            return { interpreter, args throws(RuntimeError) in
                try ScorePushdown.call(name, args, interpreter: &interpreter)
            }
        }
        if name == "collect" || name == "query" { return nil }
        return { _, args throws(RuntimeError) in throw .relation(.notSupported(function: name), args.callSpan) }
    }

    static func relation(_ args: Arguments, _ name: String) throws(RuntimeError) -> RelationValue {
        guard case .remote(.relation(let r))? = args.value(name) else {
            throw .wrongType(
                what: "`\(name)` of `\(args.function)`", expected: "a relation",
                found: args.value(name)?.typeName ?? "nothing", args.span(name))
        }
        return r
    }

    static let tables: [String: Builtin.Body] = [
        "nrow": { interpreter, args throws(RuntimeError) in
            let r = try relation(args, "t")
            return .number(Double(try Warehouse.rowCount(r, span: args.callSpan, interpreter: &interpreter)))
        },
        "ncol": { _, args throws(RuntimeError) in .number(Double(try relation(args, "t").relation.visible.count)) },
        "names": { _, args throws(RuntimeError) in
            .list(try relation(args, "x").relation.visible.map(Value.string))
        },
        "head": { interpreter, args throws(RuntimeError) in
            let r = try relation(args, "x")
            let n = try args.integer("n", default: 5, in: 0...1_000_000)
            return .table(try Warehouse.pull(r, limit: n, span: args.callSpan, interpreter: &interpreter))
        },
        "select": { _, args throws(RuntimeError) in
            var r = try relation(args, "t")
            var names: [String] = []
            for item in args.rest {
                guard case .string(let name) = item.value else {
                    throw .wrongType(what: "a column name", expected: "a string", found: item.value.typeName, item.span)
                }
                guard r.relation.visible.contains(name) else {
                    throw .unknownColumn(name, table: nil, candidates: r.relation.visible, item.span)
                }
                names.append(name)
            }
            r.relation = r.relation.selecting(names)
            r.rowCount = nil
            return .remote(.relation(r))
        },
    ]
}
