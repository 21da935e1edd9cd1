import EvalMetrics

/// Regression metrics (SPEC §5), matching scikit-learn.
enum RegressionBuiltins {
    static let family = Family.regression

    static func regression(
        _ name: String, _ metric: MetricTrait, doc: String, _ kernel: @escaping MetricBuiltin.Kernel
    ) -> Builtin {
        MetricBuiltin.make(
            name, family: family, metric: metric, inputs: ["y", "yhat"], doc: doc,
            example: "\(name)(t.actual_minutes, t.predicted_minutes)",
            prepare: numbers, kernel: kernel)
    }

    /// Numeric truth and predictions of one length.
    @Sendable static func numbers(_ args: Arguments) throws(RuntimeError) -> (truth: [Double], predicted: [Double]) {
        let second = args.item("yhat") != nil ? "yhat" : "q"
        let y = try MetricInputs.numbers(args, "y")
        let yhat = try MetricInputs.numbers(args, second)
        try MetricInputs.sameLength(args, second, yhat.count, y.count)
        return (y, yhat)
    }

    static let all: [Builtin] = [
        regression("mae", .lowerIsBetter, doc: "Mean absolute error: the average size of a miss.") {
            y, yhat, w throws(MetricError) in
            try Metrics.mae(y, yhat, weights: w)
        },
        regression("mse", .lowerIsBetter, doc: "Mean squared error: misses squared, so big ones weigh more.") {
            y, yhat, w throws(MetricError) in
            try Metrics.mse(y, yhat, weights: w)
        },
        regression("rmse", .lowerIsBetter, doc: "Root mean squared error, in the unit of y.") {
            y, yhat, w throws(MetricError) in
            try Metrics.rmse(y, yhat, weights: w)
        },
        regression("r2", .higherIsBetter, doc: "Coefficient of determination: 1 − SSE/SST (null when y is constant).") {
            y, yhat, w throws(MetricError) in
            try Metrics.r2(y, yhat, weights: w)
        },
        regression(
            "mape", .lowerIsBetter,
            doc: "Mean absolute percentage error |y − ŷ| / |y|, as a fraction (scikit-learn's definition)."
        ) { y, yhat, w throws(MetricError) in
            try Metrics.mape(y, yhat, weights: w)
        },
        regression("median_ae", .lowerIsBetter, doc: "Median absolute error: the typical miss, robust to outliers.") {
            y, yhat, w throws(MetricError) in
            try Metrics.medianAe(y, yhat, weights: w)
        },
        regression("max_error", .lowerIsBetter, doc: "The largest absolute miss.") { y, yhat, w throws(MetricError) in
            try Metrics.maxError(y, yhat, weights: w)
        },
        regression(
            "explained_variance", .higherIsBetter, doc: "1 − Var(y − ŷ)/Var(y): like r2 but blind to a constant bias."
        ) {
            y, yhat, w throws(MetricError) in
            try Metrics.explainedVariance(y, yhat, weights: w)
        },
        regression("msle", .lowerIsBetter, doc: "Mean squared error of log(1 + y): relative misses, for targets ≥ 0.") {
            y, yhat, w throws(MetricError) in
            try Metrics.msle(y, yhat, weights: w)
        },
        regression("rmsle", .lowerIsBetter, doc: "Root of msle.") { y, yhat, w throws(MetricError) in
            try Metrics.rmsle(y, yhat, weights: w)
        },
        MetricBuiltin.make(
            "pinball", family: family, metric: .lowerIsBetter, inputs: ["y", "q"], options: ["alpha"],
            doc: "Pinball (quantile) loss of quantile predictions q at level alpha (default 0.5).",
            example: "pinball(t.actual_minutes, t.p90_minutes, alpha: 0.9)",
            prepare: numbers
        ) { args throws(RuntimeError) in
            let alpha = try args.number("alpha", default: 0.5)
            return { y, q, w throws(MetricError) in try Metrics.pinball(y, q, alpha: alpha, weights: w) }
        },
        MetricBuiltin.make(
            "huber", family: family, metric: .lowerIsBetter, inputs: ["y", "yhat"], options: ["delta"],
            doc: "Mean Huber loss: ½r² for |r| ≤ delta, delta·(|r| − ½delta) beyond (default delta 1).",
            example: "huber(t.actual_minutes, t.predicted_minutes, delta: 5)",
            prepare: numbers
        ) { args throws(RuntimeError) in
            let delta = try args.number("delta", default: 1)
            return { y, yhat, w throws(MetricError) in try Metrics.huber(y, yhat, delta: delta, weights: w) }
        },
    ]
}
