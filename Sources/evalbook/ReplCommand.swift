import ArgumentParser
import EvalLang
import EvalNotebook
import Foundation

/// `evalbook [repl] [NOTEBOOK]`: the interactive session.
///
/// At a terminal it edits lines with libedit; otherwise it reads statements from
/// stdin like a script and exits 2 after any error.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the REPL, optionally after running a notebook's cells."
    )

    @Argument(help: "A notebook whose cells run first.")
    var notebook: String?

    @OptionGroup var files: FileOptions

    func run() throws {
        let connections = try files.connections()
        defer { connections.closeAll() }
        var session = ReplSession(root: files.rootPath, allowRead: files.allowRead, connections: connections)
        if let notebook {
            guard session.load(notebook) else { throw Exit.error }
        }
        let history = HistoryFile.standard()
        if Terminal.stdinIsTerminal, let editor = LineEditor(program: "evalbook", historySize: history?.limit ?? 1_000)
        {
            interact(&session, editor: editor, history: history)
        } else {
            while let line = Swift.readLine(strippingNewline: true) {
                if session.feed(line) == .quit { break }
            }
            session.flush()
            if session.hadError { throw Exit.error }
        }
    }

    /// The interactive loop: Ctrl-C abandons the line or stops a running
    /// evaluation, Ctrl-D (or `:quit`) leaves; errors never end it.
    private func interact(_ session: inout ReplSession, editor: LineEditor, history: HistoryFile?) {
        Terminal.out("evalbook \(EvalbookVersion.current) — :help for help, Tab completes, Ctrl-D leaves\n")
        for entry in history?.load() ?? [] { editor.addHistory(entry) }
        InterruptSignal.install()
        while true {
            editor.completer = session.completer
            switch editor.readLine(prompt: session.pending.isEmpty ? "evalbook> " : "     ... ") {
            case .end:
                Terminal.out("\n")
                return
            case .interrupt:
                session.abandonPending()
            case .line(let line):
                if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    editor.addHistory(line)
                    history?.append([line])
                }
                if session.feed(line) == .quit { return }
            }
        }
    }
}

/// SIGINT while code runs: asks the interpreter to stop.
///
/// The handler only sets an atomic flag, which is safe in a signal handler; the interpreter polls it.
enum InterruptSignal {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }
}
