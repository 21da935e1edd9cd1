import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// SPEC §3: cmark finds the code cells; everything else is prose, kept byte for byte.
@Suite("Notebook cells and prose")
struct NotebookParserTests {
    /// A notebook with every kind of block that is not a cell, between two cells.
    static let mixed = """
        ---
        title: Mixed
        ---
        Intro with `code` and <b>html</b>.

        ```python
        x = 1
        ```

        ~~~evalbook
        a = 1
        a
        ~~~

            indented = "code, but prose"

        ```evalbook extra words
        #| label: second
        b = a + 1
        ```
        ```
        plain fence
        ```

        > ```evalbook
        > quoted = "prose too"
        > ```

        - a list item

          ```evalbook
          nested = "prose"
          ```

        ````evalbook
        c = "```"
        ````
        Closing text without a final newline
        """

    @Test("only top-level fenced blocks with info string `evalbook` are cells")
    func cellsFoundByCmark() throws {
        let notebook = try TestSupport.parse(Self.mixed)
        #expect(notebook.cells.map(\.code) == ["a = 1\na\n", "#| label: second\nb = a + 1\n", "c = \"```\"\n"])
        #expect(notebook.cells.map(\.index) == [0, 1, 2])
        #expect(notebook.cells.map(\.options.label) == [nil, "second", nil])
        let prose = notebook.segments.compactMap(\.prose).joined()
        #expect(prose.contains("```python\nx = 1\n```\n"))
        #expect(prose.contains("    indented = \"code, but prose\"\n"))
        #expect(prose.contains("> ```evalbook\n> quoted = \"prose too\"\n> ```\n"))
        #expect(prose.contains("  ```evalbook\n  nested = \"prose\"\n  ```\n"))
        #expect(prose.hasSuffix("Closing text without a final newline"))
    }

    @Test("prose segments and cell sources concatenate to the body, byte for byte")
    func proseIsByteForByte() throws {
        let notebook = try TestSupport.parse(Self.mixed)
        let body = Self.mixed.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
        let rebuilt = notebook.segments.map { segment -> String in
            switch segment {
            case .prose(let text): text
            case .cell(let cell): cell.source
            }
        }.joined()
        #expect(rebuilt == body)
        #expect(notebook.body == body)
        #expect(notebook.source == Self.mixed)
        #expect(notebook.cells.first?.source == "~~~evalbook\na = 1\na\n~~~\n")
    }

    @Test("segments alternate in document order, with no empty prose")
    func segmentOrder() throws {
        let notebook = try TestSupport.parse("```evalbook\nx = 1\n```\n```evalbook\ny = 2\n```\ntext\n")
        #expect(notebook.segments.count == 3)
        guard notebook.segments.count == 3 else { return }
        if case .cell(let c) = notebook.segments[0] {
            #expect(c.code == "x = 1\n")
        } else {
            Issue.record("first is not a cell")
        }
        if case .cell(let c) = notebook.segments[1] {
            #expect(c.code == "y = 2\n")
        } else {
            Issue.record("second is not a cell")
        }
        #expect(notebook.segments[2].prose == "text\n")
    }

    @Test("each cell's firstLine is the file line of its first code line")
    func firstLines() throws {
        let notebook = try TestSupport.parse(Self.mixed)
        let lines = Self.mixed.components(separatedBy: "\n")
        for cell in notebook.cells {
            let firstCodeLine = cell.code.components(separatedBy: "\n")[0]
            #expect(lines[cell.firstLine - 1] == firstCodeLine, "cell \(cell.index) starts at line \(cell.firstLine)")
        }
        #expect(notebook.cells.map(\.firstLine) == [11, 18, 36])
    }

    @Test("line numbers count CRLF and lone CR line endings the way cmark does")
    func lineEndings() throws {
        let crlf = try TestSupport.parse(
            "---\r\ntitle: t\r\n---\r\n\r\ntext\r\n\r\n```evalbook\r\n#| echo: false\r\nx = 1\r\n```\r\n")
        #expect(crlf.cells.map(\.firstLine) == [8])
        #expect(crlf.cells.first?.code == "#| echo: false\nx = 1\n")
        #expect(crlf.cells.first?.options.echo == false)
        #expect(crlf.segments.first?.prose == "\r\ntext\r\n\r\n")
        let cr = try TestSupport.parse("text\r\r```evalbook\rx = 1\r```\r")
        #expect(cr.cells.map(\.firstLine) == [4])
        #expect(cr.cells.first?.code == "x = 1\n")
    }

