import EvalLang

/// Line and scatter charts: numeric x and y axes, polylines or dots, the reference segment.
extension SVGRenderer {
    /// A point in screen space.
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// Scatter draws at most this many dots in all (every k-th point of a longer series).
    static let scatterBudget = 5_000
    /// A line series keeps at most this many vertices in all after simplification.
    static let lineBudget = 12_000
    /// Consecutive kept vertices of a line are at least this far apart, in pixels.
    static let simplifyTolerance = 0.5

    static func drawXY(_ figure: Figure, into svg: inout Canvas) {
        let reference = figure.reference.flatMap { $0.count == 4 && $0.allSatisfy(\.isFinite) ? $0 : nil }
        var xs = figure.series.flatMap(\.x), ys = figure.series.flatMap(\.y)
        if let reference {
            xs += [reference[0], reference[2]]
            ys += [reference[1], reference[3]]
        }
        let xDomain = domain(xs, fixed: figure.xRange), yDomain = domain(ys, fixed: figure.yRange)
        let xTicks = ticks(xDomain), yTicks = ticks(yDomain)
        let legend = legendEntries(figure)
        let plot = plotArea(figure, yTicks: yTicks, legend: legend)
        let xScale = Scale(lower: xDomain.lowerBound, upper: xDomain.upperBound, start: plot.left, end: plot.right)
        let yScale = Scale(lower: yDomain.lowerBound, upper: yDomain.upperBound, start: plot.bottom, end: plot.top)

        drawGrid(plot: plot, x: (xTicks, xScale), y: (yTicks, yScale), into: &svg)
        drawReference(figure, plot: plot, xScale: xScale, yScale: yScale, into: &svg)
        let count = max(figure.series.count, 1)
        for (index, series) in figure.series.enumerated() {
            let points = zip(series.x, series.y).map { x, y in
                x.isFinite && y.isFinite ? Point(x: xScale(x), y: yScale(y)) : nil
            }
            if figure.kind == .scatter {
                drawDots(points, index: index, budget: max(scatterBudget / count, 500), plot: plot, into: &svg)
            } else {
                drawPolyline(points, index: index, budget: max(lineBudget / count, 1_000), plot: plot, into: &svg)
            }
        }
        drawAxes(plot: plot, x: (xTicks, xScale), y: (yTicks, yScale), into: &svg)
        drawAxisTitles(figure, plot: plot, into: &svg)
        if let legend { drawLegend(legend, kind: figure.kind, plot: plot, into: &svg) }
    }

    /// The figure's reference segment, dashed and clipped to the plot.
    static func drawReference(_ figure: Figure, plot: Plot, xScale: Scale, yScale: Scale, into svg: inout Canvas) {
        guard let r = figure.reference, r.count == 4, r.allSatisfy(\.isFinite) else { return }
        let from = Point(x: xScale(r[0]), y: yScale(r[1])), to = Point(x: xScale(r[2]), y: yScale(r[3]))
        guard let (a, b) = clip(from, to, to: plot) else { return }
        svg.add(line(a.x, a.y, b.x, b.y, stroke: referenceColour, width: 1.25, extra: " stroke-dasharray=\"5 4\""))
    }

    // MARK: Lines

