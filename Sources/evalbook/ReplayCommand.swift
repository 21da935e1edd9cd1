import ArgumentParser
import EvalNotebook
import Foundation

/// `evalbook replay reports/NAME/vN`: whether this version reproduces, byte for byte.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract:
            "Re-run a report version's notebook with its recorded params and seed and compare every output byte for byte."
    )

    @Argument(help: "A report version folder, such as reports/churn/v3, or a report folder for its latest version.")
    var version: String

    @OptionGroup var files: FileOptions

    func run() throws {
        var folder = version.hasSuffix("/") ? String(version.dropLast()) : version
        // A report folder replays its latest version.
        if !FileManager.default.fileExists(atPath: folder + "/manifest.json") {
            let store = ReportStore(directory: folder)
            if let latest = store.latest() { folder += "/" + latest }
        }
        let result: ReportReplay.Result
        do {
            result = try ReportReplay.replay(directory: folder, root: files.rootPath, allowRead: files.allowRead)
        } catch {
            Terminal.report(error.diagnostic)
            throw Exit.error
        }
        for input in result.changedInputs {
            let now = input.current.map { String($0.prefix(12)) } ?? "missing"
            Terminal.error("input changed: \(input.path): \(input.recorded.prefix(12)) → \(now)\n")
        }
        for finding in result.untrusted { Terminal.report(finding) }
        for name in result.unexpectedFiles {
            Terminal.report(.error("a file the run did not make", file: "\(folder)/\(name)"))
        }
        if let failure = result.failure {
            Terminal.report(failure)
            Terminal.error("not reproduced \(result.version): the notebook no longer runs\n")
            throw Exit.checkFailed
        }
        if let d = result.difference {
            Terminal.error("not reproduced \(result.version): \(d.file) differs at line \(d.line)\n")
            let first = d.line - (d.stored.count - 1)
            for (i, line) in d.stored.enumerated() { Terminal.error("  stored   \(first + i) | \(line)\n") }
            let firstReplayed = d.line - (d.replayed.count - 1)
            for (i, line) in d.replayed.enumerated() { Terminal.error("  replayed \(firstReplayed + i) | \(line)\n") }
            throw Exit.checkFailed
        }
        if !result.untrusted.isEmpty || !result.unexpectedFiles.isEmpty {
            Terminal.error("not reproduced \(result.version): the stored version is not what its manifest says\n")
            throw Exit.checkFailed
        }
        if !result.changedInputs.isEmpty {
            Terminal.error(
                "not reproduced \(result.version): \(result.changedInputs.count) input(s) changed, although the outputs match\n"
            )
            throw Exit.checkFailed
        }
        Terminal.out("reproduced \(result.version): \(result.identical.count) files identical\n")
    }
}
