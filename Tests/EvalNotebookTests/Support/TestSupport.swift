import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Fixture files, scratch folders and one-call runs shared by the notebook tests.
enum TestSupport {
    /// The copied `Fixtures` folder inside the test bundle.
    static var fixtures: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    /// The `Fixtures` folder in the source tree, where regenerated expectations go.
    static var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    /// A fresh empty folder under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("evalbook-notebook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` under `directory`, creating folders on the way.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Parses notebook text, failing the test with the rendered error if it does not parse.
    static func parse(_ text: String, path: String = "nb.md") throws -> Notebook {
        do {
            return try NotebookParser.parse(text, path: path)
        } catch {
            Issue.record("notebook did not parse: \(printed(error.diagnostic))")
            throw error
        }
    }

    /// The error a notebook text fails to parse with, or nil when it parses.
    static func parseError(_ text: String, path: String = "nb.md") -> NotebookError? {
        do {
            _ = try NotebookParser.parse(text, path: path)
            return nil
        } catch {
            return error
        }
    }

    /// Parses and runs notebook text with files under `root`.
    static func run(
        _ text: String, path: String = "nb.md", root: URL? = nil,
        params: [(String, String)] = []
    ) throws -> Report {
        let notebook = try parse(text, path: path)
        var options = RunOptions(root: (root ?? FileManager.default.temporaryDirectory).path)
        options.params = params.map { (name: $0.0, value: $0.1) }
        do {
            return try NotebookRunner.run(notebook, options: options)
        } catch {
            switch error {
            case .notebook(let e): Issue.record("run failed: \(printed(e.diagnostic))")
            case .cell(let d): Issue.record("run failed: \(printed(d))")
            }
            throw error
        }
    }

    /// The failure a notebook text's run stops with, or nil when it runs.
    static func runFailure(
        _ text: String, path: String = "nb.md", root: URL? = nil,
        params: [(String, String)] = []
    ) throws -> RunFailure? {
        let notebook = try parse(text, path: path)
        var options = RunOptions(root: (root ?? FileManager.default.temporaryDirectory).path)
        options.params = params.map { (name: $0.0, value: $0.1) }
        do {
            _ = try NotebookRunner.run(notebook, options: options)
            return nil
        } catch {
            return error
        }
    }

    /// The text of a file, or nil when it cannot be read as UTF-8.
    static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
    }
}

extension Notebook.Segment {
    /// The prose text, or nil for a cell.
    var prose: String? {
        if case .prose(let text) = self { text } else { nil }
    }
}

/// A value as its JSON text, which tells numbers, strings, bools and null apart
/// (`Value` itself is not `Equatable`).
func json(_ value: Value?) -> String? {
    value.map { JSON($0).text() }
}
