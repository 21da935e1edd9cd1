import ArgumentParser
import Foundation

/// The `evalbook` command: REPL by default, plus run, eval and functions.
@main
struct Evalbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalbook",
        abstract: "Notebook-style evaluation of ML models, with reproducible, versioned reports.",
        version: "0.1.0",
        subcommands: [ReplCommand.self, RunCommand.self, EvalCommand.self, FunctionsCommand.self],
        defaultSubcommand: ReplCommand.self
    )

    /// Parses and runs, mapping failures to the exit codes of SPEC §2: bad
    /// arguments are 2 (not ArgumentParser's 64), help and version are 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            Terminal.error(message.hasSuffix("\n") ? message : message + "\n")
            Foundation.exit(2)
        }
    }
}

/// Exit codes of SPEC §2.
enum Exit {
    static let checkFailed = ExitCode(1)
    static let error = ExitCode(2)
}
