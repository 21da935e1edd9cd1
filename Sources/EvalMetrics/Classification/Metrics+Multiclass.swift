// Multiclass metrics of class codes 0..<k: per-class scores, their averages, the report.

/// How per-class precision, recall and F-scores become one number (scikit-learn's
/// `average=`); `"none"` is `Metrics.perClass`.
package enum Average: String, Sendable, CaseIterable {
    /// Unweighted mean over the classes present in `y` or `yhat`.
    case macro
    /// Ratio of the summed counts; for single-label input every micro score is accuracy.
    case micro
    /// Mean over present classes weighted by support (true weight per class).
    case weighted
}

/// One class's scores: a row of `classification_report`.
package struct ClassScores: Equatable, Sendable {
    /// The class code.
    package var label: Int
    package var precision: MetricResult<Double>
    package var recall: MetricResult<Double>
    package var fscore: MetricResult<Double>
    /// The weight of rows truly in the class.
    package var support: Double
}

/// An averaged row of `classification_report` (macro or weighted).
package struct AveragedScores: Equatable, Sendable {
    package var precision: MetricResult<Double>
    package var recall: MetricResult<Double>
    package var fscore: MetricResult<Double>
    /// The total weight, as scikit-learn's report shows for average rows.
    package var support: Double
}

/// The data of scikit-learn's `classification_report(output_dict=True)`.
package struct ClassificationReport: Equatable, Sendable {
    /// One row per class present in `y` or `yhat`, ascending code.
    package var classes: [ClassScores]
    package var accuracy: MetricResult<Double>
    package var macro: AveragedScores
    package var weighted: AveragedScores
}

extension ConfusionMatrix {
    /// Precision, recall and F-beta of every present class (scikit-learn's
    /// `precision_recall_fscore_support(average=None)` with the default labels).
    ///
    /// A class never predicted has undefined precision, a class absent from `y`
    /// undefined recall; `zeroDivision` replaces both when given.
    package func perClass(beta: Double = 1, zeroDivision: Double? = nil) -> [ClassScores] {
        let trueTotals = self.trueTotals
        let predictedTotals = self.predictedTotals
        return labels.map { c in
            let tp = self[truth: c, predicted: c]
            let reasons = (
                MetricWarning.noPredictedPositive(.classCode(c)), MetricWarning.noTruePositive(.classCode(c)),
                MetricWarning.noPositiveAtAll(.classCode(c))
            )
            return ClassScores(
                label: c,
                precision: Ratio.divide(tp, predictedTotals[c], zeroDivision: zeroDivision, reason: reasons.0),
                recall: Ratio.divide(tp, trueTotals[c], zeroDivision: zeroDivision, reason: reasons.1),
                fscore: Ratio.fbeta(
                    tp: tp, trueTotal: trueTotals[c], predictedTotal: predictedTotals[c], beta: beta,
                    zeroDivision: zeroDivision, reasons: reasons
                ),
                support: trueTotals[c]
            )
        }
    }

    /// Averaged precision, recall and F-beta.
    ///
    /// Where scikit-learn would substitute 0 for an undefined class and warn, the average
    /// is undefined with that class's reason, unless `zeroDivision` is given. In a
    /// weighted average a class with zero support has zero weight and cannot spoil it.
    package func averaged(
        _ average: Average, beta: Double = 1, zeroDivision: Double? = nil
    ) -> AveragedScores {
        let total = self.total
        if total == 0 {
            let undefined = MetricResult<Double>.undefined(MetricWarning.zeroWeights)
            return AveragedScores(precision: undefined, recall: undefined, fscore: undefined, support: 0)
        }
        switch average {
        case .micro:
            // Every row is one true and one predicted label, so all totals are `total`.
            let tp = correct
            let reason = MetricWarning.zeroWeights
            return AveragedScores(
                precision: Ratio.divide(tp, total, zeroDivision: zeroDivision, reason: reason),
                recall: Ratio.divide(tp, total, zeroDivision: zeroDivision, reason: reason),
                fscore: Ratio.fbeta(
                    tp: tp, trueTotal: total, predictedTotal: total, beta: beta,
                    zeroDivision: zeroDivision, reasons: (reason, reason, reason)
                ),
                support: total
            )
        case .macro, .weighted:
            let scores = perClass(beta: beta, zeroDivision: zeroDivision)
            let weights = average == .weighted ? scores.map(\.support) : nil
            return AveragedScores(
                precision: Ratio.mean(scores.map(\.precision), weights: weights),
                recall: Ratio.mean(scores.map(\.recall), weights: weights),
                fscore: Ratio.mean(scores.map(\.fscore), weights: weights),
                support: total
            )
        }
    }

    /// The weight of correct rows over all the weight.
    package var accuracy: MetricResult<Double> {
        let total = self.total
        return total == 0 ? .undefined(MetricWarning.zeroWeights) : .defined(correct / total)
    }

