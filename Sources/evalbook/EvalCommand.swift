import ArgumentParser
import EvalLang
import EvalNotebook
import Foundation

/// `evalbook eval CODE`: run cell code once and print its outputs.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run cell code and print its outputs."
    )

    @Argument(help: "Cell code, e.g. 'mean([1, 2, 3]) * 2'.")
    var code: String

    @Flag(help: "Print outputs as JSON at full precision.")
    var json = false

    @OptionGroup var files: FileOptions

    func run() throws {
        var session = Session(files: FileAccess(root: files.rootPath, allowed: files.allowRead))
        let connections = try files.connections()
        defer { connections.closeAll() }
        session.connections = connections
        var interpreter = Interpreter(session: session)
        var cell = CellRun(SourceText(name: "<eval>", text: code))
        var values: [JSON] = []
        var checks: [Check] = []
        var warnings: [Warning] = []
        // Stepping, not collecting, so each output is printed as soon as its statement ends.
        while let result = cell.step(on: &interpreter) {
            switch result.outcome {
            case .value(let value, _):
                if json {
                    values.append(JSON(value))
                } else {
                    Terminal.out(TextRenderer.render(value.display(), width: Terminal.width))
                }
            case .binding: break
            case .check(let check):
                checks.append(check)
                if !json { Terminal.out(check.summary + "\n") }
            }
            warnings += result.warnings
            if !json {
                for w in result.warnings {
                    Terminal.warn(w)
                }
            }
        }
        if let failure = cell.failure {
            Terminal.report(failure.diagnostic)
            throw Exit.error
        }
        if json {
            let document = JSON.object([
                ("outputs", .array(values)),
                (
                    "checks",
                    .array(
                        checks.map {
                            .object([
                                ("expression", .string($0.expression)), ("passed", .bool($0.passed)),
                                ("detail", $0.detail.map(JSON.string) ?? .null),
                                ("message", $0.message.map(JSON.string) ?? .null),
                                ("line", .number(Double($0.span.line))),
                            ])
                        })
                ),
                ("warnings", .array(warnings.map { .string($0.message) })),
            ])
            Terminal.out(document.text() + "\n")
        }
    }
}
