import EvalLang

/// Guides: margins, gridlines, axis lines, tick labels, axis titles and the legend.
extension SVGRenderer {
    static let tickSize = 11.0
    static let axisTitleSize = 12.0

    /// The left margin: room for the widest y tick label and the rotated y axis title.
    static func leftMargin(labels: [String], hasTitle: Bool) -> Double {
        let widest = labels.map { textWidth($0, size: tickSize) }.max() ?? 0
        return max(hasTitle ? 56 : 40, (hasTitle ? 30 : 12) + widest + 8).rounded(.up)
    }

    /// The plot rectangle for a chart with numeric y ticks, an optional legend column
    /// on the right and `extraBottom` pixels more room under the plot.
    static func plotArea(_ figure: Figure, yTicks: Ticks, legend: [String]?, extraBottom: Double = 0) -> Plot {
        let left = leftMargin(labels: yTicks.labels, hasTitle: !figure.yLabel.isEmpty)
        let right = width - rightMargin - (legend.map(legendWidth) ?? 0)
        let bottom = height - bottomMargin - extraBottom + (figure.xLabel.isEmpty ? 14 : 0)
        return Plot(left: left, top: plotTop, right: right, bottom: bottom)
    }

    /// Light horizontal gridlines at the y ticks (and vertical ones at the x ticks, when numeric).
    static func drawGrid(
        plot: Plot, x: (ticks: Ticks, scale: Scale)?, y: (ticks: Ticks, scale: Scale),
        into svg: inout Canvas
    ) {
        svg.add("<g stroke=\"\(gridColour)\" stroke-width=\"1\">")
        for value in y.ticks.values {
            let py = y.scale(value)
            svg.add("<line x1=\"\(num(plot.left))\" y1=\"\(num(py))\" x2=\"\(num(plot.right))\" y2=\"\(num(py))\"/>")
        }
        if let x {
            for value in x.ticks.values {
                let px = x.scale(value)
                svg.add(
                    "<line x1=\"\(num(px))\" y1=\"\(num(plot.top))\" x2=\"\(num(px))\" y2=\"\(num(plot.bottom))\"/>")
            }
        }
        svg.add("</g>")
    }

    /// The left and bottom axis lines, with y tick labels (and x tick labels, when numeric).
    static func drawAxes(
        plot: Plot, x: (ticks: Ticks, scale: Scale)?, y: (ticks: Ticks, scale: Scale),
        leftAxis: Bool = true, into svg: inout Canvas
    ) {
        svg.add("<g stroke=\"\(axisColour)\" stroke-width=\"1\">")
        if leftAxis {
            svg.add(
                "<line x1=\"\(num(plot.left))\" y1=\"\(num(plot.top))\" x2=\"\(num(plot.left))\" y2=\"\(num(plot.bottom))\"/>"
            )
        }
        svg.add(
            "<line x1=\"\(num(plot.left))\" y1=\"\(num(plot.bottom))\" x2=\"\(num(plot.right))\" y2=\"\(num(plot.bottom))\"/>"
        )
        for value in y.ticks.values {
            let py = y.scale(value)
            svg.add("<line x1=\"\(num(plot.left - 4))\" y1=\"\(num(py))\" x2=\"\(num(plot.left))\" y2=\"\(num(py))\"/>")
        }
        if let x {
            for value in x.ticks.values {
                let px = x.scale(value)
                svg.add(
                    "<line x1=\"\(num(px))\" y1=\"\(num(plot.bottom))\" x2=\"\(num(px))\" y2=\"\(num(plot.bottom + 4))\"/>"
                )
            }
        }
        svg.add("</g>")
        svg.add("<g font-size=\"\(num(tickSize))\" fill=\"\(muted)\">")
        for (value, label) in zip(y.ticks.values, y.ticks.labels) {
            svg.add(plainText(label, x: plot.left - 7, y: y.scale(value) + tickSize * 0.35, anchor: "end"))
        }
        if let x {
            for (value, label) in zip(x.ticks.values, x.ticks.labels) {
                svg.add(plainText(label, x: x.scale(value), y: plot.bottom + 17, anchor: "middle"))
            }
        }
        svg.add("</g>")
    }

    /// A `<text>` that takes its size and colour from the enclosing group.
    static func plainText(_ content: String, x: Double, y: Double, anchor: String, extra: String = "") -> String {
        "<text x=\"\(num(x))\" y=\"\(num(y))\" text-anchor=\"\(anchor)\"\(extra)>\(xml(content))</text>"
    }

    /// The x axis title under the plot and the y axis title rotated along its left edge.
    static func drawAxisTitles(_ figure: Figure, plot: Plot, into svg: inout Canvas) {
        if !figure.xLabel.isEmpty {
            let label = fit(figure.xLabel, width: plot.width, size: axisTitleSize)
            svg.add(text(label, x: plot.left + plot.width / 2, y: height - 12, size: axisTitleSize, fill: ink))
        }
        if !figure.yLabel.isEmpty {
            let label = fit(figure.yLabel, width: plot.height, size: axisTitleSize)
            let x = 18.0, y = plot.top + plot.height / 2
            svg.add(
                text(
                    label, x: x, y: y, size: axisTitleSize, fill: ink,
                    extra: " transform=\"rotate(-90 \(num(x)) \(num(y)))\""))
        }
    }