    /// One series as polylines: broken at non-finite points, clipped to the plot, simplified.
    static func drawPolyline(_ points: [Point?], index: Int, budget: Int, plot: Plot, into svg: inout Canvas) {
        var runs: [[Point]] = [[]]
        for point in points {
            if let point {
                runs[runs.count - 1].append(point)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        let clipped = runs.flatMap { clip(run: $0, to: plot) }
        let simplified = simplify(clipped, budget: budget)
        let colour = colour(index), pattern = dash(index)
        svg.add(
            "<g fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
                + (pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\"") + ">")
        for run in simplified {
            if run.count == 1, let point = run.first {
                svg.add(
                    "<circle cx=\"\(num(point.x))\" cy=\"\(num(point.y))\" r=\"1.5\" fill=\"\(colour)\" stroke=\"none\"/>"
                )
            } else {
                svg.add("<polyline points=\"" + run.map { "\(num($0.x)),\(num($0.y))" }.joined(separator: " ") + "\"/>")
            }
        }
        svg.add("</g>")
    }

    /// Drops vertices closer than the tolerance to the previous kept vertex (always keeping
    /// each run's first and last); if more than `budget` vertices remain, doubles the
    /// tolerance until they fit.
    static func simplify(_ runs: [[Point]], budget: Int) -> [[Point]] {
        var tolerance = simplifyTolerance
        var result = runs
        for _ in 0..<24 {
            result = runs.map { thin($0, tolerance: tolerance) }
            if result.reduce(0, { $0 + $1.count }) <= budget { break }
            tolerance *= 2
        }
        return result
    }

    static func thin(_ run: [Point], tolerance: Double) -> [Point] {
        guard run.count > 2, let first = run.first, let last = run.last else { return run }
        let limit = tolerance * tolerance
        var kept = [first]
        for point in run.dropFirst().dropLast() {
            guard let previous = kept.last else { continue }
            let dx = point.x - previous.x, dy = point.y - previous.y
            if dx * dx + dy * dy >= limit { kept.append(point) }
        }
        if kept.count > 1, let previous = kept.last {
            let dx = last.x - previous.x, dy = last.y - previous.y
            if dx * dx + dy * dy < limit { kept.removeLast() }
        }
        kept.append(last)
        return kept
    }

    /// A run of points cut to the plot (half a pixel of slack), split where it leaves it.
    static func clip(run: [Point], to plot: Plot) -> [[Point]] {
        if run.count == 1, let point = run.first {
            return inside(point, plot) ? [run] : []
        }
        var out: [[Point]] = []
        var current: [Point] = []
        for k in run.indices.dropFirst() {
            guard let (a, b) = clip(run[k - 1], run[k], to: plot) else {
                if !current.isEmpty { out.append(current) }
                current = []
                continue
            }
            if current.last == a {
                current.append(b)
            } else {
                if !current.isEmpty { out.append(current) }
                current = [a, b]
            }
            if b != run[k] {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func inside(_ p: Point, _ plot: Plot) -> Bool {
        p.x >= plot.left - 0.5 && p.x <= plot.right + 0.5 && p.y >= plot.top - 0.5 && p.y <= plot.bottom + 0.5
    }

    /// The part of segment p→q inside the plot (Liang–Barsky); ends inside stay exactly as given.
    static func clip(_ p: Point, _ q: Point, to plot: Plot) -> (Point, Point)? {
        let dx = q.x - p.x, dy = q.y - p.y
        var t0 = 0.0, t1 = 1.0
        let edges = [
            (-dx, p.x - (plot.left - 0.5)), (dx, plot.right + 0.5 - p.x),
            (-dy, p.y - (plot.top - 0.5)), (dy, plot.bottom + 0.5 - p.y),
        ]
        for (step, room) in edges {
            if step == 0 {
                if room < 0 { return nil }
                continue
            }
            let t = room / step
            if step < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return nil }
        }
        let a = t0 == 0 ? p : Point(x: p.x + t0 * dx, y: p.y + t0 * dy)
        let b = t1 == 1 ? q : Point(x: p.x + t1 * dx, y: p.y + t1 * dy)
        return (a, b)
    }

    // MARK: Dots

    /// One series as dots: every k-th point when the series is longer than the budget.
    static func drawDots(_ points: [Point?], index: Int, budget: Int, plot: Plot, into svg: inout Canvas) {
        let every = max((points.count + budget - 1) / max(budget, 1), 1)
        svg.add("<g fill=\"\(colour(index))\" fill-opacity=\"0.7\">")
        for position in stride(from: 0, to: points.count, by: every) {
            guard let point = points[position], inside(point, plot) else { continue }
            svg.add("<circle cx=\"\(num(point.x, decimals: 1))\" cy=\"\(num(point.y, decimals: 1))\" r=\"3\"/>")
        }
        svg.add("</g>")
    }
}
