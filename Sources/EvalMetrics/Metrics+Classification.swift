// Classification metrics: label agreement, probabilistic loss and ranking quality.

import Foundation

extension Metrics {
    /// The fraction of rows whose predicted label code equals the true one, weighted by
    /// `weights` (scikit-learn's `accuracy_score`).
    ///
    /// Labels are codes compared for exact equality, so multiclass labels (0, 1, 2, ... or
    /// dictionary codes of string labels) work as well as binary ones.
    package static func accuracy(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult {
        try Validation.check(y: y, other: yhat, otherName: "yhat", weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { y[$0] == yhat[$0] ? 1 : 0 }
    }

    /// Binary log loss (cross-entropy) of `p`, the probability of class 1, against 0/1
    /// labels `y` (scikit-learn's `log_loss`).
    ///
    /// Clipping copies scikit-learn 1.9 exactly: it builds the two columns `[1 − p, p]`
    /// first and then clips both to `[ε, 1 − ε]` with ε the float64 machine epsilon, so a
    /// label-0 row scores `−log(clip(1 − p))`, not `−log(1 − clip(p))`. A probability of
    /// exactly 0 or 1 on the wrong side therefore costs `−log ε ≈ 36.04`, not infinity.
    /// Unlike scikit-learn, `y` holding a single class is fine: with `p` meaning P(y = 1)
    /// the loss is still well defined.
    package static func logLoss(
        _ y: [Double], _ p: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult {
        try Validation.checkProbabilities(y: y, p: p, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { i in
            let probabilityOfTruth = y[i] == 1 ? p[i] : 1 - p[i]
            return -log(clip(probabilityOfTruth))
        }
    }

    /// Area under the ROC curve of `scores` for 0/1 labels `y` (scikit-learn's
    /// `roc_auc_score` for binary input), with tied scores grouped into one ROC point.
    ///
    /// One descending sort, then one scan that accumulates weighted true and false
    /// positives and adds a trapezoid at each change of score. Grouping ties into one
    /// point averages them exactly as scikit-learn does: a tie between a positive and a
    /// negative counts one half. Undefined (nil with a warning) when `y` holds one class,
    /// or when one class carries no weight at all.
    package static func rocAuc(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult {
        try Validation.checkScores(y: y, scores: scores, weights: weights)
        // scikit-learn decides "one class" by presence, before looking at weights.
        let positives = y.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        if positives == 0 || positives == y.count {
            return .undefined(MetricWarning.oneClass)
        }
        if let weights, Summation.sum(weights) == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        let (order, keys) = RankSort.sorted(scores)
        var truePositives = 0.0
        var falsePositives = 0.0
        var previousTruePositives = 0.0
        var previousFalsePositives = 0.0
        // Twice the area in count units; normalised once at the end.
        var doubleArea = CompensatedSum()
        for k in order.indices {
            let i = order[k]
            let weight = weights?[i] ?? 1
            if y[i] == 1 {
                truePositives += weight
            } else {
                falsePositives += weight
            }
            // A ROC point closes only where the score changes, so ties form one segment.
            let closesGroup = k + 1 == keys.count || keys[k + 1] != keys[k]
            if closesGroup {
                doubleArea.add(
                    (falsePositives - previousFalsePositives) * (truePositives + previousTruePositives)
                )
                previousTruePositives = truePositives
                previousFalsePositives = falsePositives
            }
        }
        if truePositives == 0 {
            return .undefined(MetricWarning.noPositiveWeight)
        }
        if falsePositives == 0 {
            return .undefined(MetricWarning.noNegativeWeight)
        }
        return .defined(doubleArea.value / 2 / truePositives / falsePositives)
    }

    /// scikit-learn's clip of a probability to `[ε, 1 − ε]`, ε = float64 machine epsilon.
    @inline(__always)
    private static func clip(_ probability: Double) -> Double {
        let epsilon = Double.ulpOfOne
        return Swift.min(Swift.max(probability, epsilon), 1 - epsilon)
    }
}
