import Foundation

/// What went wrong talking to an engine, by phase, keeping the error underneath.
///
/// No case holds a password: the transports build these from the server's fields and
/// scrub the password out of any text they keep (`SQLError.redacting`). The words a
/// user reads are made in one place, EvalLang's `SQLWording`.
package enum SQLError: Error, Sendable {
    /// A connection name the notebook used that `--connect` and the connections file do not define.
    case unknownConnection(String, candidates: [String])
    /// A connection URL that cannot be used; `reason` says why, without repeating the URL.
    case invalidURL(connection: String, reason: String)
    /// A URL that carries a password, which belongs in PGPASSWORD or ~/.pgpass.
    case passwordInURL(connection: String)
    /// The connections file could not be read or parsed.
    case connectionsFile(path: String, line: Int?, reason: String)
    /// Nothing answered at `address`, or the connection dropped.
    case connectionFailed(address: String, reason: String, underlying: Underlying?)
    /// The server refused the user (wrong password, no password, no such role).
    case authenticationFailed(user: String, address: String, reason: String, underlying: Underlying?)
    /// No such table in the database; `candidates` are the catalog's tables.
    case unknownTable(String, candidates: [String])
    /// No such column in a relation; `candidates` are its columns.
    case unknownColumn(String, relation: String, candidates: [String])
    /// The statement ran longer than the session's `statement_timeout`.
    case timeout(milliseconds: Int?, underlying: Underlying?)
    /// The statement tried to write; sessions are read-only.
    case readOnly(reason: String, underlying: Underlying?)
    /// Any other error the server reported: its message, SQLSTATE and hint.
    case server(message: String, sqlState: String?, hint: String?, underlying: Underlying?)
    /// A result column of a type Evalbook cannot hold (number, bool and text are).
    case unsupportedType(column: String, engineType: String)
    /// A reply that could not be decoded.
    case badReply(reason: String, underlying: Underlying?)
    /// The connection was closed before the call.
    case closed

    /// An error kept as it was raised, for logs and tests; it is never printed.
    package struct Underlying: Sendable {
        package let error: any Error & Sendable

        package init(_ error: any Error & Sendable) {
            self.error = error
        }
    }
}

extension SQLError {
    /// `text` with every occurrence of `secret` replaced, so a server message that quotes
    /// a password (a mistyped URL, a bad option) cannot carry it into a report.
    package static func redacting(_ text: String, secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: "•••")
    }
}
