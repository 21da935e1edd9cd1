// Binary metrics of hard 0/1 predictions: precision, recall, F-scores and agreement.

extension Metrics {
    /// The weighted confusion counts `tp fp fn tn` of `yhat` against `y`, both 0/1.
    package static func confusion(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> BinaryConfusion {
        try BinaryConfusion(y, yhat, weights: weights)
    }

    /// `tp / (tp + fp)` (scikit-learn's `precision_score`).
    ///
    /// With nothing predicted positive it is undefined, or `zeroDivision` when that is given.
    package static func precision(
        _ y: [Double], _ yhat: [Double], zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try zeroDivisionValid(zeroDivision)
        return try BinaryConfusion(y, yhat, weights: weights).precision(zeroDivision: zeroDivision)
    }

    /// `tp / (tp + fn)` (scikit-learn's `recall_score`).
    ///
    /// With no positives in `y` it is undefined, or `zeroDivision` when that is given.
    package static func recall(
        _ y: [Double], _ yhat: [Double], zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try zeroDivisionValid(zeroDivision)
        return try BinaryConfusion(y, yhat, weights: weights).recall(zeroDivision: zeroDivision)
    }

    /// F-beta score (scikit-learn's `fbeta_score`); see `BinaryConfusion.fbeta`.
    package static func fbeta(
        _ y: [Double], _ yhat: [Double], beta: Double, zeroDivision: Double? = nil,
        weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try betaValid(beta)
        try zeroDivisionValid(zeroDivision)
        return try BinaryConfusion(y, yhat, weights: weights).fbeta(beta: beta, zeroDivision: zeroDivision)
    }

    /// F1, the harmonic mean of precision and recall (scikit-learn's `f1_score`).
    package static func f1(
        _ y: [Double], _ yhat: [Double], zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try fbeta(y, yhat, beta: 1, zeroDivision: zeroDivision, weights: weights)
    }

    /// `tn / (tn + fp)`, the recall of class 0 (scikit-learn's `recall_score` with `pos_label=0`).
    ///
    /// With no negatives in `y` it is undefined, or `zeroDivision`.
    package static func specificity(
        _ y: [Double], _ yhat: [Double], zeroDivision: Double? = nil, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try zeroDivisionValid(zeroDivision)
        return try BinaryConfusion(y, yhat, weights: weights).specificity(zeroDivision: zeroDivision)
    }

    /// The mean of recall and specificity (scikit-learn's `balanced_accuracy_score`).
    ///
    /// Undefined when `y` holds one class: scikit-learn then averages the one recall it
    /// has (and warns if `yhat` holds the other class), which is not a balanced score.
    package static func balancedAccuracy(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try BinaryConfusion(y, yhat, weights: weights).balancedAccuracy
    }

    /// Matthews correlation coefficient of 0/1 predictions (scikit-learn's
    /// `matthews_corrcoef`); undefined where `y` or `yhat` is constant.
    package static func mcc(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try BinaryConfusion(y, yhat, weights: weights).matrix.mcc
    }

    /// Cohen's kappa of 0/1 predictions against 0/1 labels (scikit-learn's
    /// `cohen_kappa_score`); with two classes every weighting gives the same value.
    package static func cohenKappa(
        _ y: [Double], _ yhat: [Double], weighting: KappaWeighting = .none, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try BinaryConfusion(y, yhat, weights: weights).matrix.cohenKappa(weighting: weighting)
    }

    // MARK: Option checks

    /// `zero_division` must be a number in [0, 1] (scikit-learn allows 0, 1 and NaN).
    package static func zeroDivisionValid(_ zeroDivision: Double?) throws(MetricError) {
        if let zeroDivision {
            try Validation.parameter(zeroDivision, name: .option(.zeroDivision), in: 0...1, requirement: .closedUnit)
        }
    }

    /// `beta` must be non-negative; +∞ is allowed and means recall, as in scikit-learn.
    package static func betaValid(_ beta: Double) throws(MetricError) {
        if !(beta >= 0) {
            throw .invalidParameter(.option(.beta), value: beta, .nonNegative)
        }
    }
}

extension BinaryConfusion {
    // Every ratio below is undefined when all weights are zero, whatever `zeroDivision`
    // says: that is an empty sample, not a zero division inside a real one.

