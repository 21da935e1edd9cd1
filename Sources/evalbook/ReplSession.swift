import EvalLang
import EvalNotebook
import Foundation

/// The REPL's state: one interpreter, the lines of an unfinished statement, and
/// whether any error happened (scripts piped in exit 2 after one).
struct ReplSession {
    var interpreter: Interpreter
    var pending: [String] = []
    var hadError = false
    var counter = 0

    enum Step { case next, quit }

    init(files: FileAccess) {
        interpreter = Interpreter(session: Session(files: files))
    }

    static var historyPath: String? {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["XDG_STATE_HOME"].map({ $0 + "/evalbook" })
            ?? env["HOME"].map({ $0 + "/.local/state/evalbook" }) else { return nil }
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        return base + "/history"
    }

    /// Takes one input line: a colon command, or code that runs once complete.
    mutating func feed(_ line: String) -> Step {
        if pending.isEmpty, line.hasPrefix(":") { return command(line) }
        pending.append(line)
        let code = pending.joined(separator: "\n")
        counter += 1
        let source = SourceText(name: "<repl>", text: code)
        do {
            _ = try Parser.parse(source)
        } catch where error.isIncomplete {
            return .next
        } catch {
            report(error.diagnostic.render(in: source))
            pending = []
            return .next
        }
        pending = []
        execute(source)
        return .next
    }

    /// At end of input, an unfinished statement is an error.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        let source = SourceText(name: "<repl>", text: pending.joined(separator: "\n"))
        if case .failure(let error) = Result(catching: { () throws(SyntaxError) in try Parser.parse(source) }) {
            report(error.diagnostic.render(in: source))
        }
        pending = []
    }

    private mutating func execute(_ source: SourceText) {
        do {
            let outputs = try NotebookRunner.runCell(source, interpreter: &interpreter)
            for output in outputs {
                switch output {
                case .display(let d): Terminal.out(TextRenderer.render(d, width: Terminal.width))
                case .check(let c): Terminal.out(Terminal.paint(c.summary, c.passed ? "32" : "31") + "\n")
                case .warning(let w): Terminal.error(Terminal.paint("warning: \(w.message)", "33", stderr: true) + "\n")
                }
            }
        } catch {
            switch error {
            case .cell(let rendered, _): report(rendered)
            case .notebook(let e): report(e.rendered)
            }
        }
    }

    private mutating func report(_ text: String) {
        hadError = true
        Terminal.error(Terminal.paint(text, "31", stderr: true))
    }

    /// Runs a notebook's cells into this session.
    mutating func load(_ path: String) -> Bool {
        do {
            let notebook = try NotebookParser.load(path: path)
            for cell in notebook.cells {
                let source = cell.sourceText(name: notebook.path)
                _ = try NotebookRunner.runCell(source, interpreter: &interpreter)
            }
            return true
        } catch let error as NotebookError {
            report(error.rendered)
        } catch let error as RunFailure {
            if case .cell(let rendered, _) = error { report(rendered) }
        } catch {
            report("error: \(error)\n")
        }
        return false
    }

    private mutating func command(_ line: String) -> Step {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        switch name {
        case "quit", "q": return .quit
        case "help":
            if let argument, let b = BuiltinRegistry.shared[argument] {
                Terminal.out("\(b.signature)\n  \(b.doc)\n  e.g. \(b.example)\n")
            } else if let argument {
                report("no builtin `\(argument)`" + (Suggestion.help(for: argument, in: BuiltinRegistry.shared.names).map { "\nhelp: \($0)" } ?? "") + "\n")
            } else {
                Terminal.out("Type cell code to run it. Commands: :help NAME, :functions [FILTER], :vars, :reset, :load NOTEBOOK, :quit\n")
            }
        case "functions": Terminal.out(BuiltinRegistry.shared.catalogue(argument))
        case "vars":
            for (name, value) in interpreter.globals { Terminal.out("\(name): \(value.summary)\n") }
        case "reset": interpreter.reset()
        case "load":
            if let argument { _ = load(argument) } else { report("usage: :load NOTEBOOK\n") }
        default:
            let commands = ["help", "functions", "vars", "reset", "load", "quit"]
            report("unknown command `:\(name)`" + (Suggestion.help(for: name, in: commands).map { "\nhelp: \($0)" } ?? "") + "\n")
        }
        return .next
    }
}
