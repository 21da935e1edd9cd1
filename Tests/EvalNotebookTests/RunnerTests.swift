import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Running a notebook: params, diagnostics at the notebook's real lines, checks
/// and warnings (SPEC §3, §5b).
@Suite("Notebook runner")
struct RunnerTests {
    static let withParams = """
        ---
        params:
          threshold: 0.5
          name: churn
          strict: false
        ---
        ```evalbook
        params.threshold * 2
        params.name
        params.strict
        ```

        """

    @Test("front-matter defaults are used when nothing is overridden")
    func defaults() throws {
        let report = try TestSupport.run(Self.withParams)
        #expect(Array(report.params.keys) == ["threshold", "name", "strict"])
        #expect(json(report.params["threshold"]) == json(.number(0.5)))
        #expect(texts(report) == ["1", "\"churn\"", "false"])
    }

    @Test("--param values parse as number, bool or string and keep the declared order")
    func overrides() throws {
        let report = try TestSupport.run(
            Self.withParams, params: [("strict", "true"), ("threshold", "0.75"), ("name", "12x")])
        #expect(Array(report.params.keys) == ["threshold", "name", "strict"])
        #expect(json(report.params["threshold"]) == json(.number(0.75)))
        #expect(json(report.params["name"]) == json(.string("12x")))
        #expect(json(report.params["strict"]) == json(.bool(true)))
        #expect(texts(report) == ["1.5", "\"12x\"", "true"])
    }

    @Test(
        "command-line values",
        arguments: [
            ("12", Value.number(12)), ("-0.5", .number(-0.5)), ("+3", .number(3)), ("1e-3", .number(0.001)),
            ("2.", .number(2)), (".5", .number(0.5)), ("1E2", .number(100)),
            ("true", .bool(true)), ("false", .bool(false)),
            ("True", .string("True")), ("yes", .string("yes")), ("", .string("")), (" 5", .string(" 5")),
            ("nan", .string("nan")), ("inf", .string("inf")), ("-infinity", .string("-infinity")),
            ("0x10", .string("0x10")), ("1_000", .string("1_000")), ("1e", .string("1e")), (".", .string(".")),
            ("1e999", .string("1e999")), ("a=b", .string("a=b")), ("12 monkeys", .string("12 monkeys")),
        ])
    func commandLineValue(text: String, expected: Value) {
        #expect(json(FrontMatterParser.commandLineValue(text)) == json(expected))
    }

