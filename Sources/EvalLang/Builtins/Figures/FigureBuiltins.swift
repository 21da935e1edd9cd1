import EvalData
import EvalMetrics

/// Figures (SPEC §5 "Figures"): curves of a model's scores and general charts.
///
/// Each returns a figure value; a report writes it as SVG under `figures/`, the REPL draws it in the terminal.
/// `by:` draws one series per group.
enum FigureBuiltins {
    static let family = Family.figures
    static let labels = ["title", "xlabel", "ylabel"]

    static let all: [Builtin] = [
        scoreFigure(
            "plot_roc", doc: "ROC curve (false positive rate against true positive rate), with the chance diagonal.",
            example: "plot_roc(t.churned, t.p_churn, by: t.segment)"
        ) { interpreter, args, y, p, w throws(RuntimeError) in
            let sweep = try interpreter.scoreSweep(y, p, w, args: args)
            guard let curve = sweep.rocCurve().value else { return nil }
            return Figure.Series(x: curve.fpr, y: curve.tpr)
        } style: { figure in
            figure.title = "ROC curve"; figure.xLabel = "false positive rate"; figure.yLabel = "true positive rate"
            figure.reference = [0, 0, 1, 1]; figure.xRange = 0...1; figure.yRange = 0...1
        },
        scoreFigure(
            "plot_pr", doc: "Precision-recall curve.",
            example: "plot_pr(t.fraud, t.p_fraud)"
        ) { interpreter, args, y, p, w throws(RuntimeError) in
            let sweep = try interpreter.scoreSweep(y, p, w, args: args)
            guard let curve = sweep.prCurve().value else { return nil }
            return Figure.Series(x: curve.recall, y: curve.precision)
        } style: { figure in
            figure.title = "Precision-recall curve"; figure.xLabel = "recall"; figure.yLabel = "precision"
            figure.xRange = 0...1; figure.yRange = 0...1
        },
        scoreFigure(
            "plot_calibration", options: ["bins", "strategy"],
            doc:
                "Reliability diagram: mean predicted probability against observed frequency per bin (bins:, strategy: \"uniform\" or \"quantile\"), with the diagonal.",
            example: "plot_calibration(t.late, t.p_late, bins: 10)"
        ) { _, args, y, p, w throws(RuntimeError) in
            let bins = try CurveBuiltins.bins(args, default: 10)
            let strategy = try CurveBuiltins.strategy(args)
            let out = try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.calibration(y, p, bins: bins, strategy: strategy, weights: w)
            }
            return out.value.map { Figure.Series(x: $0.probPred, y: $0.probTrue) }
        } style: { figure in
            figure.title = "Calibration"; figure.xLabel = "mean predicted probability";
            figure.yLabel = "observed frequency"
            figure.reference = [0, 0, 1, 1]; figure.xRange = 0...1; figure.yRange = 0...1
        },
        Builtin(
            "plot_profit", family: family,
            [
                .required("y"), .required("p"), .required("payoff"), .option("pos_label"), .option("weights"),
                .option("by"),
            ] + labels.map(Parameter.option),
            doc: "Profit at every threshold (from profit_curve), one line per group with by:.",
            example: "plot_profit(t.churned, t.p_churn, offer)"
        ) { interpreter, args throws(RuntimeError) in
            let (y, p) = try ClassificationBuiltins.binaryScores(args)
            let weights = try MetricInputs.weights(args, count: y.count)
            let payoff = try BusinessBuiltins.payoff(args)
            var figure = Figure(
                kind: .line, title: "Profit by threshold", xLabel: "threshold (act when score ≥ threshold)",
                yLabel: "profit")
            figure.series = try series(args, count: y.count) { rows throws(RuntimeError) in
                let curve = try BusinessBuiltins.profitCurve(&interpreter, args, y, p, weights, payoff, rows: rows)
                return Figure.Series(x: curve.thresholds, y: curve.profit)
            }
            return .figure(try titled(figure, args))
        },
        Builtin(
            "plot_confusion", family: family,
            [.required("y"), .required("yhat"), .option("threshold"), .option("pos_label"), .option("weights")]
                + labels.map(Parameter.option),
            doc: "The confusion matrix as a heatmap (rows true class, columns predicted), counts in the cells.",
            example: "plot_confusion(t.queue, t.routed)"
        ) { _, args throws(RuntimeError) in
            let labels = try LabelInputs.read(args)
            let weights = try MetricInputs.weights(args, count: labels.truth.count)
            let matrix = try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.confusionMatrix(
                    labels.truth.map { Int($0) }, labels.predicted.map { Int($0) }, classes: labels.classCount,
                    weights: weights)
            }
            let all = Array(0..<labels.classCount)
            var figure = Figure(kind: .heatmap, title: "Confusion matrix", xLabel: "predicted", yLabel: "true")
            figure.categories = all.map { labels.classNames[$0] }
            figure.rowLabels = figure.categories
            figure.matrix = all.map { t in all.map { matrix[truth: t, predicted: $0] } }
            return .figure(try titled(figure, args))
        },
        Builtin(
            "histogram", family: family,
            [.required("x"), .option("bins"), .option("by")] + labels.map(Parameter.option),
            doc:
                "Counts of x in equal-width bins (default 20) over its range; by: one series per group on shared bins.",
            example: "histogram(t.p_churn, bins: 20, by: t.churned)"
        ) { _, args throws(RuntimeError) in
            let x = try MetricInputs.completeNumbers(args, "x").filter(\.isFinite)
            let bins = try args.integer("bins", default: 20, in: 1...10_000)
            let lo = x.min() ?? 0, hi = x.max() ?? 1
            let width = hi > lo ? (hi - lo) / Double(bins) : 1
            // A range wider than Double.greatestFiniteMagnitude (hi − lo overflows) is measured in halves.
            let halfWidth = width.isFinite ? width / 2 : (hi / 2 - lo / 2) / Double(bins)
            let edges = (0...bins).map { k -> Double in
                width.isFinite
                    ? lo + Double(k) * width : lo * (1 - Double(k) / Double(bins)) + hi * (Double(k) / Double(bins))
            }
            var figure = Figure(
                kind: .histogram, title: "Histogram", xLabel: args.has("xlabel") ? "" : "value", yLabel: "count")
            let all = try MetricInputs.completeNumbers(args, "x")
            figure.series = try series(args, count: all.count) { rows throws(RuntimeError) in
                var counts = [Double](repeating: 0, count: bins)
                for v in ByGroups.pick(all, rows) where v.isFinite {
                    let position = width.isFinite ? (v - lo) / width : (v / 2 - lo / 2) / halfWidth
                    counts[position.isFinite ? min(bins - 1, max(0, Int(position))) : 0] += 1
                }
                return Figure.Series(x: edges, y: counts)
            }
            return .figure(try titled(figure, args))
        },
        xyFigure(
            "line", .line, doc: "A line through (x, y) in order; by: one line per group.",
            example: "line(history.release, history.online_conversion)"),
        xyFigure(
            "scatter", .scatter, doc: "Points (x, y); by: one colour per group.",
            example: "scatter(history.offline_auc, history.online_conversion)"),
        Builtin(
            "bar", family: family, [.required("labels"), .required("values")] + labels.map(Parameter.option),
            doc: "One bar per label.",
            example: "bar([\"A\", \"B\"], [0.0344, 0.0382], title: \"Conversion\")"
        ) { _, args throws(RuntimeError) in
            let names = try args.column("labels")
            let values = try MetricInputs.completeNumbers(args, "values")
            try MetricInputs.sameLength(args, "values", values.count, names.count, against: "labels")
            var figure = Figure(kind: .bar, title: "", xLabel: "", yLabel: "")
            figure.categories = (0..<names.count).map { Value.cellText(names[$0]) }
            figure.series = [Figure.Series(x: values.indices.map(Double.init), y: values)]
            return .figure(try titled(figure, args))
        },
    ]

    /// A curve of (y, p) per group: the shared inputs, `by:` and the label options.
    static func scoreFigure(
        _ name: String, options: [String] = [], doc: String, example: String,
        _ build:
            @escaping @Sendable (inout Interpreter, Arguments, [Double], [Double], [Double]?) throws(RuntimeError) ->
            Figure.Series?,
        style: @escaping @Sendable (inout Figure) -> Void
    ) -> Builtin {
        let parameters =
            [Parameter.required("y"), .required("p")]
            + (options + ["pos_label", "weights", "by"] + labels).map(Parameter.option)
        return Builtin(name, family: family, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let (y, p) = try ClassificationBuiltins.binaryScores(args)
            let w = try MetricInputs.weights(args, count: y.count)
            var figure = Figure(kind: .line, title: "", xLabel: "", yLabel: "")
            style(&figure)
            figure.series = try series(args, count: y.count) { rows throws(RuntimeError) in
                if rows == nil { return try build(&interpreter, args, y, p, w) }
                // Groups get their own sort; the cache keeps the overall one.
                let (ys, ps, ws) = (ByGroups.pick(y, rows), ByGroups.pick(p, rows), w.map { ByGroups.pick($0, rows) })
                var local = interpreter
                local.session.sweepCache = nil
                return try build(&local, args, ys, ps, ws)
            }
            return .figure(try titled(figure, args))
        }
    }

    static func xyFigure(_ name: String, _ kind: Figure.Kind, doc: String, example: String) -> Builtin {
        Builtin(
            name, family: family, [.required("x"), .required("y"), .option("by")] + labels.map(Parameter.option),
            doc: doc, example: example
        ) { _, args throws(RuntimeError) in
            let x = try MetricInputs.completeNumbers(args, "x"), y = try MetricInputs.completeNumbers(args, "y")
            try MetricInputs.sameLength(args, "y", y.count, x.count, against: "x")
            var figure = Figure(kind: kind, title: "", xLabel: "x", yLabel: "y")
            figure.series = try series(args, count: x.count) { rows throws(RuntimeError) in
                Figure.Series(x: ByGroups.pick(x, rows), y: ByGroups.pick(y, rows))
            }
            return .figure(try titled(figure, args))
        }
    }

    /// One series for all rows, or with `by:` one per group (ascending key order, named
    /// by the key); groups where the curve is undefined are left out.
    static func series(_ args: Arguments, count: Int, _ make: ([Int]?) throws(RuntimeError) -> Figure.Series?)
        throws(RuntimeError) -> [Figure.Series]
    {
        guard args.has("by") else { return try make(nil).map { [$0] } ?? [] }
        let key = try args.column("by")
        try MetricInputs.sameLength(args, "by", key.count, count)
        let groups = Groups(by: key)
        var out: [Figure.Series] = []
        for (groupKey, rows) in zip(groups.keys, groups.rows) {
            if var s = try make(rows) {
                s.name = Value.cellText(groupKey)
                out.append(s)
            }
        }
        return out
    }

    /// Applies `title:`, `xlabel:` and `ylabel:`.
    static func titled(_ figure: Figure, _ args: Arguments) throws(RuntimeError) -> Figure {
        var f = figure
        if args.has("title") { f.title = try args.string("title") }
        if args.has("xlabel") { f.xLabel = try args.string("xlabel") }
        if args.has("ylabel") { f.yLabel = try args.string("ylabel") }
        return f
    }
}
