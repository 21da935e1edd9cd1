import Foundation

/// How one SQL engine spells what relations and the statistics queries need.
///
/// Everything engine-specific in the text Evalbook sends lives in an entry of this
/// protocol: PostgreSQL is the first, Spark SQL the next. The builder and the statistics
/// queries are written once against it.
package protocol SQLDialect: Sendable {
    /// The engine's name, as the manifest records it: `PostgreSQL`.
    var name: String { get }
    /// The double-precision floating type: `DOUBLE PRECISION` (PostgreSQL rejects
    /// `DOUBLE`), `DOUBLE` (Spark rejects `DOUBLE PRECISION`).
    var doubleType: String { get }
    /// The 64-bit integer type.
    var integerType: String { get }
    /// The character that delimits a quoted identifier (`"` or a backtick).
    var identifierQuote: Character { get }
    /// Whether aggregates take `FILTER (WHERE …)`; otherwise `SUM(CASE WHEN … END)`.
    var supportsAggregateFilter: Bool { get }
    /// The text type: `TEXT`, `STRING`.
    var textType: String { get }
    /// Whether the engine's type `name` (as its catalog spells it) is already text.
    func isText(_ name: String) -> Bool
    /// The placeholder of the bind at 1-based `index`: `$1` or `?`.
    func placeholder(_ index: Int) -> String
}

extension SQLDialect {
    /// `name` as a quoted identifier; a quote inside it is doubled, so any text is one
    /// identifier and never SQL.
    package func quote(_ identifier: String) -> String {
        let q = String(identifierQuote)
        return q + identifier.replacingOccurrences(of: q, with: q + q) + q
    }

    /// `CAST(expr AS DOUBLE PRECISION)`.
    package func castDouble(_ expr: String) -> String { "CAST(\(expr) AS \(doubleType))" }

    /// `CAST(expr AS TEXT)`.
    package func castText(_ expr: String) -> String { "CAST(\(expr) AS \(textType))" }

    /// `CAST(expr AS BIGINT)`.
    package func castInteger(_ expr: String) -> String { "CAST(\(expr) AS \(integerType))" }

    /// The natural logarithm.
    package func ln(_ expr: String) -> String { "LN(\(expr))" }

    /// The larger of two values (NULL only when both are).
    package func greatest(_ a: String, _ b: String) -> String { "GREATEST(\(a), \(b))" }

    /// The smaller of two values.
    package func least(_ a: String, _ b: String) -> String { "LEAST(\(a), \(b))" }

    /// `SUM(value)` over the rows where `condition` holds; 0 (not NULL) when none do.
    package func filteredSum(_ value: String, where condition: String) -> String {
        if supportsAggregateFilter {
            return "COALESCE(SUM(\(value)) FILTER (WHERE \(condition)), 0)"
        }
        return "COALESCE(SUM(CASE WHEN \(condition) THEN \(value) END), 0)"
    }

    /// How many rows satisfy `condition`.
    package func filteredCount(where condition: String) -> String {
        if supportsAggregateFilter {
            return "COUNT(*) FILTER (WHERE \(condition))"
        }
        return "COALESCE(SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END), 0)"
    }

    /// A running total of `value` in `order` (a window): the rows up to and including the current one.
    package func runningSum(_ value: String, orderBy order: String) -> String {
        "SUM(\(value)) OVER (ORDER BY \(order) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
    }

    /// `LIMIT n`.
    package func limit(_ n: Int) -> String { "LIMIT \(n)" }
}

/// PostgreSQL (tested against 15).
package struct PostgreSQLDialect: SQLDialect {
    package init() {}
    package var name: String { "PostgreSQL" }
    package var doubleType: String { "DOUBLE PRECISION" }
    package var integerType: String { "BIGINT" }
    package var identifierQuote: Character { "\"" }
    package var textType: String { "TEXT" }
    package func isText(_ name: String) -> Bool {
        ["text", "character varying", "varchar", "character", "bpchar", "char", "name", "citext"].contains(
            name.lowercased())
    }
    package var supportsAggregateFilter: Bool { true }
    package func placeholder(_ index: Int) -> String { "$\(index)" }
}

/// Spark SQL, for the Spark Connect engine: backtick identifiers, `DOUBLE`, no aggregate
/// `FILTER` before Spark 3.2 (so `SUM(CASE …)` everywhere), `?` placeholders.
package struct SparkSQLDialect: SQLDialect {
    package init() {}
    package var name: String { "Spark SQL" }
    package var doubleType: String { "DOUBLE" }
    package var integerType: String { "BIGINT" }
    package var identifierQuote: Character { "`" }
    package var textType: String { "STRING" }
    package func isText(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "string" || lower.hasPrefix("varchar") || lower.hasPrefix("char")
    }
    package var supportsAggregateFilter: Bool { false }
    package func placeholder(_ index: Int) -> String { "?" }
}
