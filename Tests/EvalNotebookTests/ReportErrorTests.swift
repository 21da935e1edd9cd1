import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Hostile or damaged report files end in typed errors, never traps; every store, replay and diff error prints as
/// one diagnostic.
@Suite("Report errors")
struct ReportErrorTests {
    /// A committed schema-1 manifest's text.
    static var manifest: String {
        let url = TestSupport.fixtures.appendingPathComponent("schema1/manifest.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The manifest with `old` replaced by `new`, read.
    static func manifestError(replacing old: String, with new: String) -> SchemaError? {
        #expect(manifest.contains(old), "the fixture has no \(old)")
        let json: JSON
        do { json = try JSON.parse(Array(manifest.replacingOccurrences(of: old, with: new).utf8)) } catch {
            return .syntax(error)
        }
        do {
            _ = try Manifest(json: json)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a manifest field of the wrong kind names the field",
        arguments: [
            (
                "\"seed\": 7", "\"seed\": 123456789012345678901234567890",
                SchemaError.wrongType(field: "seed", expected: "a whole number ≥ 0")
            ),
            ("\"seed\": 7", "\"seed\": -1", .wrongType(field: "seed", expected: "a whole number ≥ 0")),
            ("\"seed\": 7", "\"seed\": 2.5", .wrongType(field: "seed", expected: "a whole number ≥ 0")),
            ("\"seed\": 7", "\"seed\": \"7\"", .wrongType(field: "seed", expected: "a whole number ≥ 0")),
            ("\"passed\": 5", "\"passed\": 1e300", .wrongType(field: "checks.passed", expected: "a whole number ≥ 0")),
            (
                "\"passed\": 5", "\"passed\": 9223372036854775808",
                .wrongType(field: "checks.passed", expected: "a whole number ≥ 0")
            ),
            (
                "\"bytes\": 268633", "\"bytes\": true",
                .wrongType(field: "inputs[0].bytes", expected: "a whole number ≥ 0")
            ),
            (
                "\"sha256\": \"ff0a", "\"sha256\": 5, \"x\": \"ff0a",
                .wrongType(field: "inputs[0].sha256", expected: "text or null")
            ),
            ("\"failures\": []", "\"failures\": {}", .wrongType(field: "checks.failures", expected: "an array")),
            ("\"failures\": []", "\"failures\": [3]", .wrongType(field: "checks.failures[0]", expected: "an object")),
            ("\"failures\": []", "\"failures\": [{\"line\": 1}]", .missingField("checks.failures[0].check")),
            ("\"warnings\": [],", "", .missingField("warnings")),
            ("\"platform\": \"linux-x86_64\"", "\"platform\": null", .wrongType(field: "platform", expected: "text")),
            ("\"notebook\": {", "\"notebook\": [], \"x\": {", .wrongType(field: "notebook", expected: "an object")),
            (
                "\"report.md\": \"27d5", "\"report.md\": [], \"y\": \"27d5",
                .wrongType(field: "outputs.report.md", expected: "text")
            ),
            ("{\n  \"tool\"", "{\n  \"schema\": 3,\n  \"tool\"", .newerSchema(3)),
            (
                "{\n  \"tool\"", "{\n  \"schema\": 0,\n  \"tool\"",
                .wrongType(field: "schema", expected: "a schema version from 1")
            ),
        ])
    func wrongFields(old: String, new: String, expected: SchemaError) {
        #expect(Self.manifestError(replacing: old, with: new) == expected)
    }

    @Test("an explicit schema 2 manifest reads; a truncated one is a syntax error")
    func schemaAndTruncation() throws {
        #expect(Self.manifestError(replacing: "{\n  \"tool\"", with: "{\n  \"schema\": 2,\n  \"tool\"") == nil)
        let half = String(Self.manifest.prefix(Self.manifest.count / 2))
        #expect(JSONTests.syntaxError(half)?.problem == .unexpectedEnd)
        #expect(throws: SchemaError.wrongType(field: "", expected: "an object")) {
            try MetricsFile(json: .array([.number(1)]))
        }
    }

    @Test("files that are missing, folders, or empty are typed errors")
    func files() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: SchemaError.notFound) { try Manifest.read(root.path + "/none.json") }
        #expect(throws: SchemaError.unreadable) { try MetricsFile.read(root.path) }
        let empty = try TestSupport.write("", to: "metrics.json", in: root)
        #expect(throws: SchemaError.syntax(JSONSyntaxError(problem: .unexpectedEnd, line: 1, column: 1))) {
            try MetricsFile.read(empty.path)
        }
    }

    @Test("replay and diff of damaged versions throw their typed errors")
    func damagedVersions() throws {
        let (root, version) = try ReplayTests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: DiffError.tooFewVersions(folder: root.path + "/reports/nb", count: 1)) {
            try ReportDiff.lastTwo(in: root.path + "/reports/nb")
        }
        try TestSupport.write("{\"a\": 1", to: "reports/nb/v1/metrics.json", in: root)
        let metrics = version + "/metrics.json"
        #expect(
            throws: DiffError.unreadableMetrics(
                metrics, .syntax(JSONSyntaxError(problem: .unexpectedEnd, line: 1, column: 8)))
        ) { try ReportDiff(old: version, new: version) }
        try TestSupport.write("[]", to: "reports/nb/v1/manifest.json", in: root)
        let manifest = version + "/manifest.json"
        #expect(throws: ReplayError.unreadableManifest(manifest, .wrongType(field: "", expected: "an object"))) {
            try ReportReplay.replay(directory: version, root: root.path)
        }
        #expect(throws: DiffError.unreadableManifest(manifest, .wrongType(field: "", expected: "an object"))) {
            try ReportDiff(old: version, new: version)
        }
        try FileManager.default.removeItem(atPath: manifest)
        #expect(throws: ReplayError.notAVersion(version)) {
            try ReportReplay.replay(directory: version, root: root.path)
        }
        #expect(throws: DiffError.notAVersion(version)) { try ReportDiff(old: version, new: version) }
    }
}