    @Test("an unclosed fence runs to the end of the file")
    func unclosedFence() throws {
        let notebook = try TestSupport.parse("intro\n\n```evalbook\nx = 1\ny = 2\n")
        #expect(notebook.cells.map(\.code) == ["x = 1\ny = 2\n"])
        #expect(notebook.cells.map(\.firstLine) == [4])
        #expect(notebook.segments.compactMap(\.prose) == ["intro\n\n"])
    }

    @Test("an empty notebook and an empty cell parse")
    func emptyInputs() throws {
        #expect(try TestSupport.parse("").segments.isEmpty)
        let notebook = try TestSupport.parse("```evalbook\n```\n")
        #expect(notebook.cells.map(\.code) == [""])
        #expect(notebook.cells.first?.displayCode == "")
    }

    @Test("the report name is the file name without .md")
    func name() throws {
        #expect(try TestSupport.parse("", path: "notebooks/churn.md").name == "churn")
        #expect(try TestSupport.parse("", path: "plain").name == "plain")
    }

    @Test("loading a missing or non-UTF-8 file is an error, not a crash")
    func loadErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.md").path
        #expect(throws: NotebookError.cannotRead(path: "shown.md", reason: "no such file")) {
            try NotebookParser.load(path: missing, displayPath: "shown.md")
        }
        let binary = dir.appendingPathComponent("binary.md")
        try Data([0x66, 0xFF, 0xFE, 0x0A]).write(to: binary)
        #expect(throws: NotebookError.invalidUTF8(path: binary.path, line: 1, column: 2)) {
            try NotebookParser.load(path: binary.path)
        }
        // The first bad byte is located even on a later line, after multi-byte characters.
        try Data("é ok\nline two\nab".utf8 + [0xC3, 0x28]).write(to: binary)
        #expect(throws: NotebookError.invalidUTF8(path: binary.path, line: 3, column: 3)) {
            try NotebookParser.load(path: binary.path)
        }
        #expect(throws: NotebookError.cannotRead(path: dir.path, reason: "permission denied or not a file")) {
            try NotebookParser.load(path: dir.path)
        }
    }
}

/// Quarto-style `#|` options at the top of a cell.
@Suite("Cell options")
struct CellOptionTests {
    @Test("label, caption, echo and output are read, and hidden from the code shown")
    func options() throws {
        let notebook = try TestSupport.parse(
            """
            ```evalbook
            #| label: roc
            #|caption:   ROC by segment: all of them
            #| echo: false
            #| output: false
            x = 1
            #| not an option once code started
            ```

            """)
        let cell = try #require(notebook.cells.first)
        #expect(cell.options.label == "roc")
        #expect(cell.options.caption == "ROC by segment: all of them")
        #expect(cell.options.echo == false)
        #expect(cell.options.output == false)
        #expect(cell.displayCode == "x = 1\n#| not an option once code started")
    }

    @Test("defaults: no label, no caption, echo and output on")
    func defaults() throws {
        let cell = try #require(try TestSupport.parse("```evalbook\nx = 1\n```\n").cells.first)
        #expect(cell.options == CellOptions())
        #expect(cell.options.echo && cell.options.output)
    }

    @Test("an unknown option is an error on its file line, with a did-you-mean")
    func unknownOption() {
        let text = "---\ntitle: t\n---\n\ntext\n\n```evalbook\n#| label: a\n#| captoin: b\nx = 1\n```\n"
        let error = TestSupport.parseError(text, path: "nb.md")
        #expect(
            error
                == .cellOption(
                    path: "nb.md", line: 9, message: "unknown cell option `captoin`",
                    help: "did you mean `caption`?"))
        #expect(
            error.map { printed($0.diagnostic) }
                == "nb.md:9:1: error: unknown cell option `captoin`\nhelp: did you mean `caption`?\n")
    }

    @Test(
        "malformed option lines are errors on their line",
        arguments: [
            ("```evalbook\n#| echo: maybe\n```\n", 2, "`echo` must be true or false, not `maybe`"),
            ("```evalbook\n#| label: a\n#| output: no\n```\n", 3, "`output` must be true or false, not `no`"),
            ("```evalbook\n#| label\n```\n", 2, "a cell option looks like `#| label: roc`"),
        ])
    func malformed(text: String, line: Int, message: String) {
        #expect(TestSupport.parseError(text, path: "nb.md") == .cellOption(path: "nb.md", line: line, message: message))
    }

    @Test("options of other fenced blocks are not read")
    func otherBlocksIgnored() throws {
        #expect(try TestSupport.parse("```python\n#| bogus: 1\n```\n").cells.isEmpty)
    }
}
