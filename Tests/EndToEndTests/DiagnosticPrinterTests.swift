import EvalLang
import EvalNotebook
import Testing

@testable import evalbook

@Suite("Diagnostic printer")
struct DiagnosticPrinterTests {
    @Test("a diagnostic renders in the form of SPEC §5b")
    func rendering() {
        let source = SourceText(name: "notebooks/churn.md", text: "y = test.churnd", firstLine: 14)
        let diagnostic = Diagnostic(
            "table `test` has no column `churnd`", at: SourceSpan(start: 9, end: 15, line: 14, column: 10),
            in: source, help: "did you mean `churned`?")
        let expected = """
            notebooks/churn.md:14:10: error: table `test` has no column `churnd`
               14 | y = test.churnd
                  |          ^^^^^^
            help: did you mean `churned`?

            """
        #expect(DiagnosticPrinter().render(diagnostic) == expected)
    }

    @Test("carets count characters, not bytes")
    func unicodeCaret() {
        let source = SourceText(name: "x", text: "\"é\" + 1")
        let diagnostic = Diagnostic("m", at: SourceSpan(start: 0, end: 4, line: 1, column: 1), in: source)
        #expect(DiagnosticPrinter().render(diagnostic).contains("  | ^^^\n"))
    }

    @Test("a file-level finding has no line; notes follow help")
    func fileLevel() {
        let d = Diagnostic.error(
            "cannot read the notebook: no such file", file: "nb.md", help: "h", notes: ["n1", "n2"])
        #expect(
            DiagnosticPrinter().render(d)
                == "nb.md: error: cannot read the notebook: no such file\nhelp: h\nnote: n1\nnote: n2\n")
        #expect(DiagnosticPrinter().render(Diagnostic("bare")) == "error: bare\n")
        #expect(DiagnosticPrinter().render(Diagnostic("w", severity: .warning)) == "warning: w\n")
    }

    @Test("a long line shows a window around the caret")
    func window() {
        let line = String(repeating: "a", count: 300) + "zz" + String(repeating: "b", count: 300)
        let source = SourceText(name: "nb.md", text: line)
        let d = Diagnostic("m", at: SourceSpan(start: 300, end: 302, line: 1, column: 301), in: source)
        let lines = DiagnosticPrinter().render(d).split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("   1 | …") && lines[1].hasSuffix("…"))
        let shown = lines[1].dropFirst("   1 | …".count)
        #expect(shown.count == DiagnosticPrinter.window + 1)
        // The caret sits under `zz`.
        let caretColumn = lines[2].distance(
            from: lines[2].startIndex, to: lines[2].firstIndex(of: "^") ?? lines[2].endIndex)
        let zColumn = lines[1].distance(
            from: lines[1].startIndex, to: lines[1].firstIndex(of: "z") ?? lines[1].endIndex)
        #expect(caretColumn == zColumn)
        #expect(lines[2].hasSuffix("^^"))
    }

    @Test("colour wraps the severity, caret and help, and nothing else")
    func colour() {
        let source = SourceText(name: "x", text: "abc")
        let d = Diagnostic("m", at: SourceSpan(start: 0, end: 1, line: 1, column: 1), in: source, help: "h")
        let text = DiagnosticPrinter(color: true).render(d)
        #expect(text.contains("\u{1B}[1;31merror:\u{1B}[0m m\n"))
        #expect(text.contains("\u{1B}[31m^\u{1B}[0m"))
        #expect(text.contains("\u{1B}[36mhelp:\u{1B}[0m h"))
        #expect(DiagnosticPrinter(color: false).render(d).contains("\u{1B}") == false)
    }

    @Test("control characters from data never reach the terminal raw")
    func controlCharacters() {
        let d = Diagnostic("bad value `\u{1B}]0;pwned\u{07}` and \r overwrite \u{9B}")
        let text = DiagnosticPrinter().render(d)
        #expect(text == "error: bad value `^[]0;pwned^G` and ^M overwrite \u{FFFD}\n")
        #expect(TerminalText.safe("tab\tand\nnewline") == "tab\tand\nnewline")
        #expect(TerminalText.safe("\u{7F}\u{00}") == "^?^@")
    }
}

@Suite("Terminal text")
struct TerminalTextTests {
    @Test("values from data reach the REPL with their control characters made visible")
    func replValues() {
        let hostile = "pwned\u{1B}]0;title\u{07}\rover"
        let shown = ReplDisplay.value(.string(hostile), width: 80)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(shown.contains("^[]0;title^G^Mover"))
        #expect(!ReplDisplay.binding("x", .string(hostile)).contains("\u{1B}"))
    }

    @Test("chart labels flatten every control character to a space")
    func labels() {
        #expect(TerminalText.label("a\tb\nc\u{1B}d") == "a b c d")
        #expect(TerminalText.label("plain") == "plain")
    }
}
