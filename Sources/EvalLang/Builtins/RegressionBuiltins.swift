import EvalMetrics

/// Regression metrics (SPEC §5), matching scikit-learn.
enum RegressionBuiltins {
    static let family = "Regression"

    static func regression(_ name: String, doc: String, _ kernel: @escaping MetricBuiltin.Kernel) -> Builtin {
        MetricBuiltin.make(name, family: family, inputs: ["y", "yhat"], doc: doc,
                           example: "\(name)(t.actual_minutes, t.predicted_minutes)",
                           prepare: { args throws(RuntimeError) in
                               let y = try MetricInputs.numbers(args, "y")
                               let yhat = try MetricInputs.numbers(args, "yhat")
                               try MetricInputs.sameLength(args, "yhat", yhat.count, y.count)
                               return (y, yhat)
                           }, kernel: kernel)
    }

    static let all: [Builtin] = [
        regression("mae", doc: "Mean absolute error: the average size of a miss.") { y, yhat, w throws(MetricError) in
            try Metrics.mae(y, yhat, weights: w)
        },
        regression("mse", doc: "Mean squared error: misses squared, so big ones weigh more.") { y, yhat, w throws(MetricError) in
            try Metrics.mse(y, yhat, weights: w)
        },
        regression("rmse", doc: "Root mean squared error, in the unit of y.") { y, yhat, w throws(MetricError) in
            try Metrics.rmse(y, yhat, weights: w)
        },
        regression("r2", doc: "Coefficient of determination: 1 − SSE/SST (null when y is constant).") { y, yhat, w throws(MetricError) in
            try Metrics.r2(y, yhat, weights: w)
        },
    ]
}
