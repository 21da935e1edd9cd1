import EvalData
import EvalLang
import Foundation
import OrderedCollections

/// `evalbook replay reports/NAME/vN` (SPEC §6): check the recorded inputs, re-run the
/// stored notebook with the recorded params and seed, and compare every output byte
/// for byte with the stored version.
package enum ReportReplay {
    /// An input whose bytes are not the recorded ones.
    package struct ChangedInput: Sendable, Equatable {
        package var path: String
        package var recorded: String
        /// nil when the file is gone or unreadable.
        package var current: String?
    }

    /// The first place a re-rendered output differs from the stored one.
    package struct Difference: Sendable, Equatable {
        package var file: String
        package var line: Int
        package var stored: [String]
        package var replayed: [String]
    }

    package struct Result: Sendable {
        package var version: String
        package var changedInputs: [ChangedInput]
        package var identical: [String]
        package var difference: Difference?
        /// Why the re-run failed (an error in a cell, or a notebook that no longer parses).
        package var failure: Diagnostic?

        package var reproduced: Bool { changedInputs.isEmpty && difference == nil && failure == nil }
    }

    package struct ReplayError: Error, Sendable {
        package var message: String
    }

    /// Replays the version folder `directory`, reading inputs under `root`.
    package static func replay(directory: String, root: String, allowRead: [String] = [], threads: Int = 2)
        throws(ReplayError) -> Result
    {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let version = (folder as NSString).lastPathComponent
        guard let manifest = ManifestFile.read(folder + "/manifest.json") else {
            throw ReplayError(message: "\(folder) is not a report version: it has no readable manifest.json")
        }
        guard let source = try? String(contentsOfFile: folder + "/notebook.md", encoding: .utf8) else {
            throw ReplayError(message: "\(folder) has no notebook.md to replay")
        }
        var result = Result(version: version, changedInputs: [], identical: [], difference: nil, failure: nil)
        for input in manifest.inputs {
            let resolved = input.path.hasPrefix("/") ? input.path : root + "/" + input.path
            let current = FileDigest.sha256(fileAt: resolved)?.sha256
            if current != input.sha256 {
                result.changedInputs.append(ChangedInput(path: input.path, recorded: input.sha256, current: current))
            }
        }
        let notebook: Notebook
        do { notebook = try NotebookParser.parse(source, path: manifest.notebookPath) } catch {
            result.failure = error.diagnostic
            return result
        }
        var options = RunOptions(root: root)
        options.allowRead = allowRead
        options.threads = threads
        options.paramValues = manifest.params
        options.seed = manifest.seed
        let report: Report
        do { report = try NotebookRunner.run(notebook, options: options) } catch {
            result.failure = error.diagnostic
            return result
        }
        for file in ReportFiles(report).outputs {
            let stored = (try? String(contentsOfFile: "\(folder)/\(file.name)", encoding: .utf8)) ?? ""
            if stored == file.contents {
                result.identical.append(file.name)
            } else if result.difference == nil {
                result.difference = firstDifference(file.name, stored: stored, replayed: file.contents)
            }
        }
        return result
    }

    /// The first differing line (1-based) with up to two lines of context before it.
    static func firstDifference(_ name: String, stored: String, replayed: String) -> Difference {
        let a = stored.components(separatedBy: "\n"), b = replayed.components(separatedBy: "\n")
        var line = 0
        while line < min(a.count, b.count), a[line] == b[line] { line += 1 }
        let from = max(0, line - 2)
        return Difference(
            file: name, line: line + 1,
            stored: Array(a[from..<min(a.count, line + 1)]), replayed: Array(b[from..<min(b.count, line + 1)]))
    }
}

/// The parts of `manifest.json` that replay and diff read.
package struct ManifestFile: Sendable {
    package struct Input: Sendable, Equatable {
        package var path: String
        package var sha256: String
    }

    package var notebookPath: String
    package var notebookSHA256: String
    package var params: [(name: String, value: Value)]
    package var seed: UInt64
    package var inputs: [Input]
    package var passed: Int
    package var failed: Int
    /// Failed checks as recorded: `failed: roc_auc(y, p) >= 0.8 (…)`.
    package var failures: [String]
    package var created: String

    package static func read(_ path: String) -> ManifestFile? {
        guard let data = FileManager.default.contents(atPath: path),
            let raw = try? JSONDecoder().decode(Raw.self, from: data)
        else { return nil }
        // JSON objects carry no order that survives decoding; sort so output is stable.
        let params = (raw.params ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value.value) }
        return ManifestFile(
            notebookPath: raw.notebook.path, notebookSHA256: raw.notebook.sha256 ?? "", params: params,
            seed: raw.seed.map { UInt64(max(0, min($0, 1.8e19))) } ?? 0,
            inputs: (raw.inputs ?? []).map { Input(path: $0.path, sha256: $0.sha256 ?? "") },
            passed: Int(raw.checks?.passed ?? 0), failed: Int(raw.checks?.failed ?? 0),
            failures: (raw.checks?.failures ?? []).map(\.check), created: raw.created ?? "")
    }

    /// The manifest as written by `ReportFiles.manifest`.
    private struct Raw: Decodable {
        struct Notebook: Decodable { var path: String; var sha256: String? }
        struct InputFile: Decodable { var path: String; var sha256: String? }
        struct Failure: Decodable { var check: String }
        struct Checks: Decodable { var passed: Double?; var failed: Double?; var failures: [Failure]? }
        var notebook: Notebook
        var params: [String: JSONValue]?
        var seed: Double?
        var inputs: [InputFile]?
        var checks: Checks?
        var created: String?
    }
}

/// Any JSON value, decoded with bools kept apart from numbers.
package indirect enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), number(Double), string(String), list([JSONValue]), object([String: JSONValue])

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let l = try? c.decode([JSONValue].self) {
            self = .list(l)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    /// As a cell-language value; objects become records with sorted fields.
    package var value: Value {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(\.value))
        case .object(let o):
            .record(
                Record(
                    OrderedDictionary(
                        uniqueKeysWithValues: o.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) })))
        }
    }
}
