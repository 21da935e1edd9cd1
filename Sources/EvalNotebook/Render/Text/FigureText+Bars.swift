import EvalLang

extension FigureText {
    /// One horizontal bar: its category label (shown on the first row of a group), the
    /// series it belongs to, its value and its colour.
    struct BarRow {
        var label: String
        var showLabel: Bool
        var series: String
        var value: Double
        var color: Int
    }

    /// Bar charts: one row a category and series, the value after each bar.
    static func bars(_ figure: Figure, size: Size, style: Style) -> [String] {
        let count = max(figure.categories.count, figure.series.map(\.y.count).max() ?? 0)
        var rows: [BarRow] = []
        for j in 0..<count {
            var first = true
            for (s, series) in figure.series.enumerated() where j < series.y.count {
                rows.append(
                    BarRow(
                        label: categoryLabel(figure, j), showLabel: first,
                        series: seriesName(figure, s), value: series.y[j], color: Style.seriesColor(s)))
                first = false
            }
        }
        return barChart(figure, rows: rows, size: size, style: style)
    }

    /// The label of bar position `j`: the category, else the first series' x, else `j + 1`.
    static func categoryLabel(_ figure: Figure, _ j: Int) -> String {
        if j < figure.categories.count { return clean(figure.categories[j]) }
        if let x = figure.series.first?.x, j < x.count { return NumberFormat.human(x[j]) }
        return String(j + 1)
    }

