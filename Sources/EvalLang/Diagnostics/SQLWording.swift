import EvalData
import EvalSQL

/// Every word of an engine error and a relation error: the one place they are made.
///
/// No case holds a password, and none of these words repeats a URL: a connection is
/// named by its name and address.
extension SQLError {
    package var words: (message: String, help: String?) {
        switch self {
        case .unknownConnection(let name, let candidates):
            return (
                "no connection named `\(name)`",
                Suggestion.help(for: name, in: candidates)
                    ?? "define it with --connect \(name)=postgresql://USER@HOST:PORT/DATABASE or in evalbook.toml"
            )
        case .invalidURL(let connection, let reason):
            return ("the URL of connection `\(connection)` cannot be used: \(reason)", nil)
        case .passwordInURL(let connection):
            return (
                "the URL of connection `\(connection)` holds a password",
                "passwords go in PGPASSWORD or ~/.pgpass, never in a URL, a notebook or a report"
            )
        case .connectionsFile(let path, let line, let reason):
            return ("\(path)\(line.map { ":\($0)" } ?? ""): \(reason)", nil)
        case .connectionFailed(let address, let reason, _):
            return (
                "cannot connect to \(address): \(reason)",
                "is the server running and accepting TCP connections there?"
            )
        case .authenticationFailed(let user, let address, let reason, _):
            return (
                "\(address) refused user `\(user)`: \(reason)",
                "check the user, and the password in PGPASSWORD or ~/.pgpass"
            )
        case .unknownTable(let name, let candidates):
            return (
                "the database has no table `\(name)`",
                Suggestion.help(for: name, in: candidates)
                    ?? (candidates.isEmpty
                        ? nil : "tables are " + candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", "))
            )
        case .unknownColumn(let name, let relation, let candidates):
            return ("relation `\(relation)` has no column `\(name)`", Suggestion.help(for: name, in: candidates))
        case .timeout(let milliseconds, _):
            return (
                "the statement ran longer than the session's statement timeout"
                    + (milliseconds.map { " (\(NumberFormat.grouped($0)) ms)" } ?? ""),
                "raise statement_timeout in the connection URL, or filter the relation first"
            )
        case .readOnly(let reason, _):
            return ("the session is read-only: \(reason)", "notebooks read from databases and never write to them")
        case .server(let message, let sqlState, let hint, _):
            return (
                "the database refused the statement: \(message)" + (sqlState.map { " (SQLSTATE \($0))" } ?? ""), hint
            )
        case .unsupportedType(let column, let engineType):
            return (
                "column `\(column)` has type \(engineType), which Evalbook does not read",
                "cast it in a query(…): numbers, booleans and text are read"
            )
        case .badReply(let reason, _):
            return ("the engine's reply could not be read: \(reason)", nil)
        case .closed:
            return ("the connection is closed", nil)
        }
    }
}

/// A relation used in a way that cannot be pushed down or pulled.
package enum RelationError: Error, Sendable {
    /// A builtin that has no relation form.
    case notSupported(function: String)
    /// Values from two different relations (or a relation and local data) in one call.
    case differentRelations(function: String)
    /// `collect` or a statistic would pull more rows than allowed.
    case tooManyRows(Int, limit: Int)
    /// A label that is not 0/1, bool, or a value chosen by `pos_label:`.
    case notLabel(argument: String, function: String, type: String)
    /// A score that is not a number.
    case notScore(argument: String, function: String, type: String)
    /// The engine's statistic shows input a kernel would refuse.
    case badInput(ScoreCells.Problem, label: String, score: String, function: String, relation: String)
    /// An option value a pushed-down metric does not take.
    case unsupportedOption(String, function: String, reason: String)

    var words: (message: String, help: String?) {
        switch self {
        case .notSupported(let function):
            return (
                "`\(function)` does not run on a relation",
                "pull the rows first with collect(t), or head(t, n) for a look"
            )
        case .differentRelations(let function):
            return (
                "the arguments of `\(function)` come from different relations, or mix a relation with local data",
                "take every column from one relation (filter it first: t[t.segment == \"EU\"])"
            )
        case .tooManyRows(let count, let limit):
            return (
                "the relation has \(NumberFormat.grouped(count)) rows, more than the \(NumberFormat.grouped(limit)) "
                    + "that collect pulls",
                "filter it first, or raise the limit: collect(t, limit: \(count))"
            )
        case .notLabel(let argument, let function, let type):
            return (
                "`\(argument)` of `\(function)` is a \(type) column, which cannot be a label",
                "say which value is positive, e.g. pos_label: \"yes\""
            )
        case .notScore(let argument, let function, let type):
            return ("`\(argument)` of `\(function)` is a \(type) column, which cannot be a score", nil)
        case .badInput(let problem, let label, let score, let function, let relation):
            let who = "of `\(function)` on `\(relation)`"
            switch problem {
            case .missingLabels(let n):
                return ("`\(label)` \(who) has \(NumberFormat.grouped(n)) missing values", "filter them out first")
            case .missingScores(let n):
                return ("`\(score)` \(who) has \(NumberFormat.grouped(n)) missing values", "filter them out first")
            case .labelNotBinary(let value):
                return (
                    "`\(label)` \(who) must hold 0/1 labels, but holds \(Value.cellText(value, quoted: true))",
                    "say which value is positive with pos_label:"
                )
            case .missingWeights(let n):
                return ("`weights` \(who) has \(NumberFormat.grouped(n)) missing values", nil)
            case .negativeWeights(let n):
                return ("`weights` \(who) has \(NumberFormat.grouped(n)) negative values", nil)
            case .scoreOutsideUnit(let x):
                return ("`\(score)` \(who) must hold probabilities in [0, 1], but holds \(NumberFormat.human(x))", nil)
            }
        case .unsupportedOption(let option, let function, let reason):
            return ("`\(option):` of `\(function)` on a relation: \(reason)", nil)
        }
    }
}
