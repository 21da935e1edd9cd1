/// Where a named connection goes: `postgresql://user@host:port/database?statement_timeout=30000`.
///
/// The URL never holds a password (one that does is refused): the transport looks it up
/// in the engine's standard places (PGPASSWORD, ~/.pgpass), so notebooks, command lines
/// and reports never carry it.
package struct ConnectionURL: Sendable, Hashable {
    package var scheme: String
    package var user: String
    package var host: String
    package var port: Int
    package var database: String
    /// `statement_timeout` in milliseconds, when the URL sets one.
    package var statementTimeout: Int?

    package init(
        scheme: String, user: String, host: String, port: Int, database: String, statementTimeout: Int? = nil
    ) {
        self.scheme = scheme
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.statementTimeout = statementTimeout
    }

    /// `host:port`, for messages and the manifest.
    package var address: String { "\(host):\(port)" }

    /// Parses `text`; `connection` names it in errors, which never repeat the text.
    package static func parse(_ text: String, connection: String) throws(SQLError) -> ConnectionURL {
        func fail(_ reason: String) -> SQLError { .invalidURL(connection: connection, reason: reason) }
        guard let schemeEnd = text.range(of: "://") else {
            throw fail("it must look like postgresql://user@host:port/database")
        }
        let scheme = String(text[..<schemeEnd.lowerBound]).lowercased()
        guard scheme == "postgresql" || scheme == "postgres" else {
            throw fail("the scheme `\(scheme)` is not one Evalbook connects to (postgresql)")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var database = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            database = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        guard let at = rest.lastIndex(of: "@") else {
            throw fail("it names no user: write postgresql://USER@host:port/database")
        }
        let userInfo = rest[..<at]
        if userInfo.contains(":") { throw .passwordInURL(connection: connection) }
        let user = String(userInfo)
        var hostPort = rest[rest.index(after: at)...]
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":") {
            let digits = hostPort[hostPort.index(after: colon)...]
            guard let p = Int(digits), (1...65535).contains(p) else {
                throw fail("the port must be a number from 1 to 65535")
            }
            port = p
            hostPort = hostPort[..<colon]
        }
        guard !user.isEmpty else { throw fail("the user is empty") }
        guard !hostPort.isEmpty else { throw fail("the host is empty") }
        guard !database.isEmpty else { throw fail("it names no database: add /DATABASE after the host") }
        var url = ConnectionURL(
            scheme: "postgresql", user: user, host: String(hostPort), port: port, database: String(database))
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch key {
            case "statement_timeout":
                guard let ms = Int(value), ms >= 0 else {
                    throw fail("statement_timeout must be a whole number of milliseconds")
                }
                url.statementTimeout = ms
            case "password":
                throw .passwordInURL(connection: connection)
            default:
                throw fail("`\(key)` is not an option Evalbook knows (statement_timeout)")
            }
        }
        return url
    }

    /// The URL as it may be shown and recorded: no password, ever, since it has none.
    package var text: String {
        var out = "\(scheme)://\(user)@\(host):\(port)/\(database)"
        if let statementTimeout { out += "?statement_timeout=\(statementTimeout)" }
        return out
    }
}
