import EvalData
import EvalSQL

/// The one way the language talks to an engine: run a statement, hash what came back,
/// and log both for the manifest.
enum Warehouse {
    /// Runs `statement` for `relation` on `connection`, recording it in the session.
    static func run(
        _ statement: SQLStatement, on connection: Connection, for relation: Relation, span: SourceSpan,
        interpreter: inout Interpreter
    ) throws(RuntimeError) -> Table {
        if Interruption.isRequested { throw .interrupted(span) }
        let reply: Table
        do { reply = try connection.engine.run(statement) } catch { throw .sql(error, span) }
        record(statement, reply, on: connection, for: relation, interpreter: &interpreter)
        return reply
    }

    /// Logs a statement and the digest of the statistic it returned.
    static func record(
        _ statement: SQLStatement, _ reply: Table, on connection: Connection, for relation: Relation,
        interpreter: inout Interpreter
    ) {
        let info = connection.engine.info
        interpreter.session.sqlLog.append(
            SQLExecution(
                connection: connection.name, engine: info.engine, serverVersion: info.serverVersion,
                database: info.database, relation: relation.label, sql: statement.recorded,
                sha256: StatisticDigest.sha256(reply)))
    }

    /// The relation's row count, counted in the engine.
    static func rowCount(_ value: RelationValue, span: SourceSpan, interpreter: inout Interpreter) throws(RuntimeError)
        -> Int
    {
        if let n = value.rowCount { return n }
        let statement = SQLBuilder.count(value.relation, dialect: value.connection.engine.dialect)
        let reply = try run(statement, on: value.connection, for: value.relation, span: span, interpreter: &interpreter)
        guard let x = reply.column(named: "n")?.numbers?.first, x >= 0, x < 1e15 else {
            throw .sql(.badReply(reason: "COUNT(*) gave no number", underlying: nil), span)
        }
        return Int(x)
    }

    /// A value about to be shown: a relation is counted first, so it displays its rows.
    static func resolvedForDisplay(_ value: Value, span: SourceSpan, interpreter: inout Interpreter)
        throws(RuntimeError) -> Value
    {
        guard case .remote(.relation(var r)) = value else { return value }
        r.rowCount = try rowCount(r, span: span, interpreter: &interpreter)
        return .remote(.relation(r))
    }

    /// The rows of a relation as a local table, at most `limit` when given.
    static func pull(_ value: RelationValue, limit: Int?, span: SourceSpan, interpreter: inout Interpreter)
        throws(RuntimeError) -> Table
    {
        let statement = SQLBuilder.rows(value.relation, limit: limit, dialect: value.connection.engine.dialect)
        return try run(statement, on: value.connection, for: value.relation, span: span, interpreter: &interpreter)
    }

    /// The values of a relation column as a local column.
    static func pull(_ column: RemoteColumn, span: SourceSpan, interpreter: inout Interpreter) throws(RuntimeError)
        -> Column
    {
        let statement = SQLBuilder.values(
            [column.expr], of: column.relation, limit: nil, dialect: column.connection.engine.dialect)
        let reply = try run(
            statement, on: column.connection, for: column.relation, span: span, interpreter: &interpreter)
        return reply.columns.first ?? Column(numbers: [])
    }

    /// `db.table("name")`: a relation of a catalog table, or the catalog's "did you mean".
    static func table(_ name: String, of connection: Connection, span: SourceSpan) throws(RuntimeError) -> Value {
        let columns: [RelationColumn]?
        do { columns = try connection.engine.columns(ofTable: name) } catch { throw .sql(error, span) }
        guard let columns else {
            let names: [String]
            do { names = try connection.engine.tableNames() } catch { throw .sql(error, span) }
            throw .sql(.unknownTable(name, candidates: names), span)
        }
        return .remote(
            .relation(RelationValue(connection: connection, relation: Relation(source: .table(name), columns: columns)))
        )
    }

    /// `query(db, "SELECT …")`: a relation of the query's result, its columns learnt without its rows.
    static func query(_ sql: String, of connection: Connection, span: SourceSpan) throws(RuntimeError) -> Value {
        let columns: [RelationColumn]
        do { columns = try connection.engine.columns(ofQuery: sql) } catch { throw .sql(error, span) }
        return .remote(
            .relation(RelationValue(connection: connection, relation: Relation(source: .query(sql), columns: columns))))
    }
}
