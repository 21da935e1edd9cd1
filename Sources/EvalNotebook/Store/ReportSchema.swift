import EvalData
import EvalLang
import Foundation
import OrderedCollections

/// `manifest.json`: the provenance of one report version (SPEC §6), and the only file with a time in it.
///
/// One type for every reader and writer: the store writes it, replay reads the notebook, inputs, params and seed,
/// diff the params, seed, inputs and checks, and the index the time, notebook hash and check counts.
///
/// Schema versions, in the `schema` field:
/// - 1: the files written before the field existed (evalbook 0.1.0; every report committed under `reports/` so
///   far). They have no `schema` field and otherwise the same fields as 2.
/// - 2: the fields below, with `"schema": 2` first.
///
/// A later version adds its number here and keeps reading the older ones; a file with a newer number than this
/// build knows is refused with `SchemaError.newerSchema`, not misread.
package struct Manifest: Sendable, Equatable {
    /// The schema version this build writes, and the newest it reads.
    package static let schema = 2

    /// The program that wrote the version.
    package struct Tool: Sendable, Equatable {
        package var name: String
        package var version: String
    }

    /// The notebook as it was run: its path as given and the SHA-256 of its text.
    package struct NotebookFile: Sendable, Equatable {
        package var path: String
        package var sha256: String
    }

    /// A file the run read; `bytes` and `sha256` are nil when it could no longer be read after the run.
    package struct Input: Sendable, Equatable {
        package var path: String
        package var bytes: Int?
        package var sha256: String?
    }

    /// A failed check: its summary as printed (`failed: roc_auc(y, p) >= 0.8 (…)`) and its notebook line.
    package struct Failure: Sendable, Equatable {
        package var check: String
        package var line: Int
    }

    /// How many checks passed and failed, and which failed.
    package struct Checks: Sendable, Equatable {
        package var passed: Int
        package var failed: Int
        package var failures: [Failure]
    }

    /// A warning of the run, with its notebook line.
    package struct Warning: Sendable, Equatable {
        package var message: String
        package var line: Int
    }

    /// 1 for a file without the field; see the type's documentation.
    package var schema: Int
    package var tool: Tool
    /// Operating system and architecture, such as `linux-x86_64`.
    package var platform: String
    package var notebook: NotebookFile
    /// The params the run used, in the notebook's order.
    package var params: OrderedDictionary<String, JSON>
    package var seed: UInt64
    package var inputs: [Input]
    /// Every output file, in `ReportFiles` order, with the SHA-256 of its contents.
    package var outputs: OrderedDictionary<String, String>
    package var checks: Checks
    package var warnings: [Warning]
    /// The time of the run in ISO 8601, kept as written so a manifest reads back to the same text.
    package var created: String

    /// The manifest of `report`, whose rendered files are `outputs`, run at `created`.
    package init(_ report: Report, outputs: [(name: String, contents: String)], created: Date) {
        schema = Manifest.schema
        tool = Tool(name: "evalbook", version: EvalbookVersion.current)
        platform = Manifest.currentPlatform
        notebook = NotebookFile(
            path: report.notebook.path, sha256: FileDigest.sha256(Data(report.notebook.source.utf8)))
        params = report.params.mapValues(JSON.init)
        seed = report.seed
        inputs = report.inputs.map { input in
            let digest = FileDigest.sha256(fileAt: input.resolvedPath)
            return Input(path: input.path, bytes: digest?.bytes, sha256: digest?.sha256)
        }
        self.outputs = [:]
        for output in outputs { self.outputs[output.name] = FileDigest.sha256(Data(output.contents.utf8)) }
        checks = Checks(
            passed: report.passedChecks, failed: report.failedChecks,
            failures: report.checks.filter { !$0.passed }.map { Failure(check: $0.summary, line: $0.span.line) })
        warnings = report.warnings.map { Warning(message: $0.message, line: $0.span.line) }
        self.created = ISO8601DateFormatter().string(from: created)
    }

    /// The manifest as JSON, keys in the order every version of evalbook has written them.
    package var json: JSON {
        // A schema-1 manifest read back writes no `schema`, so it returns to its own bytes.
        var fields: [(String, JSON)] = schema >= 2 ? [("schema", .integer(Int128(schema)))] : []
        fields += [
            ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
            ("platform", .string(platform)),
            ("notebook", .object([("path", .string(notebook.path)), ("sha256", .string(notebook.sha256))])),
            ("params", .object(params.map { ($0.key, $0.value) })),
            // Seeds come from front matter as 64-bit integers; the fallback only keeps this total.
            ("seed", .integer(Int128(seed))),
            (
                "inputs",
                .array(
                    inputs.map {
                        .object([
                            ("path", .string($0.path)), ("bytes", $0.bytes.map { .integer(Int128($0)) } ?? .null),
                            ("sha256", $0.sha256.map(JSON.string) ?? .null),
                        ])
                    })
            ),
            ("outputs", .object(outputs.map { ($0.key, .string($0.value)) })),
            (
                "checks",
                .object([
                    ("passed", .integer(Int128(checks.passed))), ("failed", .integer(Int128(checks.failed))),
                    (
                        "failures",
                        .array(
                            checks.failures.map {
                                .object([("check", .string($0.check)), ("line", .integer(Int128($0.line)))])
                            })
                    ),
                ])
            ),
            (
                "warnings",
                .array(
                    warnings.map { .object([("message", .string($0.message)), ("line", .integer(Int128($0.line)))]) }
                )
            ),
            ("created", .string(created)),
        ]
        return .object(fields)
    }

    /// The text of `manifest.json`.
    package var text: String { json.text() + "\n" }

    /// Reads a manifest of any known schema version; every field is checked for its type.
    package init(json: JSON) throws(SchemaError) {
        let top = try SchemaFields(json, at: "")
        if let version = top.optional("schema") {
            let number = try SchemaFields.count(version, field: "schema")
            guard number <= Manifest.schema else { throw .newerSchema(number) }
            guard number >= 1 else { throw .wrongType(field: "schema", expected: "a schema version from 1") }
            schema = number
        } else {
            schema = 1
        }
        let tool = try top.object("tool")
        self.tool = Tool(name: try tool.string("name"), version: try tool.string("version"))
        platform = try top.string("platform")
        let notebook = try top.object("notebook")
        self.notebook = NotebookFile(path: try notebook.string("path"), sha256: try notebook.string("sha256"))
        params = try top.object("params").all
        seed = try top.seed("seed")
        inputs = []
        for input in try top.objects("inputs") {
            inputs.append(
                Input(
                    path: try input.string("path"), bytes: try input.nullableCount("bytes"),
                    sha256: try input.nullableString("sha256")))
        }
        let outputs = try top.object("outputs")
        self.outputs = [:]
        for (name, _) in outputs.all { self.outputs[name] = try outputs.string(name) }
        let checks = try top.object("checks")
        var failures: [Failure] = []
        for failure in try checks.objects("failures") {
            failures.append(Failure(check: try failure.string("check"), line: try failure.count("line")))
        }
        self.checks = Checks(passed: try checks.count("passed"), failed: try checks.count("failed"), failures: failures)
        warnings = []
        for warning in try top.objects("warnings") {
            warnings.append(Warning(message: try warning.string("message"), line: try warning.count("line")))
        }
        created = try top.string("created")
    }

    /// Reads the `manifest.json` at `path`.
    package static func read(_ path: String) throws(SchemaError) -> Manifest {
        try Manifest(json: try SchemaFields.document(at: path))
    }

    /// The platform this build runs on, as manifests record it.
    static var currentPlatform: String {
        #if os(Linux)
            let os = "linux"
        #elseif os(macOS)
            let os = "macos"
        #else
            let os = "unknown"
        #endif
        #if arch(x86_64)
            return os + "-x86_64"
        #elseif arch(arm64)
            return os + "-arm64"
        #else
            return os
        #endif
    }
}

