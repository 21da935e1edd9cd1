extension FigureText {
    /// A grid of braille cells, each 2 dots wide and 4 tall (U+2800 + dot bits), with the
    /// ink of the last series that drew in a cell.
    ///
    /// Dot (0, 0) is the top-left corner; y grows downwards.
    struct BrailleCanvas {
        /// No ink: the cell is blank.
        static let noInk: Int16 = -1
        /// The reference segment's ink.
        static let referenceInk: Int16 = -2

        let cols: Int
        let rows: Int
        private var bits: [UInt8]
        private var inks: [Int16]

        /// Braille dot bits by row within the cell (0–3) and column (0–1).
        private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

        init(cols: Int, rows: Int) {
            self.cols = max(cols, 1)
            self.rows = max(rows, 1)
            bits = Array(repeating: 0, count: self.cols * self.rows)
            inks = Array(repeating: Self.noInk, count: self.cols * self.rows)
        }

        var dotWidth: Int { cols * 2 }
        var dotHeight: Int { rows * 4 }

        /// Sets one dot; dots outside the canvas are ignored.
        mutating func set(_ x: Int, _ y: Int, ink: Int16) {
            guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
            let cell = (y / 4) * cols + x / 2
            bits[cell] |= Self.dotBits[y % 4][x % 2]
            inks[cell] = ink
        }

        /// A point in dot coordinates, rounded to the nearest dot.
        mutating func point(_ x: Double, _ y: Double, ink: Int16) {
            guard x.isFinite, y.isFinite, x > -0.5, y > -0.5,
                x < Double(dotWidth) - 0.5, y < Double(dotHeight) - 0.5
            else { return }
            set(Int(x.rounded()), Int(y.rounded()), ink: ink)
        }

        /// A straight segment in dot coordinates: clipped to the canvas, then drawn with Bresenham's algorithm.
        ///
        /// Dashed segments draw two dots of every four.
        mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, ink: Int16, dashed: Bool = false) {
            let box = (maxX: Double(dotWidth - 1), maxY: Double(dotHeight - 1))
            guard let c = Self.clip(x0, y0, x1, y1, maxX: box.maxX, maxY: box.maxY) else { return }
            var x = Int(c.x0.rounded())
            var y = Int(c.y0.rounded())
            let endX = Int(c.x1.rounded())
            let endY = Int(c.y1.rounded())
            let dx = abs(endX - x)
            let dy = -abs(endY - y)
            let sx = x < endX ? 1 : -1
            let sy = y < endY ? 1 : -1
            var err = dx + dy
            var step = 0
            while true {
                if !dashed || step % 4 < 2 { set(x, y, ink: ink) }
                if x == endX, y == endY { break }
                let e2 = 2 * err
                if e2 >= dy { err += dy; x += sx }
                if e2 <= dx { err += dx; y += sy }
                step += 1
            }
        }

        /// Liang–Barsky clipping of a segment to `[0, maxX] × [0, maxY]`; nil when the
        /// segment misses the box.
        static func clip(
            _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
            maxX: Double, maxY: Double
        ) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
            guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
            let dx = x1 - x0
            let dy = y1 - y0
            var t0 = 0.0
            var t1 = 1.0
            let edges: [(p: Double, q: Double)] = [(-dx, x0), (dx, maxX - x0), (-dy, y0), (dy, maxY - y0)]
            for (p, q) in edges {
                if p == 0 {
                    if q < 0 { return nil }
                    continue
                }
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
            return (x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy)
        }

        /// Row `r` as text: braille for inked cells, spaces for blank ones, colour escapes
        /// only where the ink changes, trailing blanks dropped.
        func row(_ r: Int, style: Style) -> String {
            guard r >= 0, r < rows else { return "" }
            let start = r * cols
            var last = cols - 1
            while last >= 0, bits[start + last] == 0 { last -= 1 }
            guard last >= 0 else { return "" }
            var out = ""
            var current = Self.noInk
            for c in 0...last {
                let b = bits[start + c]
                if b == 0 {
                    out.append(" ")
                    continue
                }
                let ink = inks[start + c]
                if style.color, ink != current {
                    out += Style.foreground(Self.color(of: ink))
                    current = ink
                }
                out.unicodeScalars.append(Unicode.Scalar(UInt32(0x2800) + UInt32(b)) ?? " ")
            }
            if style.color, current != Self.noInk { out += Style.reset }
            return out
        }

        /// The 256-colour code for an ink.
        static func color(of ink: Int16) -> Int {
            ink == referenceInk ? Style.referenceColor : Style.seriesColor(Int(ink))
        }
    }
}
