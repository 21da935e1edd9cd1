import EvalData
import EvalLang
import Foundation

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

    /// Replays the version folder `directory`, reading inputs under `root`.
    package static func replay(directory: String, root: String, allowRead: [String] = [], threads: Int = 2)
        throws(ReplayError) -> Result
    {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let version = (folder as NSString).lastPathComponent
        let path = folder + "/manifest.json"
        let manifest: Manifest
        do { manifest = try Manifest.read(path) } catch {
            throw error == .notFound ? .notAVersion(folder) : .unreadableManifest(path, error)
        }
        guard let source = try? String(contentsOfFile: folder + "/notebook.md", encoding: .utf8) else {
            throw .noNotebook(folder)
        }
        var result = Result(version: version, changedInputs: [], identical: [], difference: nil, failure: nil)
        for input in manifest.inputs {
            let resolved = input.path.hasPrefix("/") ? input.path : root + "/" + input.path
            let current = FileDigest.sha256(fileAt: resolved)?.sha256
            // A hash the run could not record (null) never matches, so the input is named.
            let recorded = input.sha256 ?? ""
            if current != recorded {
                result.changedInputs.append(ChangedInput(path: input.path, recorded: recorded, current: current))
            }
        }
        let notebook: Notebook
        do { notebook = try NotebookParser.parse(source, path: manifest.notebook.path) } catch {
            result.failure = error.diagnostic
            return result
        }
        var options = RunOptions(root: root)
        options.allowRead = allowRead
        options.threads = threads
        options.paramValues = manifest.params.map { (name: $0.key, value: $0.value.value) }
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
