import EvalData
import EvalMetrics

/// Curves and calibration (SPEC §5 "Calibration and curves"): tables from one sort
/// of the scores, and the numbers read off them.
enum CurveBuiltins {
    static let family = Family.calibrationAndCurves

    /// A builtin returning a table computed from (y, p, weights); `by:` stacks one per group.
    static func curve(
        _ name: String, options: [String] = [], doc: String, example: String,
        _ build:
            @escaping @Sendable (inout Interpreter, Arguments, [Double], [Double], [Double]?) throws(RuntimeError) -> (
                Table?, MetricWarning?
            )
    ) -> Builtin {
        let parameters =
            [Parameter.required("y"), .required("p")]
            + (options + ["pos_label", "weights", "by"]).map(Parameter.option)
        return Builtin(name, family: family, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let (y, p) = try ClassificationBuiltins.binaryScores(args)
            let w = try MetricInputs.weights(args, count: y.count)
            guard args.has("by") else {
                let (table, warning) = try build(&interpreter, args, y, p, w)
                if let warning { interpreter.warn(warning, args) }
                return table.map(Value.table) ?? .null
            }
            // One curve per group (ascending key order) and the overall one, stacked
            // under a leading `group` column, ready for one series per group.
            let parts = try ByGroups.parts(args, count: y.count) { rows, label throws(RuntimeError) in
                let (table, warning) = try build(
                    &interpreter, args, ByGroups.pick(y, rows), ByGroups.pick(p, rows),
                    w.map { ByGroups.pick($0, rows) })
                if let warning { interpreter.warn(warning, args, group: rows == nil ? nil : label) }
                return table
            }
            return stacked(parts).map(Value.table) ?? .null
        }
    }

    /// Tables of one shape stacked by rows, under a `group` column naming each part.
    static func stacked(_ parts: [(String, Table)]) -> Table? {
        guard let first = parts.first?.1 else { return nil }
        var out = Table()
        let labels = parts.flatMap { label, table in [String?](repeating: label, count: table.rowCount) }
        do {
            try out.append(name: "group", column: Column(strings: labels))
            for (i, name) in first.names.enumerated() {
                guard let column = Column.concatenating(parts.map { $0.1.columns[i] }) else { return nil }
                try out.append(name: name, column: column)
            }
        } catch { return nil }
        return out
    }

    static func table(_ names: [String], _ columns: [[Double]]) -> Table? {
        try? Table(names: names, columns: columns.map { Column(numbers: $0) })
    }

    /// Runs a kernel, turning its input errors into errors at the argument's span.
    static func run<T>(_ args: Arguments, _ body: () throws(MetricError) -> T) throws(RuntimeError) -> T {
        do { return try body() } catch {
            throw args.metricError(error)
        }
    }

    static func bins(_ args: Arguments, default value: Int) throws(RuntimeError) -> Int {
        try args.integer("bins", default: value, in: 1...10_000)
    }

    /// `strategy:`, how bins are placed: "uniform" (default) or "quantile".
    static func strategy(_ args: Arguments) throws(RuntimeError) -> CalibrationStrategy {
        let names = CalibrationStrategy.allCases.map(\.rawValue)
        return CalibrationStrategy(rawValue: try args.choice("strategy", names, default: "uniform")) ?? .uniform
    }

