import EvalLang

/// Bar charts (grouped bars per category per series) and histograms (bars over bin edges).
extension SVGRenderer {
    /// The category names along x: `categories`, else each position's x value, else its number.
    static func barCategories(_ figure: Figure) -> [String] {
        let count = max(figure.categories.count, figure.series.map(\.y.count).max() ?? 0)
        return (0..<count).map { index in
            if index < figure.categories.count { return figure.categories[index] }
            if let x = figure.series.first?.x, index < x.count, x[index].isFinite { return compact(x[index]) }
            return String(index + 1)
        }
    }

    /// The value axis of bars: the given range, else from 0 to the data, out to the next tick.
    static func valueAxis(_ values: [Double], fixed: ClosedRange<Double>?) -> (ClosedRange<Double>, Ticks) {
        if let fixed = usable(fixed) { return (fixed, ticks(fixed)) }
        return valueAxis(domain(values, fixed: nil, includeZero: true, pad: false))
    }

    static func drawBars(_ figure: Figure, into svg: inout Canvas) {
        let names = barCategories(figure)
        let values = figure.series.flatMap(\.y)
        let (yDomain, yTicks) = valueAxis(values, fixed: figure.yRange)
        let legend = legendEntries(figure)
        let provisional = plotArea(figure, yTicks: yTicks, legend: legend)
        let labels = CategoryLabels(names, band: provisional.width / Double(max(names.count, 1)))
        let plot = plotArea(figure, yTicks: yTicks, legend: legend, extraBottom: labels.extraHeight)
        let yScale = Scale(lower: yDomain.lowerBound, upper: yDomain.upperBound, start: plot.bottom, end: plot.top)

        drawGrid(plot: plot, x: nil, y: (yTicks, yScale), into: &svg)
        let band = plot.width / Double(max(names.count, 1))
        let seriesCount = max(figure.series.count, 1)
        let group = band * (seriesCount == 1 ? 0.7 : 0.8)
        let barWidth = group / Double(seriesCount)
        let gap = barWidth > 6 ? 1.0 : 0
        let baseline = yScale(min(max(0, yDomain.lowerBound), yDomain.upperBound))
        for (seriesIndex, series) in figure.series.enumerated() {
            svg.add("<g fill=\"\(colour(seriesIndex))\">")
            for (position, value) in series.y.enumerated() where value.isFinite && position < names.count {
                let x = plot.left + Double(position) * band + (band - group) / 2 + Double(seriesIndex) * barWidth
                let y = min(max(yScale(value), plot.top), plot.bottom)
                svg.add(
                    "<rect x=\"\(num(x + gap / 2))\" y=\"\(num(min(y, baseline)))\" width=\"\(num(barWidth - gap))\""
                        + " height=\"\(num(abs(baseline - y)))\"/>")
            }
            svg.add("</g>")
        }
        let centres = names.indices.map { plot.left + (Double($0) + 0.5) * band }
        drawAxes(plot: plot, x: nil, y: (yTicks, yScale), into: &svg)
        labels.draw(centres: centres, plot: plot, into: &svg)
        drawAxisTitles(figure, plot: plot, into: &svg)
        if let legend { drawLegend(legend, kind: figure.kind, plot: plot, into: &svg) }
    }

    static func drawHistogram(_ figure: Figure, into svg: inout Canvas) {
        let bins = figure.series.map { series in
            (0..<max(min(series.x.count - 1, series.y.count), 0)).compactMap { i -> (Double, Double, Double)? in
                let a = series.x[i], b = series.x[i + 1], count = series.y[i]
                guard a.isFinite, b.isFinite, count.isFinite else { return nil }
                return (min(a, b), max(a, b), count)
            }
        }
        let edges = bins.flatMap { $0.flatMap { [$0.0, $0.1] } }
        let xDomain = domain(edges, fixed: figure.xRange, pad: false)
        let counts = bins.flatMap { $0.map(\.2) }
        let (yDomain, yTicks) = valueAxis(counts, fixed: figure.yRange)
        let xTicks = ticks(xDomain)
        let legend = legendEntries(figure)
        let plot = plotArea(figure, yTicks: yTicks, legend: legend)
        let xScale = Scale(lower: xDomain.lowerBound, upper: xDomain.upperBound, start: plot.left, end: plot.right)
        let yScale = Scale(lower: yDomain.lowerBound, upper: yDomain.upperBound, start: plot.bottom, end: plot.top)

        drawGrid(plot: plot, x: nil, y: (yTicks, yScale), into: &svg)
        let overlaid = figure.series.count > 1
        let baseline = yScale(min(max(0, yDomain.lowerBound), yDomain.upperBound))
        for (seriesIndex, seriesBins) in bins.enumerated() {
            let opacity = overlaid ? " fill-opacity=\"0.55\"" : ""
            svg.add(
                "<g fill=\"\(colour(seriesIndex))\"\(opacity) stroke=\"#ffffff\" stroke-width=\"\(overlaid ? "0" : "0.75")\">"
            )
            for (low, high, count) in seriesBins {
                let x0 = min(max(xScale(low), plot.left), plot.right),
                    x1 = min(max(xScale(high), plot.left), plot.right)
                let y = min(max(yScale(count), plot.top), plot.bottom)
                guard x1 > x0 else { continue }
                svg.add(
                    "<rect x=\"\(num(x0))\" y=\"\(num(min(y, baseline)))\" width=\"\(num(x1 - x0))\""
                        + " height=\"\(num(abs(baseline - y)))\"/>")
            }
            svg.add("</g>")
        }
        drawReference(figure, plot: plot, xScale: xScale, yScale: yScale, into: &svg)
        drawAxes(plot: plot, x: (xTicks, xScale), y: (yTicks, yScale), into: &svg)
        drawAxisTitles(figure, plot: plot, into: &svg)
        if let legend { drawLegend(legend, kind: figure.kind, plot: plot, into: &svg) }
    }
}
