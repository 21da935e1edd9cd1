import Foundation
import Testing

@testable import EvalNotebook

/// SPEC §6, §9: report.html runs nothing — no scripts, no raw HTML from prose,
/// every string from data escaped — and report.md escapes data too.
@Suite("HTML safety")
struct HTMLSafetyTests {
    static let hostile = """
        ---
        title: "<script>alert('title')</script>"
        description: "<img src=x onerror=alert('description')>"
        params:
          who: "<b onmouseover=alert('param')>"
        ---
        Prose with <script>alert("prose")</script> inline and <img src=x onerror=alert(1)>.

        <script>
        alert("block")
        </script>

        <iframe src="https://example.com"></iframe>

        A [link](javascript:alert('link')) and ![image](javascript:alert('image')).

        ```evalbook
        #| label: x" onclick="alert('label')
        #| caption: <script>alert('caption')</script>
        t = read_csv("hostile.csv")
        t
        {field: "<script>alert('record')</script>"}
        params.who
        expect nrow(t) == 0, "<script>alert('message')</script>"
        ```

        """

    static let hostileCSV = """
        name,"<script>alert('header')</script>"
        "<script>alert(""cell"")</script>",1
        "a|b & <i>c</i>",2

        """

    static func render() throws -> (markdown: String, html: String) {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(hostileCSV, to: "hostile.csv", in: root)
        let files = ReportFiles(try TestSupport.run(hostile, path: "hostile.md", root: root))
        let markdown = files.outputs.first { $0.name == "report.md" }?.contents ?? ""
        let html = files.outputs.first { $0.name == "report.html" }?.contents ?? ""
        return (markdown, html)
    }

    @Test("report.html has no script, no event handler and no javascript: URL")
    func noScripts() throws {
        let html = try Self.render().html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("javascript:"))
        // A tag, then whole attributes (quoted values skipped), then an on… attribute.
        let handler = #"<[a-z0-9]+(\s+[a-z-]+(="[^"]*"|='[^']*'|=[^\s>"']+)?)*\s+on[a-z]+\s*="#
        #expect(html.range(of: handler, options: .regularExpression) == nil, "an event handler attribute got through")
        #expect("<p><img src=x onerror=alert(1)></p>".range(of: handler, options: .regularExpression) != nil)
        #expect("<section id=\"a\" onclick=\"x\">".range(of: handler, options: .regularExpression) != nil)
        #expect(html.contains("<img src=\"\" alt=\"image\" />"), "the image keeps its alt text and loses its URL")
        #expect(!html.contains("<b onmouseover"))
    }

    @Test("raw HTML in prose is dropped, while the prose around it is kept")
    func proseRawHTML() throws {
        let html = try Self.render().html
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("Prose with "))
        #expect(html.contains("<a href=\"\">link</a>"))
    }

    @Test("strings from data, options and front matter are escaped in report.html")
    func escapedInHTML() throws {
        let html = try Self.render().html
        #expect(html.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</title>"))
        #expect(html.contains("<p class=\"description\">&lt;img src=x onerror=alert(&#39;description&#39;)&gt;</p>"))
        #expect(html.contains("<section class=\"cell\" id=\"x&quot; onclick=&quot;alert(&#39;label&#39;)\">"))
        #expect(html.contains("<p class=\"caption\">&lt;script&gt;alert(&#39;caption&#39;)&lt;/script&gt;</p>"))
        #expect(
            html.contains("<th>&lt;script&gt;alert(&#39;header&#39;)&lt;/script&gt;</th>")
                || html.contains("<th class=\"num\">&lt;script&gt;alert(&#39;header&#39;)&lt;/script&gt;</th>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&quot;cell&quot;)&lt;/script&gt;</td>"))
        #expect(html.contains("<td>a|b &amp; &lt;i&gt;c&lt;/i&gt;</td>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;record&#39;)&lt;/script&gt;"))
        #expect(html.contains("— &lt;script&gt;alert(&#39;message&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b onmouseover=alert(&#39;param&#39;)&gt;"))
    }

    @Test("prose is parsed as one document: a reference link resolves across cells")
    func referenceLinksAcrossCells() throws {
        let report = try TestSupport.run(
            """
            See [the docs][docs].

            ```evalbook
            1 + 1
            ```

            [docs]: https://example.com/docs

            ```evalbook
            2
            ```
            """)
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<p>See <a href=\"https://example.com/docs\">the docs</a>.</p>"))
        #expect(html.components(separatedBy: "<div class=\"prose\">").count == 2, "blank prose makes no block")
    }

    @Test("report.html is self-contained: inline style, nothing fetched")
    func selfContained() throws {
        let html = try Self.render().html.lowercased()
        #expect(html.hasPrefix("<!doctype html>\n"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("src=\"http"))
    }

    @Test("strings from data are escaped in report.md tables")
    func escapedInMarkdown() throws {
        let markdown = try Self.render().markdown
        #expect(markdown.contains("| \\<script\\>alert(\"cell\")\\</script\\> | 1 |"))
        #expect(markdown.contains("| a\\|b &amp; \\<i\\>c\\</i\\> | 2 |"))
        #expect(markdown.hasPrefix("# \\<script\\>alert('title')\\</script\\>\n"))
        #expect(markdown.contains("*\\<script\\>alert('caption')\\</script\\>*"))
    }

    @Test("message text shows quoted names as code and escapes the rest")
    func messageText() {
        #expect(MessageText.html("`roc_auc` is <undefined>") == "<code>roc_auc</code> is &lt;undefined&gt;")
        #expect(MessageText.html("odd ` count <") == "odd ` count &lt;")
        #expect(MessageText.markdown("`a_b` is *x*") == "`a_b` is \\*x\\*")
        #expect(MarkdownText.codeSpan("x == \"`\"") == "``x == \"`\"``")
        #expect(MarkdownText.codeSpan("`a`") == "`` `a` ``")
    }
}
