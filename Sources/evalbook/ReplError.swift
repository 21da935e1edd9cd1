import EvalLang

/// What can go wrong with a REPL colon command, as data; the printer words it.
enum ReplError: Error {
    /// `:functions FILTER` matched nothing; `candidates` are the builtin names.
    case noBuiltinMatches(String, candidates: [String])
    /// `:name` is not a command.
    case unknownCommand(String, commands: [String])
    /// A command given without the argument it needs.
    case usage(String)
    /// `:help NAME` names neither a builtin nor a command.
    case noHelpTopic(String, candidates: [String])
    /// `:save PATH` would overwrite a file this session did not write.
    case fileExists(String)
    /// `:save PATH` or `:report` could not write the notebook; the underlying error when
    /// there is one.
    case cannotWrite(String, underlying: (any Error)?)

    /// The finding, unlocated: a colon command has no source line of its own.
    var diagnostic: Diagnostic {
        switch self {
        case .noBuiltinMatches(let filter, let candidates):
            Diagnostic("no builtin matches `\(filter)`", help: Suggestion.help(for: filter, in: candidates))
        case .unknownCommand(let name, let commands):
            Diagnostic(
                "unknown command `:\(name)`",
                help: Suggestion.nearest(to: name, in: commands).map { "did you mean `:\($0)`?" }
                    ?? "commands are " + commands.map { ":" + $0 }.joined(separator: ", "))
        case .usage(let usage):
            Diagnostic("usage: \(usage)")
        case .noHelpTopic(let name, let candidates):
            Diagnostic("no builtin or command `\(name)`", help: Suggestion.help(for: name, in: candidates))
        case .fileExists(let path):
            Diagnostic("\(path) already exists", help: "choose another name, or remove it first")
        case .cannotWrite(let path, let underlying):
            Diagnostic("cannot write \(path)" + (underlying.map { ": \($0.localizedDescription)" } ?? ""))
        }
    }
}
