import EvalLang
import EvalNotebook
import Testing

@Suite("Terminal charts")
struct FigureTextTests {
    // MARK: - Figures

    static let roc = Figure(
        kind: .line, title: "ROC curve", xLabel: "false positive rate", yLabel: "true positive rate",
        series: [.init(x: [0, 0.5, 1], y: [0, 0.8, 1])], reference: [0, 0, 1, 1],
        xRange: 0...1, yRange: 0...1)
    static let churn = Figure(
        kind: .bar, title: "Churn rate", xLabel: "class", yLabel: "rate",
        series: [.init(x: [0, 1], y: [0.25, 0.75])], categories: ["churned", "stayed"])
    static let confusion = Figure(
        kind: .heatmap, title: "Confusion matrix", xLabel: "predicted", yLabel: "actual",
        categories: ["0", "1"], matrix: [[812, 37], [45, 106]], rowLabels: ["0", "1"])
    static let models = Figure(
        kind: .line, title: "Profit by threshold", xLabel: "threshold", yLabel: "profit",
        series: [
            .init(name: "model A", x: (0..<60).map { Double($0) / 60 }, y: (0..<60).map { Double($0 % 7) * 1000 }),
            .init(name: "model B", x: (0..<60).map { Double($0) / 60 }, y: (0..<60).map { -Double($0) * 50 }),
        ])
    static let scatter = Figure(
        kind: .scatter, title: "Residuals", xLabel: "prediction", yLabel: "residual",
        series: [.init(x: (0..<300).map { Double($0 % 23) }, y: (0..<300).map { Double(($0 * 37) % 101) / 100 - 0.5 })])
    static let segments = Figure(
        kind: .bar, title: "Lift by segment", xLabel: "segment", yLabel: "lift",
        series: [.init(name: "v1", x: [], y: [0.2, -0.15, 0.4]), .init(name: "v2", x: [], y: [0.3, 0.05, .nan])],
        categories: ["enterprise customers", "small business", "consumer"])
    static let scores = Figure(
        kind: .histogram, title: "Scores", xLabel: "score", yLabel: "count",
        series: [.init(x: (0...40).map { Double($0) / 40 }, y: (0..<40).map { Double(($0 * 7) % 13) })])
    static let wide = Figure(
        kind: .heatmap, title: "Wide confusion matrix with a long title that needs cutting", xLabel: "predicted class",
        yLabel: "actual class", categories: (0..<14).map { "category number \($0)" },
        matrix: (0..<14).map { i in (0..<14).map { Double(i * $0 * 1000 + 7) } },
        rowLabels: (0..<14).map { "row label number \($0)" })
    static let all = [roc, churn, confusion, models, scatter, segments, scores, wide]

    /// Terminal columns: characters, two for the CJK ones used below.
    static func columns(_ line: Substring) -> Int {
        line.reduce(0) {
            $0 + (($1.unicodeScalars.first.map { (0x3040...0x9FFF).contains($0.value) } ?? false) ? 2 : 1)
        }
    }

    /// Lines without trailing spaces (shaded heatmap cells keep theirs in colour).
    static func trimmed(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }

