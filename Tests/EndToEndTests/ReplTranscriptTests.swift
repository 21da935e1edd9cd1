import Foundation
import Testing

/// The REPL with statements piped in: exact stdout and stderr, like a script.
@Suite("REPL transcripts")
struct ReplTranscriptTests {
    @Test("values, bindings, tables, records and columns print for people")
    func displays() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe(
            """
            x = [1, 2, 3]
            mean(x) * 2
            t = read_csv("orders.csv")
            t
            t.city
            range(100)
            {a: 1, bb: "two"}
            expect nrow(t) == 4
            :vars

            """)
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                x: list of 3
                4
                t: table 4 × 4
                city    actual_minutes  predicted_minutes  late
                ──────  ──────────────  ─────────────────  ────
                Oslo                30                 28     0
                Oslo                42                 35     1
                Bergen              25                 27     0
                Bergen              50                 41     1
                ["Oslo", "Oslo", "Bergen", "Bergen"]
                [0, 1, 2, 3, 4, …, 97, 98, 99] (100 values)
                a:  1
                bb: "two"
                passed: nrow(t) == 4
                x: list of 3
                t: table 4 × 4

                """)
        #expect(result.stderr == "")
    }

    @Test("a long table shows its first rows and how many more")
    func longTable() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe("table(n: range(25) * 100)\n")
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("  n\n───\n  0\n100\n"), "\(result)")
        #expect(result.stdout.hasSuffix("900\n… 15 more rows\n"), "\(result)")
    }

    @Test("open brackets continue; a real syntax error is reported at once")
    func multiLine() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe("roc_auc(\n  [0, 1, 1],\n  [0.2, 0.9, 0.7])\n1 +* 2\n3 * 2\n")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "1\n6\n")
        #expect(
            result.stderr == """
                <repl>:1:4: error: expected an expression, found `*`
                   1 | 1 +* 2
                     |    ^

                """)
    }

    @Test("an error does not end a script, but it exits 2; warnings go to stderr")
    func errorsContinue() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe("a = 1; b = nope\na + 1\nb\nroc_auc([1, 1], [0.1, 0.2])\n")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "a: 1\n2\nnull\n")
        #expect(result.stderr.contains("<repl>:1:12: error: unknown name `nope`"), "\(result)")
        #expect(result.stderr.contains("error: unknown name `b`"), "\(result)")
        #expect(result.stderr.contains("warning: "), "\(result)")
    }

    @Test("an unfinished statement at the end of input is an error")
    func unfinishedAtEnd() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe("mean([1, 2\n")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.contains("unexpected end of input"), "\(result)")
    }

    @Test(":help, :functions, unknown commands and :quit")
    func helpCommands() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe(":help roc_auc\n:help rocauc\n:functions rmse\n:sav\n:help :save\n:quit\n1 + 1\n")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(
            result.stdout.hasPrefix(
                """
                roc_auc(y, p, pos_label:, weights:, by:)
                  Area under the ROC curve of scores p; ties count one half (null with one class).
                  e.g. roc_auc(t.late, t.p_late)
                Regression
                  rmse(
                """), "\(result)")
        #expect(
            result.stdout.hasSuffix(
                ":save NOTEBOOK\n  write the statements that ran as a notebook `evalbook run` reproduces\n"),
            "\(result)")
        #expect(
            result.stderr == """
                error: no builtin or command `rocauc`
                help: did you mean `roc_auc`?
                error: unknown command `:sav`
                help: did you mean `:save`?

                """)
    }

    @Test(":help lists every command; :time shows the value and the time")
    func helpListAndTime() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe(":help\n:time x = 20 + 1\nx * 2\n")
        #expect(result.exited && result.status == 0, "\(result)")
        for name in ["help", "functions", "vars", "reset", "load", "save", "report", "time", "quit"] {
            #expect(result.stdout.contains("  :\(name)"), "\(name)")
        }
        #expect(result.stdout.contains("x: 21\ntime: "), "\(result)")
        #expect(result.stdout.hasSuffix("\n42\n"), "\(result)")
    }

    @Test(":reset forgets bindings; :load runs a notebook's cells into the session")
    func resetAndLoad() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        try project.project.write("---\nparams:\n  k: 3\n---\n\n```evalbook\ny = params.k * 2\n```\n", to: "nb.md")
        let result = try project.pipe("x = 1\n:reset\nx\n:load nb.md\ny + 1\n:load missing.md\n")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "x: 1\nsession reset: no bindings\nloaded nb.md: y\n7\n")
        #expect(result.stderr.contains("unknown name `x`"), "\(result)")
        #expect(result.stderr.contains("missing.md"), "\(result)")
    }

    @Test(":save writes a notebook that `evalbook run` reproduces, and :report stores the same version")
    func saveThenRun() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let result = try project.pipe(
            """
            t = read_csv("orders.csv")
            mae_a = mae(t.actual_minutes, t.predicted_minutes)
            oops = nope
            by(t, "city", g => {n: nrow(g),
              mae: mae(g.actual_minutes, g.predicted_minutes)})
            expect mae_a < 6, "close"
            :save repl
            :report

            """)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.contains("mae_a: 5\n"))
        #expect(result.stdout.contains("saved 4 cells to repl.md"), "\(result)")
        #expect(result.stdout.contains("wrote v1: "), "\(result)")
        #expect(
            project.read("repl.md") == """
                ---
                title: "repl"
                ---

                ```evalbook
                t = read_csv("orders.csv")
                ```

                ```evalbook
                mae_a = mae(t.actual_minutes, t.predicted_minutes)
                ```

                ```evalbook
                by(t, "city", g => {n: nrow(g),
                  mae: mae(g.actual_minutes, g.predicted_minutes)})
                ```

                ```evalbook
                expect mae_a < 6, "close"
                ```

                """)
        let run = try project.project.run("repl.md")
        #expect(run.exited && run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("unchanged: outputs are identical to v1"), "\(run)")
        #expect(run.stdout.contains("  mae_a = 5\n"), "\(run)")
        let report = project.read("reports/repl/v1/report.md") ?? ""
        #expect(report.contains("| Bergen | 2 | 5.5 |"), "\(report)")
    }

    @Test(":save does not overwrite a notebook it did not write")
    func saveRefusesOverwrite() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        try project.project.write("keep me\n", to: "mine.md")
        let result = try project.pipe("x = 1\n:save mine.md\n:save new\nx = 2\n:save new\n")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("mine.md already exists"), "\(result)")
        #expect(project.read("mine.md") == "keep me\n")
        #expect(project.read("new.md")?.contains("x = 2") == true)
    }
}
