import Foundation
import Testing

/// `evalbook run`: diagnostics, `--check`, and the report folder, through the binary.
@Suite("evalbook run")
struct RunCommandTests {
    static let churnCSV = "customer,churned,p\n1,1,0.9\n2,0,0.2\n3,1,0.7\n4,0,0.4\n"

    static let checked = """
        ---
        title: Checked
        params:
          floor: 0.8
        ---
        Intro.

        ```evalbook
        t = read_csv("data/churn.csv")
        auc = roc_auc(t.churned, t.p)
        expect auc >= params.floor
        ```

        """

    @Test("an unknown column prints the §5b diagnostic with did-you-mean on stderr and exits 2")
    func unknownColumn() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.churnCSV, to: "data/churn.csv")
        try project.write(
            """
            ---
            title: Churn
            ---

            Load the scores.

            ```evalbook
            test = read_csv("data/churn.csv")
            y = test.churnd
            ```

            """, to: "notebooks/churn.md")
        let result = try project.run("notebooks/churn.md")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                notebooks/churn.md:9:10: error: table `test` has no column `churnd`
                   9 | y = test.churnd
                     |          ^^^^^^
                help: did you mean `churned`?

                """)
        #expect(project.list("reports").isEmpty, "a failed run wrote a report")
    }

    @Test("run writes v1 and prints its path and headline numbers")
    func writesVersion() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.churnCSV, to: "data/churn.csv")
        try project.write(Self.checked, to: "checked.md")
        let result = try project.run("checked.md")
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stdout.contains("wrote v1: "))
        #expect(result.stdout.contains("reports/checked/v1/report.md"))
        #expect(result.stdout.contains("  auc = 1\n"))
        #expect(result.stdout.contains("  checks: 1 passed, 0 failed\n"))
        #expect(result.stderr == "")
        #expect(project.list("reports/checked") == ["index.md", "latest", "v1"])
        #expect(
            project.list("reports/checked/v1") == [
                "manifest.json", "metrics.json", "notebook.md", "report.html", "report.md",
            ])
    }

    @Test("an identical second run makes no version and says so; a changed one makes v2")
    func unchangedThenChanged() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.churnCSV, to: "data/churn.csv")
        try project.write(Self.checked, to: "checked.md")
        _ = try project.run("checked.md")
        let again = try project.run("checked.md")
        #expect(again.exited && again.status == 0, "\(again)")
        #expect(again.stdout.hasPrefix("unchanged: outputs are identical to v1, no new version"))
        #expect(project.list("reports/checked") == ["index.md", "latest", "v1"])

        let changed = try project.run("checked.md", ["--param", "floor=0.5"])
        #expect(changed.exited && changed.status == 0, "\(changed)")
        #expect(changed.stdout.hasPrefix("wrote v2: "))
        #expect(project.list("reports/checked") == ["index.md", "latest", "v1", "v2"])
        let latest = try String(contentsOf: project.reports.appendingPathComponent("checked/latest"), encoding: .utf8)
        #expect(latest == "v2\n")
        let manifest = try String(
            contentsOf: project.reports.appendingPathComponent("checked/v2/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"floor\": 0.5"))
    }

    @Test("--check exits 1 when an expect fails, 0 when all pass; without --check a failed expect exits 0")
    func checkFlag() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.churnCSV, to: "data/churn.csv")
        try project.write(Self.checked, to: "checked.md")

        let passing = try project.run("checked.md", ["--check"])
        #expect(passing.exited && passing.status == 0, "\(passing)")

        let failing = try project.run("checked.md", ["--check", "--param", "floor=1.5"])
        #expect(failing.exited && failing.status == 1, "\(failing)")
        #expect(failing.stderr == "checked.md:11: failed: auc >= params.floor (1 < 1.5)\n")
        #expect(failing.stdout.contains("checks: 0 passed, 1 failed"))
        #expect(project.list("reports/checked").contains("v2"), "a failed check still writes its report")

        let unchecked = try project.run("checked.md", ["--param", "floor=1.5"])
        #expect(unchecked.exited && unchecked.status == 0, "\(unchecked)")
    }

    @Test("a failing run leaves no version and no staging folder behind")
    func failingRunWritesNothing() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Self.churnCSV, to: "data/churn.csv")
        try project.write(Self.checked, to: "checked.md")
        _ = try project.run("checked.md")
        try project.write(Self.checked + "```evalbook\nboom = 1 + \"a\"\n```\n", to: "checked.md")
        let result = try project.run("checked.md")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("checked.md:14:"))
        #expect(project.list("reports/checked") == ["index.md", "latest", "v1"])
    }

    @Test("warnings go to stderr with their line, and the run succeeds")
    func warnings() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("```evalbook\nauc = roc_auc([1, 1], [0.2, 0.4])\n```\n", to: "warn.md")
        let result = try project.run("warn.md")
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stderr.hasPrefix("warn.md:2: warning: "))
        #expect(result.stderr.contains("roc_auc"))
    }

    @Test("reports default to ROOT/reports")
    func defaultReports() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("```evalbook\nx = 1\n```\n", to: "n.md")
        let result = try Evalbook.run(["run", "n.md", "--root", project.root.path], in: project.root)
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(project.list("reports/n").contains("v1"))
    }

    @Test("the demo notebook renders")
    func demo() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let notebook = repo.appendingPathComponent("notebooks/delivery_eta.md")
        try #require(FileManager.default.fileExists(atPath: notebook.path))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Evalbook.run(
            ["run", "notebooks/delivery_eta.md", "--root", repo.path, "--reports", out.path, "--check"], in: repo)
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("delivery_eta/v1/report.html").path))
    }
}