    /// Category labels centred under their bands: horizontal when they all fit, else
    /// rotated 40° and cut to 18 characters; with very narrow bands only every k-th is shown.
    struct CategoryLabels {
        var texts: [String]
        var rotated: Bool
        var every: Int

        init(_ names: [String], band: Double) {
            let fits = names.allSatisfy { textWidth($0, size: SVGRenderer.tickSize) <= band - 6 }
            rotated = !fits
            texts = fits ? names : names.map { SVGRenderer.truncate($0, limit: 18) }
            let spacing = rotated ? 20.0 : 0
            every = band > 0 && spacing > band ? Int((spacing / band).rounded(.up)) : 1
        }

        /// Extra room the rotated labels need under the plot, beyond the usual tick label line.
        var extraHeight: Double {
            guard rotated else { return 0 }
            let widest = texts.map { SVGRenderer.textWidth($0, size: SVGRenderer.tickSize) }.max() ?? 0
            return max(widest * 0.643 - 4, 0).rounded(.up)
        }

        func draw(centres: [Double], plot: Plot, into svg: inout Canvas) {
            svg.add("<g font-size=\"\(SVGRenderer.num(SVGRenderer.tickSize))\" fill=\"\(SVGRenderer.muted)\">")
            for (index, label) in texts.enumerated() where index % every == 0 && index < centres.count {
                let x = centres[index]
                if rotated {
                    let y = plot.bottom + 12
                    svg.add(
                        SVGRenderer.plainText(
                            label, x: x, y: y + 4, anchor: "end",
                            extra: " transform=\"rotate(-40 \(SVGRenderer.num(x)) \(SVGRenderer.num(y)))\""))
                } else {
                    svg.add(SVGRenderer.plainText(label, x: x, y: plot.bottom + 17, anchor: "middle"))
                }
            }
            svg.add("</g>")
        }
    }
}

/// The legend: a column to the right of the plot, one row per series.
extension SVGRenderer {
    static let legendSize = 11.0
    static let legendRow = 18.0
    /// Legend names longer than this are cut with `…`.
    static let legendNameLimit = 22

    /// The legend's entries, or nil when the figure needs none (a single unnamed series).
    static func legendEntries(_ figure: Figure) -> [String]? {
        guard figure.kind != .heatmap else { return nil }
        let series = figure.series
        guard series.count > 1 || series.contains(where: { $0.name != nil }) else { return nil }
        return series.enumerated().map { index, series in
            truncate(series.name ?? "series \(index + 1)", limit: legendNameLimit)
        }
    }

    /// The width the legend column takes, gap included.
    static func legendWidth(_ entries: [String]) -> Double {
        let widest = entries.map { textWidth($0, size: legendSize) }.max() ?? 0
        return (min(max(widest, 40), 150) + 24 + 16).rounded(.up)
    }

    /// Draws the legend from the plot's top right; rows that do not fit become `+N more`.
    static func drawLegend(_ entries: [String], kind: Figure.Kind, plot: Plot, into svg: inout Canvas) {
        let x = plot.right + 16
        let capacity = max(Int(plot.height / legendRow), 2)
        let shown = entries.count > capacity ? capacity - 1 : entries.count
        svg.add("<g font-size=\"\(num(legendSize))\" fill=\"\(ink)\">")
        for index in 0..<shown {
            let y = plot.top + 6 + Double(index) * legendRow
            svg.add(swatch(index, kind: kind, x: x, y: y))
            svg.add(plainText(entries[index], x: x + 24, y: y + legendSize * 0.35, anchor: "start"))
        }
        if shown < entries.count {
            let y = plot.top + 6 + Double(shown) * legendRow
            svg.add(
                plainText(
                    "+\(entries.count - shown) more", x: x + 24, y: y + legendSize * 0.35, anchor: "start",
                    extra: " fill=\"\(muted)\""))
        }
        svg.add("</g>")
    }

    /// The mark a series is drawn with, in small: a line, a dot or a square.
    static func swatch(_ index: Int, kind: Figure.Kind, x: Double, y: Double) -> String {
        let colour = colour(index)
        switch kind {
        case .line:
            let pattern = dash(index)
            return line(
                x, y, x + 18, y, stroke: colour, width: 2.5,
                extra: pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\"")
        case .scatter:
            return "<circle cx=\"\(num(x + 9))\" cy=\"\(num(y))\" r=\"4\" fill=\"\(colour)\"/>"
        case .bar, .histogram, .heatmap:
            return rect(x + 3, y - 6, 12, 12, fill: colour, extra: " rx=\"2\"")
        }
    }
}
