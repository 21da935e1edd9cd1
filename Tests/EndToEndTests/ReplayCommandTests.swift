import Foundation
import Testing

/// `evalbook replay` and `evalbook diff` through the binary: output and exit codes.
@Suite("evalbook replay and diff")
struct ReplayCommandTests {
    static let notebook = """
        ---
        title: Replayed
        params:
          floor: 0.5
        ---

        ```evalbook
        t = read_csv("data/churn.csv")
        auc = roc_auc(t.churned, t.p)
        expect auc >= params.floor
        ```

        """

    @Test func replayReproducesThenNamesAChangedInput() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(RunCommandTests.churnCSV, to: "data/churn.csv")
        try project.write(Self.notebook, to: "nb.md")
        let run = try project.run("nb.md", ["--param", "floor=0.6"])
        #expect(run.exited && run.status == 0, "\(run)")

        let version = project.reports.appendingPathComponent("nb/v1").path
        let clean = try Evalbook.run(["replay", version, "--root", project.root.path], in: project.root)
        #expect(clean.exited && clean.status == 0, "\(clean)")
        #expect(clean.stdout == "reproduced v1: 4 files identical\n")

        try project.write("customer,churned,p\n1,1,0.9\n2,0,0.95\n3,1,0.7\n4,0,0.4\n", to: "data/churn.csv")
        let changed = try Evalbook.run(["replay", version, "--root", project.root.path], in: project.root)
        #expect(changed.exited && changed.status == 1, "\(changed)")
        #expect(changed.stderr.contains("input changed: data/churn.csv: "))
        #expect(changed.stderr.contains("not reproduced v1: "))

        let diffRun = try project.run("nb.md")
        #expect(diffRun.exited && diffRun.status == 0, "\(diffRun)")
        let diff = try Evalbook.run(["diff", project.reports.appendingPathComponent("nb").path], in: project.root)
        #expect(diff.exited && diff.status == 0, "\(diff)")
        #expect(diff.stdout.contains("| auc | 1 | 0.5 | -0.5 | -50% |"))
        #expect(diff.stdout.contains("- input `data/churn.csv`: "))
        #expect(diff.stdout.contains("- param `floor`: 0.6 → 0.5"))
    }

    @Test func replayOfSomethingElseIsAnError() throws {
        let project = try Project()
        defer { project.remove() }
        let result = try Evalbook.run(["replay", project.root.path], in: project.root)
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.contains("is not a report version"))
    }

    @Test func diffAndReplayErrorsArePrintedAsDiagnostics() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(RunCommandTests.churnCSV, to: "data/churn.csv")
        try project.write(Self.notebook, to: "nb.md")
        let run = try project.run("nb.md")
        #expect(run.exited && run.status == 0, "\(run)")
        let folder = project.reports.appendingPathComponent("nb").path

        let diff = try Evalbook.run(["diff", folder], in: project.root)
        #expect(diff.exited && diff.status == 2, "\(diff)")
        #expect(
            diff.stderr
                == "error: \(folder) has 1 version; a diff needs two\n"
                + "help: run the notebook again after a change, or give two version folders\n")

        try project.write("{\n  \"seed\": 1e400\n}\n", to: "reports/nb/v1/manifest.json")
        let replay = try Evalbook.run(["replay", folder + "/v1"], in: project.root)
        #expect(replay.exited && replay.status == 2, "\(replay)")
        #expect(
            replay.stderr
                == "\(folder)/v1/manifest.json:2:11: error: manifest.json is not valid JSON: the number `1e400` is "
                + "out of range\n")
    }
}