    @Test("an unknown --param is refused with a did-you-mean")
    func unknownParam() throws {
        let failure = try TestSupport.runFailure(Self.withParams, path: "nb.md", params: [("thresold", "1")])
        guard case .notebook(let error) = failure else {
            Issue.record("expected a notebook error, got \(String(describing: failure))")
            return
        }
        #expect(error == .unknownParam(path: "nb.md", name: "thresold", help: "did you mean `threshold`?"))
        #expect(
            printed(error.diagnostic)
                == "error: --param `thresold` is not a param of nb.md\nhelp: did you mean `threshold`?\n")
    }

    @Test("an unknown --param far from every name lists the params, or says there are none")
    func unknownParamHelp() throws {
        let listed = try TestSupport.runFailure(Self.withParams, params: [("zzz", "1")])
        guard case .notebook(.unknownParam(_, _, let help)) = listed else {
            Issue.record("expected an unknown param, got \(String(describing: listed))")
            return
        }
        #expect(help == "its params are `threshold`, `name`, `strict`")
        let none = try TestSupport.runFailure("text\n", params: [("k", "1")])
        guard case .notebook(.unknownParam(_, _, let noneHelp)) = none else {
            Issue.record("expected an unknown param, got \(String(describing: none))")
            return
        }
        #expect(noneHelp == "this notebook declares no params")
    }

    @Test("a cell error is the §5b diagnostic at the notebook's line")
    func cellDiagnostic() throws {
        let text = """
            ---
            title: t
            ---

            Some text.

            ```evalbook
            t = table(churned: [1, 0], p: [0.2, 0.9])
            y = t.churnd
            ```

            ```evalbook
            never = "runs"
            ```

            """
        let failure = try TestSupport.runFailure(text, path: "notebooks/churn.md")
        guard case .cell(let diagnostic) = failure else {
            Issue.record("expected a cell error, got \(String(describing: failure))")
            return
        }
        #expect(
            printed(diagnostic) == """
                notebooks/churn.md:9:7: error: table `t` has no column `churnd`
                   9 | y = t.churnd
                     |       ^^^^^^
                help: did you mean `churned`?

                """)
        #expect(diagnostic.location?.line == 9)
        #expect(diagnostic.help == "did you mean `churned`?")
    }

    @Test("a syntax error at the end of a cell points at its last line, not the fence")
    func syntaxDiagnostic() throws {
        let failure = try TestSupport.runFailure("text\n\n```evalbook\nok = 1\nx = (1 +\n```\n", path: "nb.md")
        guard case .cell(let diagnostic) = failure else {
            Issue.record("expected a cell error, got \(String(describing: failure))")
            return
        }
        #expect(
            printed(diagnostic) == """
                nb.md:5:9: error: unexpected end of input: expected an expression
                   5 | x = (1 +
                     |         ^

                """)
    }

    @Test("diagnostics in a CRLF notebook point at the right line and show no carriage return")
    func crlfDiagnostic() throws {
        let failure = try TestSupport.runFailure(
            "text\r\n\r\n```evalbook\r\nx = 1\r\ny = nosuch\r\n```\r\n", path: "nb.md")
        guard case .cell(let diagnostic) = failure else {
            Issue.record("expected a cell error, got \(String(describing: failure))")
            return
        }
        #expect(
            printed(diagnostic) == "nb.md:5:5: error: unknown name `nosuch`\n   5 | y = nosuch\n     |     ^^^^^^\n")
    }

    @Test("checks and warnings are collected with their lines, in order")
    func checksAndWarnings() throws {
        let report = try TestSupport.run(
            """
            # Checks

            ```evalbook
            expect 1 < 2, "one is less"
            auc = roc_auc([1, 1], [0.2, 0.4])
            ```

            ```evalbook
            expect 3 >= 4
            expect range(3) >= 0
            ```

            """, path: "nb.md")
        #expect(report.checks.map(\.passed) == [true, false, true])
        #expect(report.checks.map(\.span.line) == [4, 9, 10])
        #expect(
            report.checks.map(\.summary) == [
                "passed: 1 < 2 — one is less", "failed: 3 >= 4 (3 < 4)", "passed: range(3) >= 0",
            ])
        #expect(report.passedChecks == 2)
        #expect(report.failedChecks == 1)
        #expect(report.warnings.map(\.span.line) == [5])
        #expect(report.warnings.first?.message.contains("roc_auc") == true)
        #expect(report.metrics["auc"] == nil, "a null metric is not a number")
        let outputs = report.blocks.compactMap { block -> [CellOutput]? in
            if case .cell(let c) = block { c.outputs } else { nil }
        }
        #expect(outputs.map(\.count) == [2, 2])
    }

    @Test("metrics are the number, record-of-number and list-of-number bindings, in definition order")
    func metrics() throws {
        let report = try TestSupport.run(
            """
            ```evalbook
            b = 2
            a = 1
            r = {x: 1, y: 2}
            l = [1, 2.5]
            s = "text"
            mixed = {x: 1, y: "a"}
            flags = [true]
            empty = []
            t = table(x: [1])
            b = 3
            ```

            """)
        #expect(Array(report.metrics.keys) == ["b", "a", "r", "l"])
        #expect(json(report.metrics["b"]) == json(.number(3)))
    }

    @Test("every run starts from an empty environment")
    func freshEnvironment() throws {
        _ = try TestSupport.run("```evalbook\nleak = 1\n```\n")
        let failure = try TestSupport.runFailure("```evalbook\nleak\n```\n", path: "nb.md")
        guard case .cell(let diagnostic) = failure else {
            Issue.record("a binding leaked from an earlier run")
            return
        }
        #expect(printed(diagnostic).hasPrefix("nb.md:2:1: error: unknown name `leak`"))
    }

    /// The text of every display, in order.
    private func texts(_ report: Report) -> [String] {
        report.blocks.flatMap { block -> [String] in
            guard case .cell(let cell) = block else { return [] }
            return cell.outputs.compactMap { output in
                if case .display(.text(let text)) = output { text } else { nil }
            }
        }
    }

    @Test("two cells with one label (or labels that sanitise to one name) keep separate figure files")
    func duplicateLabels() throws {
        let text = """
            ```evalbook
            #| label: roc
            plot_roc([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])
            ```

            ```evalbook
            #| label: roc
            plot_roc([0, 1, 1, 0], [0.2, 0.9, 0.7, 0.3])
            plot_pr([0, 1, 1, 0], [0.2, 0.9, 0.7, 0.3])
            ```

            ```evalbook
            #| label: r?c
            histogram([1, 2, 3])
            ```

            ```evalbook
            #| label: r!c
            histogram([1, 2, 3, 4])
            ```

            """
        let report = try TestSupport.run(text)
        var names: [String] = []
        for case .cell(let cell) in report.blocks {
            for case .figure(_, let name) in cell.outputs { names.append(name) }
        }
        #expect(names == ["roc", "roc-2", "roc-3", "r-c", "r-c-2"])
        #expect(Set(names).count == names.count)
    }
}
