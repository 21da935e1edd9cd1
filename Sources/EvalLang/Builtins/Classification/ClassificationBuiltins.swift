import EvalMetrics

/// Classification metrics (SPEC §5), matching scikit-learn.
enum ClassificationBuiltins {
    static let family = Family.classification

    static let all: [Builtin] = [
        MetricBuiltin.make(
            "accuracy", family: family, metric: .higherIsBetter, inputs: ["y", "yhat"],
            options: ["threshold", "pos_label"],
            doc: "Share of rows whose predicted label equals the true one; scores need threshold:.",
            example: "accuracy(t.late, t.p_late, threshold: 0.5)",
            prepare: { args throws(RuntimeError) in try MetricInputs.labelCodes(args) },
            kernel: { y, yhat, w throws(MetricError) in try Metrics.accuracy(y, yhat, weights: w) }),
        MetricBuiltin.make(
            "log_loss", family: family, metric: .lowerIsBetter, inputs: ["y", "p"], options: ["pos_label"],
            doc: "Binary cross-entropy of the positive-class probability p (clipped like scikit-learn).",
            example: "log_loss(t.late, t.p_late)",
            prepare: { args throws(RuntimeError) in
                if case .table? = args.value("p") {
                    throw .invalidArgument(
                        "`p` of `log_loss` is a table of class probabilities, and log_loss takes one probability per row, of the positive class",
                        args.span("p"),
                        help:
                            "for a probability table use cross_entropy(y, P), the multiclass log loss (scikit-learn's log_loss of a table)"
                    )
                }
                return try binaryScores(args)
            },
            kernel: { y, p, w throws(MetricError) in try Metrics.logLoss(y, p, weights: w) }),
        MetricBuiltin.sweep(
            "roc_auc", family: family, metric: .higherIsBetter,
            doc: "Area under the ROC curve of scores p; ties count one half (null with one class).",
            example: "roc_auc(t.late, t.p_late)"
        ) { _ throws(RuntimeError) in { sweep throws(MetricError) in sweep.rocAuc() } },
        MetricBuiltin.sweep(
            "average_precision", family: family, metric: .higherIsBetter,
            doc:
                "Average precision: precision at each positive, weighted by the recall it adds (scikit-learn's step sum).",
            example: "average_precision(t.fraud, t.p_fraud)"
        ) { _ throws(RuntimeError) in { sweep throws(MetricError) in sweep.averagePrecision() } },
        MetricBuiltin.sweep(
            "pr_auc", family: family, metric: .higherIsBetter,
            doc: "Trapezoidal area under the precision-recall curve.",
            example: "pr_auc(t.fraud, t.p_fraud)"
        ) { _ throws(RuntimeError) in { sweep throws(MetricError) in sweep.prAuc() } },
        MetricBuiltin.sweep(
            "ks", family: family, metric: .higherIsBetter,
            doc: "Kolmogorov-Smirnov statistic: the largest gap |TPR − FPR| over all thresholds.",
            example: "ks(t.default, t.p_default)"
        ) { _ throws(RuntimeError) in { sweep throws(MetricError) in sweep.ks() } },
        MetricBuiltin.make(
            "brier", family: family, metric: .lowerIsBetter, inputs: ["y", "p"], options: ["pos_label"],
            doc: "Brier score: mean squared gap between the probability p and the 0/1 outcome.",
            example: "brier(t.late, t.p_late)",
            prepare: binaryScores,
            kernel: { y, p, w throws(MetricError) in try Metrics.brier(y, p, weights: w) }),
    ]

    /// 0/1 labels and numeric scores of equal length.
    @Sendable static func binaryScores(_ args: Arguments) throws(RuntimeError) -> (truth: [Double], predicted: [Double])
    {
        let y = try MetricInputs.binary(args)
        let p = try MetricInputs.numbers(args, "p")
        try MetricInputs.sameLength(args, "p", p.count, y.count)
        return (y, p)
    }
}