    /// Draws bar rows: labels, an optional series column, bars from a zero axis (negative values to its left) in
    /// eighth blocks, then the value.
    ///
    /// Rows beyond the height end in `… N more rows`.
    static func barChart(_ figure: Figure, rows: [BarRow], size: Size, style: Style) -> [String] {
        guard !rows.isEmpty else { return noData(figure, width: size.width) }
        let width = size.width
        var lines = titleLines(figure, width: width)
        let xLabel = clean(figure.xLabel), yLabel = clean(figure.yLabel)
        let hasHeader = !xLabel.isEmpty || !yLabel.isEmpty

        let multi = Set(rows.map(\.series)).count > 1
        let values = rows.map { NumberFormat.human($0.value) }
        let valueW = values.map(columns).max() ?? 1
        var labelW = min(max(rows.map { columns($0.label) }.max() ?? 1, 1), max(6, width / 3))
        var seriesW = multi ? min(max(rows.map { columns($0.series) }.max() ?? 1, 1), max(4, width / 6)) : 0
        func room() -> Int { width - labelW - 1 - (multi ? seriesW + 1 : 0) - 2 - valueW }
        while room() < 8, labelW > 3 { labelW -= 1 }
        while room() < 8, seriesW > 3 { seriesW -= 1 }
        let available = max(room(), 1)

        let finite = rows.map(\.value).filter(\.isFinite)
        let posExt = max(0, finite.max() ?? 0)
        let negExt = max(0, -(finite.min() ?? 0))
        var negCols = 0
        if negExt > 0, available > 1 {
            // Halves keep the sum finite for values near ±Double.greatestFiniteMagnitude.
            let share = Double(available) * ((negExt / 2) / (posExt / 2 + negExt / 2))
            negCols = share.isFinite ? min(max(Int(share.rounded()), 1), available - 1) : 1
        }
        let posCols = available - negCols
        let labels = truncateLabels(rows.map(\.label), to: labelW)
        let seriesNames = truncateLabels(rows.map(\.series), to: seriesW)

        let prefixW = labelW + 1 + (multi ? seriesW + 1 : 0)
        if hasHeader {
            let head = padRight(xLabel, prefixW) + String(repeating: " ", count: negCols) + yLabel
            lines.append(trimRight(truncate(head, to: width)))
        }

        let budget = max(1, size.height - lines.count)
        let shown = rows.count <= budget ? rows.count : max(budget - 1, 0)
        for (i, row) in rows.prefix(shown).enumerated() {
            var line = padRight(row.showLabel ? labels[i] : "", labelW) + " "
            if multi { line += padRight(seriesNames[i], seriesW) + " " }
            let v = row.value
            var negative = ""
            var positive = ""
            if v.isFinite, v < 0, negExt > 0 {
                let halves = Int((-v / negExt * Double(negCols) * 2).rounded())
                negative = (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
            } else if v.isFinite, v > 0, posExt > 0 {
                positive = eighthBar(v / posExt * Double(posCols))
            }
            line += String(repeating: " ", count: max(0, negCols - negative.count))
            line += style.paint(negative, row.color) + "│" + style.paint(positive, row.color)
            line += " " + values[i]
            lines.append(line)
        }
        if shown < rows.count { lines.append(moreLine(rows.count - shown, "rows", width: width)) }
        return lines
    }

    /// A bar `cells` long in full and eighth blocks; anything above zero shows at least
    /// an eighth.
    static func eighthBar(_ cells: Double) -> String {
        guard cells.isFinite, cells > 0 else { return "" }
        let eighths = max(1, Int((cells * 8).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// Histograms: one bar a bin, labelled with the bin's range.
    ///
    /// Too many bins for the height are merged, adjacent ones summed, until they fit.
    static func histogram(_ figure: Figure, size: Size, style: Style) -> [String] {
        let budget = max(
            1,
            size.height - titleLines(figure, width: size.width).count
                - (figure.xLabel.isEmpty && figure.yLabel.isEmpty ? 0 : 1))
        let longest = figure.series.map(\.y.count).max() ?? 0
        var group = 1
        while group < longest,
            figure.series.reduce(0, { $0 + ($1.y.count + group - 1) / group }) > budget
        {
            group += 1
        }
        let bins = figure.series.map { mergedBins($0, group: group) }
        let loW = bins.flatMap { $0.map { columns($0.low) } }.max() ?? 0
        var rows: [BarRow] = []
        var previous: String?
        for j in 0..<(bins.map(\.count).max() ?? 0) {
            for (s, seriesBins) in bins.enumerated() where j < seriesBins.count {
                let bin = seriesBins[j]
                let label = bin.high.isEmpty ? bin.low : padLeft(bin.low, loW) + " – " + bin.high
                rows.append(
                    BarRow(
                        label: label, showLabel: label != previous, series: seriesName(figure, s),
                        value: bin.value, color: Style.seriesColor(s)))
                previous = label
            }
        }
        return barChart(figure, rows: rows, size: size, style: style)
    }

    /// A series' bins, `group` at a time: the range's ends as text (no `high` when the
    /// series has no edges) and the summed count of the finite values.
    static func mergedBins(_ series: Figure.Series, group: Int) -> [(low: String, high: String, value: Double)] {
        let n = series.y.count
        let edges = series.x.count == n + 1
        var out: [(low: String, high: String, value: Double)] = []
        var start = 0
        while start < n {
            let end = min(start + max(group, 1), n)
            let finite = series.y[start..<end].filter(\.isFinite)
            let value = finite.isEmpty ? Double.nan : finite.reduce(0, +)
            if edges {
                out.append((NumberFormat.human(series.x[start]), NumberFormat.human(series.x[end]), value))
            } else if group == 1, start < series.x.count {
                out.append((NumberFormat.human(series.x[start]), "", value))
            } else {
                out.append((end - start == 1 ? "bin \(start + 1)" : "bins \(start + 1)–\(end)", "", value))
            }
            start = end
        }
        return out
    }

    // MARK: - Heatmap

    /// Heatmaps: a grid of the values, row labels on the left and column labels on top,
    /// with background shading (light to dark with the value) when colour is on.
    ///
    /// To fit the width, column labels are cut first (down to the values' width), then
    /// row labels (down to ten columns), then trailing columns are left off behind a `…`
    /// column. Rows beyond the height end in `… N more rows`.
    static func heatmap(_ figure: Figure, size: Size, style: Style) -> [String] {
        let columnCount = max(figure.categories.count, figure.matrix.map(\.count).max() ?? 0)
        guard !figure.matrix.isEmpty, columnCount > 0 else { return noData(figure, width: size.width) }
        let width = size.width
        var lines = titleLines(figure, width: width)

        let rowLabels = figure.matrix.indices.map { i in
            i < figure.rowLabels.count ? clean(figure.rowLabels[i]) : String(i)
        }
        let colLabels = (0..<columnCount).map { j in
            j < figure.categories.count ? clean(figure.categories[j]) : String(j)
        }
        let texts = figure.matrix.map { row in row.map { NumberFormat.human($0) } }
        let finite = figure.matrix.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 0

        // Widths: each cell is ` value ` (one space each side), right-aligned.
        let valueW = max(texts.flatMap { $0.map(columns) }.max() ?? 1, 1)
        let corner = clean(figure.yLabel)
        let rowWant = max(rowLabels.map(columns).max() ?? 1, min(columns(corner), 12), 1)
        var rowW = min(rowWant, 24)
        var colW = max(valueW, min(colLabels.map(columns).max() ?? 1, 12))
        func total(_ shown: Int) -> Int {
            rowW + shown * (colW + 2) + (shown < columnCount ? 2 : 0)
        }
        while total(columnCount) > width, colW > max(valueW, 3) { colW -= 1 }
        while total(columnCount) > width, rowW > min(rowWant, 10) { rowW -= 1 }
        var shown = columnCount
        while shown > 1, total(shown) > width { shown -= 1 }
        while total(shown) > width, rowW > 4 { rowW -= 1 }
        let more = shown < columnCount ? " …" : ""
        let rowNames = truncateLabels(rowLabels, to: rowW)
        let colNames = truncateLabels(Array(colLabels.prefix(shown)), to: colW)

        let xLabel = clean(figure.xLabel)
        if !xLabel.isEmpty {
            let indent = rowW + 1
            lines.append(String(repeating: " ", count: indent) + truncate(xLabel, to: width - indent))
        }
        var header = padRight(corner, rowW)
        for j in 0..<shown { header += " " + padLeft(colNames[j], colW) + " " }
        lines.append(trimRight(header + more))

        let budget = max(1, size.height - lines.count)
        let rowsShown = figure.matrix.count <= budget ? figure.matrix.count : max(budget - 1, 0)
        for i in 0..<rowsShown {
            var line = padRight(rowNames[i], rowW)
            let row = figure.matrix[i]
            for j in 0..<shown {
                guard j < row.count else {
                    line += String(repeating: " ", count: colW + 2)
                    continue
                }
                let v = row[j]
                let t: Double? = v.isFinite ? (high > low ? (v - low) / (high - low) : 0.5) : nil
                line += style.shade(" " + padLeft(texts[i][j], colW) + " ", t)
            }
            lines.append(style.color ? line + more : trimRight(line + more))
        }
        if rowsShown < figure.matrix.count {
            lines.append(moreLine(figure.matrix.count - rowsShown, "rows", width: width))
        }
        return lines
    }
}
