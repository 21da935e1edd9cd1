import EvalLang
import Testing

@testable import EvalNotebook

/// SPEC §3: the YAML front matter — title, params in written order, seed, and
/// errors that point at the right line.
@Suite("Front matter")
struct FrontMatterTests {
    @Test("title, description, params in written order, and seed are read")
    func readsAllKeys() throws {
        let notebook = try TestSupport.parse(
            """
            ---
            title: "Churn: a <test>"
            description: Why it matters
            params:
              zeta: 1
              alpha: 0.25
              name: "quoted"
              bare: text
              flag: true
              nothing: null
            seed: 17
            ---
            Body.

            """)
        let fm = notebook.frontMatter
        #expect(fm.title == "Churn: a <test>")
        #expect(fm.description == "Why it matters")
        #expect(Array(fm.params.keys) == ["zeta", "alpha", "name", "bare", "flag", "nothing"])
        #expect(json(fm.params["zeta"]) == json(.number(1)))
        #expect(json(fm.params["alpha"]) == json(.number(0.25)))
        #expect(json(fm.params["name"]) == json(.string("quoted")))
        #expect(json(fm.params["bare"]) == json(.string("text")))
        #expect(json(fm.params["flag"]) == json(.bool(true)))
        #expect(json(fm.params["nothing"]) == json(.null))
        #expect(fm.seed == 17)
        #expect(notebook.segments.compactMap(\.prose) == ["Body.\n"])
    }

    @Test("a quoted number stays a string, and the seed defaults to 0")
    func quotedNumberAndDefaultSeed() throws {
        let notebook = try TestSupport.parse("---\nparams:\n  version: \"2\"\n---\n")
        #expect(json(notebook.frontMatter.params["version"]) == json(.string("2")))
        #expect(notebook.frontMatter.seed == 0)
        #expect(notebook.frontMatter.title == nil)
    }

    @Test("a notebook without front matter has none, and an empty one is fine")
    func optionalFrontMatter() throws {
        let plain = try TestSupport.parse("# Title\n\ntext\n")
        #expect(plain.frontMatter.params.isEmpty)
        #expect(plain.segments.compactMap(\.prose) == ["# Title\n\ntext\n"])
        let empty = try TestSupport.parse("---\n---\nbody\n")
        #expect(empty.frontMatter.title == nil)
        #expect(empty.segments.compactMap(\.prose) == ["body\n"])
    }

    @Test("an unknown key is an error on its line with a did-you-mean")
    func unknownKey() {
        let error = TestSupport.parseError("---\ntitle: x\ntitel: y\n---\n", path: "notebooks/a.md")
        #expect(
            error
                == .frontMatter(
                    path: "notebooks/a.md", line: 3, message: "unknown front matter key `titel`",
                    help: "did you mean `title`?"))
        #expect(
            error.map { printed($0.diagnostic) } == """
                notebooks/a.md:3:1: error: unknown front matter key `titel`
                help: did you mean `title`?

                """)
    }

    @Test("an unknown key far from every known one lists the keys")
    func unknownKeyWithoutSuggestion() {
        let error = TestSupport.parseError("---\nauthor: me\n---\n")
        guard case .frontMatter(_, let line, let message, let help) = error else {
            Issue.record("expected a front matter error, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
        #expect(message == "unknown front matter key `author`")
        #expect(help == "keys are title, description, params and seed")
    }

    @Test("front matter that is never closed is an error")
    func unterminated() {
        let error = TestSupport.parseError("---\ntitle: x\n\n# Heading\n", path: "nb.md")
        #expect(error == .unterminatedFrontMatter(path: "nb.md"))
        #expect(
            error.map { printed($0.diagnostic) }
                == "nb.md:1:1: error: front matter opened with `---` is never closed\nhelp: end it with a line `---`\n")
    }

    @Test("invalid YAML names the file line it is on")
    func invalidYAML() {
        let error = TestSupport.parseError("---\ntitle: ok\nseed: 1: 2\n---\n", path: "nb.md")
        guard case .frontMatter(let path, let line, let message, _) = error else {
            Issue.record("expected a front matter error, got \(String(describing: error))")
            return
        }
        #expect(path == "nb.md")
        #expect(line == 3)
        #expect(message.hasPrefix("invalid YAML in front matter: "))
        #expect(
            error.map { printed($0.diagnostic) }?.hasPrefix("nb.md:3:1: error: invalid YAML in front matter: ") == true)
    }

    @Test(
        "wrong value types are errors on their line",
        arguments: [
            ("---\nseed: -1\n---\n", 2, "`seed` must be a whole number from 0 to 18446744073709551615"),
            ("---\nseed: 1.5\n---\n", 2, "`seed` must be a whole number from 0 to 18446744073709551615"),
            ("---\ntitle: x\nparams: [a, b]\n---\n", 3, "`params` must map names to default values"),
            ("---\nparams:\n  ok: 1\n  bad name: 2\n---\n", 4, "a param name must be a name like `threshold`"),
            ("---\nparams:\n  xs: [1, 2]\n---\n", 3, "param `xs` must default to a number, bool or string"),
            ("---\ntitle: [a, b]\n---\n", 2, "`title` must be text"),
            ("---\n- a\n- b\n---\n", 2, "front matter must be a mapping of `key: value` lines"),
        ])
    func wrongTypes(text: String, line: Int, message: String) {
        let error = TestSupport.parseError(text, path: "nb.md")
        #expect(error == .frontMatter(path: "nb.md", line: line, message: message))
    }

    @Test("a key or a param given twice is an error, not a silent override")
    func duplicates() {
        #expect(
            TestSupport.parseError("---\ntitle: a\nseed: 1\ntitle: b\n---\n")
                == .frontMatter(path: "nb.md", line: 4, message: "front matter key `title` is given twice"))
        #expect(
            TestSupport.parseError("---\nparams:\n  k: 1\n  k: 2\n---\n")
                == .frontMatter(path: "nb.md", line: 4, message: "param `k` is declared twice"))
    }

    @Test("front matter with CRLF line endings and a byte order mark is read")
    func crlfAndBOM() throws {
        let notebook = try TestSupport.parse("\u{FEFF}---\r\ntitle: Windows\r\nparams:\r\n  k: 2\r\n---\r\nBody\r\n")
        #expect(notebook.frontMatter.title == "Windows")
        #expect(json(notebook.frontMatter.params["k"]) == json(.number(2)))
        #expect(notebook.segments.compactMap(\.prose) == ["Body\r\n"])
    }
}