    /// The text without ANSI colour escapes.
    static func stripped(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for ch in text {
            if inEscape {
                if ch == "m" { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    // MARK: - Exact output

    @Test("a three-point line with a reference segment, 40 × 10")
    func lineExact() {
        let expected = """
            ROC curve
            true positive rate
            1.0 ┤                    ⣀⣀⣀⣀⠤⠤⠤⠤⢔⠒⠶⠒⠚⠉⠉
                │             ⢀⣀⠤⠒⠉⠉⠉  ⣀ ⠤ ⠊ ⠁
            0.5 ┤         ⣀⠤⠔⠊⠁⣀ ⠤ ⠒ ⠉
                │    ⢀⡠⢔⠒⡩ ⠒ ⠉
            0.0 ┤⣀⠤⠶⠉⠓ ⠁
                └┬────────────────┬────────────────┬
                0.0              0.5             1.0
                         false positive rate
            """
        #expect(FigureText.render(Self.roc, width: 40, height: 10, color: false) == expected)
    }

    @Test("a two-category bar chart")
    func barExact() {
        let expected = """
            Churn rate
            class   rate
            churned │████████▋ 0.25
            stayed  │██████████████████████████ 0.75
            """
        #expect(FigureText.render(Self.churn, width: 40, height: 10, color: false) == expected)
    }

    @Test("a 2 × 2 heatmap")
    func heatmapExact() {
        let expected = """
            Confusion matrix
                   predicted
            actual   0    1
            0      812   37
            1       45  106
            """
        #expect(FigureText.render(Self.confusion, width: 40, height: 10, color: false) == expected)
    }

    @Test("a 2 × 2 heatmap in colour shades the cells")
    func heatmapColour() {
        let text = FigureText.render(Self.confusion, width: 40, height: 10, color: true)
        #expect(text.contains("\u{1B}[48;5;17m\u{1B}[38;5;231m 812 \u{1B}[0m"))
        #expect(
            Self.trimmed(Self.stripped(text))
                == Self.trimmed(FigureText.render(Self.confusion, width: 40, height: 10, color: false)))
    }

    // MARK: - Layout

    @Test(
        "every line fits the width", arguments: [(30, 8), (40, 10), (57, 13), (80, 24), (132, 40), (5, 2), (1000, 500)])
    func fitsWidth(_ width: Int, _ height: Int) {
        let limit = min(max(width, 30), 240)
        for figure in Self.all {
            for color in [false, true] {
                let text = Self.stripped(FigureText.render(figure, width: width, height: height, color: color))
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    #expect(Self.columns(line) <= limit, "\(figure.title) at \(width): \(line)")
                    #expect(color || !line.hasSuffix(" "), "\(figure.title): trailing space in \(line)")
                }
            }
        }
    }

    @Test("no chart is taller than the height; line charts take exactly the height")
    func fitsHeight() {
        for height in [8, 10, 17, 30] {
            for figure in Self.all {
                let lines = FigureText.render(figure, width: 60, height: height, color: false).split(
                    separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= height, "\(figure.title) at height \(height)")
                if figure.kind == .line || figure.kind == .scatter { #expect(lines.count == height) }
            }
        }
    }

    @Test("sizes are clamped to sane bounds")
    func clamped() {
        for figure in Self.all {
            #expect(
                FigureText.render(figure, width: 3, height: -4, color: false)
                    == FigureText.render(figure, width: 30, height: 8, color: false))
            #expect(
                FigureText.render(figure, width: 10_000, height: 10_000, color: false)
                    == FigureText.render(figure, width: 240, height: 120, color: false))
        }
    }

    @Test("labels are cut deterministically, keeping what tells them apart")
    func labelsCut() {
        let text = FigureText.render(Self.wide, width: 70, height: 12, color: false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Wide confusion matrix with a long title that needs cutting")
        #expect(lines.contains { $0.hasPrefix("row…mber 3 ") })
        #expect(lines[2] == "actual cl… c…er 0  c…er 1  c…er 2  c…er 3  c…er 4  c…er 5  c…er 6  …")
        #expect(lines.last == "… 6 more rows")
        let narrow = FigureText.render(Self.wide, width: 40, height: 12, color: false)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(narrow.split(separator: "\n")[2].hasSuffix("…"))
    }

    @Test("histograms with more bins than rows merge adjacent bins")
    func histogramMerges() {
        let text = FigureText.render(Self.scores, width: 60, height: 10, color: false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count <= 10)
        #expect(lines[2].hasPrefix("    0 – 0.125 │"))
        #expect(lines[2].hasSuffix(" 18"))
        #expect(lines.last?.hasPrefix("0.875 – 1     │") == true)
    }

    @Test("several series get a legend and a series column")
    func legends() {
        let plot = FigureText.render(Self.models, width: 60, height: 14, color: false)
        #expect(plot.split(separator: "\n")[1] == "profit  ● model A  ● model B")
        let bars = FigureText.render(Self.segments, width: 60, height: 14, color: false)
        #expect(bars.contains("small business       v1 ████████│ -0.15"))
        #expect(bars.contains("│ NaN"))
        #expect(bars.contains("│ -0.15"))
    }

    @Test("axis ranges from the figure are honoured")
    func ranges() {
        var figure = Self.roc
        figure.xRange = 0...10
        figure.yRange = -1...1
        let lines = FigureText.render(figure, width: 40, height: 10, color: false).split(separator: "\n").map(
            String.init)
        #expect(lines[lines.count - 2].hasSuffix("10"))
        #expect(lines[2].hasPrefix(" 1 ┤"))
        #expect(lines[lines.count - 4].hasPrefix("-1 ┤"))
    }

    // MARK: - Colour

    @Test("colour escapes appear only with colour on")
    func colour() {
        for figure in Self.all {
            let plain = FigureText.render(figure, width: 60, height: 14, color: false)
            let coloured = FigureText.render(figure, width: 60, height: 14, color: true)
            #expect(!plain.contains("\u{1B}"), "\(figure.title)")
            #expect(coloured.contains("\u{1B}["), "\(figure.title)")
            #expect(Self.trimmed(Self.stripped(coloured)) == Self.trimmed(plain), "\(figure.title)")
        }
        let legend = FigureText.render(Self.models, width: 60, height: 14, color: true).split(separator: "\n")[1]
        #expect(legend == "profit  \u{1B}[38;5;33m●\u{1B}[0m model A  \u{1B}[38;5;208m●\u{1B}[0m model B")
    }

    // MARK: - Robustness

    @Test("output is deterministic")
    func deterministic() {
        for figure in Self.all {
            for color in [false, true] {
                let first = FigureText.render(figure, width: 72, height: 18, color: color)
                #expect(FigureText.render(figure, width: 72, height: 18, color: color) == first)
            }
        }
    }

    @Test(
        "an empty figure shows its title and (no data)",
        arguments: [Figure.Kind.line, .scatter, .bar, .histogram, .heatmap])
    func empty(_ kind: Figure.Kind) {
        let figure = Figure(kind: kind, title: "Nothing yet", xLabel: "x", yLabel: "y")
        #expect(FigureText.render(figure, width: 40, height: 10, color: true) == "Nothing yet\n(no data)")
        let untitled = Figure(kind: kind, title: "", xLabel: "", yLabel: "", series: [.init(x: [.nan], y: [1])])
        if kind != .bar, kind != .histogram {
            // Only non-finite points: nothing to draw. (Bars have a y of 1 to show.)
            #expect(FigureText.render(untitled, width: 40, height: 10, color: false) == "(no data)")
        }
    }

    @Test("non-finite values are skipped, far values clipped")
    func nonFinite() {
        let line = Figure(
            kind: .line, title: "gaps", xLabel: "", yLabel: "",
            series: [.init(x: [0, 1, 2, .nan, 4, 5, 1e300], y: [1, .infinity, 3, 4, -.infinity, 6, 7])],
            reference: [0, .nan, 1, 1])
        let text = FigureText.render(line, width: 40, height: 10, color: false)
        #expect(!text.lowercased().contains("nan"))
        #expect(!text.contains("inf"))
        var clipped = line
        clipped.xRange = 0...5
        clipped.yRange = 0...7
        clipped.series[0].y[6] = 1e308
        #expect(FigureText.render(clipped, width: 40, height: 10, color: false).split(separator: "\n").count == 10)
        let heat = Figure(
            kind: .heatmap, title: "ragged", xLabel: "", yLabel: "",
            categories: ["a", "b", "c"], matrix: [[1, .nan], [3, 4, 5]], rowLabels: ["x"])
        #expect(
            FigureText.render(heat, width: 40, height: 10, color: false)
                == "ragged\n    a    b    c\nx   1  NaN\n1   3    4    5")
    }

    @Test("control characters in labels cannot break the layout; wide characters count two columns")
    func labelText() {
        let figure = Figure(
            kind: .line, title: "two\nlines\u{1B}[31m", xLabel: "x", yLabel: "y",
            series: [.init(name: "日本語の名前が長いモデル", x: [0, 1], y: [0, 1]), .init(name: "b", x: [0, 1], y: [1, 0])])
        let text = FigureText.render(figure, width: 30, height: 8, color: false)
        #expect(!text.contains("\u{1B}"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[0] == "two lines [31m")
        #expect(lines.allSatisfy { Self.columns($0) <= 30 })
    }

    @Test("a 100,000-point line renders")
    func large() {
        let n = 100_000
        let x = (0..<n).map { Double($0) / Double(n) }
        let y = x.map { $0 * $0 + Double(Int($0 * 1e6) % 17) / 1000 }
        let figure = Figure(kind: .line, title: "big", xLabel: "x", yLabel: "y", series: [.init(name: "a", x: x, y: y)])
        let text = FigureText.render(figure, width: 100, height: 30, color: true)
        #expect(Self.stripped(text).split(separator: "\n").count == 30)
    }
}
