import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG figures in reports (SPEC §6): golden files per chart kind, well-formed XML,
/// no scripts, no exponent notation, byte-identical on every render.
///
/// After a deliberate change to the renderer, regenerate the golden files with
/// `EVALBOOK_UPDATE_GOLDEN=1 swift test --filter SVGRendererTests`, look at them (open
/// the `.svg` files in a browser) and read the diff before committing it.
@Suite("SVG renderer")
struct SVGRendererTests {
    /// A deterministic pseudo-random sequence in [0, 1), using integer arithmetic only.
    struct Sequence {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    /// A concave ROC-like curve through (0, 0) and (1, 1), from arithmetic only (no libm).
    static func curve(_ points: Int, bend: Double) -> (x: [Double], y: [Double]) {
        let x = (0..<points).map { Double($0) / Double(points - 1) }
        return (x, x.map { $0 * (1 + bend) / ($0 + bend) })
    }

    /// The figures compared with `Fixtures/svg/<name>.svg`.
    static let figures: [(name: String, figure: Figure)] = {
        var random = Sequence(state: 7)
        let profitX = (0...40).map { Double($0) / 40 }
        let profit = profitX.map { t in 12_000 * t * (1 - t) * (1 - t) - 800 * t }
        let roc = ["web": 0.08, "mobile": 0.2, "store": 0.5].sorted { $0.key < $1.key }.map { name, bend in
            let c = curve(60, bend: bend)
            return Figure.Series(name: name, x: c.x, y: c.y)
        }
        let scatterX = (0..<400).map { _ in random.next() }
        let scatterY = scatterX.map { $0 * 0.8 + random.next() * 0.2 }
        let long = curve(100_000, bend: 0.05)
        return [
            (
                "line",
                Figure(
                    kind: .line, title: "Expected profit by threshold", xLabel: "threshold", yLabel: "profit",
                    series: [.init(x: profitX, y: profit)])
            ),
            (
                "line_by_group",
                Figure(
                    kind: .line, title: "ROC curve by segment", xLabel: "false positive rate",
                    yLabel: "true positive rate", series: roc, reference: [0, 0, 1, 1],
                    xRange: 0...1, yRange: 0...1)
            ),
            (
                "scatter",
                Figure(
                    kind: .scatter, title: "Predicted vs actual", xLabel: "predicted", yLabel: "actual",
                    series: [.init(x: scatterX, y: scatterY)], reference: [0, 0, 1, 1])
            ),
            (
                "bar",
                Figure(
                    kind: .bar, title: "Recall by segment", xLabel: "segment", yLabel: "recall",
                    series: [
                        .init(name: "model A", x: [], y: [0.82, 0.64, 0.71, 0.9]),
                        .init(name: "model B", x: [], y: [0.78, 0.69, 0.75, 0.86]),
                    ],
                    categories: ["web", "mobile", "store", "partner"])
            ),
            (
                "bar_long_labels",
                Figure(
                    kind: .bar, title: "Orders by acquisition channel", xLabel: "", yLabel: "orders",
                    series: [.init(x: [], y: [125_000, 98_500, 42_000, 8_200, 2_500, 61_000])],
                    categories: [
                        "organic search", "paid social (instagram, tiktok)", "email newsletter",
                        "affiliate partners", "direct", "referral programme",
                    ])
            ),
            (
                "histogram",
                Figure(
                    kind: .histogram, title: "Score distribution", xLabel: "score", yLabel: "count",
                    series: [
                        .init(
                            x: (0...10).map { Double($0) / 10 },
                            y: [120, 340, 610, 905, 1220, 1180, 860, 540, 260, 95])
                    ])
            ),
            (
                "heatmap",
                Figure(
                    kind: .heatmap, title: "Confusion matrix", xLabel: "predicted", yLabel: "actual",
                    categories: ["churn", "stay", "upgrade"],
                    matrix: [[412, 38, 9], [51, 1873, 40], [7, 66, 204]],
                    rowLabels: ["churn", "stay", "upgrade"])
            ),
            (
                "escaping",
                Figure(
                    kind: .bar, title: "Tom & Jerry's <b>\"best\"</b>", xLabel: "a < b & c", yLabel: "'quoted'",
                    series: [
                        .init(name: "<script>alert(1)</script>", x: [], y: [1, 2]),
                        .init(name: "x & \"y\"", x: [], y: [2, 1]),
                    ],
                    categories: ["<&>", "\"'"])
            ),
            ("empty", Figure(kind: .line, title: "Nothing to see", xLabel: "x", yLabel: "y")),
            (
                "long_line",
                Figure(
                    kind: .line, title: "ROC curve, 100,000 points", xLabel: "false positive rate",
                    yLabel: "true positive rate", series: [.init(x: long.x, y: long.y)],
                    reference: [0, 0, 1, 1], xRange: 0...1, yRange: 0...1)
            ),
        ]
    }()

    static var names: [String] { figures.map(\.name) }

