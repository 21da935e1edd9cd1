import EvalLang

/// Figures drawn as terminal text: the REPL's charts (SPEC §7).
///
/// A pure function of the figure and the size: it returns text and never touches the
/// terminal, so the same figure at the same size always gives the same characters.
/// Line and scatter charts draw on a braille canvas (2 × 4 dots a cell), bars and
/// histograms with eighth blocks, heatmaps as a grid of printed values.
///
/// Every line fits `width` columns (braille and block characters are one column; wide
/// characters in labels count two); the output never ends in a newline.
package enum FigureText {
    /// Sizes outside these bounds are clamped: a chart needs some room to say anything,
    /// and a runaway size must not allocate a runaway canvas.
    package static let widthBounds = 30...240
    package static let heightBounds = 8...120

    package static func render(_ figure: Figure, width: Int, height: Int, color: Bool) -> String {
        let size = Size(width: clamp(width, widthBounds), height: clamp(height, heightBounds))
        let style = Style(color: color)
        let lines: [String]
        switch figure.kind {
        case .line, .scatter: lines = plot(figure, size: size, style: style)
        case .bar: lines = bars(figure, size: size, style: style)
        case .histogram: lines = histogram(figure, size: size, style: style)
        case .heatmap: lines = heatmap(figure, size: size, style: style)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Shared pieces

    struct Size {
        var width: Int
        var height: Int
    }

    static func clamp(_ value: Int, _ bounds: ClosedRange<Int>) -> Int {
        min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    /// The title line, cut to the width; nothing for an empty title.
    static func titleLines(_ figure: Figure, width: Int) -> [String] {
        let title = clean(figure.title)
        return title.isEmpty ? [] : [truncate(title, to: width)]
    }

    /// What an empty figure shows: its title and `(no data)`.
    static func noData(_ figure: Figure, width: Int) -> [String] {
        titleLines(figure, width: width) + ["(no data)"]
    }

    /// The name a series goes by in legends and bar rows.
    static func seriesName(_ figure: Figure, _ index: Int) -> String {
        guard index < figure.series.count else { return "" }
        if let name = figure.series[index].name, !name.isEmpty { return clean(name) }
        return figure.series.count > 1 ? "series \(index + 1)" : ""
    }

    /// `… 12 more rows`, cut to the width.
    static func moreLine(_ count: Int, _ noun: String, width: Int) -> String {
        truncate("… \(NumberFormat.grouped(count)) more \(noun)", to: width)
    }

    // MARK: - Colour

    /// Colour, or its absence: every escape the charts emit comes from here, so with
    /// `color` false the output holds no escape at all.
    struct Style {
        var color: Bool

        /// ANSI 256-colour foregrounds for series, in legend order (blue, orange, green,
        /// red, purple, teal, gold, pink); they repeat after eight.
        static let seriesColors = [33, 208, 34, 160, 98, 37, 178, 205]
        /// The reference segment's grey.
        static let referenceColor = 245
        /// Heatmap shading, light to dark blue (256-colour backgrounds).
        static let ramp = [231, 195, 189, 153, 117, 111, 75, 69, 33, 27, 26, 20, 19, 18, 17]

        static let reset = "\u{1B}[0m"

        /// The colour of series `index` (wrapping around the palette).
        static func seriesColor(_ index: Int) -> Int {
            let n = seriesColors.count
            return seriesColors[((index % n) + n) % n]
        }

        static func foreground(_ code: Int) -> String {
            "\u{1B}[38;5;\(code)m"
        }

        /// `text` in colour `code`, or unchanged without colour.
        func paint(_ text: String, _ code: Int?) -> String {
            guard color, let code, !text.isEmpty else { return text }
            return Self.foreground(code) + text + Self.reset
        }

        /// A heatmap cell: `text` on the shade for `t` in [0, 1], with black or white
        /// text, whichever reads; plain when colour is off or the value has no shade.
        func shade(_ text: String, _ t: Double?) -> String {
            guard color, let t, t.isFinite else { return text }
            let clamped = min(max(t, 0), 1)
            let last = Self.ramp.count - 1
            let index = min(last, max(0, Int((clamped * Double(last)).rounded())))
            let ink = index * 2 > last ? 231 : 16
            return "\u{1B}[48;5;\(Self.ramp[index])m\u{1B}[38;5;\(ink)m" + text + Self.reset
        }
    }

    /// A legend: `● name` items, coloured by series, as many as fit in `width` columns (then `…`).
    ///
    /// Returns the text and the columns it takes.
    static func legend(_ items: [(name: String, color: Int)], width: Int, style: Style) -> (text: String, columns: Int)
    {
        var text = ""
        var used = 0
        for (i, item) in items.enumerated() {
            let gap = i == 0 ? 0 : 2
            // The first name is cut to fit rather than dropped.
            let name = i == 0 ? truncate(item.name, to: width - 2) : item.name
            let plain = "● " + name
            let need = gap + columns(plain)
            if used + need > width {
                if used + gap + 1 <= width {
                    text += String(repeating: " ", count: gap) + "…"
                    used += gap + 1
                }
                break
            }
            text += String(repeating: " ", count: gap) + style.paint("●", item.color) + " " + name
            used += need
        }
        return (text, used)
    }
}
