import EvalData

/// What a connected engine is, for displays and the manifest; never a credential.
package struct EngineInfo: Sendable, Hashable {
    /// `PostgreSQL`, `Spark`.
    package var engine: String
    /// As the server reports it: `15.18 (Debian 15.18-0+deb12u1)`.
    package var serverVersion: String
    /// The database (or catalog) connected to.
    package var database: String
    /// `host:port`, without the user or any password.
    package var address: String

    package init(engine: String, serverVersion: String, database: String, address: String) {
        self.engine = engine
        self.serverVersion = serverVersion
        self.database = database
        self.address = address
    }
}

/// A connected, read-only SQL engine: what the language needs of any engine.
///
/// PostgreSQL is the first, Spark the next. Only the transports (EvalPostgres, a Spark module) implement it, so
/// nothing above them links a network library.
///
/// Calls block the calling thread until the engine answers, and are made from the
/// interpreter's worker thread, never from an event loop.
package protocol SQLEngine: Sendable {
    var info: EngineInfo { get }
    var dialect: any SQLDialect { get }

    /// Runs one read-only statement and returns its rows as typed columns named as the
    /// statement names them (numbers of any width as numbers, booleans as bools, text as
    /// strings; other types are refused with `SQLError.unsupportedType`).
    func run(_ statement: SQLStatement) throws(SQLError) -> Table

    /// The columns of `table`, or nil when the database has no such table.
    func columns(ofTable table: String) throws(SQLError) -> [RelationColumn]?

    /// The columns a query's result would have, without running it for its rows.
    func columns(ofQuery sql: String) throws(SQLError) -> [RelationColumn]

    /// The tables a notebook could name, for "did you mean".
    func tableNames() throws(SQLError) -> [String]

    /// Ends the session; later calls fail with `SQLError.closed`.
    func close()
}
