import EvalLang
import Foundation
import OrderedCollections
import Testing

@testable import EvalNotebook

/// `NotebookWriter` writes what `NotebookParser` reads back: the same front matter, the same cells.
@Suite("Notebook writer")
struct NotebookWriterTests {
    /// Strings YAML would read as something else, or that need quoting, escaping or care with Unicode.
    static let awkward = [
        "repl", "", "yes", "no", "on", "true", "False", "null", "~", "1e3", "0x1F", "012", "1_000", ".inf", "-.5",
        "2024-01-31", "Q3: \"churn\" # draft", "a: b", "#hash", "- item", "[list]", "{map}", "'single'", "\"double\"",
        "back\\slash", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`", "| pipe", "> fold", "---", "...",
        " leading space", "trailing space ", "line one\nline two", "crlf\r\nline", "tab\there", "nul\u{0}", "bell\u{7}",
        "escape\u{1B}[31m", "del\u{7F}", "nel\u{85}", "bom\u{FEFF}", "ls\u{2028}ps\u{2029}", "日本語のタイトル ✔",
        "café", "emoji 😀 👩‍👩‍👧", "combining e\u{301}", String(repeating: "long title words ", count: 20),
    ]

    /// The front matter a written notebook parses back to.
    static func roundTrip(_ frontMatter: FrontMatter, cells: [String] = ["1 + 1"]) throws -> Notebook {
        let text = try NotebookWriter.text(frontMatter: frontMatter, cells: cells)
        return try TestSupport.parse(text)
    }

    static func same(_ a: Value?, _ b: Value?) -> Bool {
        switch (a, b) {
        case (.number(let x)?, .number(let y)?): return x == y
        case (.string(let x)?, .string(let y)?): return x == y
        case (.bool(let x)?, .bool(let y)?): return x == y
        case (.null?, .null?), (nil, nil): return true
        default: return false
        }
    }

    @Test("awkward titles and descriptions come back as the same text")
    func titlesRoundTrip() throws {
        for title in Self.awkward {
            var frontMatter = FrontMatter()
            frontMatter.title = title
            frontMatter.description = "about " + title
            let parsed = try Self.roundTrip(frontMatter).frontMatter
            #expect(parsed.title == title, "\(title.debugDescription)")
            #expect(parsed.description == "about " + title, "\(title.debugDescription)")
        }
    }

    @Test("string params stay strings, numbers numbers, booleans booleans, in order")
    func paramsRoundTrip() throws {
        var frontMatter = FrontMatter()
        frontMatter.title = "params"
        for (i, text) in Self.awkward.enumerated() { frontMatter.params["s\(i)"] = .string(text) }
        let numbers: [Double] = [
            0, -0.0, 3, -42, 0.5, 0.1, 1e-7, 1e21, 123_456.789, 18_014_398_509_481_984, 1e300, .leastNonzeroMagnitude,
        ]
        for (i, x) in numbers.enumerated() { frontMatter.params["n\(i)"] = .number(x) }
        frontMatter.params["yes"] = .bool(true)
        frontMatter.params["off"] = .bool(false)
        frontMatter.params["nothing"] = .null
        frontMatter.seed = 12_345
        let parsed = try Self.roundTrip(frontMatter).frontMatter
        #expect(Array(parsed.params.keys) == Array(frontMatter.params.keys))
        for (name, value) in frontMatter.params {
            #expect(Self.same(parsed.params[name], value), "\(name): \(value.inlineText.debugDescription)")
        }
        #expect(parsed.seed == 12_345)
    }

    @Test("params a front matter cannot hold are left out")
    func unwritableParams() throws {
        var frontMatter = FrontMatter()
        frontMatter.params["kept"] = .number(1)
        frontMatter.params["nan"] = .number(.nan)
        frontMatter.params["inf"] = .number(-.infinity)
        frontMatter.params["list"] = .list([.number(1)])
        let parsed = try Self.roundTrip(frontMatter).frontMatter
        #expect(Array(parsed.params.keys) == ["kept"])
    }

    @Test("cells come back as written, backticks and all")
    func cellsRoundTrip() throws {
        let cells = ["x = 1", "s = \"```\"\ny = \"````\"", "expect x == 1, \"`one`\"", "# a comment\nz = x * 2"]
        let notebook = try Self.roundTrip(FrontMatter(), cells: cells)
        #expect(notebook.cells.map(\.displayCode) == cells)
        #expect(notebook.frontMatter.title == nil)
    }

    @Test("the text: quoted strings, plain numbers, seed last")
    func text() throws {
        var frontMatter = FrontMatter()
        frontMatter.title = "churn: Q3"
        frontMatter.params = ["threshold": .number(0.5), "segment": .string("web"), "strict": .bool(true)]
        frontMatter.seed = 7
        #expect(
            try NotebookWriter.text(frontMatter: frontMatter, cells: ["x = 1"]) == """
                ---
                title: "churn: Q3"
                params:
                  threshold: 0.5
                  segment: "web"
                  strict: true
                seed: 7
                ---

                ```evalbook
                x = 1
                ```

                """)
    }

    @Test("a session's params and seed, titled after the file")
    func session() throws {
        var params: OrderedDictionary<String, Value> = [:]
        params["k"] = .number(3)
        let session = Session(params: params, seed: 4, files: FileAccess(root: "/tmp"))
        let text = try NotebookWriter.text(
            title: NotebookWriter.title(for: "work/churn.md"), session: session, cells: ["y = params.k"])
        #expect(text == "---\ntitle: \"churn\"\nparams:\n  k: 3\nseed: 4\n---\n\n```evalbook\ny = params.k\n```\n")
        #expect(NotebookWriter.title(for: "notes") == "notes")
    }
}
