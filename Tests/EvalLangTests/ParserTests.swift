import EvalLang
import Testing

/// The parser's contract with the REPL and with diagnostics: incomplete input is
/// told apart from real errors, and spans point at the right text.
@Suite("Parser")
struct ParserTests {
    func parse(_ text: String) throws(SyntaxError) -> [Statement] {
        try Parser.parse(SourceText(name: "<test>", text: text))
    }

    func error(_ text: String) -> SyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "open brackets and dangling operators are incomplete",
        arguments: [
            "sum(1,", "[1, 2", "{a: 1", "f(", "1 +", "x = ", "expect", "a |>", "(a, b) =>", "not", "t.",
            "roc_auc(y,\n  p,",
        ])
    func incomplete(_ text: String) {
        #expect(error(text)?.isIncomplete == true)
    }

    @Test(
        "real mistakes are reported at once",
        arguments: [
            "1 2", "x = 1)", "f(a: 1, 2)", "1 < 2 < 3", "\"open", "t.x = 1", "1 $ 2", "1e", "{a: 1, a: 2}",
            "1 +\n2",
        ])
    func realErrors(_ text: String) {
        let e = error(text)
        #expect(e != nil)
        #expect(e?.isIncomplete == false)
    }

    @Test("complete input parses")
    func complete() throws {
        let statements = try parse("a = 1; b = [1,\n 2]\nexpect a < 2, \"small\"\nb |> sum")
        #expect(statements.count == 4)
        guard case .expect(_, let message) = statements[2].kind else {
            Issue.record("third statement should be an expect")
            return
        }
        #expect(message == "small")
    }

    @Test("the pipe desugars to a call with the left side first")
    func pipe() throws {
        let piped = try parse("x |> f(2)")
        let called = try parse("f(x, 2)")
        guard case .expression(let a) = piped.first?.kind, case .expression(let b) = called.first?.kind,
            case .call(let fa, let argsA) = a.kind, case .call(let fb, let argsB) = b.kind
        else {
            Issue.record("both should be calls")
            return
        }
        #expect(fa.kind == fb.kind)
        #expect(argsA.map(\.value.kind) == argsB.map(\.value.kind))
    }

    @Test("spans carry the notebook's line numbers")
    func spansUseFirstLine() {
        let source = SourceText(name: "nb.md", text: "a = 1\nb = ?", firstLine: 14)
        do {
            _ = try Parser.parse(source)
            Issue.record("should fail")
        } catch {
            #expect(error.diagnostic(in: source).location?.line == 15)
            #expect(error.diagnostic(in: source).location?.column == 5)
        }
    }

    @Test("columns on a very long line are right (counted on from the previous token, not from the line start)")
    func longLineColumns() throws {
        let terms = Array(repeating: "1", count: 50_000).joined(separator: " + ")
        let source = SourceText(name: "x", text: "x = " + terms + " + nope")
        let tokens = try Lexer.tokenize(source)
        let last = try #require(tokens.last { $0.kind != .eof && $0.kind != .newline })
        #expect(last.span.column == ("x = " + terms + " + ").count + 1)
        #expect(tokens.count > 100_000)
    }
}
