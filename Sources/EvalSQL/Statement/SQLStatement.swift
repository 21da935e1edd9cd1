import Foundation

/// A value sent to the engine beside the SQL text, never spliced into it.
package enum SQLBind: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case integer(Int)
}

/// One statement for an engine: its text, with placeholders, and the values bound to them.
///
/// Every identifier in `text` was quoted by the dialect and every value from a notebook is
/// in `binds`; only `query(db, "…")` puts a user's text into `text`, as a subquery.
package struct SQLStatement: Sendable, Hashable {
    package var text: String
    package var binds: [SQLBind]

    package init(_ text: String, binds: [SQLBind] = []) {
        self.text = text
        self.binds = binds
    }

    /// The text and the bound values, as the manifest records them.
    package var recorded: String {
        guard !binds.isEmpty else { return text }
        let values = binds.enumerated().map { i, bind in "$\(i + 1) = \(bind.literalText)" }
        return text + " -- " + values.joined(separator: ", ")
    }
}

extension SQLBind {
    /// The value as a reader of the manifest should see it (not SQL: it is never executed).
    package var literalText: String {
        switch self {
        case .number(let x): "\(x)"
        case .text(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .bool(let b): b ? "true" : "false"
        case .integer(let n): "\(n)"
        }
    }
}
