import EvalSQL
import PostgresNIO

/// Turns what postgres-nio and NIO raise into `SQLError`, by phase, keeping the original
/// underneath and scrubbing the password from every text kept.
enum PostgresErrors {
    static func map(
        _ error: any Error, phase: Phase, user: String, address: String, password: String?
    ) -> SQLError {
        if let e = error as? SQLError { return e }
        func clean(_ text: String) -> String { SQLError.redacting(text, secret: password) }
        if let psql = error as? PSQLError {
            let underlying = SQLError.Underlying(psql)
            if let info = psql.serverInfo {
                let message = clean(info[.message] ?? "the server refused the statement")
                let state = info[.sqlState]
                switch state {
                case "28P01", "28000":
                    return .authenticationFailed(user: user, address: address, reason: message, underlying: underlying)
                case "3D000":
                    return .connectionFailed(address: address, reason: message, underlying: underlying)
                case "57014":
                    return .timeout(milliseconds: nil, underlying: underlying)
                case "25006":
                    return .readOnly(reason: message, underlying: underlying)
                default:
                    return .server(
                        message: message, sqlState: state, hint: info[.hint].map(clean), underlying: underlying)
                }
            }
            switch psql.code {
            case .authMechanismRequiresPassword:
                return .authenticationFailed(
                    user: user, address: address,
                    reason: "the server asks for a password, and neither PGPASSWORD nor ~/.pgpass has one",
                    underlying: underlying)
            case .unsupportedAuthMechanism, .saslError:
                return .authenticationFailed(
                    user: user, address: address, reason: "the server's sign-in method is not supported",
                    underlying: underlying)
            case .queryCancelled:
                return .timeout(milliseconds: nil, underlying: underlying)
            case .clientClosedConnection:
                return .closed
            default:
                let text =
                    psql.underlying.map { clean(String(describing: $0)) } ?? "the connection failed (\(psql.code))"
                let reason = text.lowercased().contains("refused") ? "connection refused" : text
                return .connectionFailed(address: address, reason: reason, underlying: underlying)
            }
        }
        if let decoding = error as? PostgresDecodingError {
            return .badReply(
                reason: "column `\(decoding.columnName)` could not be decoded",
                underlying: SQLError.Underlying(decoding))
        }
        let text = clean(String(describing: error))
        let reason = text.lowercased().contains("refused") ? "connection refused" : text
        switch phase {
        case .connect: return .connectionFailed(address: address, reason: reason, underlying: nil)
        case .query: return .badReply(reason: reason, underlying: nil)
        }
    }

    enum Phase {
        case connect
        case query
    }
}
