import EvalLang
import Foundation

extension FigureText {
    /// Line and scatter charts: a braille canvas with y ticks on the left, x ticks below,
    /// the title on top, the y label and a legend above the canvas, the x label under it.
    ///
    /// The output is exactly `height` lines; the canvas takes whatever the text does not.
    static func plot(_ figure: Figure, size: Size, style: Style) -> [String] {
        guard let extent = plotExtent(figure) else { return noData(figure, width: size.width) }
        let xAxis = axis(explicit: figure.xRange, data: extent.x)
        let yAxis = axis(explicit: figure.yRange, data: extent.y)

        var lines = titleLines(figure, width: size.width)
        let header = plotHeader(figure, width: size.width, style: style)
        if let header { lines.append(header) }
        let xLabel = clean(figure.xLabel)
        let fixed = lines.count + 2 + (xLabel.isEmpty ? 0 : 1)
        let rows = max(1, size.height - fixed)

        let margin = (yAxis.ticks.map { columns($0.label) }.max() ?? 1) + 1
        let cols = max(1, size.width - margin - 1)
        var canvas = BrailleCanvas(cols: cols, rows: rows)
        draw(figure, on: &canvas, x: xAxis, y: yAxis)

        // Y ticks: one label a row, the first tick wins a shared row.
        var rowLabels: [Int: String] = [:]
        for tick in yAxis.ticks {
            let dot = Double(canvas.dotHeight - 1) - yAxis.position(tick.value, dots: canvas.dotHeight)
            let row = Int(dot.rounded()) / 4
            guard row >= 0, row < rows, rowLabels[row] == nil else { continue }
            rowLabels[row] = tick.label
        }
        for r in 0..<rows {
            let label = rowLabels[r]
            let prefix = padLeft(label ?? "", margin - 1) + " " + (label == nil ? "│" : "┤")
            lines.append(prefix + canvas.row(r, style: style))
        }

        // X axis: tick marks on the rule, labels centred under them without overlapping.
        var rule = Array(repeating: Character("─"), count: cols)
        var tickLine = Array(repeating: Character(" "), count: size.width)
        var nextFree = 0
        for tick in xAxis.ticks {
            let col = Int(xAxis.position(tick.value, dots: canvas.dotWidth).rounded()) / 2
            guard col >= 0, col < cols else { continue }
            rule[col] = "┬"
            let label = Array(tick.label)
            let start = min(max(margin + 1 + col - label.count / 2, 0), size.width - label.count)
            guard start >= nextFree, start >= 0 else { continue }
            for (i, ch) in label.enumerated() { tickLine[start + i] = ch }
            nextFree = start + label.count + 1
        }
        lines.append(String(repeating: " ", count: margin) + "└" + String(rule))
        lines.append(trimRight(String(tickLine)))
        if !xLabel.isEmpty {
            let text = truncate(xLabel, to: size.width - margin - 1)
            let indent = margin + 1 + max(0, (cols - columns(text)) / 2)
            lines.append(String(repeating: " ", count: indent) + text)
        }
        return lines
    }

