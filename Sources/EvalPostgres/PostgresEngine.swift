import EvalData
import EvalSQL
import Foundation
import PostgresNIO
import Synchronization

/// A read-only PostgreSQL session through postgres-nio: the transport behind
/// `connect("NAME")` for `postgresql://` URLs.
///
/// The session is read-only twice over: `default_transaction_read_only` and the session
/// characteristics are set when it opens, and every statement runs in its own
/// `BEGIN TRANSACTION READ ONLY … ROLLBACK`, so not even a statement that changes the
/// session's settings can make a later one write.
package final class PostgresEngine: SQLEngine {
    package let info: EngineInfo
    package var dialect: any SQLDialect { PostgreSQLDialect() }
    private let connection: PostgresConnection
    private let user: String
    /// Kept only to scrub it from error texts; never shown, recorded or logged.
    private let password: String?
    private let isClosed = Atomic<Bool>(false)
    private static let logger: Logger = {
        var logger = Logger(label: "evalbook.postgres")
        logger.logLevel = .critical
        return logger
    }()

    private init(info: EngineInfo, connection: PostgresConnection, user: String, password: String?) {
        self.info = info
        self.connection = connection
        self.user = user
        self.password = password
    }

    /// Connects to `url` with the password from PGPASSWORD or ~/.pgpass, and makes the
    /// session read-only with the URL's statement timeout.
    package static func connect(
        _ url: ConnectionURL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SQLError) -> PostgresEngine {
        let password = PgPass.password(
            for: (url.host, url.port, url.database, url.user), environment: environment)
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database,
            tls: .disable)
        let logger = Self.logger
        let connection: PostgresConnection
        do {
            connection = try Blocking.run {
                try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            }
        } catch {
            throw PostgresErrors.map(
                error, phase: .connect, user: url.user, address: url.address, password: password)
        }
        var setup = [
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            "SET default_transaction_read_only = on",
            "SET application_name = 'evalbook'",
        ]
        if let timeout = url.statementTimeout { setup.append("SET statement_timeout = \(timeout)") }
        let statements = setup
        let version: String
        do {
            version = try Blocking.run {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let rows = try await connection.query("SHOW server_version", logger: logger)
                for try await row in rows { return try row.decode(String.self) }
                return "unknown"
            }
        } catch {
            _ = try? Blocking.run { try await connection.close() }
            throw PostgresErrors.map(error, phase: .connect, user: url.user, address: url.address, password: password)
        }
        let info = EngineInfo(
            engine: "PostgreSQL", serverVersion: version, database: url.database, address: url.address)
        return PostgresEngine(info: info, connection: connection, user: url.user, password: password)
    }

    package func run(_ statement: SQLStatement) throws(SQLError) -> Table {
        guard !isClosed.load(ordering: .acquiring) else { throw .closed }
        var binds = PostgresBindings(capacity: statement.binds.count)
        for bind in statement.binds {
            switch bind {
            case .number(let x): binds.append(x)
            case .text(let s): binds.append(s)
            case .bool(let b): binds.append(b)
            case .integer(let n): binds.append(Int64(n))
            }
        }
        let query = PostgresQuery(unsafeSQL: statement.text, binds: binds)
        let connection = self.connection
        let logger = Self.logger
        do {
            return try Blocking.run {
                try await connection.query("BEGIN TRANSACTION READ ONLY", logger: logger)
                do {
                    let rows = try await connection.query(query, logger: logger)
                    let table = try await PostgresDecoding.table(rows)
                    try await connection.query("ROLLBACK", logger: logger)
                    return table
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.map(error, phase: .query, user: user, address: info.address, password: password)
        }
    }

    package func columns(ofTable table: String) throws(SQLError) -> [RelationColumn]? {
        // The first schema on the search path that has the table, as an unqualified name resolves.
        let reply = try run(
            SQLStatement(
                """
                SELECT c.column_name AS name, c.data_type AS type FROM information_schema.columns c
                WHERE c.table_name = $1 AND c.table_schema = (
                  SELECT s FROM unnest(current_schemas(false)) WITH ORDINALITY AS p(s, i)
                  WHERE EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = p.s AND t.table_name = $1)
                  ORDER BY i LIMIT 1)
                ORDER BY c.ordinal_position
                """, binds: [.text(table)]))
        let names = reply.column(named: "name")?.strings ?? []
        let types = reply.column(named: "type")?.strings ?? []
        guard !names.isEmpty else { return nil }
        return zip(names, types).map { name, type in
            let engineType = type ?? "unknown"
            return RelationColumn(
                name: name ?? "", type: PostgresDecoding.columnType(named: engineType), engineType: engineType)
        }
    }

    package func columns(ofQuery sql: String) throws(SQLError) -> [RelationColumn] {
        let relation = Relation(source: .query(sql), columns: [])
        let statement = SQLBuilder.shape(of: relation, dialect: dialect)
        let query = PostgresQuery(unsafeSQL: statement.text)
        let connection = self.connection
        let logger = Self.logger
        do {
            return try Blocking.run {
                try await connection.query("BEGIN TRANSACTION READ ONLY", logger: logger)
                do {
                    let rows = try await connection.query(query, logger: logger)
                    let columns = rows.columns.map { column in
                        let name = column.dataType.knownSQLName?.lowercased() ?? "unknown"
                        return RelationColumn(
                            name: column.name, type: PostgresDecoding.columnType(of: column.dataType), engineType: name)
                    }
                    for try await _ in rows {}
                    try await connection.query("ROLLBACK", logger: logger)
                    return columns
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.map(error, phase: .query, user: user, address: info.address, password: password)
        }
    }

    package func tableNames() throws(SQLError) -> [String] {
        let reply = try run(
            SQLStatement(
                """
                SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = ANY (current_schemas(false)) ORDER BY 1
                """))
        return (reply.column(named: "name")?.strings ?? []).compactMap { $0 }
    }

    /// A session dropped without `close()` (a test's interpreter, an interrupted run) is
    /// closed here, so its connection never outlives it; the wait happens off the event
    /// loop only, as NIO requires.
    deinit {
        if !isClosed.exchange(true, ordering: .acquiringAndReleasing) {
            let closing: EventLoopFuture<Void> = connection.close()
            if !connection.eventLoop.inEventLoop { try? closing.wait() }
        }
    }

    package func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let connection = self.connection
        _ = try? Blocking.run { try await connection.close() }
    }
}

/// Opens PostgreSQL connections for `postgresql://` URLs: the connector the executable
/// hands to `Connections`.
package enum PostgresConnector {
    package static let connect: Connector = { _, url throws(SQLError) in try PostgresEngine.connect(url) }
}
