import ArgumentParser
import EvalLang
import EvalNotebook
import EvalSQL
import Foundation

/// `evalbook run NOTEBOOK`: run every cell and write a new report version.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook and write a new report version under reports/NAME/."
    )

    @Argument(help: "The notebook (.md) to run.")
    var notebook: String

    @Option(name: .customLong("param"), help: "Override a front-matter param: name=value (repeatable).")
    var params: [String] = []

    @Option(help: "The folder that holds report folders.")
    var reports: String?

    @Flag(help: "Exit 1 when any expect failed.")
    var check = false

    @Option(help: "Also write the checks as JUnit XML to this file, for CI test reports.")
    var junit: String?

    @OptionGroup var files: FileOptions

    func validate() throws {
        if let reports, reports.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reports needs a folder; an empty path would write into the working directory")
        }
        if let junit, junit.isEmpty { throw ValidationError("--junit needs a file path") }
    }

    func run() throws {
        let root = files.rootPath
        let loaded: Notebook
        do { loaded = try NotebookParser.load(path: notebook) } catch {
            Terminal.report(error.diagnostic)
            throw Exit.error
        }
        var options = RunOptions(root: root)
        options.allowRead = files.allowRead
        options.progress = Terminal.progress
        let connections = try files.connections()
        defer { connections.closeAll() }
        options.connections = connections
        for text in params {
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                Terminal.report(NotebookError.invalidParamArgument(text).diagnostic)
                throw Exit.error
            }
            options.params.append((String(text[..<eq]), String(text[text.index(after: eq)...])))
        }
        guard
            let report = NotebookRun.runAndStore(
                loaded, options: options, reports: reports ?? (root + "/reports"), junit: junit)
        else {
            throw Exit.error
        }
        if check, report.failedChecks > 0 { throw Exit.checkFailed }
    }
}

/// `--root` and `--allow-read`: the file policy of SPEC §9.
struct FileOptions: ParsableArguments {
    @Option(help: "The project root; notebooks read files only under it (default: the working directory).")
    var root: String?

    @Option(name: .customLong("allow-read"), help: "Also allow reading under this path (repeatable).")
    var allowRead: [String] = []

    @Option(
        name: .customLong("connect"),
        help:
            "Define a connection: NAME=postgresql://USER@HOST:PORT/DATABASE (repeatable; password from PGPASSWORD or ~/.pgpass)."
    )
    var connect: [String] = []

    /// The named connections (evalbook.toml under the root, then --connect), or exit 2.
    func connections() throws -> Connections {
        guard let connections = ConnectOptions.connections(root: rootPath, commandLine: connect) else {
            throw Exit.error
        }
        return connections
    }

    var rootPath: String {
        root ?? FileManager.default.currentDirectoryPath
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        if let root, !(FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue)
        {
            throw ValidationError("--root \(root) is not a folder")
        }
    }
}

/// Shared printing of run results.
enum Output {
    static func checksAndWarnings(_ checks: [Check], _ warnings: [Warning], path: String) {
        for check in checks where !check.passed {
            Terminal.error("\(path):\(check.span.line): " + Terminal.paint(check.summary, "31", stderr: true) + "\n")
        }
        for warning in warnings {
            Terminal.warn(warning, file: path)
        }
    }

    /// The headline numbers: the first top-level metrics, and the checks.
    static func headline(_ report: Report) {
        for (name, value) in report.metrics.prefix(10) {
            Terminal.out("  \(name) = \(value.inlineText)\n")
        }
        if !report.checks.isEmpty {
            Terminal.out("  checks: \(report.passedChecks) passed, \(report.failedChecks) failed\n")
        }
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
