import EvalLang
import Testing

/// `CellRun`: the one statement loop that notebooks, `eval`, the REPL and the language cases share.
@Suite("Cell run")
struct CellRunTests {
    /// A fresh interpreter, as each notebook run starts with.
    static func interpreter() -> Interpreter {
        Interpreter(session: Session(files: FileAccess(root: "/")))
    }

    static func run(_ code: String) -> (CellRun, Interpreter) {
        var interpreter = interpreter()
        let run = CellRun.run(SourceText(name: "<test>", text: code), on: &interpreter)
        return (run, interpreter)
    }

    /// An outcome as short text, since `Outcome` is not `Equatable`.
    static func text(_ outcome: Outcome) -> String {
        switch outcome {
        case .value(let value, _): "=> " + value.inlineText
        case .binding(let name, let value): "\(name) = " + value.inlineText
        case .check(let check): check.summary
        }
    }

    @Test("statements run in order, each result keeping its code, place and outcome")
    func inOrder() {
        let (run, interpreter) = Self.run("a = 1\nb = a + 1; b * 10\nexpect b == 2")
        #expect(run.failure == nil)
        #expect(run.isFinished)
        #expect(run.results.map(\.code) == ["a = 1", "b = a + 1", "b * 10", "expect b == 2"])
        #expect(run.results.map { Self.text($0.outcome) } == ["a = 1", "b = 2", "=> 20", "passed: b == 2"])
        #expect(run.results.map(\.span.line) == [1, 2, 2, 3])
        #expect(Array(interpreter.globals.keys) == ["a", "b"])
    }

    @Test("warnings attach to the statement that raised them, and only to it")
    func warningsPerStatement() {
        let (run, interpreter) = Self.run("x = 1\nprecision([1, 0], [0, 0])\ny = 2\nprecision([1, 0], [0, 0])")
        #expect(run.failure == nil)
        #expect(run.results.map(\.warnings.count) == [0, 1, 0, 1])
        #expect(run.results.map { $0.warnings.map(\.span.line) } == [[], [2], [], [4]])
        #expect(run.results[1].warnings.first?.message.hasPrefix("`precision`") == true)
        #expect(interpreter.session.warnings.count == 1, "the session holds only the last statement's warnings")
    }

    @Test("the first error stops the run, keeping earlier results and the warnings raised before it")
    func firstErrorStops() {
        let (run, interpreter) = Self.run("a = 1\nb = [precision([1, 0], [0, 0]), nosuch]\nc = 3")
        #expect(run.results.map(\.code) == ["a = 1"])
        #expect(run.isFinished)
        guard let failure = run.failure else {
            Issue.record("expected the second statement to fail")
            return
        }
        #expect(failure.kind == .runtime)
        #expect(failure.warnings.map(\.span.line) == [2])
        #expect(failure.diagnostic.message == "unknown name `nosuch`")
        #expect(failure.diagnostic.location?.file == "<test>")
        #expect(failure.diagnostic.location?.line == 2)
        #expect(failure.diagnostic.location?.column == 33)
        #expect(failure.diagnostic.location?.sourceLine == "b = [precision([1, 0], [0, 0]), nosuch]")
        #expect(Array(interpreter.globals.keys) == ["a"], "statements after the error never run")
    }

    @Test("code that ends inside a statement is incomplete, and nothing runs")
    func incomplete() {
        let (run, interpreter) = Self.run("a = 1\nb = mean([1,\n  2")
        #expect(run.results.isEmpty)
        #expect(run.isFinished)
        #expect(run.failure?.kind == .incomplete)
        #expect(run.failure?.diagnostic.message.hasPrefix("unexpected end of input") == true)
        #expect(interpreter.globals.isEmpty, "a cell that does not parse runs none of its statements")
    }

    @Test("a syntax error that more input cannot fix is not incomplete")
    func syntax() {
        let (run, _) = Self.run("a = 1\nb = )")
        #expect(run.results.isEmpty)
        #expect(run.failure?.kind == .syntax)
        #expect(run.failure?.diagnostic.location?.line == 2)
        #expect(run.failure?.warnings.isEmpty == true)
    }

    // Setting `Interruption` would stop every test running at the same time in this process,
    // so the kind is checked on the error the interpreter raises when interrupted.
    @Test("an interruption is told apart from a runtime error")
    func interruption() {
        let source = SourceText(name: "<test>", text: "mean([1, 2])")
        let span = SourceSpan(start: 0, end: 12, line: 1, column: 1)
        let interrupted = CellFailure(.runtime(.interrupted(span)), in: source)
        #expect(interrupted.kind == .interrupted)
        #expect(interrupted.diagnostic.message == "interrupted")
        #expect(interrupted.diagnostic.location?.line == 1)
        let failed = CellFailure(.runtime(.missingValue(argument: "y", function: "mean", row: 0, span)), in: source)
        #expect(failed.kind == .runtime)
    }

    @Test("stepping runs one statement at a time, so a caller can show each and stop early")
    func stepping() {
        var interpreter = Self.interpreter()
        var run = CellRun(SourceText(name: "<test>", text: "a = 1\nb = 2\nc = 3"))
        #expect(run.results.isEmpty && !run.isFinished, "parsing alone runs nothing")
        let first = run.step(on: &interpreter)
        #expect(first?.code == "a = 1")
        #expect(!run.isFinished)
        #expect(Array(interpreter.globals.keys) == ["a"])
        while run.step(on: &interpreter) != nil {}
        #expect(run.results.map(\.code) == ["a = 1", "b = 2", "c = 3"])
        #expect(run.step(on: &interpreter) == nil, "a finished run does nothing more")
        #expect(Array(interpreter.globals.keys) == ["a", "b", "c"])
    }

    @Test("code with no statements runs nothing and does not fail")
    func empty() {
        let (run, _) = Self.run("# only a comment\n\n")
        #expect(run.results.isEmpty)
        #expect(run.failure == nil)
        #expect(run.isFinished)
    }
}
