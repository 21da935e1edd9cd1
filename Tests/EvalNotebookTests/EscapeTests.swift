import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The one escaping function per syntax (HTML, XML, Markdown) against strings from hostile data.
@Suite("Escaping")
struct EscapeTests {
    /// NUL, BEL, ESC (an ANSI colour), DEL and a C1 control: none may reach a report.
    static let controls = "a\u{0}b\u{7}c\u{1B}[31md\u{7F}e\u{85}f\u{9F}g"

    /// "x", the noncharacters U+FFFE, U+FFFF and U+FDD0, then "y" (Swift literals cannot hold the first two).
    static let noncharacters = String(
        String.UnicodeScalarView([0x78, 0xFFFE, 0xFFFF, 0xFDD0, 0x79].compactMap(Unicode.Scalar.init)))

    @Test("HTML: markup, quotes and ampersands become references")
    func htmlSpecialCharacters() {
        #expect(HTMLText.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLText.escape("a & \"b\" & 'c'") == "a &amp; &quot;b&quot; &amp; &#39;c&#39;")
        #expect(HTMLText.escape("x\" onclick=\"y") == "x&quot; onclick=&quot;y")
        #expect(HTMLText.escape("]]> `code` | cell") == "]]&gt; `code` | cell")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;", "an entity in data is data, not an entity")
    }

    @Test("HTML: a special character carrying a combining mark is still escaped")
    func htmlCombiningMark() {
        // "<" + U+0338 is one Character (≮ decomposed), which a Character comparison would let through.
        #expect(HTMLText.escape("a <\u{338} b") == "a &lt;\u{338} b")
    }

    @Test("HTML: line breaks and tabs stay; other control characters and noncharacters are dropped")
    func htmlControls() {
        #expect(HTMLText.escape("a\r\nb\rc\nd\te") == "a\r\nb\rc\nd\te")
        #expect(HTMLText.escape(Self.controls) == "abc[31mdefg")
        #expect(HTMLText.escape(Self.noncharacters) == "xy")
        #expect(HTMLText.escape("café ✔ 日本") == "café ✔ 日本")
    }

    @Test("XML: markup, quotes, ampersands and CDATA ends become references")
    func xmlSpecialCharacters() {
        #expect(XMLText.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;")
        #expect(XMLText.escape("a & \"b\"") == "a &amp; &quot;b&quot;")
        #expect(XMLText.escape("<![CDATA[x]]>") == "&lt;![CDATA[x]]&gt;")
        #expect(XMLText.escape("a <\u{338} b") == "a &lt;\u{338} b")
    }

    @Test("XML: line breaks are one reference each, whatever their form; tabs are references")
    func xmlLineBreaks() {
        #expect(XMLText.escape("a\r\nb") == "a&#10;b")
        #expect(XMLText.escape("a\rb\nc\n\nd") == "a&#10;b&#10;c&#10;&#10;d")
        #expect(XMLText.escape("a\tb") == "a&#9;b")
    }

