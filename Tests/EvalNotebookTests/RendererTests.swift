import Foundation
import Testing

@testable import EvalNotebook

/// How cells, outputs and checks come out in report.md and report.html.
@Suite("Renderers")
struct RendererTests {
    static func files(_ text: String) throws -> (markdown: String, html: String, metrics: String) {
        let files = ReportFiles(try TestSupport.run(text, path: "r.md"))
        func named(_ name: String) -> String { files.outputs.first { $0.name == name }?.contents ?? "" }
        return (named("report.md"), named("report.html"), named("metrics.json"))
    }

    @Test("echo and output options hide code and displays, never checks")
    func hiddenParts() throws {
        let (markdown, html, _) = try Self.files(
            """
            ```evalbook
            #| echo: false
            #| output: false
            x = 41
            x + 1
            expect x > 40
            ```

            """)
        #expect(!markdown.contains("x = 41"))
        #expect(!markdown.contains("42"))
        #expect(markdown.contains("✔ passed: `x > 40` <sub>r.md:6</sub>"))
        #expect(!html.contains("x = 41"))
        #expect(!html.contains("<pre class=\"output\">42</pre>"))
        #expect(html.contains("passed: <code>x &gt; 40</code>"))
    }

    @Test("a cell that shows nothing leaves no empty section, unless it has a label")
    func emptyCells() throws {
        let (_, html, _) = try Self.files(
            """
            ```evalbook
            #| echo: false
            x = 1
            ```

            ```evalbook
            #| label: anchor
            #| echo: false
            y = 2
            ```

            """)
        #expect(html.components(separatedBy: "<section").count == 2)
        #expect(html.contains("<section class=\"cell\" id=\"anchor\">\n</section>\n"))
    }

    @Test("code and text outputs are fenced so backticks inside cannot end the fence")
    func fences() throws {
        let (markdown, _, _) = try Self.files(
            """
            ```evalbook
            s = "```"
            s
            expect s == "`", "a backtick"
            ```

            """)
        #expect(markdown.contains("````evalbook\ns = \"```\"\ns\nexpect s == \"`\", \"a backtick\"\n````\n"))
        #expect(markdown.contains("````text\n\"```\"\n````\n"))
        #expect(markdown.contains("✘ **failed**: ``s == \"`\"``"))
    }

    @Test("a long table is cut with a note of the rows left out, in both reports")
    func longTable() throws {
        let (markdown, html, _) = try Self.files("```evalbook\ntable(i: range(1000))\n```\n")
        #expect(markdown.contains("more rows*"))
        #expect(html.contains("more rows</p>"))
        #expect(markdown.components(separatedBy: "\n| ").count < 100)
    }

    @Test("metrics.json keeps full precision and writes non-finite numbers as null")
    func metricsJSON() throws {
        let (_, _, metrics) = try Self.files(
            "```evalbook\nthird = 1 / 3\nbig = 1e300 * 1e300\nr = {a: 0.1 + 0.2, b: null}\n```\n")
        #expect(
            metrics == """
                {
                  "third": 0.3333333333333333,
                  "big": null,
                  "r": {
                    "a": 0.30000000000000004,
                    "b": null
                  }
                }

                """)
    }

    @Test("a notebook without title uses its name, and report.md ends with one newline")
    func untitled() throws {
        let (markdown, html, _) = try Self.files("text without newline")
        #expect(html.contains("<title>r</title>"))
        #expect(markdown.hasSuffix("text without newline\n"))
        #expect(markdown.hasPrefix("<sub>Seed: 0</sub>\n\n"))
    }
}
