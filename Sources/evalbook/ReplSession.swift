import EvalLang
import EvalNotebook
import Foundation

/// The REPL's state: one interpreter, the lines of an unfinished statement, the
/// statements that ran (for `:save` and `:report`), and whether any error happened
/// (scripts piped in exit 2 after one).
struct ReplSession {
    var interpreter: Interpreter
    /// The project root as given; `:report` runs the session under it, as `evalbook run` would.
    let root: String
    let allowRead: [String]
    /// Lines of a statement still waiting for its closing bracket.
    var pending: [String] = []
    var hadError = false
    /// The code of every statement that ran without error, in order.
    var log: [String] = []
    /// Notebooks this session wrote, which `:save` may overwrite.
    var saved: Set<String> = []

    enum Step { case next, quit }

    init(root: String, allowRead: [String]) {
        self.root = root
        self.allowRead = allowRead
        var session = Session(files: FileAccess(root: root, allowed: allowRead))
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
        let source = SourceText(name: "<repl>", text: pending.joined(separator: "\n"))
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
        } catch  where error.isIncomplete {
            return .next
        } catch {
            pending = []
            report(error.diagnostic(in: source))
            return .next
        }
        pending = []
        run(source, statements)
        return .next
    }

    /// At end of input, an unfinished statement is an error.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        let source = SourceText(name: "<repl>", text: pending.joined(separator: "\n"))
        pending = []
        do { _ = try Parser.parse(source) } catch { report(error.diagnostic(in: source)) }
    }

    /// Drops an unfinished statement (Ctrl-C at a continuation prompt).
    mutating func abandonPending() {
        pending = []
    }

    /// Runs parsed statements, showing each outcome; stops at the first error and logs the statements that ran.
    ///
    /// Ctrl-C during the run stops it the same way.
    @discardableResult
    mutating func run(_ source: SourceText, _ statements: [Statement], quiet: Bool = false) -> Bool {
        Interruption.clear()
        var ran: [String] = []
        var failed = false
        for statement in statements {
            interpreter.session.warnings = []
            do {
                let outcome = try interpreter.execute(statement, in: source)
                if !quiet || isFailedCheck(outcome) { show(outcome) }
                ran.append(source.slice(statement.span))
            } catch {
                showWarnings()
                if case .interrupted = error {
                    report(Diagnostic("interrupted", severity: .note))
                } else {
                    report(error.diagnostic(in: source))
                }
                failed = true
                break
            }
            showWarnings()
        }
        Interruption.clear()
        if !failed, !statements.isEmpty {
            log.append(source.text)
        } else if !ran.isEmpty {
            log.append(ran.joined(separator: "\n"))
        }
        return !failed
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

    private func showWarnings() {
        for w in interpreter.session.warnings {
            Terminal.error(Terminal.paint("warning: \(w.message)", "33", stderr: true) + "\n")
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
            let source = cell.sourceText(name: notebook.path)
            let statements: [Statement]
            do { statements = try Parser.parse(source) } catch {
                report(error.diagnostic(in: source))
                return false
            }
            guard run(source, statements, quiet: true) else { return false }
        }
        return true
    }
}
