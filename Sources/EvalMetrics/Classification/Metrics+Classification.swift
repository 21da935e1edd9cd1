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
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
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
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.checkProbabilities(y: y, p: p, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { i in
            let probabilityOfTruth = y[i] == 1 ? p[i] : 1 - p[i]
            return -log(clip(probabilityOfTruth))
        }
    }

    /// scikit-learn's clip of a probability to `[ε, 1 − ε]`, ε = float64 machine epsilon.
    @inline(__always)
    private static func clip(_ probability: Double) -> Double {
        let epsilon = Double.ulpOfOne
        return Swift.min(Swift.max(probability, epsilon), 1 - epsilon)
    }
}
