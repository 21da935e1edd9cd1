import EvalData
import EvalMetrics
import Foundation
import OrderedCollections

/// Experiment readouts and the statistics that relate offline metrics to business results (SPEC §5 "Experiments and
/// uncertainty").
///
/// Readouts are records whose fields use SPEC's names (`statistic p_value df estimate ci_low ci_high low high`);
/// the A/B and t-test readouts lead with a `verdict` sentence a product manager can read.
enum ExperimentBuiltins {
    static let family = Family.experiments

    static let all: [Builtin] = [
        Builtin(
            "ab_test", family: family,
            [
                .required("conv_a"), .required("n_a"), .optional("conv_b"), .optional("n_b"), .option("level"),
                .option("by"), .option("correction"),
            ],
            doc:
                "Two-proportion z-test of B against A (pooled), with rates, lift and the Wald interval of B − A; also ab_test(a, b) of two 0/1 columns, per segment with by: [key_a, key_b] and correction: \"bonferroni\", \"holm\", \"fdr_bh\" or \"fdr_by\".",
            example: "ab_test(a.converted, b.converted, by: [a.platform, b.platform], correction: \"holm\")",
            body: abTest),
        Builtin(
            "t_test", family: family,
            [
                .required("x"), .required("y"), .option("equal_var"), .option("level"), .option("by"),
                .option("correction"),
            ],
            doc:
                "Difference of means x − y: Welch's t-test (Student's with equal_var: true), df and the confidence interval; per segment with by: [key_x, key_y] and correction:.",
            example: "t_test(b.revenue, a.revenue)", body: tTest),
        Builtin(
            "adjust_p", family: family, [.required("p"), .option("method")],
            doc:
                "P-values of a family of tests adjusted for testing them all (statsmodels' multipletests): method \"holm\" (default), \"bonferroni\", \"fdr_bh\" or \"fdr_by\".",
            example: "adjust_p(segments.p_value, method: \"fdr_bh\")", body: adjustP),
        Builtin(
            "proportion_ci", family: family, [.required("k"), .optional("n"), .option("level"), .option("method")],
            doc:
                "Confidence interval of a proportion k / n (or of a 0/1 column): wilson, normal, agresti_coull or clopper_pearson.",
            example: "proportion_ci(48, 1000, method: \"wilson\")", body: proportion),
        Builtin(
            "cohen_h", family: family, [.required("p1"), .required("p2")],
            doc: "Cohen's h effect size of two proportions: 2·asin(√p1) − 2·asin(√p2).",
            example: "cohen_h(0.036, 0.034)"
        ) { _, args throws(RuntimeError) in
            let p1 = try args.number("p1"), p2 = try args.number("p2")
            return .number(try run(args) { () throws(MetricError) in try Experiments.cohenH(p1, p2) })
        },
        Builtin(
            "sample_size", family: family,
            [
                .option("baseline"), .option("mde"), .option("effect_size"), .option("alpha"), .option("power"),
                .option("ratio"), .option("test"), .option("alternative"),
            ],
            doc:
                "Users per group to detect an absolute lift mde over a baseline rate (z-test on Cohen's h), or a standardized effect_size (Cohen's d or h) with test: \"z\" or \"t\"; alternative: \"two-sided\", \"larger\" or \"smaller\".",
            example: "sample_size(baseline: 0.034, mde: 0.004, power: 0.8)", body: sampleSize),
        Builtin(
            "power", family: family,
            [
                .option("effect_size"), .option("n"), .option("alpha"), .option("ratio"), .option("test"),
                .option("alternative"),
            ],
            doc:
                "Power of a two-sample test of a standardized effect_size (Cohen's h or d) with n users in group A (n·ratio in B): test: \"z\" (normal, default) or \"t\" (noncentral t), alternative: \"two-sided\", \"larger\" or \"smaller\".",
            example: "power(effect_size: cohen_h(0.038, 0.034), n: 20000)"
        ) { _, args throws(RuntimeError) in
            let h = try args.number("effect_size"), n = try args.number("n")
            let alpha = try args.number("alpha", default: 0.05), ratio = try args.number("ratio", default: 1)
            let (test, alternative) = try powerOptions(args)
            return .number(
                try run(args) { () throws(MetricError) in
                    try Experiments.power(
                        effectSize: h, n: n, alpha: alpha, ratio: ratio, test: test, alternative: alternative)
                })
        },
        Builtin(
            "detectable_effect", family: family,
            [
                .option("n"), .option("alpha"), .option("power"), .option("ratio"), .option("test"),
                .option("alternative"), .option("baseline"),
            ],
            doc:
                "The smallest standardized effect (Cohen's d or h) a test of n users in group A (n·ratio in B) detects with the given power; with baseline: also as an absolute lift of that rate.",
            example: "detectable_effect(n: 20000, baseline: 0.034, power: 0.8)", body: detectableEffect),
        Builtin(
            "correlation", family: family, [.required("x"), .required("y"), .option("method"), .option("level")],
            doc:
                "Pearson (default) or Spearman correlation with its two-sided p-value (and, for Pearson, the Fisher confidence interval).",
            example: "correlation(history.offline_auc, history.online_conversion)", body: correlation),
        Builtin(
            "linear_fit", family: family, [.required("x"), .required("y")],
            doc:
                "Least-squares line y = intercept + slope·x: slope, intercept, r², p-value, standard errors, and a predict function.",
            example: "linear_fit(history.offline_auc, history.online_conversion).predict(0.82)", body: linearFit),
    ]