    @Test("XML: characters XML 1.0 forbids or discourages are dropped")
    func xmlControls() {
        #expect(XMLText.escape(Self.controls) == "abc[31mdefg")
        #expect(
            XMLText.escape(Self.noncharacters).unicodeScalars.map(\.value) == [0x78, 0xFDD0, 0x79],
            "U+FDD0 is a noncharacter XML 1.0 allows")
        #expect(XMLText.escape("café ✔ 日本 \u{1F600}") == "café ✔ 日本 \u{1F600}")
    }

    /// Collects the attributes and text of a parsed XML document.
    final class Collector: NSObject, XMLParserDelegate {
        var attributes: [String: String] = [:]
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            self.attributes.merge(attributes) { $1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test("XML: an escaped hostile string parses back as itself, in an attribute and as text")
    func xmlRoundTrip() {
        let hostile = "<b a=\"1\">'&amp;' ]]> \(Self.controls) line\r\nbreak\rand\ttab</b>"
        let document = "<r v=\"\(XMLText.escape(hostile))\">\(XMLText.escape(hostile))</r>"
        let parser = XMLParser(data: Data(document.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "the document must be well-formed: \(document)")
        let expected = "<b a=\"1\">'&amp;' ]]> abc[31mdefg line\nbreak\nand\ttab</b>"
        #expect(collector.attributes["v"] == expected)
        #expect(collector.text == expected)
    }

    @Test("Markdown: punctuation is backslash-escaped, & is a reference, pipes only in table cells")
    func markdownSpecialCharacters() {
        #expect(MarkdownText.inline("<script>alert('x')</script>") == "\\<script\\>alert('x')\\</script\\>")
        #expect(
            MarkdownText.inline("*a* _b_ `c` [d](e) #f !g \\h") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\#f \\!g \\\\h")
        #expect(MarkdownText.inline("a & \"b\" | c") == "a &amp; \"b\" | c")
        #expect(MarkdownText.tableCell("a | b\\|c") == "a \\| b\\\\\\|c")
        #expect(MarkdownText.inline("a <\u{338} b") == "a \\<\u{338} b")
    }

    @Test("Markdown: every form of line break is one space; other control characters but tab are dropped")
    func markdownLineBreaks() {
        #expect(MarkdownText.inline("a\r\nb") == "a b")
        #expect(MarkdownText.inline("a\rb\nc\n\nd") == "a b c  d")
        #expect(MarkdownText.tableCell("x\r\ny|z") == "x y\\|z")
        #expect(MarkdownText.inline(Self.controls) == "abc\\[31mdefg")
        #expect(MarkdownText.tableCell("a\tb") == "a\tb")
        #expect(MarkdownText.codeSpan("a\r\nb\rc") == "`a b c`")
        #expect(MarkdownText.codeSpan(Self.controls) == "`abc[31mdefg`")
    }

    @Test("Markdown: code spans and fences outgrow the backticks inside")
    func markdownBackticks() {
        #expect(MarkdownText.codeSpan("x") == "`x`")
        #expect(MarkdownText.codeSpan("a ``b`` c") == "```a ``b`` c```")
        #expect(MarkdownText.codeSpan("`a`") == "`` `a` ``")
        #expect(MarkdownText.codeSpan("<script> & *x*") == "`<script> & *x*`", "code spans are literal")
        #expect(MarkdownText.fence(for: "plain") == "```")
        #expect(MarkdownText.fence(for: "```\ncode\n````") == "`````")
    }

    @Test("a table cell holding \"\\r\\n\" stays on its row in report.md")
    func crlfCellIsOneRow() throws {
        let table = DisplayTable(
            columns: ["name", "n"], rightAligned: [false, true],
            rows: [["first\r\nsecond", "1"], ["third\rfourth", "2"]])
        let markdown = MarkdownRenderer.renderDisplay(.table(table))
        #expect(
            markdown == """
                | name | n |
                | :--- | ---: |
                | first second | 1 |
                | third fourth | 2 |


                """)
        #expect(!markdown.unicodeScalars.contains("\r"))
    }

    @Test("a CSV field holding \"\\r\\n\" stays on its row in report.md")
    func crlfCSVFieldIsOneRow() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write("note,n\n\"line one\r\nline two\",1\nplain,2\n", to: "notes.csv", in: root)
        let report = try TestSupport.run("```evalbook\nread_csv(\"notes.csv\")\n```\n", root: root)
        let markdown = ReportFiles(report).outputs.first { $0.name == "report.md" }?.contents ?? ""
        let rows = markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("|") }
        #expect(
            rows == ["| note | n |", "| :--- | ---: |", "| line one line two | 1 |", "| plain | 2 |"], "\(markdown)")
        #expect(!markdown.unicodeScalars.contains("\r"))
    }
}
