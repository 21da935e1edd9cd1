import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// `evalbook replay` and `evalbook diff` on real report folders (SPEC §6).
@Suite("Replay and diff")
struct ReplayTests {
    /// The repository root, where `reports/` and `notebooks/` live.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every committed example report, by folder name.
    static var committedReports: [String] {
        let reports = repository.appendingPathComponent("reports").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? [])
            .filter { FileManager.default.fileExists(atPath: "\(reports)/\($0)/latest") }.sorted()
    }

    @Test func everyExampleIsCommitted() {
        #expect(Self.committedReports.count >= 7)
    }

    @Test(
        "the latest committed version of every example notebook reproduces byte for byte", arguments: committedReports)
    func committedReportReplays(name: String) throws {
        let store = ReportStore(directory: Self.repository.appendingPathComponent("reports/\(name)").path)
        let latest = try #require(store.latest())
        let result = try ReportReplay.replay(directory: "\(store.directory)/\(latest)", root: Self.repository.path)
        #expect(result.changedInputs.isEmpty)
        #expect(result.failure == nil, "\(result.failure.map(printed) ?? "")")
        #expect(result.difference == nil, "\(String(describing: result.difference))")
        #expect(Array(result.identical.prefix(4)) == ["report.md", "report.html", "metrics.json", "notebook.md"])
    }

    @Test("the committed index.md of every example is what the index renders today", arguments: committedReports)
    func committedIndexRenders(name: String) throws {
        let store = ReportStore(directory: Self.repository.appendingPathComponent("reports/\(name)").path)
        let committed = try String(contentsOfFile: store.directory + "/index.md", encoding: .utf8)
        #expect(ReportIndex(store: store).render() == committed)
    }

    static let notebook = """
        ---
        title: Replay
        params:
          cut: 2
        seed: 3
        ---

        ```evalbook
        t = read_csv("data.csv")
        above = mean(t.x > params.cut)
        total = sum(t.x)
        expect total > 5, "enough"
        ```
        """

    /// A project with a notebook, its data and one stored version; returns the
    /// project folder and the version folder.
    static func project(params: [(String, String)] = []) throws -> (URL, String) {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write("x\n1\n2\n3\n4\n", to: "data.csv", in: root)
        try TestSupport.write(notebook, to: "nb.md", in: root)
        let parsed = try NotebookParser.load(path: root.appendingPathComponent("nb.md").path, displayPath: "nb.md")
        var options = RunOptions(root: root.path)
        options.params = params
        let report = try NotebookRunner.run(parsed, options: options)
        let store = ReportStore(directory: root.appendingPathComponent("reports/nb").path)
        guard case .created(_, let directory) = try store.write(report) else {
            Issue.record("no version written")
            return (root, "")
        }
        return (root, directory)
    }

    @Test func cleanVersionReproducesWithRecordedParams() throws {
        let (root, version) = try Self.project(params: [("cut", "3")])
        let result = try ReportReplay.replay(directory: version, root: root.path)
        #expect(result.reproduced)
        #expect(result.identical.count == 4)
    }

    @Test func changedInputIsNamedWithBothHashes() throws {
        let (root, version) = try Self.project()
        try TestSupport.write("x\n1\n2\n3\n5\n", to: "data.csv", in: root)
        let result = try ReportReplay.replay(directory: version, root: root.path)
        #expect(!result.reproduced)
        let changed = try #require(result.changedInputs.first)
        #expect(changed.path == "data.csv")
        #expect(changed.current != nil && changed.current != changed.recorded)
        // The HTML header shows the input's short hash, so report.html differs first.
        #expect(result.difference?.file == "report.html")
    }

    @Test func changedParquetInputIsNamed() throws {
        let root = try TestSupport.temporaryDirectory()
        let source = Self.repository.appendingPathComponent("Tests/EvalLangTests/Cases/data/orders.parquet")
        let data = root.appendingPathComponent("orders.parquet")
        try FileManager.default.copyItem(at: source, to: data)
        try TestSupport.write(
            "```evalbook\nt = read_parquet(\"orders.parquet\", columns: [\"amount\"])\ntotal = sum(t.amount)\n```\n",
            to: "nb.md", in: root)
        let parsed = try NotebookParser.load(path: root.appendingPathComponent("nb.md").path, displayPath: "nb.md")
        let report = try NotebookRunner.run(parsed, options: RunOptions(root: root.path))
        #expect(report.inputs.map(\.path) == ["orders.parquet"])
        let store = ReportStore(directory: root.appendingPathComponent("reports/nb").path)
        guard case .created(_, let version) = try store.write(report) else {
            Issue.record("no version written")
            return
        }
        #expect(try ReportReplay.replay(directory: version, root: root.path).reproduced)
        var bytes = try [UInt8](Data(contentsOf: data))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: data)
        let result = try ReportReplay.replay(directory: version, root: root.path)
        #expect(!result.reproduced)
        #expect(result.changedInputs.first?.path == "orders.parquet")
    }

    @Test func missingInputIsReported() throws {
        let (root, version) = try Self.project()
        try FileManager.default.removeItem(at: root.appendingPathComponent("data.csv"))
        let result = try ReportReplay.replay(directory: version, root: root.path)
        #expect(result.changedInputs.first?.current == nil)
        #expect(result.failure != nil)
    }

    @Test func tamperedOutputIsFoundAtItsLine() throws {
        let (root, version) = try Self.project()
        let path = version + "/metrics.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "10", with: "11").utf8).write(to: URL(fileURLWithPath: path))
        let result = try ReportReplay.replay(directory: version, root: root.path)
        let difference = try #require(result.difference)
        #expect(difference.file == "metrics.json")
        #expect(difference.stored.last?.contains("11") == true)
        #expect(difference.replayed.last?.contains("10") == true)
    }

    @Test func changedNotebookIsFound() throws {
        let (root, version) = try Self.project()
        let path = version + "/notebook.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "total > 5", with: "total > 50").utf8).write(
            to: URL(fileURLWithPath: path))
        let result = try ReportReplay.replay(directory: version, root: root.path)
        #expect(result.difference?.file == "report.md")
    }

    @Test func notAVersionFolder() throws {
        let root = try TestSupport.temporaryDirectory()
        #expect(throws: ReplayError.self) {
            try ReportReplay.replay(directory: root.path, root: root.path)
        }
    }

    @Test func diffShowsMetricDeltasAndParams() throws {
        let (root, first) = try Self.project()
        let parsed = try NotebookParser.load(path: root.appendingPathComponent("nb.md").path, displayPath: "nb.md")
        var options = RunOptions(root: root.path)
        options.params = [("cut", "3")]
        let store = ReportStore(directory: root.appendingPathComponent("reports/nb").path)
        guard case .created(_, let second) = try store.write(try NotebookRunner.run(parsed, options: options)) else {
            Issue.record("no second version")
            return
        }
        let diff = try ReportDiff(old: first, new: second)
        let expected = """
            ## Metrics (1 of 2 changed)

            | metric | old | new | change | relative |
            | :--- | ---: | ---: | ---: | ---: |
            | above | 0.5 | 0.25 | -0.25 | -50% |
            | total | 10 | 10 | 0 | +0% |

            ## Checks

            No check changed.

            ## Provenance

            - same notebook
            - param `cut`: 2 → 3
            - same inputs

            """
        #expect(diff.markdown().hasSuffix(expected))
        #expect(diff.json().contains("\"relative\": -0.5"))
    }

    @Test("diff lists metrics in the order metrics.json has them, which is the notebook's")
    func diffKeepsMetricOrder() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ReportStore(directory: root.appendingPathComponent("reports/order").path)
        for value in [1, 2] {
            let text = "```evalbook\nzeta = \(value)\nalpha = {b: \(value), a: 0}\nmid = [\(value)]\n```\n"
            _ = try store.write(try TestSupport.run(text, path: "order.md", root: root))
        }
        let (old, new) = try ReportDiff.lastTwo(in: store.directory)
        let diff = try ReportDiff(old: old, new: new)
        #expect(diff.metrics.map(\.name) == ["zeta", "alpha.b", "alpha.a", "mid[0]"])
        #expect(diff.metrics.first == ReportDiff.MetricChange(name: "zeta", old: 1, new: 2))
    }

    @Test("the index shows the first four top-level numbers, leaving out 0 and 1 as evalbook 0.1.0 did")
    func indexHeadline() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ReportStore(directory: root.appendingPathComponent("reports/head").path)
        let text = "```evalbook\nnone = 0\nr = {a: 2}\nall = 1\nb = 2.5\nc = -1\nd = 1e300\ne = 3\nf = 4\n```\n"
        _ = try store.write(try TestSupport.run(text, path: "head.md", root: root))
        let index = try String(contentsOfFile: store.directory + "/index.md", encoding: .utf8)
        #expect(index.contains("| b = 2.5, c = -1, d = 1e+300, e = 3 |"), "\(index)")
    }
}