    /// Runs a kernel; its errors name arguments by their language names already.
    static func run<T>(_ args: Arguments, _ body: () throws(MetricError) -> T) throws(RuntimeError) -> T {
        try CurveBuiltins.run(args, body)
    }

    static func warn(_ interpreter: inout Interpreter, _ args: Arguments, _ warnings: [MetricWarning]) {
        for w in warnings { interpreter.warn(w, args) }
    }

    static func abTest(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let level = try args.number("level", default: 0.95)
        let correction = try SegmentedTests.correction(args)
        if args.has("by") {
            return try abTestBySegment(&interpreter, args, level: level, correction: correction)
        }
        let (ca, na, cb, nb): (Double, Double, Double, Double)
        if Self.isSample(args.value("conv_a")) {
            // Two 0/1 columns: A (control) and B.
            guard !args.has("conv_b"), !args.has("n_b") else {
                throw .invalidArgument(
                    "give either two 0/1 columns, ab_test(a, b), or four counts, ab_test(conv_a, n_a, conv_b, n_b)",
                    args.callSpan)
            }
            let a = try MetricInputs.zeroOne(args, "conv_a"), b = try MetricInputs.zeroOne(args, "n_a")
            (ca, na, cb, nb) = (a.reduce(0, +), Double(a.count), b.reduce(0, +), Double(b.count))
        } else {
            (ca, na, cb, nb) = (
                try args.number("conv_a"), try args.number("n_a"), try args.number("conv_b"), try args.number("n_b")
            )
        }
        let r = try run(args) { () throws(MetricError) in
            try Experiments.abTest(conversionsA: ca, nA: na, conversionsB: cb, nB: nb, level: level)
        }
        warn(&interpreter, args, r.warnings)
        var record = Record()
        record["verdict"] = .string(Verdict.abTest(r))
        record["rate_a"] = .number(r.rateA)
        record["rate_b"] = .number(r.rateB)
        record["estimate"] = .number(r.difference)
        record["relative_lift"] = number(r.relativeLift)
        record["ci_low"] = .number(r.ciLow)
        record["ci_high"] = .number(r.ciHigh)
        record["statistic"] = number(r.statistic)
        record["p_value"] = number(r.pValue)
        record["level"] = .number(r.level)
        record["n_a"] = .number(na)
        record["n_b"] = .number(nb)
        return .record(record)
    }

    static func tTest(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let x = try MetricInputs.numbers(args, "x"), y = try MetricInputs.numbers(args, "y")
        let equal = try args.bool("equal_var", default: false), level = try args.number("level", default: 0.95)
        let correction = try SegmentedTests.correction(args)
        if args.has("by") {
            return try tTestBySegment(&interpreter, args, x, y, equal: equal, level: level, correction: correction)
        }
        let r = try run(args) { () throws(MetricError) in
            try Experiments.tTest(x: x, y: y, equalVariance: equal, level: level)
        }
        warn(&interpreter, args, r.warnings)
        var record = Record()
        record["verdict"] = .string(Verdict.tTest(r, welch: !equal))
        record["estimate"] = .number(r.estimate)
        record["ci_low"] = number(r.ciLow)
        record["ci_high"] = number(r.ciHigh)
        record["statistic"] = number(r.statistic)
        record["df"] = number(r.df)
        record["p_value"] = number(r.pValue)
        record["mean_x"] = .number(r.meanX)
        record["mean_y"] = .number(r.meanY)
        record["level"] = .number(r.level)
        return .record(record)
    }

