// Scalar ranking metrics read off a `ScoreSweep` in one scan each.

extension ScoreSweep {
    /// Area under the ROC curve by the trapezoid rule over the sweep's points (scikit-
    /// learn's `roc_auc_score`); a tied run is one point, so ties count one half.
    package func rocAuc() -> MetricResult<Double> {
        if let problem = bothClassesProblem {
            return .undefined(problem)
        }
        var doubleArea = CompensatedSum()
        var previousTP = 0.0
        var previousFP = 0.0
        for k in thresholds.indices {
            doubleArea.add((falsePositives[k] - previousFP) * (truePositives[k] + previousTP))
            previousTP = truePositives[k]
            previousFP = falsePositives[k]
        }
        return .defined(doubleArea.value / 2 / positives / negatives)
    }

    /// Average precision, `Σ (R_k − R_{k−1})·P_k` over thresholds from the highest
    /// (scikit-learn's `average_precision_score`): a step sum, no interpolation.
    ///
    /// Defined with one class as long as `y` has positives (then it is 1); undefined
    /// when `y` has no positive samples, where scikit-learn warns and returns 0.
    package func averagePrecision() -> MetricResult<Double> {
        if let problem = positivesProblem {
            return .undefined(problem)
        }
        let total = positives
        var sum = CompensatedSum()
        var previousRecall = 0.0
        for k in thresholds.indices {
            let recall = truePositives[k] / total
            sum.add((recall - previousRecall) * precision(at: k))
            previousRecall = recall
        }
        // scikit-learn clips a rounding −0.0 to 0.
        return .defined(Swift.max(0, sum.value))
    }

    /// Area under the precision–recall curve by the trapezoid rule (scikit-learn's `auc(recall, precision)` on the
    /// full `precision_recall_curve`), including its end point at recall 0, precision 1.
    ///
    /// Unlike `averagePrecision` it interpolates linearly between points, which is optimistic; both are given
    /// because both are used.
    package func prAuc() -> MetricResult<Double> {
        if let problem = positivesProblem {
            return .undefined(problem)
        }
        let total = positives
        var doubleArea = CompensatedSum()
        var previousRecall = 0.0
        var previousPrecision = 1.0
        for k in thresholds.indices {
            let recall = truePositives[k] / total
            let precision = precision(at: k)
            doubleArea.add((recall - previousRecall) * (precision + previousPrecision))
            previousRecall = recall
            previousPrecision = precision
        }
        return .defined(doubleArea.value / 2)
    }

    /// The Kolmogorov–Smirnov statistic between the score distributions of positives and
    /// negatives, `max_k |TPR_k − FPR_k|` over the sweep's thresholds.
    ///
    /// Unweighted it equals scipy's `ks_2samp(scores[y == 1], scores[y == 0]).statistic`;
    /// with weights both distributions are weighted.
    package func ks() -> MetricResult<Double> {
        if let problem = bothClassesProblem {
            return .undefined(problem)
        }
        let p = positives
        let n = negatives
        var largest = 0.0
        for k in thresholds.indices {
            largest = Swift.max(largest, abs(truePositives[k] / p - falsePositives[k] / n))
        }
        return .defined(largest)
    }

    /// `tp / (tp + fp)` at point k, 0 where nothing is predicted (as scikit-learn).
    @inline(__always)
    func precision(at k: Int) -> Double {
        let predicted = truePositives[k] + falsePositives[k]
        return predicted == 0 ? 0 : truePositives[k] / predicted
    }
}

extension Metrics {
    /// Average precision of `scores` for 0/1 labels `y` (see `ScoreSweep.averagePrecision`).
    package static func averagePrecision(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ScoreSweep(y, scores, weights: weights).averagePrecision()
    }

    /// Area under the ROC curve (see `ScoreSweep.rocAuc`): the one implementation, which
    /// `roc_auc` runs through the sweep cache.
    package static func rocAuc(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ScoreSweep(y, scores, weights: weights).rocAuc()
    }

    /// Trapezoidal area under the PR curve (see `ScoreSweep.prAuc`).
    package static func prAuc(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ScoreSweep(y, scores, weights: weights).prAuc()
    }

    /// The KS statistic, max |TPR − FPR| (see `ScoreSweep.ks`).
    package static func ks(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ScoreSweep(y, scores, weights: weights).ks()
    }

    /// The Brier score, `Σ w·(y − p)² / Σ w` for 0/1 labels and probabilities of class 1
    /// (scikit-learn's `brier_score_loss`).
    package static func brier(
        _ y: [Double], _ p: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.checkProbabilities(y: y, p: p, weights: weights)
        // scikit-learn 1.9 scores the two columns [1 − p, p] against [1 − y, y] and halves
        // the sum; the same arithmetic keeps tiny probabilities bit-compatible.
        var result = Summation.weightedMean(count: y.count, weights: weights) {
            square((1 - y[$0]) - (1 - p[$0])) + square(y[$0] - p[$0])
        }
        result.value = result.value.map { $0 * 0.5 }
        return result
    }
}
