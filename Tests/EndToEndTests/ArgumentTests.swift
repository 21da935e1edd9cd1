import Foundation
import Testing

/// Bad arguments exit 2 with a message on stderr, and never crash (SPEC §2, §5b).
@Suite("Bad arguments")
struct ArgumentTests {
    static let notebook = """
        ---
        params:
          threshold: 0.5
        ---
        ```evalbook
        params.threshold
        ```

        """

    /// Runs `arguments` in a project holding `nb.md`.
    static func run(_ arguments: [String]) throws -> Evalbook.Result {
        let project = try Project()
        defer { project.remove() }
        try project.write(notebook, to: "nb.md")
        let result = try Evalbook.run(
            arguments.map {
                $0.replacingOccurrences(of: "ROOT", with: project.root.path)
            }, in: project.root)
        #expect(project.list("reports").isEmpty, "a refused run wrote a report")
        return result
    }

    @Test(
        "refused with exit 2 and a message",
        arguments: [
            (["run", "nb.md", "--frobnicate"], "Unknown option '--frobnicate'"),
            (["run"], "Missing expected argument '<notebook>'"),
            (["run", "missing.md", "--root", "ROOT"], "missing.md: error: cannot read the notebook: no such file"),
            (
                ["run", "nb.md", "--root", "ROOT", "--param", "threshold"],
                "error: --param takes name=value, not `threshold`"
            ),
            (["run", "nb.md", "--root", "ROOT", "--param", "=1"], "error: --param takes name=value, not `=1`"),
            (
                ["run", "nb.md", "--root", "ROOT", "--param", "thresold=1"],
                "error: --param `thresold` is not a param of nb.md\nhelp: did you mean `threshold`?"
            ),
            (["run", "nb.md", "--root", "ROOT", "--param", "zzz=1"], "error: --param `zzz` is not a param of nb.md"),
            (["run", "nb.md", "--param"], "Missing value for '--param <param>'"),
            (["eval"], "Missing expected argument '<code>'"),
            (["eval", "1", "--jsn"], "Unknown option '--jsn'"),
            (["functions", "a", "b"], "Unexpected argument 'b'"),
            (["run", "ROOT", "--root", "ROOT"], "error: cannot read the notebook"),
            (["run", "nb.md", "--root", "ROOT/nope"], "is not a folder"),
            (["eval", "1", "--root", "ROOT/nb.md"], "is not a folder"),
            (["run", "nb.md", "--root", "ROOT", "--reports", "ROOT/nb.md/deeper"], "nb.md is a file, not a folder"),
        ])
    func refused(arguments: [String], message: String) throws {
        let result = try Self.run(arguments)
        #expect(result.exited, "crashed: \(result)")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(result.stdout == "")
    }

    @Test("a notebook that is not UTF-8 or has bad front matter exits 2")
    func badNotebooks() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]), to: "binary.md")
        try project.write("---\ntitle: x\n", to: "open.md")
        try project.write("```evalbook\n#| colour: red\n```\n", to: "option.md")
        for (name, message) in [
            (
                "binary.md",
                "binary.md:1:3: error: the notebook is not valid UTF-8 text\nhelp: save it as UTF-8 (most editors have an encoding menu)\n"
            ),
            (
                "open.md",
                "open.md:1:1: error: front matter opened with `---` is never closed\nhelp: end it with a line `---`\n"
            ),
            (
                "option.md",
                "option.md:2:1: error: unknown cell option `colour`\nhelp: options are label, caption, echo and output\n"
            ),
        ] {
            let result = try project.run(name)
            #expect(result.exited && result.status == 2, "\(name): \(result)")
            #expect(result.stderr == message)
        }
        #expect(project.list("reports").isEmpty)
    }

    @Test("--help and --version exit 0")
    func helpAndVersion() throws {
        let help = try Evalbook.run(["--help"])
        #expect(help.exited && help.status == 0, "\(help)")
        #expect(help.stdout.contains("run"))
        let runHelp = try Evalbook.run(["run", "--help"])
        #expect(runHelp.exited && runHelp.status == 0, "\(runHelp)")
        #expect(runHelp.stdout.contains("--param"))
        let version = try Evalbook.run(["--version"])
        #expect(version.exited && version.status == 0, "\(version)")
        #expect(version.stdout == "0.1.0\n")
    }
}