    /// The extent of the finite points and the reference segment; nil without a finite
    /// point in any series.
    static func plotExtent(_ figure: Figure) -> (x: (low: Double, high: Double), y: (low: Double, high: Double))? {
        var minX = Double.infinity, maxX = -Double.infinity
        var minY = Double.infinity, maxY = -Double.infinity
        var any = false
        for series in figure.series {
            for i in 0..<min(series.x.count, series.y.count) {
                let x = series.x[i], y = series.y[i]
                guard x.isFinite, y.isFinite else { continue }
                any = true
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard any else { return nil }
        if let r = reference(figure) {
            minX = min(minX, r.x0, r.x1); maxX = max(maxX, r.x0, r.x1)
            minY = min(minY, r.y0, r.y1); maxY = max(maxY, r.y0, r.y1)
        }
        return ((minX, maxX), (minY, maxY))
    }

    /// The reference segment when it is four finite numbers.
    static func reference(_ figure: Figure) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        guard let r = figure.reference, r.count == 4, r.allSatisfy(\.isFinite) else { return nil }
        return (r[0], r[1], r[2], r[3])
    }

    /// Draws the reference segment (dashed, underneath), then every series in order:
    /// lines join consecutive finite points, a non-finite point breaks the line.
    static func draw(_ figure: Figure, on canvas: inout BrailleCanvas, x: Axis, y: Axis) {
        let w = canvas.dotWidth, h = canvas.dotHeight
        func dotX(_ v: Double) -> Double { x.position(v, dots: w) }
        func dotY(_ v: Double) -> Double { Double(h - 1) - y.position(v, dots: h) }

        if let r = reference(figure) {
            canvas.line(dotX(r.x0), dotY(r.y0), dotX(r.x1), dotY(r.y1), ink: BrailleCanvas.referenceInk, dashed: true)
        }
        for (s, series) in figure.series.enumerated() {
            let ink = Int16(truncatingIfNeeded: s % Int(Int16.max))
            var previous: (x: Double, y: Double)?
            for i in 0..<min(series.x.count, series.y.count) {
                let vx = series.x[i], vy = series.y[i]
                guard vx.isFinite, vy.isFinite else {
                    previous = nil
                    continue
                }
                let p = (x: dotX(vx), y: dotY(vy))
                if figure.kind == .line, let q = previous {
                    canvas.line(q.x, q.y, p.x, p.y, ink: ink)
                } else {
                    canvas.point(p.x, p.y, ink: ink)
                }
                previous = p
            }
        }
    }

    /// The line above the canvas: the y label, then a legend when series have names or
    /// there are several; nil when there is neither.
    static func plotHeader(_ figure: Figure, width: Int, style: Style) -> String? {
        let yLabel = clean(figure.yLabel)
        let named = figure.series.count > 1 || figure.series.contains { !($0.name ?? "").isEmpty }
        let items =
            named ? figure.series.indices.map { (name: seriesName(figure, $0), color: Style.seriesColor($0)) } : []
        if items.isEmpty { return yLabel.isEmpty ? nil : truncate(yLabel, to: width) }
        let label = yLabel.isEmpty ? "" : truncate(yLabel, to: width / 2)
        let gap = label.isEmpty ? 0 : 2
        let room = width - columns(label) - gap
        let legendText = legend(items, width: room, style: style)
        return label + String(repeating: " ", count: gap) + legendText.text
    }

    // MARK: - Axes

    /// An axis: the drawn interval and its labelled ticks.
    struct Axis {
        var low: Double
        var high: Double
        var ticks: [(value: Double, label: String)]

        /// Where `value` falls on `0...(dots - 1)`, clamped far outside so that the
        /// arithmetic stays finite for any input.
        func position(_ value: Double, dots: Int) -> Double {
            let t = (value - low) / (high - low) * Double(max(dots - 1, 1))
            guard t.isFinite else { return value > low ? 1e9 : -1e9 }
            return min(max(t, -1e9), 1e9)
        }
    }

    /// The interval an axis draws: the figure's own range when it has a usable one, else
    /// the data's extent; an empty interval is widened so a flat series still draws.
    static func axis(explicit: ClosedRange<Double>?, data: (low: Double, high: Double)?) -> Axis {
        var low = 0.0
        var high = 1.0
        if let explicit, explicit.lowerBound.isFinite, explicit.upperBound.isFinite {
            low = explicit.lowerBound
            high = explicit.upperBound
        } else if let data {
            low = data.low
            high = data.high
        }
        if !(high - low).isFinite {
            // Both ends finite but too far apart to subtract: halve them.
            low /= 2
            high /= 2
        }
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        return Axis(low: low, high: high, ticks: ticks(low: low, high: high))
    }

    /// Three to five round ticks (steps of 1, 2 or 5, or 0.5 and 0.25, times a power of
    /// ten) inside `low...high`, labelled with the decimals the step needs.
    static func ticks(low: Double, high: Double) -> [(value: Double, label: String)] {
        let span = high - low
        guard span > 0, span.isFinite else { return [(low, tickLabel(low, decimals: 3))] }
        let magnitude = pow(10, floor(log10(span)))
        for factor in [5.0, 2, 1, 0.5, 0.25, 0.2, 0.1] {
            let step = factor * magnitude
            let first = (low / step - 1e-9).rounded(.up)
            let last = (high / step + 1e-9).rounded(.down)
            let count = last - first + 1
            guard count >= 3, count <= 5 else { continue }
            let decimals = decimalsFor(step)
            return (0..<Int(count)).map { i in
                let value = (first + Double(i)) * step + 0.0
                return (value, tickLabel(value, decimals: decimals))
            }
        }
        let values = [low, (low + high) / 2, high]
        return values.map { ($0, tickLabel($0, decimals: 3)) }
    }

    /// The fewest decimals that show `step` exactly (0.25 needs two, 5000 none).
    static func decimalsFor(_ step: Double) -> Int {
        var decimals = 0
        var scaled = step
        while decimals < 12, abs(scaled - scaled.rounded()) > 1e-6 * max(abs(scaled), 1) {
            decimals += 1
            scaled *= 10
        }
        return decimals
    }

    /// A tick's text: fixed decimals while short, three significant digits otherwise.
    static func tickLabel(_ value: Double, decimals: Int) -> String {
        let v = value + 0.0  // never "-0"
        let fixed = String(format: "%.\(decimals)f", v)
        if fixed.count <= 8 { return fixed }
        return String(format: "%.3g", v)
    }
}
