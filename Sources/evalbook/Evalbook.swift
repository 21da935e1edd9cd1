import ArgumentParser
import EvalNotebook
import Foundation

/// The `evalbook` command: REPL by default, plus run, eval and functions.
@main
struct Evalbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalbook",
        abstract: "Notebook-style evaluation of ML models, with reproducible, versioned reports.",
        version: EvalbookVersion.current,
        subcommands: [
            ReplCommand.self, RunCommand.self, ReplayCommand.self, DiffCommand.self, EvalCommand.self,
            FunctionsCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    /// Runs the command on a thread with a large stack, so that deeply nested input
    /// ends in a located error from the interpreter's depth limits, never in a stack
    /// overflow, even in debug builds.
    static func main() {
        let worker = Thread { Foundation.exit(runCommand()) }
        worker.stackSize = 1 << 29
        worker.start()
        dispatchMain()
    }

    /// Parses and runs, mapping failures to the exit codes of SPEC §2: bad
    /// arguments are 2 (not ArgumentParser's 64), help and version are 0.
    static func runCommand() -> Int32 {
        do {
            var command = try parseAsRoot()
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                Terminal.out(message.hasSuffix("\n") ? message : message + "\n")
                return 0
            }
            Terminal.error(message.hasSuffix("\n") ? message : message + "\n")
            return 2
        }
    }
}

/// Exit codes of SPEC §2.
enum Exit {
    static let checkFailed = ExitCode(1)
    static let error = ExitCode(2)
}
