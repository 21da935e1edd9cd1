import EvalLang
import EvalNotebook
import Foundation
import Testing

/// A notebook's cells run through `CellRun`, so the language cases (which call `CellRun`
/// directly) test what notebooks do.
@Suite("Cell run parity")
struct CellRunParityTests {
    static let notebook = """
        ```evalbook
        y = [1, 0, 1, 0]
        p = [0.9, 0.2, 0.6, 0.4]
        roc_auc(y, p)
        t = table(y: y, p: p)
        t
        precision([1, 0], [0, 0])
        expect roc_auc(y, p) > 0.5
        expect mean(p) > 0.9
        ```

        ```evalbook
        #| label: scores
        histogram(p, bins: 2)
        {auc: roc_auc(y, p), ok: true}
        ```

        """

    /// A report output as text: the display, the check's summary, the warning at its line.
    static func describe(_ output: CellOutput) -> String {
        switch output {
        case .display(let display): "display \(display)"
        case .check(let check): "check \(check.summary) @\(check.span.line)"
        case .warning(let warning): "warning \(warning.message) @\(warning.span.line)"
        case .figure: "figure"
        }
    }

    /// The same text from a statement's result, worked out here rather than by the runner.
    static func describe(_ result: StatementResult) -> [String] {
        let shown: [String] =
            switch result.outcome {
            case .value(.figure, _): ["figure"]
            case .value(let value, _): ["display \(value.display())"]
            case .binding: []
            case .check(let check): ["check \(check.summary) @\(check.span.line)"]
            }
        return shown + result.warnings.map { "warning \($0.message) @\($0.span.line)" }
    }

    @Test("the same cells give the same outcomes through NotebookRunner and through CellRun")
    func sameOutcomes() throws {
        let notebook = try TestSupport.parse(Self.notebook)
        let report = try TestSupport.run(Self.notebook)
        let viaRunner = report.blocks.compactMap { block -> [String]? in
            if case .cell(let cell) = block { cell.outputs.map(Self.describe) } else { nil }
        }

        var interpreter = Interpreter(
            session: Session(files: FileAccess(root: FileManager.default.temporaryDirectory.path)))
        let viaCellRun = notebook.cells.map { cell -> [String] in
            let run = CellRun.run(cell.sourceText(name: notebook.path), on: &interpreter)
            #expect(run.failure == nil)
            return run.results.flatMap(Self.describe)
        }

        #expect(viaRunner == viaCellRun)
        #expect(viaRunner.map(\.count) == [6, 2], "the cells show their values, checks, warning and figure")
    }

    @Test("a failing cell stops with the same located error both ways")
    func sameFailure() throws {
        let text = "```evalbook\na = 1\nb = a + nosuch\n```\n"
        let notebook = try TestSupport.parse(text)
        guard case .cell(let viaRunner) = try TestSupport.runFailure(text) else {
            Issue.record("expected the cell to fail")
            return
        }
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        let cell = try #require(notebook.cells.first)
        let run = CellRun.run(cell.sourceText(name: notebook.path), on: &interpreter)
        #expect(run.failure?.diagnostic == viaRunner)
        #expect(viaRunner.location?.line == 3, "the error is at the notebook's line")
    }
}
