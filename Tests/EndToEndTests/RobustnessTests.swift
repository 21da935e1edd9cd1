import Foundation
import Testing

/// SPEC §5b: no input may crash the process — odd notebooks and extreme code
/// end in exit 0 or a located error with exit 2, never a signal.
@Suite("No crash on extreme input")
struct RobustnessTests {
    static let code: [(name: String, code: String)] = [
        ("parentheses 500 deep", String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)),
        ("lists 500 deep", String(repeating: "[", count: 500) + String(repeating: "]", count: 500)),
        ("records 300 deep", String(repeating: "{a: ", count: 300) + "1" + String(repeating: "}", count: 300)),
        ("unary minus 5000 times", String(repeating: "-", count: 5000) + "1"),
        ("not 5000 times", String(repeating: "not ", count: 5000) + "true"),
        ("a sum of 5000 terms", "1" + String(repeating: " + 1", count: 4999)),
        ("a pipe of 2000 stages", "[1]" + String(repeating: " |> sum", count: 2000)),
        ("power tower of 2000", Array(repeating: "1", count: 2000).joined(separator: " ^ ")),
        ("2000 statements", Array(repeating: "x = 1", count: 2000).joined(separator: "; ")),
        ("a lambda calling itself forever", "f = x => f(x); f(1)"),
        ("an unterminated string", "\"abc"),
        ("a lone backslash in a string", "\"\\"),
        ("a huge number", "1e999999"),
        ("a NUL byte", "1 +\u{0} 2"),
    ]

    @Test("eval of extreme code exits normally", arguments: code.indices)
    func extremeCode(index: Int) throws {
        let (name, code) = Self.code[index]
        let result = try Evalbook.run(["eval", "--", code])
        #expect(result.exited, "\(name) crashed: \(result.description.prefix(2000))")
        #expect(result.status == 0 || result.status == 2, "\(name): \(result.description.prefix(2000))")
        if result.status == 2 { #expect(result.stderr.hasPrefix("<eval>:"), "\(name): \(result.stderr.prefix(500))") }
    }

    static let notebooks: [(name: String, bytes: [UInt8])] = [
        (
            "NUL bytes in prose and code",
            Array("pro".utf8) + [0] + Array("se\n\n```evalbook\nx = \"a".utf8) + [0] + Array("b\"\nx\n```\n".utf8)
        ),
        ("blockquotes 20000 deep", Array((String(repeating: "> ", count: 20000) + "deep\n").utf8)),
        ("lists 5000 deep", Array((0..<5000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined().utf8)),
        ("only a fence", Array("```evalbook".utf8)),
        ("only front matter dashes", Array("---".utf8)),
        ("a lone carriage return", [0x0D]),
        ("a byte order mark only", [0xEF, 0xBB, 0xBF]),
        (
            "a cell of 100,000 short lines",
            Array(("```evalbook\n" + String(repeating: "x = 1\n", count: 100_000) + "```\n").utf8)
        ),
        (
            "front matter with a YAML alias bomb",
            Array(
                "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n"
                    .utf8)
        ),
        ("a param default that is a map", Array("---\nparams:\n  k: {a: 1}\n---\n".utf8)),
        ("a YAML tag", Array("---\nseed: !!binary aGVsbG8=\n---\n".utf8)),
    ]

    @Test("run of an odd notebook exits normally", arguments: notebooks.indices)
    func oddNotebook(index: Int) throws {
        let (name, bytes) = Self.notebooks[index]
        let project = try Project()
        defer { project.remove() }
        try project.write(Data(bytes), to: "odd.md")
        let result = try project.run("odd.md")
        #expect(result.exited, "\(name) crashed: \(result.description.prefix(2000))")
        #expect(result.status == 0 || result.status == 2, "\(name): \(result.description.prefix(2000))")
        if result.status == 2 { #expect(result.stderr.hasPrefix("odd.md"), "\(name): \(result.stderr.prefix(500))") }
    }
}
