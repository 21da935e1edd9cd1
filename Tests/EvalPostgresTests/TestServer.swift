import EvalData
import EvalLang
import EvalPostgres
import EvalSQL
import Foundation

/// The private PostgreSQL server `make test` starts (scripts/pg/with_test_server.sh), found
/// through EVALBOOK_TEST_PG; without it the PostgreSQL tests are skipped, and say so.
enum TestServer {
    static let urlText = ProcessInfo.processInfo.environment["EVALBOOK_TEST_PG"]
    static var available: Bool { urlText != nil }
    static let skipMessage =
        "PostgreSQL tests skipped: EVALBOOK_TEST_PG is not set (make test starts a server and sets it)"

    static var url: ConnectionURL? {
        guard let urlText else { return nil }
        return try? ConnectionURL.parse(urlText, connection: "test")
    }

    /// Connections naming the test database `db`.
    static func connections(_ url: ConnectionURL? = TestServer.url) -> Connections {
        Connections(urls: url.map { [("db", $0)] } ?? [], connector: PostgresConnector.connect)
    }

    /// An interpreter with `db` connected, `t` the edge table and `l` its rows pulled locally.
    static func interpreter(prelude: String = "") -> Interpreter {
        var session = Session(files: FileAccess(root: FileManager.default.currentDirectoryPath))
        session.connections = connections()
        var interpreter = Interpreter(session: session)
        _ = try? interpreter.run(SourceText(name: "<prelude>", text: prelude))
        return interpreter
    }
}

/// What running one statement gave: a value, or the error's message; and the warnings.
struct Evaluated {
    var value: Value?
    var error: String?
    var warnings: [String]
}

extension Interpreter {
    mutating func evaluated(_ code: String) -> Evaluated {
        session.warnings = []
        let source = SourceText(name: "<test>", text: code)
        do {
            let outcomes = try run(source)
            var value: Value?
            for outcome in outcomes {
                if case .value(let v, _) = outcome { value = v }
                if case .binding(_, let v) = outcome { value = v }
            }
            return Evaluated(value: value, error: nil, warnings: session.warnings.map(\.message))
        } catch {
            let diagnostic = error.diagnostic(in: source)
            return Evaluated(
                value: nil, error: diagnostic.message + (diagnostic.help.map { " | " + $0 } ?? ""),
                warnings: session.warnings.map(\.message))
        }
    }
}

/// Whether two values agree: equal text and counts exactly, numbers to `tolerance` relative.
func agree(_ a: Value, _ b: Value, tolerance: Double = 1e-12) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): return close(x, y, tolerance)
    case (.table(let s), .table(let t)):
        guard s.names == t.names, s.rowCount == t.rowCount else { return false }
        for (c, d) in zip(s.columns, t.columns) {
            for i in 0..<c.count {
                switch (c[i], d[i]) {
                case (.number(let x), .number(let y)): if !close(x, y, tolerance) { return false }
                case (let p, let q): if p != q { return false }
                }
            }
        }
        return true
    case (.record(let r), .record(let s)):
        guard Array(r.fields.keys) == Array(s.fields.keys) else { return false }
        return zip(r.fields.values, s.fields.values).allSatisfy { agree($0, $1, tolerance: tolerance) }
    case (.list(let p), .list(let q)):
        return p.count == q.count && zip(p, q).allSatisfy { agree($0, $1, tolerance: tolerance) }
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.column(let c), .column(let d)):
        return agree(.table(Table(columns: [c])), .table(Table(columns: [d])), tolerance: tolerance)
    default: return false
    }
}

private func close(_ x: Double, _ y: Double, _ tolerance: Double) -> Bool {
    if x.isNaN && y.isNaN { return true }
    if x == y { return true }
    return abs(x - y) <= tolerance * max(abs(x), abs(y))
}

extension Table {
    fileprivate init(columns: [Column]) {
        self = (try? Table(names: columns.indices.map { "c\($0)" }, columns: columns)) ?? Table()
    }
}
