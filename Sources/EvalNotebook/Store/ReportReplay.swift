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
        /// Claims of the manifest that the stored files or the re-run contradict (an output hash, the check
        /// counts), or inputs it names outside the read policy: a forged or damaged version.
        package var untrusted: [Diagnostic] = []
        /// Files in the version folder that the run did not make.
        package var unexpectedFiles: [String] = []

        package var reproduced: Bool {
            changedInputs.isEmpty && difference == nil && failure == nil && untrusted.isEmpty
                && unexpectedFiles.isEmpty
        }
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
        // The manifest is untrusted input: its inputs are read under the notebook's own read policy, so a tampered
        // path cannot make replay hash files outside the project or block on a device.
        let policy = FileAccess(root: root, allowed: allowRead)
        for input in manifest.inputs {
            let current: String?
            switch policy.resolve(input.path) {
            case .success(let resolved): current = FileDigest.sha256(fileAt: resolved)?.sha256
            case .failure(.notFound): current = nil
            case .failure:
                result.untrusted.append(
                    .error(
                        "the manifest names an input outside what the notebook may read: `\(input.path)`", file: path,
                        help: "a version's inputs are files under the project root"))
                continue
            }
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
        verifyClaims(manifest, report: report, folder: folder, manifestPath: path, into: &result)
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

    /// Checks what the manifest says about the stored files and the run against what is there: every recorded
    /// output hash, the check counts, and no file the run did not make.
    static func verifyClaims(
        _ manifest: Manifest, report: Report, folder: String, manifestPath: String, into result: inout Result
    ) {
        for (name, recorded) in manifest.outputs {
            let safe = !name.hasPrefix("/") && !name.split(separator: "/").contains("..")
            let stored = safe ? FileManager.default.contents(atPath: "\(folder)/\(name)") : nil
            if stored.map({ FileDigest.sha256($0) }) != recorded {
                result.untrusted.append(
                    .error("the manifest's hash of `\(name)` does not match the stored file", file: manifestPath))
            }
        }
        if manifest.checks.passed != report.passedChecks || manifest.checks.failed != report.failedChecks {
            result.untrusted.append(
                .error(
                    "the manifest records \(manifest.checks.passed) passed and \(manifest.checks.failed) failed "
                        + "checks, the re-run has \(report.passedChecks) and \(report.failedChecks)",
                    file: manifestPath))
        }
        let expected = Set(manifest.outputs.keys).union(["manifest.json"])
        result.unexpectedFiles = files(under: folder).filter { !expected.contains($0) }
    }

    /// Every regular file under `folder`, as paths relative to it, sorted; links are listed, not followed.
    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            var info = stat()
            guard lstat("\(folder)/\(next)", &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            out.append(next)
            if out.count > 100_000 { break }
        }
        return out.sorted()
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
