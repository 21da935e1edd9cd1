import EvalLang

/// Draws a `Figure` as a standalone SVG document: `figures/*.svg` in a report, and
/// the same text inlined in `report.html` (SPEC §6).
///
/// The output is a pure function of the figure: a fixed 640 × 400 canvas and margins
/// computed from the figure's own text, numbers through fixed formatters (at most two
/// decimals, never exponent notation), colours from a fixed palette, no ids, no
/// scripts, no external references and only presentation attributes, so the same
/// figure gives byte-identical SVG everywhere and the text can be inlined in HTML.
package enum SVGRenderer {
    package static func render(_ figure: Figure) -> String {
        var svg = Canvas()
        svg.add(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\" role=\"img\""
                + " width=\"\(num(width))\" height=\"\(num(height))\" font-family=\"\(fontFamily)\">")
        let title = figure.title.isEmpty ? "\(figure.kind.rawValue) chart" : figure.title
        svg.add("<title>\(xml(title))</title>")
        svg.add("<rect width=\"\(num(width))\" height=\"\(num(height))\" fill=\"#ffffff\"/>")
        if !figure.title.isEmpty {
            svg.add(
                text(
                    fit(figure.title, width: width - 40, size: 15), x: width / 2, y: 26, size: 15,
                    fill: ink, extra: " font-weight=\"600\""))
        }
        if isEmpty(figure) {
            drawNoData(into: &svg)
        } else {
            switch figure.kind {
            case .line, .scatter: drawXY(figure, into: &svg)
            case .bar: drawBars(figure, into: &svg)
            case .histogram: drawHistogram(figure, into: &svg)
            case .heatmap: drawHeatmap(figure, into: &svg)
            }
        }
        svg.add("</svg>")
        return svg.text
    }

    // MARK: Fixed dimensions and style

    static let width = 640.0
    static let height = 400.0
    /// The plot's top edge: room for the title above it.
    static let plotTop = 46.0
    /// Room under the plot for tick labels and the x axis title.
    static let bottomMargin = 50.0
    static let rightMargin = 24.0
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"

    /// Okabe–Ito, a palette that colour-blind readers can tell apart; yellow last as it is faint on white.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
    /// Dash patterns for line series beyond the palette, so the ninth series differs from the first.
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]
    static let ink = "#1f2328"
    static let muted = "#57606a"
    static let gridColour = "#e8ebef"
    static let axisColour = "#8c959f"
    static let referenceColour = "#6e7781"

    static func colour(_ index: Int) -> String { palette[index % palette.count] }
    static func dash(_ index: Int) -> String { dashes[(index / palette.count) % dashes.count] }

    // MARK: Output

    /// The document being written, one element per line so golden diffs stay readable.
    struct Canvas {
        private(set) var text = ""

        mutating func add(_ line: String) {
            text += line
            text += "\n"
        }
    }

    /// The rectangle the data is drawn in.
    struct Plot {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    /// A `<text>` element; `content` is escaped here.
    static func text(
        _ content: String, x: Double, y: Double, size: Double = 11, anchor: String = "middle",
        fill: String = muted, extra: String = ""
    ) -> String {
        "<text x=\"\(num(x))\" y=\"\(num(y))\" font-size=\"\(num(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(extra)>"
            + "\(xml(content))</text>"
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
        width: Double = 1, extra: String = ""
    ) -> String {
        "<line x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\" stroke=\"\(stroke)\""
            + " stroke-width=\"\(num(width))\"\(extra)/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, extra: String = "") -> String {
        "<rect x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(max(w, 0)))\" height=\"\(num(max(h, 0)))\" fill=\"\(fill)\"\(extra)/>"
    }

    // MARK: Empty figures

    /// True when there is nothing to draw: no series with a finite value, or an empty matrix.
    static func isEmpty(_ figure: Figure) -> Bool {
        switch figure.kind {
        case .heatmap:
            return figure.matrix.allSatisfy(\.isEmpty)
        case .bar:
            return !figure.series.contains { $0.y.contains(where: \.isFinite) }
        case .histogram:
            return !figure.series.contains { $0.x.count >= 2 && $0.y.contains(where: \.isFinite) }
        case .line, .scatter:
            return !figure.series.contains { series in
                zip(series.x, series.y).contains { $0.0.isFinite && $0.1.isFinite }
            }
        }
    }

    static func drawNoData(into svg: inout Canvas) {
        svg.add(
            rect(
                40, plotTop, width - 80, height - plotTop - 30, fill: "#fafbfc",
                extra: " stroke=\"\(gridColour)\" stroke-dasharray=\"4 4\""))
        svg.add(text("no data", x: width / 2, y: (plotTop + height - 30) / 2 + 5, size: 14))
    }
}