    /// `tp / (tp + fp)`, or `zeroDivision`, or undefined when nothing is predicted positive.
    package func precision(zeroDivision: Double? = nil) -> MetricResult<Double> {
        if total == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        return Ratio.divide(tp, tp + fp, zeroDivision: zeroDivision, reason: MetricWarning.noPredictedPositive(.all))
    }

    /// `tp / (tp + fn)`, or `zeroDivision`, or undefined when `y` has no positive weight.
    package func recall(zeroDivision: Double? = nil) -> MetricResult<Double> {
        if total == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        return Ratio.divide(tp, tp + fn, zeroDivision: zeroDivision, reason: MetricWarning.noTruePositive(.all))
    }

    /// `tn / (tn + fp)`, or `zeroDivision`, or undefined when `y` has no negative weight.
    package func specificity(zeroDivision: Double? = nil) -> MetricResult<Double> {
        if total == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        return Ratio.divide(tn, tn + fp, zeroDivision: zeroDivision, reason: MetricWarning.noTrueNegative)
    }

    /// `(1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp)`, scikit-learn 1.9's form.
    ///
    /// It is defined (as 0) when precision is undefined but recall is 0; undefined (or
    /// `zeroDivision`) only when there are no true and no predicted positives. β = 0 is precision and β = +∞ recall, with their zero-division rules.
    package func fbeta(beta: Double, zeroDivision: Double? = nil) -> MetricResult<Double> {
        if total == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        return Ratio.fbeta(
            tp: tp, trueTotal: tp + fn, predictedTotal: tp + fp, beta: beta,
            zeroDivision: zeroDivision,
            reasons: (
                MetricWarning.noPredictedPositive(.all), MetricWarning.noTruePositive(.all),
                MetricWarning.noPositiveAtAll(.all)
            )
        )
    }

    /// The mean of recall and specificity; undefined when either class of `y` carries no
    /// weight (including when it is absent).
    package var balancedAccuracy: MetricResult<Double> {
        if positiveRows == 0 || negativeRows == 0 {
            return .undefined(MetricWarning.oneClass)
        }
        if total == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        guard let recall = recall().value, let specificity = specificity().value else {
            return .undefined(MetricWarning.classWithoutWeight)
        }
        return .defined((recall + specificity) / 2)
    }
}

/// The zero-division rule shared by precision, recall and F-scores.
enum Ratio {
    /// `numerator / denominator`; a zero denominator gives `zeroDivision` when given,
    /// else undefined with `reason` (scikit-learn's "warn" gives 0.0 with a warning).
    static func divide(
        _ numerator: Double, _ denominator: Double, zeroDivision: Double?, reason: MetricWarning
    ) -> MetricResult<Double> {
        if denominator == 0 {
            if let zeroDivision {
                return .defined(zeroDivision)
            }
            return .undefined(reason)
        }
        return .defined(numerator / denominator)
    }

    /// The F-beta ratio from counts; `reasons` are for precision, recall and F.
    static func fbeta(
        tp: Double, trueTotal: Double, predictedTotal: Double, beta: Double,
        zeroDivision: Double?, reasons: (precision: MetricWarning, recall: MetricWarning, f: MetricWarning)
    ) -> MetricResult<Double> {
        if beta == 0 {
            return divide(tp, predictedTotal, zeroDivision: zeroDivision, reason: reasons.precision)
        }
        if beta == .infinity {
            return divide(tp, trueTotal, zeroDivision: zeroDivision, reason: reasons.recall)
        }
        let beta2 = beta * beta
        return divide(
            (1 + beta2) * tp, beta2 * trueTotal + predictedTotal,
            zeroDivision: zeroDivision, reason: reasons.f
        )
    }
}
