import EvalLang

/// Draws displays as plain text for the terminal: aligned tables that fit the width.
package enum TextRenderer {
    package static func render(_ display: Display, width: Int = 100) -> String {
        switch display {
        case .text(let text): return text + "\n"
        case .table(let table):
            return (table.headline.map { $0 + "\n" } ?? "") + renderTable(table, width: width)
        }
    }

    static func renderTable(_ table: DisplayTable, width: Int) -> String {
        var widths = table.columns.map(\.count)
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        widths = widths.map { min($0, 40) }
        // Keep as many leading columns as fit the terminal.
        var shown = 0, used = 0
        for w in widths {
            if shown > 0, used + w + 2 > width { break }
            used += w + 2
            shown += 1
        }
        func line(_ cells: [String]) -> String {
            (0..<shown).map { i in
                let cell = i < cells.count ? clip(cells[i], widths[i]) : ""
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return table.rightAligned[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = line(table.columns)
        out += (0..<shown).map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ") + "\n"
        for row in table.rows { out += line(row) }
        var notes: [String] = []
        if table.omittedRows > 0 { notes.append("… \(NumberFormat.grouped(table.omittedRows)) more rows") }
        if shown < table.columns.count { notes.append("… \(table.columns.count - shown) more columns") }
        if !notes.isEmpty { out += notes.joined(separator: ", ") + "\n" }
        return out
    }

    private static func clip(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(max(1, width - 1))) + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
