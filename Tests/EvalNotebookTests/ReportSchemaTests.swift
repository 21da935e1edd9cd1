import EvalLang
import Foundation
import OrderedCollections
import Testing

@testable import EvalNotebook

/// The report schema (`Manifest`, `MetricsFile`) and its one JSON type: what is written reads back equal, in
/// order and to the same bytes, and the committed schema-1 reports stay readable.
@Suite("Report schema")
struct ReportSchemaTests {
    /// The manifest of the golden notebook's run: params, a failed check and a warning.
    static func goldenManifest() throws -> (Report, Manifest) {
        let report = try GoldenTests.render()
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        return (report, Manifest(report, outputs: ReportFiles(report).outputs, created: created))
    }

    /// Every committed version folder, such as `…/reports/churn/v1`.
    static var committedVersions: [String] {
        ReplayTests.committedReports.flatMap { name in
            let store = ReportStore(directory: ReplayTests.repository.appendingPathComponent("reports/\(name)").path)
            return store.versions().map { "\(store.directory)/\($0)" }
        }
    }

    @Test("a manifest reads back equal to what was written, and writes back to the same bytes")
    func manifestRoundTrip() throws {
        let (report, manifest) = try Self.goldenManifest()
        #expect(manifest.schema == Manifest.schema)
        #expect(manifest.text.hasPrefix("{\n  \"schema\": 2,\n  \"tool\": {\n    \"name\": \"evalbook\","))
        let read = try Manifest(json: try JSON.parse(Array(manifest.text.utf8)))
        #expect(read == manifest)
        #expect(read.text == manifest.text)
        #expect(Array(read.params.keys) == Array(report.params.keys), "params keep the notebook's order")
        #expect(read.checks.failures == [Manifest.Failure(check: "failed: acc == 1 (0.666667 != 1)", line: 42)])
        #expect(read.warnings.map(\.line) == [49])
        #expect(read.created == "2023-11-14T22:13:20Z")
        #expect(Array(read.outputs.keys) == ReportFiles(report).outputs.map(\.name))
    }

    @Test("the store writes the manifest that reads back")
    func storedManifestReads() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (report, manifest) = try Self.goldenManifest()
        _ = try ReportStore(directory: directory.path).write(
            report, created: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try Manifest.read(directory.appendingPathComponent("v1/manifest.json").path) == manifest)
    }

    @Test("a manifest written before the schema field reads as version 1")
    func schemaOneManifest() throws {
        let path = TestSupport.fixtures.appendingPathComponent("schema1/manifest.json").path
        let manifest = try Manifest.read(path)
        #expect(manifest.schema == 1)
        #expect(manifest.tool == Manifest.Tool(name: "evalbook", version: "0.1.0"))
        #expect(manifest.notebook.path == "notebooks/churn.md")
        #expect(
            Array(manifest.params.keys) == [
                "save_rate", "discount", "discount_months", "months_kept", "default_threshold",
            ])
        #expect(manifest.params["save_rate"] == .number(0.3))
        #expect(manifest.seed == 7)
        #expect(manifest.inputs.map(\.bytes) == [268_633])
        #expect(manifest.outputs.keys.last == "figures/profit-plot.svg")
        #expect(manifest.checks == Manifest.Checks(passed: 5, failed: 0, failures: []))
        #expect(manifest.created == "2026-11-29T07:33:03Z")
        // Read back, it writes no schema field: the same bytes as the file.
        #expect(Data(manifest.text.utf8) == FileManager.default.contents(atPath: path))
    }

    @Test(
        "every committed manifest and metrics file reads, and writes back to its own bytes",
        arguments: committedVersions)
    func committedFilesRoundTrip(version: String) throws {
        let manifestPath = version + "/manifest.json", metricsPath = version + "/metrics.json"
        let manifest = try Manifest.read(manifestPath)
        // Versions rendered before schema 2 carry no schema field (schema 1); newer ones say 2.
        let bytes = FileManager.default.contents(atPath: manifestPath) ?? Data()
        let declared = String(decoding: bytes, as: UTF8.self).contains("\n  \"schema\": 2,\n") ? 2 : 1
        #expect(manifest.schema == declared)
        #expect(Data(manifest.text.utf8) == FileManager.default.contents(atPath: manifestPath))
        let metrics = try MetricsFile.read(metricsPath)
        #expect(Data(metrics.text.utf8) == FileManager.default.contents(atPath: metricsPath))
    }

    @Test("metrics.json keeps the binding order, nested order and every number's bytes")
    func metricsRoundTrip() throws {
        var record = Record()
        record["z"] = .number(0.1 + 0.2)
        record["a"] = .null
        let metrics: OrderedDictionary<String, Value> = [
            "zeta": .number(2), "alpha": .record(record), "big": .number(1e300 * 10), "list": .list([.number(-0.5)]),
            "tiny": .number(5e-324), "huge": .number(1.7976931348623157e308),
        ]
        let file = MetricsFile(metrics)
        let expected = """
            {
              "zeta": 2,
              "alpha": {
                "z": 0.30000000000000004,
                "a": null
              },
              "big": 1e+301,
              "list": [-0.5],
              "tiny": 5e-324,
              "huge": 1.7976931348623157e+308
            }

            """
        #expect(file.text == expected)
        let read = try MetricsFile(json: try JSON.parse(Array(expected.utf8)))
        #expect(Array(read.values.keys) == ["zeta", "alpha", "big", "list", "tiny", "huge"])
        #expect(read.text == expected)
        #expect(read == file)
        #expect(read.numbers.map(\.name) == ["zeta", "big", "tiny", "huge"], "records and lists are not headlines")
    }

    @Test("the index's headline numbers skip bools, text and null")
    func headlineNumbers() throws {
        let file = try MetricsFile(
            json: try JSON.parse(Array(#"{"ok": true, "name": "x", "gap": null, "one": 1, "half": 0.5}"#.utf8)))
        #expect(file.numbers.map(\.name) == ["one", "half"])
        #expect(file.numbers.map(\.value) == [1, 0.5])
    }
}
