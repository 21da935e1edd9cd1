import EvalData
import EvalMetrics
import OrderedCollections

/// Hard-prediction classification metrics: binary with 0/1, bool, `pos_label:` or
/// `threshold:`; multiclass with `average:` (SPEC §5 "Classification").
enum LabelMetricBuiltins {
    static let family = Family.classification
    static let labelOptions = ["threshold", "pos_label", "average", "zero_division"]

    /// Which per-class score a precision-like metric reads.
    enum Score {
        case precision, recall, fscore

        /// What a warning about one class's score calls it.
        var name: String {
            switch self {
            case .precision: "precision"
            case .recall: "recall"
            case .fscore: "the F-score"
            }
        }

        func of(_ s: ClassScores) -> MetricResult<Double> {
            switch self {
            case .precision: s.precision
            case .recall: s.recall
            case .fscore: s.fscore
            }
        }

        func of(_ s: AveragedScores) -> MetricResult<Double> {
            switch self {
            case .precision: s.precision
            case .recall: s.recall
            case .fscore: s.fscore
            }
        }
    }

    static func scoreMetric(_ name: String, _ score: Score, beta fixedBeta: Double?, doc: String, example: String)
        -> Builtin
    {
        let options = labelOptions + (fixedBeta == nil ? ["beta"] : [])
        let parameters =
            [Parameter.required("y"), .required("yhat")] + (options + ["weights", "by"]).map(Parameter.option)
        // Scores and agreement: more is better for every one of them.
        return Builtin(name, family: family, metric: .higherIsBetter, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let beta: Double
            if let fixedBeta { beta = fixedBeta } else { beta = try args.number("beta") }
            if case .table? = args.value("y") {
                return try MultilabelBuiltins.score(&interpreter, args, score, beta: beta)
            }
            let zero = try LabelInputs.zeroDivision(args)
            if let value = try thresholdFastPath(&interpreter, args, score, beta: beta, zero: zero) { return value }
            let labels = try LabelInputs.read(args)
            if labels.binary {
                let kernel: MetricBuiltin.Kernel = { y, yhat, w throws(MetricError) in
                    switch score {
                    case .precision: try Metrics.precision(y, yhat, zeroDivision: zero, weights: w)
                    case .recall: try Metrics.recall(y, yhat, zeroDivision: zero, weights: w)
                    case .fscore: try Metrics.fbeta(y, yhat, beta: beta, zeroDivision: zero, weights: w)
                    }
                }
                return try MetricBuiltin.apply(
                    kernel, labels.truth, labels.predicted, args: args, interpreter: &interpreter)
            }
            let k = labels.classCount
            let averageName = try LabelInputs.average(args)
            guard let average = Average(rawValue: averageName) else {
                return try perClass(labels, score: score, beta: beta, zero: zero, args: args, interpreter: &interpreter)
            }
            let names = labels.classNames
            let kernel: MetricBuiltin.Kernel = { y, yhat, w throws(MetricError) in
                let yi = y.map { Int($0) }, yh = yhat.map { Int($0) }
                var result: MetricResult<Double>
                switch score {
                case .precision:
                    result = try Metrics.precision(yi, yh, classes: k, average: average, zeroDivision: zero, weights: w)
                case .recall:
                    result = try Metrics.recall(yi, yh, classes: k, average: average, zeroDivision: zero, weights: w)
                case .fscore:
                    result = try Metrics.fbeta(
                        yi, yh, classes: k, beta: beta, average: average, zeroDivision: zero, weights: w)
                }
                return result
            }
            return try MetricBuiltin.apply(
                kernel, labels.truth, labels.predicted, args: args, classes: names, interpreter: &interpreter)
        }
    }

    /// Scores at a threshold against numeric labels, unweighted and ungrouped: counted in one fused pass without
    /// building the 0/1 decisions (F1 at 0.5 on millions of rows is the common case).
    ///
    /// Returns nil to take the general path, which also produces the detailed errors, whenever the input is
    /// anything but plain and valid.
    static func thresholdFastPath(
        _ interpreter: inout Interpreter, _ args: Arguments, _ score: Score,
        beta: Double, zero: Double?
    ) throws(RuntimeError) -> Value? {
        guard args.has("threshold"), !args.has("weights"), !args.has("by"), !args.has("pos_label"),
            !args.has("average"),
            case .column(let yc)? = args.value("y"), case .number(let y) = yc.storage, !yc.hasMissing,
            case .column(let sc)? = args.value("yhat"), case .number(let scores) = sc.storage, !sc.hasMissing,
            let threshold = args.value("threshold")?.number
        else { return nil }
        let confusion: BinaryConfusion
        do {
            try Metrics.betaValid(beta)
            try Metrics.zeroDivisionValid(zero)
            confusion = try BinaryConfusion(y, scores: scores, threshold: threshold)
        } catch {
            return nil
        }
        let kernel: MetricBuiltin.Kernel = { _, _, _ throws(MetricError) in
            switch score {
            case .precision: confusion.precision(zeroDivision: zero)
            case .recall: confusion.recall(zeroDivision: zero)
            case .fscore: confusion.fbeta(beta: beta, zeroDivision: zero)
            }
        }
        return try MetricBuiltin.evaluate(kernel, [], [], nil, args: args, group: nil, interpreter: &interpreter)
    }

