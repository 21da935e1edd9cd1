import ArgumentParser
import EvalLang

/// `evalbook functions [FILTER]`: the builtin catalogue from the registry.
struct FunctionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions",
        abstract: "List the builtins with signatures, one-line docs and examples."
    )

    @Argument(help: "Show only builtins whose name, family or doc contains this.")
    var filter: String?

    func run() throws {
        let text = BuiltinRegistry.shared.catalogue(filter)
        if text.isEmpty {
            Terminal.report(
                ReplError.noBuiltinMatches(filter ?? "", candidates: BuiltinRegistry.shared.names).diagnostic)
            throw Exit.error
        }
        Terminal.out(text)
    }
}