    /// The data of `classification_report`: every class, accuracy, macro and weighted.
    package func report(zeroDivision: Double? = nil) -> ClassificationReport {
        ClassificationReport(
            classes: perClass(zeroDivision: zeroDivision),
            accuracy: accuracy,
            macro: averaged(.macro, zeroDivision: zeroDivision),
            weighted: averaged(.weighted, zeroDivision: zeroDivision)
        )
    }
}

extension Metrics {
    /// The weighted k×k confusion matrix of codes `y` against `yhat`.
    package static func confusionMatrix(
        _ y: [Int], _ yhat: [Int], classes: Int, weights: [Double]? = nil
    ) throws(MetricError) -> ConfusionMatrix {
        try ConfusionMatrix(y, yhat, classes: classes, weights: weights)
    }

    /// Multiclass precision with an average (scikit-learn's `precision_score`).
    package static func precision(
        _ y: [Int], _ yhat: [Int], classes: Int, average: Average = .macro,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try zeroDivisionValid(zeroDivision)
        return try ConfusionMatrix(y, yhat, classes: classes, weights: weights)
            .averaged(average, zeroDivision: zeroDivision).precision
    }

    /// Multiclass recall with an average (scikit-learn's `recall_score`).
    package static func recall(
        _ y: [Int], _ yhat: [Int], classes: Int, average: Average = .macro,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try zeroDivisionValid(zeroDivision)
        return try ConfusionMatrix(y, yhat, classes: classes, weights: weights)
            .averaged(average, zeroDivision: zeroDivision).recall
    }

    /// Multiclass F-beta with an average (scikit-learn's `fbeta_score`).
    package static func fbeta(
        _ y: [Int], _ yhat: [Int], classes: Int, beta: Double, average: Average = .macro,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try betaValid(beta)
        try zeroDivisionValid(zeroDivision)
        return try ConfusionMatrix(y, yhat, classes: classes, weights: weights)
            .averaged(average, beta: beta, zeroDivision: zeroDivision).fscore
    }

    /// Multiclass F1 with an average (scikit-learn's `f1_score`).
    package static func f1(
        _ y: [Int], _ yhat: [Int], classes: Int, average: Average = .macro,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try fbeta(y, yhat, classes: classes, beta: 1, average: average, zeroDivision: zeroDivision, weights: weights)
    }

    /// Per-class precision, recall, F-beta and support (`average: "none"`).
    package static func perClass(
        _ y: [Int], _ yhat: [Int], classes: Int, beta: Double = 1,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> [ClassScores] {
        try betaValid(beta)
        try zeroDivisionValid(zeroDivision)
        return try ConfusionMatrix(y, yhat, classes: classes, weights: weights)
            .perClass(beta: beta, zeroDivision: zeroDivision)
    }

    /// The data of scikit-learn's `classification_report`.
    package static func classificationReport(
        _ y: [Int], _ yhat: [Int], classes: Int, zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> ClassificationReport {
        try zeroDivisionValid(zeroDivision)
        return try ConfusionMatrix(y, yhat, classes: classes, weights: weights).report(zeroDivision: zeroDivision)
    }

    /// Multiclass accuracy of codes (scikit-learn's `accuracy_score`).
    package static func accuracy(
        _ y: [Int], _ yhat: [Int], classes: Int, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ConfusionMatrix(y, yhat, classes: classes, weights: weights).accuracy
    }

    /// Multiclass Matthews correlation coefficient (scikit-learn's `matthews_corrcoef`).
    package static func mcc(
        _ y: [Int], _ yhat: [Int], classes: Int, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ConfusionMatrix(y, yhat, classes: classes, weights: weights).mcc
    }

    /// Multiclass Cohen's kappa (scikit-learn's `cohen_kappa_score`).
    package static func cohenKappa(
        _ y: [Int], _ yhat: [Int], classes: Int, weighting: KappaWeighting = .none,
        weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ConfusionMatrix(y, yhat, classes: classes, weights: weights).cohenKappa(weighting: weighting)
    }
}

extension Ratio {
    /// The (weighted) mean of per-class results; undefined by the first undefined class
    /// that carries weight.
    static func mean(_ results: [MetricResult<Double>], weights: [Double]?) -> MetricResult<Double> {
        var values = [Double]()
        values.reserveCapacity(results.count)
        for (k, result) in results.enumerated() {
            if let value = result.value {
                values.append(value)
            } else if weights?[k] ?? 1 != 0, let warning = result.warning {
                return .undefined(warning)
            } else {
                values.append(0)
            }
        }
        guard let weights else {
            return .defined(Summation.sum(values) / Double(values.count))
        }
        let totalWeight = Summation.sum(weights)
        if totalWeight == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        return .defined(Summation.sum(count: values.count) { values[$0] * weights[$0] } / totalWeight)
    }
}
