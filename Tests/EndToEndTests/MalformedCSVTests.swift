import Foundation
import Testing

/// A notebook reading malformed CSV fails with exit 2 and a located message,
/// never with a crash (SPEC §5b).
@Suite("Malformed CSV from a notebook")
struct MalformedCSVTests {
    /// The file's bytes and what its message must contain besides the notebook's location.
    static let cases: [(name: String, bytes: [UInt8], located: String)] = [
        ("ragged", Array("a,b\n1,2\n3\n".utf8), "bad.csv:3:"),
        ("too many fields", Array("a,b\n1,2,3\n".utf8), "bad.csv:2:"),
        ("unterminated quote", Array("a,b\n1,\"x\n2,3\n".utf8), "bad.csv:2:"),
        ("invalid UTF-8", Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8), "bad.csv:2:"),
        ("invalid UTF-8 in the header", Array("a,".utf8) + [0xC3, 0x28] + Array("\n1,2\n".utf8), "bad.csv:1:"),
        ("duplicate header", Array("a,a\n1,2\n".utf8), "bad.csv:1:"),
        ("empty header", Array("a,\n1,2\n".utf8), "bad.csv:1:"),
        ("empty file", [], "bad.csv"),
        ("quote inside an unquoted field", Array("a,b\n1,x\"y\"\n".utf8), "bad.csv:2:"),
        ("text after a closing quote", Array("a,b\n1,\"x\"y\n".utf8), "bad.csv:2:"),
        ("ragged row with CRLF", Array("a,b\r\n1,2\r\n3\r\n".utf8), "bad.csv:3:"),
        ("ragged row after a quoted newline", Array("a,b\n\"x\ny\",1\n2\n".utf8), "bad.csv:4:"),
    ]

    @Test("exit 2 with file and line, never a crash", arguments: cases.indices)
    func malformed(index: Int) throws {
        let (name, bytes, located) = Self.cases[index]
        let project = try Project()
        defer { project.remove() }
        try project.write(Data(bytes), to: "data/bad.csv")
        try project.write("# \(name)\n\n```evalbook\nt = read_csv(\"data/bad.csv\")\nnrow(t)\n```\n", to: "nb.md")
        let result = try project.run("nb.md")
        #expect(result.exited, "\(name) crashed: \(result)")
        #expect(result.status == 2, "\(name): \(result)")
        #expect(result.stderr.hasPrefix("nb.md:4:14: error: "), "\(name): \(result)")
        #expect(result.stderr.contains(located), "\(name): \(result)")
        #expect(result.stderr.contains("   4 | t = read_csv(\"data/bad.csv\")\n"), "\(name): \(result)")
        #expect(project.list("reports").isEmpty)
    }

    @Test("NUL bytes are data, not a crash")
    func nulBytes() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write(Data(Array("a,b\n1,".utf8) + [0, 0] + Array("\n".utf8)), to: "data/nul.csv")
        try project.write("```evalbook\nt = read_csv(\"data/nul.csv\")\nnrow(t)\n```\n", to: "nb.md")
        let result = try project.run("nb.md")
        #expect(result.exited && result.status == 0, "\(result)")
    }

    @Test("a CSV error names the field")
    func namesField() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("a,b\n1,2\n3\n", to: "data/bad.csv")
        try project.write("```evalbook\nt = read_csv(\"data/bad.csv\")\n```\n", to: "nb.md")
        let result = try project.run("nb.md")
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("nb.md:2:14: error: data/bad.csv:3: field 2"), "\(result)")
    }
}
