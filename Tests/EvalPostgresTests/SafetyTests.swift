import EvalLang
import EvalPostgres
import EvalSQL
import Foundation
import Testing

extension PostgreSQLTests {
    /// Injection attempts fail safely, a notebook cannot write, and no password reaches any text.
    @Suite struct SafetyTests {
        static let prelude = """
            db = connect("db")
            t = db.table("edge")
            """

        @Test(.enabled(if: TestServer.available))
        func injectionInATableNameIsOneUnknownTable() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let r = interpreter.evaluated(#"db.table("edge\"; DELETE FROM guarded; --")"#)
            #expect(r.error?.contains("has no table") == true, "\(r)")
            #expect(interpreter.evaluated(#"nrow(db.table("guarded"))"#).value.flatMap(\.numberValue) == 1)
        }

        @Test(.enabled(if: TestServer.available))
        func quotedNamesWork() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let r = interpreter.evaluated(#"o = db.table("odd \"name\""); sum(collect(o)["select"])"#)
            #expect(r.value.flatMap(\.numberValue) == 3, "\(r)")
        }

        @Test(.enabled(if: TestServer.available))
        func injectionInAColumnNameIsAnUnknownColumn() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let r = interpreter.evaluated(#"t["score\" FROM edge; DELETE FROM guarded; --"]"#)
            #expect(r.error?.contains("has no column") == true, "\(r)")
        }

        @Test(.enabled(if: TestServer.available))
        func injectionInAStringValueMatchesNothing() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let r = interpreter.evaluated(#"nrow(t[t.segment == "EU' OR '1'='1"])"#)
            #expect(r.value.flatMap(\.numberValue) == 0, "\(r)")
            #expect(interpreter.evaluated(#"nrow(t[t.segment == "EU"])"#).value.flatMap(\.numberValue) == 130)
        }

        @Test(
            .enabled(if: TestServer.available),
            arguments: [
                "DELETE FROM guarded RETURNING *",
                "SELECT * FROM guarded; DELETE FROM guarded",
                "WITH d AS (DELETE FROM guarded RETURNING *) SELECT * FROM d",
                "SELECT set_config('default_transaction_read_only', 'off', false), nextval('guarded_seq')",
                "SELECT * FROM guarded FOR UPDATE",
            ])
        func aNotebookCannotWrite(_ sql: String) {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let escaped = sql.replacingOccurrences(of: "\"", with: "\\\"")
            let r = interpreter.evaluated("q = query(db, \"\(escaped)\"); collect(q)")
            #expect(r.error != nil, "\(sql) ran: \(r)")
            #expect(interpreter.evaluated(#"nrow(db.table("guarded"))"#).value.flatMap(\.numberValue) == 1)
        }

        @Test(.enabled(if: TestServer.available))
        func readOnlyEvenAfterTurningTheDefaultOff() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            _ = interpreter.evaluated(
                #"collect(query(db, "SELECT set_config('default_transaction_read_only', 'off', false) AS x"))"#)
            let r = interpreter.evaluated(#"collect(query(db, "SELECT nextval('guarded_seq') AS x"))"#)
            #expect(r.error?.contains("read-only") == true, "\(r)")
        }

        @Test(.enabled(if: TestServer.available))
        func aWrongPasswordNeverAppearsInTheError() throws {
            guard let base = TestServer.url else { return }
            var url = base
            url.user = "evalbook_pw"
            let secret = "Wrong-Secret-1234"
            let engine = Connections(
                urls: [("db", url)],
                connector: { _, url throws(SQLError) in
                    try EvalPostgres.PostgresEngine.connect(
                        url, environment: ["PGPASSWORD": secret, "HOME": "/nonexistent"])
                })
            var session = Session(files: FileAccess(root: "/"))
            session.connections = engine
            var interpreter = Interpreter(session: session)
            let r = interpreter.evaluated(#"connect("db")"#)
            let text = r.error ?? ""
            #expect(text.contains("refused user `evalbook_pw`"), "\(text)")
            #expect(!text.contains(secret))
        }

        @Test(.enabled(if: TestServer.available))
        func theRightPasswordFromPgpassSignsIn() throws {
            guard let base = TestServer.url else { return }
            var url = base
            url.user = "evalbook_pw"
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-pgpass-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(".pgpass")
            try "# host:port:db:user:password\n*:*:*:evalbook_pw:s3cret-Pa55\n".write(
                to: file, atomically: true, encoding: .utf8)
            let engine = try EvalPostgres.PostgresEngine.connect(url, environment: ["HOME": folder.path])
            defer { engine.close() }
            #expect(engine.info.serverVersion.hasPrefix("15"))
        }
    }
}

extension Value {
    var numberValue: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}
