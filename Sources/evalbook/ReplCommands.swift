import EvalLang
import EvalNotebook
import Foundation

/// The REPL's colon commands (SPEC §7).
extension ReplSession {
    /// A colon command: its name, how it is written, and what it does.
    struct Command {
        var name: String
        var usage: String
        var doc: String
    }

    static let commands: [Command] = [
        Command(
            name: "help", usage: ":help [NAME]", doc: "a builtin's signature, doc and example; without NAME, this list"),
        Command(
            name: "functions", usage: ":functions [FILTER]",
            doc: "the builtin catalogue, or the builtins matching FILTER"),
        Command(name: "vars", usage: ":vars", doc: "the session's bindings, one line each"),
        Command(name: "reset", usage: ":reset", doc: "start afresh: no bindings, nothing for :save"),
        Command(name: "load", usage: ":load NOTEBOOK", doc: "run a notebook's cells into the session"),
        Command(
            name: "save", usage: ":save NOTEBOOK",
            doc: "write the statements that ran as a notebook `evalbook run` reproduces"),
        Command(
            name: "report", usage: ":report [NAME]",
            doc: "run the session as notebook NAME (default repl) and store a report version, as `evalbook run` does"),
        Command(name: "time", usage: ":time EXPR", doc: "run EXPR, show its value and how long it took"),
        Command(name: "quit", usage: ":quit", doc: "leave the REPL (Ctrl-D does too)"),
    ]

    mutating func command(_ line: String) -> Step {
        let body = line.dropFirst()
        let name = String(body.prefix { $0 != " " })
        let rest = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let argument = rest.isEmpty ? nil : rest
        switch name {
        case "quit", "q", "exit": return .quit
        case "help": help(argument)
        case "functions":
            let text = BuiltinRegistry.shared.catalogue(argument)
            if text.isEmpty {
                report(ReplError.noBuiltinMatches(argument ?? "", candidates: BuiltinRegistry.shared.names).diagnostic)
            } else {
                Terminal.out(text)
            }
        case "vars":
            if interpreter.globals.isEmpty { Terminal.out("no bindings yet\n") }
            for (name, value) in interpreter.globals { Terminal.out(ReplDisplay.binding(name, value) + "\n") }
        case "reset":
            let (saved, hadError) = (saved, hadError)
            self = ReplSession(root: root, allowRead: allowRead, connections: connections)
            (self.saved, self.hadError) = (saved, hadError)
            Terminal.out("session reset: no bindings\n")
        case "load":
            guard let argument else { return usage("load") }
            if load(argument) {
                Terminal.out(
                    "loaded \(argument)"
                        + (interpreter.globals.isEmpty ? "" : ": " + interpreter.globals.keys.joined(separator: ", "))
                        + "\n")
            }
        case "save":
            guard let argument else { return usage("save") }
            save(argument)
        case "report": storeReport(name: argument ?? "repl")
        case "time":
            guard let argument else { return usage("time") }
            time(argument)
        default:
            report(ReplError.unknownCommand(name, commands: ReplSession.commands.map(\.name)).diagnostic)
        }
        return .next
    }

    private mutating func usage(_ name: String) -> Step {
        let usage = ReplSession.commands.first { $0.name == name }?.usage ?? ":" + name
        report(ReplError.usage(usage).diagnostic)
        return .next
    }

    private mutating func help(_ argument: String?) {
        guard let argument else {
            let width = ReplSession.commands.map(\.usage.count).max() ?? 0
            var text = "Type cell code to run it; a statement continues while brackets are open.\n"
            text += "Tab completes names, columns after `t.`, named arguments and paths.\n\n"
            for c in ReplSession.commands {
                text += "  " + c.usage + String(repeating: " ", count: width - c.usage.count) + "  " + c.doc + "\n"
            }
            Terminal.out(text)
            return
        }
        if let b = BuiltinRegistry.shared[argument] {
            Terminal.out("\(b.signature)\n  \(b.doc)\n  e.g. \(b.example)\n")
        } else if let c = ReplSession.commands.first(where: { ":" + $0.name == argument || $0.name == argument }) {
            Terminal.out("\(c.usage)\n  \(c.doc)\n")
        } else {
            let candidates = BuiltinRegistry.shared.names + ReplSession.commands.map { ":" + $0.name }
            report(ReplError.noHelpTopic(argument, candidates: candidates).diagnostic)
        }
    }

    /// `:time EXPR`: runs it like any input (it is logged), then prints the wall time.
    private mutating func time(_ code: String) {
        let cell = CellRun(SourceText(name: "<repl>", text: code))
        let clock = ContinuousClock()
        let start = clock.now
        let ok = run(cell)
        let elapsed = clock.now - start
        if ok { Terminal.out("time: \(ReplDisplay.duration(elapsed))\n") }
    }

    /// `:save NOTEBOOK`: the log as a notebook.
    ///
    /// An existing file is overwritten only when this session wrote it, so a typo cannot replace someone's
    /// notebook.
    private mutating func save(_ argument: String) {
        let path = argument.hasSuffix(".md") ? argument : argument + ".md"
        if FileManager.default.fileExists(atPath: path), !saved.contains(path) {
            report(ReplError.fileExists(path).diagnostic)
            return
        }
        let text: String
        do {
            text = try NotebookWriter.text(
                title: NotebookWriter.title(for: path), session: interpreter.session, cells: log)
        } catch {
            report(ReplError.cannotWrite(path, underlying: error).diagnostic)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            report(ReplError.cannotWrite(path, underlying: nil).diagnostic)
            return
        }
        saved.insert(path)
        Terminal.out(
            "saved \(log.count) cell\(log.count == 1 ? "" : "s") to \(path); `evalbook run \(path)` renders it\n")
    }

    /// `:report [NAME]`: the session as notebook `NAME.md`, run afresh and stored
    /// by the same code as `evalbook run NAME.md` (its notebook.md is the session).
    private mutating func storeReport(name: String) {
        let base = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let path = base + ".md"
        let text: String
        do {
            text = try NotebookWriter.text(
                title: NotebookWriter.title(for: path), session: interpreter.session, cells: log)
        } catch {
            report(ReplError.cannotWrite(path, underlying: error).diagnostic)
            return
        }
        let notebook: Notebook
        do { notebook = try NotebookParser.parse(text, path: path) } catch {
            report(error.diagnostic)
            return
        }
        var options = RunOptions(root: root)
        options.allowRead = allowRead
        if NotebookRun.runAndStore(notebook, options: options, reports: root + "/reports") == nil { hadError = true }
    }
}
