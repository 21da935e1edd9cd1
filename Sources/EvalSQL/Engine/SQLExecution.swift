/// One statement a run sent to an engine, for the manifest and replay: where it ran
/// (engine, server version, database, never a credential), for which relation, the
/// text with its bound values, and the SHA-256 of the statistic it returned.
package struct SQLExecution: Sendable, Equatable {
    /// The connection's name in the notebook (`warehouse`).
    package var connection: String
    package var engine: String
    package var serverVersion: String
    package var database: String
    /// The relation's table name, or `query`.
    package var relation: String
    /// The SQL text; bound values follow as a comment.
    package var sql: String
    package var sha256: String

    package init(
        connection: String, engine: String, serverVersion: String, database: String, relation: String, sql: String,
        sha256: String
    ) {
        self.connection = connection
        self.engine = engine
        self.serverVersion = serverVersion
        self.database = database
        self.relation = relation
        self.sql = sql
        self.sha256 = sha256
    }
}