/// `metrics.json`: every top-level binding of a run that is a number, or a record or list of numbers, by name in
/// definition order (SPEC §6).
///
/// Written by the store and compared byte for byte by replay; read by diff (every number) and the index (the
/// first top-level numbers). It has no schema field: it is a plain object of metrics, and stays one.
package struct MetricsFile: Sendable, Equatable {
    package var values: OrderedDictionary<String, JSON>

    package init(_ values: OrderedDictionary<String, JSON>) {
        self.values = values
    }

    /// The metrics of a run, at full precision.
    package init(_ metrics: OrderedDictionary<String, Value>) {
        values = metrics.mapValues(JSON.init)
    }

    /// The text of `metrics.json`.
    package var text: String { JSON.object(values.map { ($0.key, $0.value) }).text() + "\n" }

    /// Reads metrics from JSON, which must be an object; its values may be any JSON.
    package init(json: JSON) throws(SchemaError) {
        values = try SchemaFields(json, at: "").all
    }

    /// Reads the `metrics.json` at `path`.
    package static func read(_ path: String) throws(SchemaError) -> MetricsFile {
        try MetricsFile(json: try SchemaFields.document(at: path))
    }

    /// The top-level entries that are numbers (not bools, not records), in file order.
    package var numbers: [(name: String, value: Double)] {
        values.compactMap { entry in entry.value.number.map { (entry.key, $0) } }
    }
}
