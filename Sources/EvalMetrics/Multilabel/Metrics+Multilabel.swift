// Multilabel metrics: 0/1 indicator tables of rows × labels, truth against prediction.

/// How multilabel precision, recall and F-scores average (scikit-learn's `average=`).
package enum MultilabelAverage: String, Sendable, CaseIterable {
    /// Unweighted mean over every label column (all columns, present or not).
    case macro
    /// Ratio of counts summed over all labels.
    case micro
    /// Mean over labels weighted by their support.
    case weighted
    /// Per-row scores averaged over rows (with the sample weights).
    case samples
}

extension Metrics {
    /// Hamming loss, the weighted fraction of wrong label cells (scikit-learn's
    /// `hamming_loss`): `Σ_i w_i·d_i / (L·Σ w)` with d_i the wrong cells in row i.
    package static func hammingLoss(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try validateIndicators(y, yhat, weights: weights)
        let m = y.classes
        var result = Summation.weightedMean(count: y.rows, weights: weights) { r in
            var wrong = 0
            for c in 0..<m where y.values[r * m + c] != yhat.values[r * m + c] {
                wrong += 1
            }
            return Double(wrong)
        }
        result.value = result.value.map { $0 / Double(m) }
        return result
    }

    /// Subset accuracy, the weighted fraction of rows whose label sets match exactly
    /// (scikit-learn's `accuracy_score` on multilabel input).
    package static func subsetAccuracy(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try validateIndicators(y, yhat, weights: weights)
        let m = y.classes
        return Summation.weightedMean(count: y.rows, weights: weights) { r in
            for c in 0..<m where y.values[r * m + c] != yhat.values[r * m + c] {
                return 0
            }
            return 1
        }
    }

