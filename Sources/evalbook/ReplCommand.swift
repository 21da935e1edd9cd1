import ArgumentParser
import EvalLang
import EvalNotebook
import Foundation

/// `evalbook [repl] [NOTEBOOK]`: the interactive session.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the REPL, optionally after running a notebook's cells."
    )

    @Argument(help: "A notebook whose cells run first.")
    var notebook: String?

    @OptionGroup var files: FileOptions

    func run() throws {
        var session = ReplSession(files: FileAccess(root: files.rootPath, allowed: files.allowRead))
        if let notebook {
            guard session.load(notebook) else { throw Exit.error }
        }
        if Terminal.stdinIsTerminal, let editor = LineEditor(program: "evalbook") {
            Terminal.out("evalbook \(EvalbookVersion.current) — :help for help, :quit to leave\n")
            let historyPath = ReplSession.historyPath
            if let historyPath { editor.loadHistory(from: historyPath) }
            while let line = editor.readLine(prompt: session.pending.isEmpty ? "evalbook> " : "     ... ") {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { editor.addHistory(line) }
                if session.feed(line) == .quit { break }
            }
            if let historyPath { editor.saveHistory(to: historyPath) }
        } else {
            while let line = Swift.readLine(strippingNewline: true) {
                if session.feed(line) == .quit { break }
            }
            session.flush()
            if session.hadError { throw Exit.error }
        }
    }
}
