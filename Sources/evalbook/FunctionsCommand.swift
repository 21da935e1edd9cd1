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
            let help = filter.flatMap { Suggestion.help(for: $0, in: BuiltinRegistry.shared.names) }
            Terminal.error("error: no builtin matches `\(filter ?? "")`" + (help.map { "\nhelp: \($0)" } ?? "") + "\n")
            throw Exit.error
        }
        Terminal.out(text)
    }
}