    /// Per-label precision, recall, F-beta and support over every label column
    /// (`average: "none"`); a label column counts as label code = column index.
    package static func multilabelPerClass(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, beta: Double = 1,
        zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> [ClassScores] {
        try betaValid(beta)
        try zeroDivisionValid(zeroDivision)
        try validateIndicators(y, yhat, weights: weights)
        return labelCounts(y, yhat, weights: weights).perClass(beta: beta, zeroDivision: zeroDivision)
    }

    /// Averaged multilabel precision, recall and F-beta (scikit-learn's
    /// `precision_recall_fscore_support` on indicator input).
    ///
    /// `samples` scores every row on its own label set and averages the rows; a row
    /// with nothing predicted (or nothing true) makes the average undefined unless
    /// `zeroDivision` is given, as a class does for `macro`.
    package static func multilabelScores(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, average: MultilabelAverage = .macro,
        beta: Double = 1, zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> AveragedScores {
        try betaValid(beta)
        try zeroDivisionValid(zeroDivision)
        try validateIndicators(y, yhat, weights: weights)
        let totalWeight = weights.map(Summation.sum) ?? Double(y.rows)
        if totalWeight == 0 {
            let undefined = MetricResult<Double>.undefined(MetricWarning.zeroWeights)
            return AveragedScores(precision: undefined, recall: undefined, fscore: undefined, support: 0)
        }
        let counts = labelCounts(y, yhat, weights: weights)
        let support = Summation.sum(counts.trueTotals)
        switch average {
        case .micro:
            let tp = Summation.sum(counts.truePositives)
            let predicted = Summation.sum(counts.predictedTotals)
            return AveragedScores(
                precision: Ratio.divide(
                    tp, predicted, zeroDivision: zeroDivision, reason: MetricWarning.noPredictedPositive(.all)),
                recall: Ratio.divide(
                    tp, support, zeroDivision: zeroDivision, reason: MetricWarning.noTruePositive(.all)),
                fscore: Ratio.fbeta(
                    tp: tp, trueTotal: support, predictedTotal: predicted, beta: beta, zeroDivision: zeroDivision,
                    reasons: (
                        MetricWarning.noPredictedPositive(.all), MetricWarning.noTruePositive(.all),
                        MetricWarning.noPositiveAtAll(.all)
                    )
                ),
                support: support
            )
        case .macro, .weighted:
            let scores = counts.perClass(beta: beta, zeroDivision: zeroDivision)
            let labelWeights = average == .weighted ? scores.map(\.support) : nil
            return AveragedScores(
                precision: Ratio.mean(scores.map(\.precision), weights: labelWeights),
                recall: Ratio.mean(scores.map(\.recall), weights: labelWeights),
                fscore: Ratio.mean(scores.map(\.fscore), weights: labelWeights),
                support: support
            )
        case .samples:
            let rows = sampleScores(y, yhat, beta: beta, zeroDivision: zeroDivision)
            return AveragedScores(
                precision: Ratio.mean(rows.map(\.precision), weights: weights),
                recall: Ratio.mean(rows.map(\.recall), weights: weights),
                fscore: Ratio.mean(rows.map(\.fscore), weights: weights),
                support: support
            )
        }
    }

    // MARK: Helpers

    /// Both tables have the same shape and hold only 0 and 1; weights fit the rows.
    private static func validateIndicators(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, weights: [Double]?
    ) throws(MetricError) {
        if yhat.classes != y.classes {
            throw .invalidParameter(
                .prediction, value: Double(yhat.classes), .tableWidth(labels: y.classes)
            )
        }
        if yhat.rows != y.rows {
            throw .lengthMismatch(.prediction, count: yhat.rows, expected: y.rows)
        }
        if let weights, weights.count != y.rows {
            throw .lengthMismatch(.weights, count: weights.count, expected: y.rows)
        }
        if y.rows == 0 {
            throw .empty
        }
        try Validation.noMissing(y.values, name: .truth)
        try Validation.noMissing(yhat.values, name: .prediction)
        try Validation.binaryValues(y.values, name: .truth)
        try Validation.binaryValues(yhat.values, name: .prediction)
        try Validation.weightsValid(weights)
    }

    /// Per-label weighted counts, as a confusion summary every label column belongs to.
    private static func labelCounts(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, weights: [Double]?
    ) -> LabelCounts {
        let m = y.classes
        var tp = [CompensatedSum](repeating: CompensatedSum(), count: m)
        var truth = tp
        var predicted = tp
        for r in 0..<y.rows {
            let w = weights?[r] ?? 1
            for c in 0..<m {
                let t = y.values[r * m + c]
                let p = yhat.values[r * m + c]
                tp[c].add(w * t * p)
                truth[c].add(w * t)
                predicted[c].add(w * p)
            }
        }
        return LabelCounts(
            truePositives: tp.map(\.value), trueTotals: truth.map(\.value), predictedTotals: predicted.map(\.value)
        )
    }

    /// Each row's precision, recall and F-beta on its own label set (unweighted counts).
    private static func sampleScores(
        _ y: ProbabilityTable, _ yhat: ProbabilityTable, beta: Double, zeroDivision: Double?
    ) -> [ClassScores] {
        let m = y.classes
        return (0..<y.rows).map { r in
            var tp = 0.0, truth = 0.0, predicted = 0.0
            for c in 0..<m {
                let t = y.values[r * m + c]
                let p = yhat.values[r * m + c]
                tp += t * p
                truth += t
                predicted += p
            }
            let reasons = (
                MetricWarning.noPredictedPositive(.row(r)), MetricWarning.noTruePositive(.row(r)),
                MetricWarning.noPositiveAtAll(.row(r))
            )
            return ClassScores(
                label: r,
                precision: Ratio.divide(tp, predicted, zeroDivision: zeroDivision, reason: reasons.0),
                recall: Ratio.divide(tp, truth, zeroDivision: zeroDivision, reason: reasons.1),
                fscore: Ratio.fbeta(
                    tp: tp, trueTotal: truth, predictedTotal: predicted, beta: beta,
                    zeroDivision: zeroDivision, reasons: reasons
                ),
                support: truth
            )
        }
    }
}

/// Per-label weighted counts of a multilabel table pair.
struct LabelCounts {
    var truePositives: [Double]
    var trueTotals: [Double]
    var predictedTotals: [Double]

    /// Scores for every label column, as `ConfusionMatrix.perClass` gives them per class.
    func perClass(beta: Double, zeroDivision: Double?) -> [ClassScores] {
        truePositives.indices.map { c in
            let reasons = (
                MetricWarning.noPredictedPositive(.label(c)), MetricWarning.noTruePositive(.label(c)),
                MetricWarning.noPositiveAtAll(.label(c))
            )
            return ClassScores(
                label: c,
                precision: Ratio.divide(
                    truePositives[c], predictedTotals[c], zeroDivision: zeroDivision, reason: reasons.0),
                recall: Ratio.divide(truePositives[c], trueTotals[c], zeroDivision: zeroDivision, reason: reasons.1),
                fscore: Ratio.fbeta(
                    tp: truePositives[c], trueTotal: trueTotals[c], predictedTotal: predictedTotals[c], beta: beta,
                    zeroDivision: zeroDivision, reasons: reasons
                ),
                support: trueTotals[c]
            )
        }
    }
}
