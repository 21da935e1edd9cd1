import EvalData
import EvalMetrics

/// Silent-failure checks: whether the distribution of a score or feature moved between two samples.
///
/// SPEC §5 "Experiments and uncertainty".
enum ShiftBuiltins {
    static let family = Family.experiments

    static let all: [Builtin] = [
        Builtin(
            "psi", family: family, [.required("expected"), .required("actual"), .option("bins")],
            doc:
                "Population stability index of actual against expected: bins at expected's quantiles, Σ (a − e)·ln(a / e), empty bins floored at 1e-4.",
            example: "psi(train.p_churn, live.p_churn, bins: 10)"
        ) { interpreter, args throws(RuntimeError) in
            let expected = try sample(args, "expected"), actual = try sample(args, "actual")
            let bins = try args.integer("bins", default: 10, in: 2...Shift.psiMaxBins)
            let result = try run(args) { () throws(MetricError) in
                try Shift.psi(expected: expected, actual: actual, bins: bins)
            }
            for warning in result.warnings { interpreter.warn(warning, args) }
            return .number(result.value)
        },
        Builtin(
            "ks_2samp", family: family, [.required("a"), .required("b")],
            doc:
                "Two-sample Kolmogorov-Smirnov test: the largest gap between the two empirical CDFs and its two-sided p-value (as scipy).",
            example: "ks_2samp(train.p_churn, live.p_churn)"
        ) { _, args throws(RuntimeError) in
            let a = try sample(args, "a"), b = try sample(args, "b")
            let result = try run(args) { () throws(MetricError) in try Shift.ksTwoSample(a, b) }
            var record = Record()
            record["statistic"] = .number(result.statistic)
            record["p_value"] = .number(result.pValue)
            record["method"] = .string(result.method.rawValue)
            record["n_a"] = .number(Double(a.count))
            record["n_b"] = .number(Double(b.count))
            return .record(record)
        },
        Builtin(
            "wasserstein", family: family,
            [.required("a"), .required("b"), .option("a_weights"), .option("b_weights")],
            doc:
                "Earth mover's distance between two samples' distributions (in the values' own unit; scipy's wasserstein_distance).",
            example: "wasserstein(train.amount, live.amount)"
        ) { interpreter, args throws(RuntimeError) in
            let a = try sample(args, "a"), b = try sample(args, "b")
            let aw = args.has("a_weights") ? try MetricInputs.numbers(args, "a_weights") : nil
            let bw = args.has("b_weights") ? try MetricInputs.numbers(args, "b_weights") : nil
            let result = try run(args) { () throws(MetricError) in
                try Shift.wasserstein(a, b, uWeights: aw, vWeights: bw)
            }
            if let warning = result.warning { interpreter.warn(warning, args) }
            return result.value.map(Value.number) ?? .null
        },
    ]

    /// A numeric sample: a column or list of numbers with no missing values.
    static func sample(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        try MetricInputs.numbers(args, name)
    }

    /// Runs a kernel, its errors worded with this builtin's names (`a`, `b`, `a_weights`).
    static func run<T>(_ args: Arguments, _ body: () throws(MetricError) -> T) throws(RuntimeError) -> T {
        do { return try body() } catch {
            throw args.metricError(error)
        }
    }
}
