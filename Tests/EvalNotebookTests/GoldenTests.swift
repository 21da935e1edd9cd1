import EvalData
import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Renders `Fixtures/golden/notebook.md` and compares every output file byte for
/// byte with `Fixtures/golden/expected/` (SPEC §6).
///
/// After a deliberate change to the renderers, regenerate the expectations with
/// `EVALBOOK_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then read the diff
/// of `Fixtures/golden/expected/` before committing it: the files are the spec.
@Suite("Golden report")
struct GoldenTests {
    /// The files compared byte for byte; manifest.json has a time in it and is checked by structure.
    static let compared = ["report.md", "report.html", "metrics.json", "notebook.md"]
    /// How the notebook is named in the report, whatever folder the tests run from.
    static let displayPath = "golden/notebook.md"

    static var golden: URL { TestSupport.fixtures.appendingPathComponent("golden") }

    /// Parses and runs the golden notebook with its folder as the project root.
    static func render(threads: Int = 2) throws -> Report {
        let notebook = try NotebookParser.load(
            path: golden.appendingPathComponent("notebook.md").path,
            displayPath: displayPath)
        var options = RunOptions(root: golden.path)
        options.threads = threads
        do {
            return try NotebookRunner.run(notebook, options: options)
        } catch {
            if case .cell(let d) = error { Issue.record("golden notebook failed: \(printed(d))") }
            throw error
        }
    }

    @Test("every output file equals its committed expectation, byte for byte", arguments: compared)
    func matchesExpectation(name: String) throws {
        let files = ReportFiles(try Self.render())
        let rendered = try #require(files.outputs.first { $0.name == name }?.contents)
        if ProcessInfo.processInfo.environment["EVALBOOK_UPDATE_GOLDEN"] == "1" {
            let target = TestSupport.sourceFixtures.appendingPathComponent("golden/expected/\(name)")
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: target)
            return
        }
        let expectedURL = Self.golden.appendingPathComponent("expected/\(name)")
        let expected = try #require(TestSupport.read(expectedURL), "missing expectation \(expectedURL.path)")
        #expect(
            rendered == expected, "\(name) differs from its expectation: \(Self.firstDifference(rendered, expected))")
    }

    @Test("the outputs are exactly these files, in this order")
    func outputNames() throws {
        #expect(ReportFiles(try Self.render()).outputs.map(\.name) == Self.compared)
    }

    @Test("notebook.md is the notebook file, byte for byte")
    func notebookCopy() throws {
        let files = ReportFiles(try Self.render())
        let source = try #require(
            FileManager.default.contents(atPath: Self.golden.appendingPathComponent("notebook.md").path))
        #expect(files.outputs.first { $0.name == "notebook.md" }.map { Data($0.contents.utf8) } == source)
    }

    @Test("a stored version holds the rendered files and a manifest whose hashes match them")
    func manifest() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try Self.render()
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let outcome = try ReportStore(directory: directory.path).write(report, created: created)
        let version = directory.appendingPathComponent("v1")
        #expect(outcome == .created(version: "v1", directory: version.path))

        for name in Self.compared {
            let stored = FileManager.default.contents(atPath: version.appendingPathComponent(name).path)
            #expect(
                stored
                    == FileManager.default.contents(atPath: Self.golden.appendingPathComponent("expected/\(name)").path),
                "stored \(name) differs from its expectation")
        }

        let manifestText = try #require(TestSupport.read(version.appendingPathComponent("manifest.json")))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        let keys = [
            "schema", "tool", "platform", "notebook", "params", "seed", "inputs", "outputs", "checks", "warnings",
            "created",
        ]
        #expect(Set(manifest.keys) == Set(keys))
        let positions = keys.compactMap { manifestText.range(of: "\n  \"\($0)\":")?.lowerBound }
        #expect(
            positions.count == keys.count && positions == positions.sorted(),
            "top-level keys are written in a fixed order")

        let tool = manifest["tool"] as? [String: Any]
        #expect(tool?["name"] as? String == "evalbook")
        #expect(tool?["version"] as? String == EvalbookVersion.current)
        #expect((manifest["platform"] as? String)?.isEmpty == false)

        let notebookFile = Self.golden.appendingPathComponent("notebook.md").path
        let notebook = manifest["notebook"] as? [String: Any]
        #expect(notebook?["path"] as? String == Self.displayPath)
        #expect(notebook?["sha256"] as? String == FileDigest.sha256(fileAt: notebookFile)?.sha256)
        #expect(
            notebook?["sha256"] as? String
                == FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: notebookFile))))

        let params = manifest["params"] as? [String: Any]
        #expect(params?["threshold"] as? Double == 0.5)
        #expect(params?["segment"] as? String == "web")
        #expect(manifestText.contains("\"strict\": false"))
        #expect(manifest["seed"] as? Int == 42)

        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let csv = Self.golden.appendingPathComponent("data/orders.csv").path
        let digest = try #require(FileDigest.sha256(fileAt: csv), "FileDigest cannot read \(csv)")
        let csvBytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(digest.bytes == csvBytes.count)
        #expect(digest.sha256 == FileDigest.sha256(csvBytes))
        #expect(inputs.count == 1)
        #expect(inputs.first?["path"] as? String == "data/orders.csv")
        #expect(inputs.first?["bytes"] as? Int == csvBytes.count)
        #expect(inputs.first?["sha256"] as? String == FileDigest.sha256(csvBytes))

        let outputs = try #require(manifest["outputs"] as? [String: String])
        #expect(Set(outputs.keys) == Set(Self.compared))
        for (name, hash) in outputs {
            let data = try Data(contentsOf: version.appendingPathComponent(name))
            #expect(hash == FileDigest.sha256(data), "manifest hash of \(name)")
        }

        let checks = manifest["checks"] as? [String: Any]
        #expect(checks?["passed"] as? Int == 1)
        #expect(checks?["failed"] as? Int == 1)
        let failures = checks?["failures"] as? [[String: Any]]
        #expect(failures?.count == 1)
        #expect(failures?.first?["check"] as? String == "failed: acc == 1 (0.666667 != 1)")
        #expect(failures?.first?["line"] as? Int == 42)
        let warnings = manifest["warnings"] as? [[String: Any]]
        #expect(warnings?.map { $0["line"] as? Int } == [49])
        #expect(manifest["created"] as? String == "2023-11-14T22:13:20Z")
    }

    /// The first line on which two texts differ, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.components(separatedBy: "\n"), right = b.components(separatedBy: "\n")
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : "<end>", r = i < right.count ? right[i] : "<end>"
            if l != r { return "line \(i + 1): got \(l.debugDescription), expected \(r.debugDescription)" }
        }
        return "no line differs (line endings?)"
    }
}
