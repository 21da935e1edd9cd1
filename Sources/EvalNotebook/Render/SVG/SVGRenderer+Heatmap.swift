import EvalLang

/// Heatmaps (confusion matrices): cells coloured on a sequential scale with their value
/// printed inside, row labels on the left, column labels below, a colour bar on the right.
extension SVGRenderer {
    /// ColorBrewer "Blues": a sequential scale that reads in grey and for colour-blind readers.
    static let sequential: [(Int, Int, Int)] = [
        (0xf7, 0xfb, 0xff), (0xde, 0xeb, 0xf7), (0xc6, 0xdb, 0xef), (0x9e, 0xca, 0xe1), (0x6b, 0xae, 0xd6),
        (0x42, 0x92, 0xc6), (0x21, 0x71, 0xb5), (0x08, 0x51, 0x9c), (0x08, 0x30, 0x6b),
    ]
    static let missingCell = "#eef0f2"
    static let labelLimit = 18

    /// The colour at `t` in [0, 1] along the sequential scale, and whether it is light.
    static func sequentialColour(_ t: Double) -> (hex: String, light: Bool) {
        let position = min(max(t.isFinite ? t : 0, 0), 1) * Double(sequential.count - 1)
        let index = min(Int(position), sequential.count - 2)
        let fraction = position - Double(index)
        let a = sequential[index], b = sequential[index + 1]
        func mix(_ p: Int, _ q: Int) -> Int { Int((Double(p) + (Double(q) - Double(p)) * fraction).rounded()) }
        let rgb = (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        let luminance = (0.2126 * Double(rgb.0) + 0.7152 * Double(rgb.1) + 0.0722 * Double(rgb.2)) / 255
        return ("#" + hex(rgb.0) + hex(rgb.1) + hex(rgb.2), luminance > 0.5)
    }

    static func hex(_ byte: Int) -> String {
        let digits = Array("0123456789abcdef")
        let value = min(max(byte, 0), 255)
        return String(digits[value / 16]) + String(digits[value % 16])
    }

    static func drawHeatmap(_ figure: Figure, into svg: inout Canvas) {
        let rows = figure.matrix.count
        let columns = max(figure.matrix.map(\.count).max() ?? 0, figure.categories.count, 1)
        let rowNames = (0..<rows).map {
            truncate($0 < figure.rowLabels.count ? figure.rowLabels[$0] : String($0 + 1), limit: labelLimit)
        }
        let columnNames = (0..<columns).map { $0 < figure.categories.count ? figure.categories[$0] : String($0 + 1) }
        let values = figure.matrix.flatMap { $0 }.filter(\.isFinite)
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 1, low)
        let barTicks = ticks(low...(high > low ? high : low + 1), maximum: 6)

        // Margins from the labels' own widths: rows on the left, the colour bar's ticks on the right.
        let rowWidth = rowNames.map { textWidth($0, size: tickSize) }.max() ?? 0
        let left = ((figure.yLabel.isEmpty ? 12 : 30) + rowWidth + 10).rounded(.up)
        let barLabelWidth = barTicks.labels.map { textWidth($0, size: tickSize) }.max() ?? 0
        let right = width - (20 + 12 + 6 + barLabelWidth + 16).rounded(.up)
        let available = Plot(left: left, top: plotTop, right: right, bottom: height - bottomMargin)
        let labels = CategoryLabels(columnNames, band: available.width / Double(columns))
        let bottom = available.bottom - labels.extraHeight + (figure.xLabel.isEmpty ? 14 : 0)

        // Cells no wider than 1.6 × their height and no taller than 1.2 × their width; the grid is centred.
        var cellWidth = available.width / Double(columns), cellHeight = (bottom - plotTop) / Double(max(rows, 1))
        cellWidth = min(cellWidth, cellHeight * 1.6)
        cellHeight = min(cellHeight, cellWidth * 1.2)
        let gridWidth = cellWidth * Double(columns), gridHeight = cellHeight * Double(rows)
        let gridLeft = left + ((available.width - gridWidth) / 2).rounded()
        let gridTop = plotTop + ((bottom - plotTop - gridHeight) / 2).rounded()
        let grid = Plot(left: gridLeft, top: gridTop, right: gridLeft + gridWidth, bottom: gridTop + gridHeight)

        let texts = figure.matrix.map { row in row.map { compact($0) } }
        let longest = Double(texts.flatMap { $0 }.map(\.count).max() ?? 1)
        let valueSize = min(cellHeight * 0.36, 14, (cellWidth - 6) / (longest * 0.58)).rounded(.down)
        svg.add("<g stroke=\"#ffffff\" stroke-width=\"1\">")
        var cellText: [String] = []
        for (r, row) in figure.matrix.enumerated() {
            for c in 0..<columns {
                let x = grid.left + Double(c) * cellWidth, y = grid.top + Double(r) * cellHeight
                let value = c < row.count ? row[c] : Double.nan
                guard value.isFinite else {
                    svg.add(rect(x, y, cellWidth, cellHeight, fill: missingCell))
                    continue
                }
                let shade = sequentialColour(high > low ? (value - low) / (high - low) : 0.5)
                svg.add(rect(x, y, cellWidth, cellHeight, fill: shade.hex))
                if valueSize >= 7 {
                    cellText.append(
                        text(
                            texts[r][c], x: x + cellWidth / 2, y: y + cellHeight / 2 + valueSize * 0.35,
                            size: valueSize, fill: shade.light ? ink : "#ffffff"))
                }
            }
        }
        svg.add("</g>")
        cellText.forEach { svg.add($0) }

        svg.add("<g font-size=\"\(num(tickSize))\" fill=\"\(muted)\">")
        for (r, name) in rowNames.enumerated() {
            let y = grid.top + (Double(r) + 0.5) * cellHeight + tickSize * 0.35
            svg.add(plainText(name, x: grid.left - 8, y: y, anchor: "end"))
        }
        svg.add("</g>")
        let centres = (0..<columns).map { grid.left + (Double($0) + 0.5) * cellWidth }
        labels.draw(
            centres: centres, plot: Plot(left: grid.left, top: grid.top, right: grid.right, bottom: grid.bottom - 4),
            into: &svg)
        drawAxisTitles(figure, plot: grid, into: &svg)
        drawColourBar(barTicks, low: low, high: high, x: grid.right + 20, plot: grid, into: &svg)
    }

    /// A vertical colour bar beside the grid, with the scale's ticks.
    static func drawColourBar(_ ticks: Ticks, low: Double, high: Double, x: Double, plot: Plot, into svg: inout Canvas)
    {
        let steps = 32
        let top = plot.top, bottom = plot.bottom, step = (bottom - top) / Double(steps)
        svg.add("<g shape-rendering=\"crispEdges\">")
        for index in 0..<steps {
            let y = bottom - Double(index + 1) * step
            svg.add(rect(x, y, 12, step + 0.5, fill: sequentialColour((Double(index) + 0.5) / Double(steps)).hex))
        }
        svg.add("</g>")
        let span = high > low ? high - low : 1
        svg.add("<g font-size=\"\(num(tickSize))\" fill=\"\(muted)\">")
        for (value, label) in zip(ticks.values, ticks.labels) where value >= low && value <= low + span {
            let y = bottom - (value - low) / span * (bottom - top)
            svg.add(line(x + 12, y, x + 15, y, stroke: axisColour))
            svg.add(plainText(label, x: x + 18, y: y + tickSize * 0.35, anchor: "start"))
        }
        svg.add("</g>")
    }
}
