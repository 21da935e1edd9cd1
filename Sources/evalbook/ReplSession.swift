import EvalLang
import EvalNotebook
import EvalSQL
import Foundation

/// The REPL's state: one interpreter, the lines of an unfinished statement, the
/// statements that ran (for `:save` and `:report`), and whether any error happened
/// (scripts piped in exit 2 after one).
struct ReplSession {
    var interpreter: Interpreter
    /// The project root as given; `:report` runs the session under it, as `evalbook run` would.
    let root: String
    let allowRead: [String]
    /// The named connections of `--connect` and evalbook.toml, kept across `:reset`.
    let connections: Connections?
    /// Lines of a statement still waiting for its closing bracket.
    var pending: [String] = []
    var hadError = false
    /// The code of every statement that ran without error, in order.
    var log: [String] = []
    /// Notebooks this session wrote, which `:save` may overwrite.
    var saved: Set<String> = []

    enum Step { case next, quit }

    init(root: String, allowRead: [String], connections: Connections? = nil) {
        self.root = root
        self.allowRead = allowRead
        self.connections = connections
        var session = Session(files: FileAccess(root: root, allowed: allowRead))
        session.connections = connections
        session.progress = Terminal.progress
        interpreter = Interpreter(session: session)
    }

    /// Candidates for Tab, given the current line up to the cursor.
    var completer: (String) -> Completion {
        let completer = Completer(
            bindings: interpreter.globals, commands: ReplSession.commands.map(\.name),
            root: interpreter.session.files.root)
        let pending = pending
        return { before in completer.complete((pending + [before]).joined(separator: "\n")) }
    }

    /// Takes one input line: a colon command, or code that runs once complete.
    mutating func feed(_ line: String) -> Step {
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") { return command(trimmed) }
            if trimmed.isEmpty { return .next }
        }
        pending.append(line)
        let cell = CellRun(SourceText(name: "<repl>", text: pending.joined(separator: "\n")))
        if cell.failure?.kind == .incomplete { return .next }
        pending = []
        run(cell)
        return .next
    }

    /// At end of input, an unfinished statement is an error.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        let cell = CellRun(SourceText(name: "<repl>", text: pending.joined(separator: "\n")))
        pending = []
        if let failure = cell.failure { report(failure.diagnostic) }
    }

    /// Drops an unfinished statement (Ctrl-C at a continuation prompt).
    mutating func abandonPending() {
        pending = []
    }

    /// Runs a parsed cell, showing each outcome as its statement ends; stops at the first error and logs the
    /// statements that ran.
    ///
    /// Ctrl-C during the run stops it the same way.
    @discardableResult
    mutating func run(_ cell: CellRun, quiet: Bool = false) -> Bool {
        Interruption.clear()
        var cell = cell
        while let result = cell.step(on: &interpreter) {
            if !quiet || isFailedCheck(result.outcome) { show(result.outcome) }
            showWarnings(result.warnings)
        }
        Interruption.clear()
        if let failure = cell.failure {
            showWarnings(failure.warnings)
            report(failure.kind == .interrupted ? Diagnostic("interrupted", severity: .note) : failure.diagnostic)
        }
        if cell.failure == nil, !cell.results.isEmpty {
            log.append(cell.source.text)
        } else if !cell.results.isEmpty {
            log.append(cell.results.map(\.code).joined(separator: "\n"))
        }
        return cell.failure == nil
    }

    private func isFailedCheck(_ outcome: Outcome) -> Bool {
        if case .check(let c) = outcome { return !c.passed }
        return false
    }

    private func show(_ outcome: Outcome) {
        switch outcome {
        case .value(let value, _): Terminal.out(ReplDisplay.value(value, width: Terminal.width))
        case .binding(let name, let value): Terminal.out(ReplDisplay.binding(name, value) + "\n")
        case .check(let c): Terminal.out(Terminal.paint(c.summary, c.passed ? "32" : "31") + "\n")
        }
    }

    private func showWarnings(_ warnings: [Warning]) {
        for w in warnings {
            Terminal.warn(w)
        }
    }

    /// An error: printed on stderr by the one printer, and remembered for the exit code of scripts.
    mutating func report(_ diagnostic: Diagnostic) {
        hadError = true
        Terminal.report(diagnostic)
    }

    /// Runs a notebook's cells into this session, taking its params and seed; the cells join the log, so `:save`
    /// writes them too.
    ///
    /// Stops at the first error.
    mutating func load(_ path: String) -> Bool {
        let notebook: Notebook
        do { notebook = try NotebookParser.load(path: path) } catch {
            report(error.diagnostic)
            return false
        }
        for (name, value) in notebook.frontMatter.params where interpreter.session.params[name] == nil {
            interpreter.session.params[name] = value
        }
        interpreter.session.seed = notebook.frontMatter.seed
        for cell in notebook.cells {
            guard run(CellRun(cell.sourceText(name: notebook.path)), quiet: true) else { return false }
        }
        return true
    }
}