    static func figure(_ name: String) throws -> Figure {
        try #require(figures.first { $0.name == name }?.figure)
    }

    @Test("each figure renders exactly as its golden file", arguments: names)
    func golden(name: String) throws {
        let rendered = SVGRenderer.render(try Self.figure(name))
        if ProcessInfo.processInfo.environment["EVALBOOK_UPDATE_GOLDEN"] == "1" {
            let target = TestSupport.sourceFixtures.appendingPathComponent("svg/\(name).svg")
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: target)
            return
        }
        let url = TestSupport.fixtures.appendingPathComponent("svg/\(name).svg")
        let expected = try #require(TestSupport.read(url), "missing golden file \(url.path)")
        #expect(rendered == expected, "\(name).svg differs: \(GoldenTests.firstDifference(rendered, expected))")
    }

    @Test("every output is well-formed XML with an svg root, a title and safe numbers", arguments: names)
    func wellFormed(name: String) throws {
        let svg = SVGRenderer.render(try Self.figure(name))
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "parse failed")")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.dropFirst().first == "title")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\" role=\"img\""))
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.contains("href"), "no external references")
        #expect(!svg.contains(" id=\""), "no ids, which would clash when several figures are inlined")
        for (attribute, value) in collector.numericAttributes {
            #expect(
                !value.replacingOccurrences(of: "rotate", with: "").contains("e"),
                "\(name): \(attribute)=\"\(value)\" uses exponent notation")
            let tokens = value.split(whereSeparator: { " ,()".contains($0) })
            for token in tokens where token != "rotate" {
                #expect(Double(token) != nil && token != "-0", "\(name): \(attribute)=\"\(value)\"")
                #expect(
                    (token.split(separator: ".").dropFirst().first?.count ?? 0) <= 2,
                    "\(name): \(attribute)=\"\(value)\"")
            }
        }
    }

    @Test("rendering is deterministic: the same figure, built twice, gives the same bytes", arguments: names)
    func deterministic(name: String) throws {
        let first = SVGRenderer.render(try Self.figure(name))
        let again = SVGRenderer.render(try Self.figure(name))
        #expect(first == again)
    }

    @Test("a 100,000-point line is simplified to well under 200 KB, keeping both ends")
    func longLine() throws {
        let svg = SVGRenderer.render(try Self.figure("long_line"))
        #expect(svg.utf8.count < 200_000)
        #expect(svg.utf8.count < 60_000)
        let c = Self.curve(5, bend: 0.05)
        let runs = [c.x.indices.map { SVGRenderer.Point(x: c.x[$0] * 500, y: c.y[$0] * 300) }]
        #expect(SVGRenderer.simplify(runs, budget: 100) == runs, "points far apart are all kept")
        let dense = [(0..<1_000).map { SVGRenderer.Point(x: Double($0) * 0.01, y: 0) }]
        let kept = SVGRenderer.simplify(dense, budget: 100)
        #expect(kept.first?.first == dense[0].first && kept.first?.last == dense[0].last)
        // 0, 0.5, …, 9.5 kept, then 9.5 gives way to the last point (closer than 0.5 px to it).
        #expect(kept.first?.count == 20, "one vertex per half pixel over 10 px")
        #expect(
            SVGRenderer.simplify(dense, budget: 10).first?.count ?? 0 <= 10, "the tolerance grows to fit the budget")
    }

    @Test("non-finite points break a line into separate polylines")
    func brokenLine() {
        let figure = Figure(
            kind: .line, title: "gaps", xLabel: "", yLabel: "",
            series: [.init(x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, .infinity, 2])])
        let svg = SVGRenderer.render(figure)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
        #expect(svg.components(separatedBy: "r=\"1.5\"").count - 1 == 2, "lone points between gaps show as dots")
    }

    @Test("points outside a given range are clipped to the plot, not drawn over the margins")
    func clipping() {
        let figure = Figure(
            kind: .line, title: "calibration", xLabel: "", yLabel: "",
            series: [.init(x: [0, 0.2, 0.4, 0.6, 0.8, 1], y: [-0.2, 0.1, 0.5, 1.3, 0.7, 0.9])],
            xRange: 0...1, yRange: 0...1)
        let svg = SVGRenderer.render(figure)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2, "the line leaves the top and comes back")
        let coordinates = svg.components(separatedBy: "points=\"").dropFirst().flatMap { part in
            (part.split(separator: "\"").first ?? "").split(separator: " ").compactMap {
                $0.split(separator: ",").last.flatMap { Double($0) }
            }
        }
        #expect(!coordinates.isEmpty && coordinates.allSatisfy { $0 >= SVGRenderer.plotTop - 0.5 })
    }

    @Test("a legend with more series than rows ends with +N more")
    func legendOverflow() {
        let series = (0..<40).map { Figure.Series(name: "g\($0)", x: [0, 1], y: [Double($0), Double($0) + 1]) }
        let svg = SVGRenderer.render(Figure(kind: .line, title: "many", xLabel: "x", yLabel: "y", series: series))
        #expect(svg.contains(">+25 more</text>"))
        #expect(svg.contains(">g14</text>") && !svg.contains(">g15</text>"))
    }

    @Test("bar value axes start at 0 and end on a tick")
    func barAxis() {
        let axis = SVGRenderer.valueAxis([0.82, 0.64, 0.9], fixed: nil)
        #expect(axis.0 == 0...1)
        #expect(axis.1.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        let negative = SVGRenderer.valueAxis([0.12, -0.05, -0.2], fixed: nil)
        #expect(negative.0 == -0.2...0.2)
    }

    @Test("a long scatter series is thinned to every k-th point")
    func scatterCap() {
        let x = (0..<20_000).map { Double($0) }
        let svg = SVGRenderer.render(
            Figure(kind: .scatter, title: "many", xLabel: "", yLabel: "", series: [.init(x: x, y: x)]))
        #expect(svg.components(separatedBy: "r=\"3\"").count - 1 == 5_000)
    }

    @Test("empty figures show their title and no data")
    func empty() {
        for kind in [Figure.Kind.line, .scatter, .bar, .histogram, .heatmap] {
            let svg = SVGRenderer.render(
                Figure(
                    kind: kind, title: "T & C", xLabel: "", yLabel: "",
                    series: [.init(x: [.nan], y: [.nan])], matrix: [[]]))
            #expect(svg.contains(">no data</text>"), "\(kind)")
            #expect(svg.contains(">T &amp; C</text>"), "\(kind)")
        }
    }

    @Test("text is escaped for XML everywhere")
    func escaping() throws {
        let svg = SVGRenderer.render(try Self.figure("escaping"))
        #expect(svg.contains("<title>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;</title>"))
        #expect(svg.contains(">&lt;script&gt;alert(1)&lt;/scr…</text>"), "legend names are cut at 22 characters")
        #expect(svg.contains(">&lt;&amp;&gt;</text>") && svg.contains(">&quot;&apos;</text>"))
        #expect(SVGRenderer.xml("a\u{0}b\nc") == "ab c")
    }

    @Test("a legend appears for named or several series, not for one unnamed series")
    func legend() throws {
        #expect(SVGRenderer.legendEntries(try Self.figure("line_by_group")) == ["mobile", "store", "web"])
        #expect(SVGRenderer.legendEntries(try Self.figure("line")) == nil)
        #expect(SVGRenderer.legendEntries(try Self.figure("heatmap")) == nil)
    }

    @Test("numbers are written with at most two decimals, no exponent and no negative zero")
    func numbers() {
        #expect(SVGRenderer.num(-0.001) == "0")
        #expect(SVGRenderer.num(-0.0) == "0")
        #expect(SVGRenderer.num(12.345_6) == "12.35")
        #expect(SVGRenderer.num(3.1) == "3.1")
        #expect(SVGRenderer.num(1e20) == "1000000000")
        #expect(SVGRenderer.num(0.000_001) == "0")
        #expect(SVGRenderer.num(.nan) == "0")
        #expect(SVGRenderer.compact(1873) == "1873")
        #expect(SVGRenderer.compact(0.873_21) == "0.873")
        #expect(SVGRenderer.compact(2_500_000) == "2.5M")
        #expect(SVGRenderer.compact(0.05) == "0.05")
        #expect(SVGRenderer.compact(999_999) == "1M")
        #expect(SVGRenderer.compact(123_456) == "123k")
        #expect(SVGRenderer.compact(1234.5) == "1.23k")
        #expect(SVGRenderer.compact(-12.345) == "-12.3")
    }

    @Test("ticks are 1, 2 or 5 × 10^k steps with compact labels")
    func ticks() {
        #expect(SVGRenderer.ticks(0...1).labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(SVGRenderer.ticks(0...130_000).labels == ["0", "20k", "40k", "60k", "80k", "100k", "120k"])
        #expect(SVGRenderer.ticks(-0.3...0.3).labels == ["-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"])
        #expect(SVGRenderer.ticks(0...2.6e6).labels == ["0", "0.5M", "1M", "1.5M", "2M", "2.5M"])
        #expect(SVGRenderer.ticks(0.000_12...0.000_19).values.count >= 4)
        for domain in [0.0...7, -3...1e9, 0.001...0.002, 5...5.5, -1e-9...1e-9] {
            let count = SVGRenderer.ticks(domain).values.count
            #expect((3...8).contains(count), "\(domain): \(count) ticks")
        }
    }
}

/// Collects element names and the attributes that must hold numbers.
final class XMLCollector: NSObject, XMLParserDelegate {
    static let numeric: Set<String> = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points",
        "viewBox", "transform", "font-size", "stroke-width", "rx",
    ]
    var elements: [String] = []
    var numericAttributes: [(String, String)] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) where Self.numeric.contains(name) {
            numericAttributes.append((name, value))
        }
    }
}