    static func adjustP(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let name = try args.choice("method", PValueCorrection.allCases.map(\.rawValue), default: "holm")
        let method = PValueCorrection(rawValue: name) ?? .holm
        let p = try MetricInputs.numbers(args, "p")
        let adjusted = try run(args) { () throws(MetricError) in try Experiments.adjustP(p, method: method) }
        return .column(Column(numbers: adjusted))
    }

    static func proportion(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let k: Double, n: Double
        if Self.isSample(args.value("k")) {
            let values = try MetricInputs.zeroOne(args, "k")
            (k, n) = (values.reduce(0, +), Double(values.count))
        } else {
            (k, n) = (try args.number("k"), try args.number("n"))
        }
        let level = try args.number("level", default: 0.95)
        let name = try args.choice("method", ProportionMethod.allCases.map(\.rawValue), default: "wilson")
        let method = ProportionMethod(rawValue: name) ?? .wilson
        let r = try run(args) { () throws(MetricError) in
            try Experiments.proportionInterval(successes: k, trials: n, level: level, method: method)
        }
        var record = Record()
        record["estimate"] = .number(r.estimate)
        record["low"] = .number(r.low)
        record["high"] = .number(r.high)
        record["level"] = .number(r.level)
        record["method"] = .string(r.method.rawValue)
        return .record(record)
    }

    static func correlation(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let x = try MetricInputs.numbers(args, "x"), y = try MetricInputs.numbers(args, "y")
        let name = try args.choice("method", CorrelationMethod.allCases.map(\.rawValue), default: "pearson")
        let method = CorrelationMethod(rawValue: name) ?? .pearson
        let level = try args.number("level", default: 0.95)
        let r = try run(args) { () throws(MetricError) in
            try Experiments.correlation(x, y, method: method, level: level)
        }
        warn(&interpreter, args, r.warnings)
        var record = Record()
        record["estimate"] = number(r.estimate)
        record["p_value"] = number(r.pValue)
        if method == .pearson {
            record["ci_low"] = number(r.ciLow)
            record["ci_high"] = number(r.ciHigh)
        }
        record["n"] = .number(Double(r.n))
        record["method"] = .string(r.method.rawValue)
        return .record(record)
    }

    static func linearFit(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let x = try MetricInputs.numbers(args, "x"), y = try MetricInputs.numbers(args, "y")
        let r = try run(args) { () throws(MetricError) in try Experiments.linearFit(x, y) }
        warn(&interpreter, args, r.warnings)
        var record = Record()
        record["slope"] = number(r.slope)
        record["intercept"] = number(r.intercept)
        record["r_squared"] = number(r.rSquared)
        record["r"] = number(r.r)
        record["p_value"] = number(r.pValue)
        record["stderr"] = number(r.stderr)
        record["intercept_stderr"] = number(r.interceptStderr)
        record["n"] = .number(Double(r.n))
        if let slope = r.slope, let intercept = r.intercept {
            record["predict"] = .function(.lambda(predictor(slope: slope, intercept: intercept, span: args.callSpan)))
        } else {
            record["predict"] = .null
        }
        return .record(record)
    }

    /// `x => intercept + slope * x` with both numbers captured, so the prediction is a
    /// plain lambda: it works elementwise on columns and reads back in `:vars`.
    static func predictor(slope: Double, intercept: Double, span: SourceSpan) -> Lambda {
        func expr(_ kind: Expr.Kind) -> Expr { Expr(kind, span) }
        let body = expr(
            .binary(.add, expr(.name("intercept")), expr(.binary(.multiply, expr(.name("slope")), expr(.name("x"))))))
        return Lambda(
            parameters: ["x"], body: body, captured: ["intercept": .number(intercept), "slope": .number(slope)])
    }

    /// A column or list: the 0/1-column form of `ab_test` and `proportion_ci`.
    static func isSample(_ value: Value?) -> Bool {
        switch value {
        case .column?, .list?: true
        default: false
        }
    }

    static func number(_ x: Double?) -> Value {
        x.map(Value.number) ?? .null
    }
}
