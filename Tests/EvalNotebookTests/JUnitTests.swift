import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `evalbook run --junit`: checks as JUnit XML that CI systems display.
@Suite("JUnit XML")
struct JUnitTests {
    /// Collects elements and attributes, and whether the document parsed.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static let notebook = """
        ---
        title: Gate
        ---

        ```evalbook
        auc = 0.7712
        expect auc >= 0.8, "good enough to ship <today> & \\"always\\""
        expect 1 + 1 == 2
        ```
        """

    @Test func checksBecomeTestCasesWithFailures() throws {
        let report = try TestSupport.run(Self.notebook)
        let xml = JUnitWriter.render(report)
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "the XML must be well-formed")
        let names = collector.elements.map(\.name)
        #expect(names == ["testsuites", "testsuite", "testcase", "failure", "testcase"])
        let suites = try #require(collector.elements.first)
        #expect(suites.attributes["tests"] == "2")
        #expect(suites.attributes["failures"] == "1")
        let failing = collector.elements[2].attributes
        #expect(failing["name"] == "auc >= 0.8 — good enough to ship <today> & \"always\"")
        #expect(failing["line"] == "7")
        #expect(
            collector.elements[3].attributes["message"]
                == "failed: auc >= 0.8 (0.7712 < 0.8) — good enough to ship <today> & \"always\"")
        #expect(collector.text.contains("nb.md:7: failed: auc >= 0.8"))
        #expect(JUnitWriter.render(report) == xml, "no timestamps: the same run gives the same file")
    }

    @Test func errorRunIsOneErroredCase() {
        let xml = JUnitWriter.renderError(path: "nb.md", message: "nb.md:3:1: error: unknown name `x`\u{1}")
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.elements.map(\.name) == ["testsuites", "testsuite", "testcase", "error"])
        #expect(collector.text.contains("unknown name `x`"))
    }
}