    static let all: [Builtin] = [
        curve(
            "roc_curve",
            doc: "The ROC curve as a table fpr, tpr, threshold (scikit-learn's thresholds, collinear points dropped).",
            example: "roc_curve(t.churned, t.p_churn)"
        ) { interpreter, args, y, p, w throws(RuntimeError) in
            let out = try interpreter.scoreSweep(y, p, w, args: args).rocCurve()
            return (
                out.value.flatMap { table(["fpr", "tpr", "threshold"], [$0.fpr, $0.tpr, $0.thresholds]) }, out.warning
            )
        },
        curve(
            "pr_curve",
            doc: "The precision-recall curve as a table precision, recall, threshold (scikit-learn's conventions).",
            example: "pr_curve(t.fraud, t.p_fraud)"
        ) { interpreter, args, y, p, w throws(RuntimeError) in
            let out = try interpreter.scoreSweep(y, p, w, args: args).prCurve()
            guard let curve = out.value else { return (nil, out.warning) }
            // scikit-learn ends the curve at (recall 0, precision 1) with no threshold.
            let thresholds: [Double?] =
                curve.thresholds.map { $0 }
                + [Double?](repeating: nil, count: max(0, curve.precision.count - curve.thresholds.count))
            let t = try? Table(
                names: ["precision", "recall", "threshold"],
                columns: [
                    Column(numbers: curve.precision), Column(numbers: curve.recall),
                    Column(optionalNumbers: thresholds),
                ])
            return (t, out.warning)
        },
        curve(
            "gain_curve",
            doc: "Cumulative gain: share of positives captured when acting on the top fraction, with lift.",
            example: "gain_curve(t.converted, t.p_convert)"
        ) { interpreter, args, y, p, w throws(RuntimeError) in
            let out = try interpreter.scoreSweep(y, p, w, args: args).gainCurve()
            guard let curve = out.value else { return (nil, out.warning) }
            let t = try? Table(
                names: ["threshold", "fraction", "gain", "lift"],
                columns: [
                    Column(numbers: curve.thresholds), Column(numbers: curve.fraction),
                    Column(numbers: curve.gain), Column(optionalNumbers: curve.lift),
                ])
            return (t, out.warning)
        },
        curve(
            "calibration", options: ["bins", "strategy"],
            doc: "Reliability table bin, count, prob_pred, prob_true (as calibration_curve; empty bins dropped).",
            example: "calibration(t.late, t.p_late, bins: 10, strategy: \"quantile\")"
        ) { _, args, y, p, w throws(RuntimeError) in
            let bins = try bins(args, default: 5)
            let strategy = try strategy(args)
            let out = try run(args) { () throws(MetricError) in
                try Metrics.calibration(y, p, bins: bins, strategy: strategy, weights: w)
            }
            guard let curve = out.value else { return (nil, out.warning) }
            let t = table(
                ["bin", "count", "prob_pred", "prob_true"],
                [curve.bin.map(Double.init), curve.count, curve.probPred, curve.probTrue])
            return (t, out.warning)
        },
        MetricBuiltin.make(
            "ece", family: family, metric: .lowerIsBetter, inputs: ["y", "p"],
            options: ["bins", "strategy", "pos_label"],
            doc:
                "Expected calibration error: Σ (n_b / n)·|prob_true_b − prob_pred_b| over bins (default 10, strategy: \"uniform\" or \"quantile\").",
            example: "ece(t.late, t.p_late, bins: 10, strategy: \"quantile\")",
            prepare: ClassificationBuiltins.binaryScores
        ) { args throws(RuntimeError) in
            let bins = try bins(args, default: 10), strategy = try strategy(args)
            return { y, p, w throws(MetricError) in
                try Metrics.ece(y, p, bins: bins, strategy: strategy, weights: w)
            }
        },
        MetricBuiltin.make(
            "mce", family: family, metric: .lowerIsBetter, inputs: ["y", "p"],
            options: ["bins", "strategy", "pos_label"],
            doc:
                "Maximum calibration error: the largest |prob_true_b − prob_pred_b| over bins (default 10, strategy: \"uniform\" or \"quantile\").",
            example: "mce(t.late, t.p_late, strategy: \"quantile\")", prepare: ClassificationBuiltins.binaryScores
        ) { args throws(RuntimeError) in
            let bins = try bins(args, default: 10), strategy = try strategy(args)
            return { y, p, w throws(MetricError) in
                try Metrics.mce(y, p, bins: bins, strategy: strategy, weights: w)
            }
        },
        MetricBuiltin.sweep(
            "lift", family: family, metric: .higherIsBetter, options: ["at"],
            doc: "Lift at a fraction: the positive rate among the top `at` of scores over the overall rate.",
            example: "lift(t.converted, t.p_convert, at: 0.1)"
        ) { args throws(RuntimeError) in
            let at = try args.number("at", default: 0.1)
            return { sweep throws(MetricError) in try sweep.lift(at: at) }
        },
    ]
}