    /// `average: "none"`: a record keyed by class.
    static func perClass(
        _ labels: LabelInputs, score: Score, beta: Double, zero: Double?, args: Arguments,
        interpreter: inout Interpreter
    ) throws(RuntimeError) -> Value {
        if args.has("by") {
            throw .invalidArgument(
                "`average: \"none\"` gives one value per class; it cannot be combined with `by:`", args.span("by"))
        }
        let weights = try MetricInputs.weights(args, count: labels.truth.count)
        let scores: [ClassScores]
        do throws(MetricError) {
            scores = try Metrics.perClass(
                labels.truth.map { Int($0) }, labels.predicted.map { Int($0) },
                classes: labels.classCount, beta: beta, zeroDivision: zero, weights: weights)
        } catch {
            throw args.metricError(error)
        }
        var record = Record()
        for s in scores {
            let result = score.of(s)
            if let warning = result.warning {
                interpreter.warn(warning, args, part: score.name, classes: labels.classNames)
            }
            let name = s.label < labels.classNames.count ? labels.classNames[s.label] : String(s.label)
            record[name] = result.value.map(Value.number) ?? .null
        }
        return .record(record)
    }

    /// A metric with a binary and a multiclass kernel and no further options.
    static func agreement(
        _ name: String, symmetric: Bool = false, doc: String, example: String, extra: [String] = [],
        binary: @escaping @Sendable (Arguments) throws(RuntimeError) -> MetricBuiltin.Kernel,
        multiclass: @escaping @Sendable (Arguments, Int) throws(RuntimeError) -> MetricBuiltin.Kernel
    ) -> Builtin {
        let parameters =
            [Parameter.required("y"), .required("yhat")]
            + (["threshold", "pos_label", "average"] + extra + ["weights", "by"]).map(Parameter.option)
        // Scores and agreement: more is better for every one of them.
        return Builtin(name, family: family, metric: .higherIsBetter, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let labels = try LabelInputs.read(args, symmetric: symmetric)
            let kernel = labels.binary ? try binary(args) : try multiclass(args, labels.classCount)
            return try MetricBuiltin.apply(
                kernel, labels.truth, labels.predicted, args: args, interpreter: &interpreter)
        }
    }

    static let all: [Builtin] = [
        scoreMetric(
            "precision", .precision, beta: 1,
            doc:
                "Share of predicted positives that are positive (multiclass: average: macro, micro, weighted or none).",
            example: "precision(t.churned, t.p_churn, threshold: 0.5)"),
        scoreMetric(
            "recall", .recall, beta: 1,
            doc:
                "Share of positives that are predicted positive (multiclass: average: macro, micro, weighted or none).",
            example: "recall(t.churned, t.p_churn, threshold: 0.5)"),
        scoreMetric(
            "f1", .fscore, beta: 1,
            doc: "Harmonic mean of precision and recall.",
            example: "f1(t.queue, t.predicted_queue, average: \"weighted\")"),
        scoreMetric(
            "fbeta", .fscore, beta: nil,
            doc: "F-score weighting recall beta times as much as precision.",
            example: "fbeta(t.fraud, t.flagged, beta: 2)"),
        agreement(
            "specificity", doc: "Share of negatives predicted negative (binary labels).",
            example: "specificity(t.churned, t.p_churn, threshold: 0.5)", extra: ["zero_division"],
            binary: { args throws(RuntimeError) in
                let zero = try LabelInputs.zeroDivision(args)
                return { y, yhat, w throws(MetricError) in
                    try Metrics.specificity(y, yhat, zeroDivision: zero, weights: w)
                }
            },
            multiclass: { args, _ throws(RuntimeError) in
                throw .invalidArgument(
                    "`specificity` is defined for binary labels", args.callSpan,
                    help: "say which label is positive with `pos_label:`")
            }),
        agreement(
            "balanced_accuracy", symmetric: true,
            doc: "Mean recall over the classes present in y (binary: mean of TPR and TNR).",
            example: "balanced_accuracy(t.queue, t.predicted_queue)",
            binary: { _ throws(RuntimeError) in
                { y, yhat, w throws(MetricError) in try Metrics.balancedAccuracy(y, yhat, weights: w) }
            },
            multiclass: { _, k throws(RuntimeError) in
                { y, yhat, w throws(MetricError) in try balancedAccuracy(y, yhat, classes: k, weights: w) }
            }),
        agreement(
            "mcc", symmetric: true, doc: "Matthews correlation coefficient between true and predicted labels.",
            example: "mcc(t.churned, t.p_churn, threshold: 0.5)",
            binary: { _ throws(RuntimeError) in
                { y, yhat, w throws(MetricError) in try Metrics.mcc(y, yhat, weights: w) }
            },
            multiclass: { _, k throws(RuntimeError) in
                { y, yhat, w throws(MetricError) in
                    try Metrics.mcc(y.map { Int($0) }, yhat.map { Int($0) }, classes: k, weights: w)
                }
            }),
    ]

    /// Multiclass balanced accuracy as scikit-learn: the mean recall of the classes in y.
    static func balancedAccuracy(_ y: [Double], _ yhat: [Double], classes: Int, weights: [Double]?) throws(MetricError)
        -> MetricResult<Double>
    {
        let scores = try Metrics.perClass(y.map { Int($0) }, yhat.map { Int($0) }, classes: classes, weights: weights)
        let recalls = scores.filter { $0.support > 0 }.compactMap(\.recall.value)
        guard !recalls.isEmpty else { return .undefined(.zeroWeights) }
        return .defined(Summation.sum(recalls) / Double(recalls.count))
    }
}
