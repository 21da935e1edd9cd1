// More regression metrics: relative, robust, logarithmic and quantile errors.

import Foundation

extension Metrics {
    /// Mean absolute percentage error, `Σ w·|y − ŷ| / max(|y|, ε) / Σ w` with ε the float64
    /// machine epsilon (scikit-learn's `mean_absolute_percentage_error`).
    ///
    /// A fraction, not a percentage: 0.25 means 25 %. A zero `y` divides by ε, so the value
    /// is huge rather than undefined, exactly as in scikit-learn.
    package static func mape(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) {
            abs(yhat[$0] - y[$0]) / Swift.max(abs(y[$0]), Double.ulpOfOne)
        }
    }

    /// Median absolute error (scikit-learn's `median_absolute_error`); with weights, the
    /// weighted median as scikit-learn 1.9 takes it (see `WeightedMedian`).
    package static func medianAe(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        let errors = y.indices.map { abs(yhat[$0] - y[$0]) }
        guard let median = WeightedMedian.median(errors, weights: weights) else {
            return .undefined(MetricWarning.zeroWeights)
        }
        return .defined(median)
    }

    /// The largest absolute error (scikit-learn's `max_error`).
    ///
    /// scikit-learn takes no weights here; with weights, rows of zero weight are left
    /// out (they are "not in the sample"), and other weights do not change the maximum.
    package static func maxError(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        var largest: Double?
        for i in y.indices where (weights?[i] ?? 1) != 0 {
            let error = abs(y[i] - yhat[i])
            largest = Swift.max(largest ?? error, error)
        }
        guard let largest else { return .undefined(MetricWarning.zeroWeights) }
        return .defined(largest)
    }

    /// Explained variance, `1 − Var_w(y − ŷ) / Var_w(y)` with weighted population variances
    /// (scikit-learn's `explained_variance_score`).
    ///
    /// Unlike R², a constant bias in ŷ is not penalised. Constant `y` makes it undefined,
    /// as for `r2` (scikit-learn returns 1.0 or 0.0 there by convention).
    package static func explainedVariance(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        let n = y.count
        let totalWeight = weights.map(Summation.sum) ?? Double(n)
        if totalWeight == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        if isConstant(y, weights: weights) {
            return .undefined(MetricWarning.constantTruthExplainedVariance)
        }
        let w: (Int) -> Double = { weights?[$0] ?? 1 }
        let meanDifference = Summation.sum(count: n) { w($0) * (y[$0] - yhat[$0]) } / totalWeight
        let numerator =
            Summation.sum(count: n) {
                w($0) * square(y[$0] - yhat[$0] - meanDifference)
            } / totalWeight
        let mean = Summation.sum(count: n) { w($0) * y[$0] } / totalWeight
        let denominator = Summation.sum(count: n) { w($0) * square(y[$0] - mean) } / totalWeight
        if denominator == 0 {
            return .undefined(MetricWarning.constantTruthExplainedVariance)
        }
        return .defined(1 - numerator / denominator)
    }

    /// Mean squared logarithmic error, the mse of `log(1 + y)` against `log(1 + ŷ)`
    /// (scikit-learn's `mean_squared_log_error`); values at or below −1 are an error.
    package static func msle(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(
            y: y, other: yhat, otherName: .prediction, weights: weights,
            yValid: { $0 > -1 }, otherValid: { $0 > -1 }
        ) { () throws(MetricError) in
            try aboveMinusOne(y, name: .truth)
            try aboveMinusOne(yhat, name: .prediction)
        }
        return Summation.weightedMean(count: y.count, weights: weights) {
            square(log1p(y[$0]) - log1p(yhat[$0]))
        }
    }

    /// Root mean squared logarithmic error, the square root of `msle` (scikit-learn's
    /// `root_mean_squared_log_error`).
    package static func rmsle(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        var result = try msle(y, yhat, weights: weights)
        result.value = result.value.map { $0.squareRoot() }
        return result
    }

    /// Pinball (quantile) loss at level `alpha`: `α·(y − q)` where `y ≥ q`, else
    /// `(1 − α)·(q − y)`, averaged with weights (scikit-learn's `mean_pinball_loss`).
    ///
    /// `alpha` = 0.5 gives half the mae. `alpha` outside [0, 1] is an error.
    package static func pinball(
        _ y: [Double], _ q: [Double], alpha: Double = 0.5, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.parameter(alpha, name: .option(.alpha), in: 0...1, requirement: .closedUnit)
        try Validation.check(y: y, other: q, otherName: .prediction, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { i in
            let difference = y[i] - q[i]
            return difference >= 0 ? alpha * difference : (alpha - 1) * difference
        }
    }

    /// Huber loss with threshold `delta`: the weighted mean over rows of `½·r²` where
    /// `|r| ≤ δ` and `δ·(|r| − ½·δ)` elsewhere, with `r = y − ŷ`.
    ///
    /// scikit-learn has no Huber metric, so this is the definition (the loss that
    /// `HuberRegressor` and `SGDRegressor(loss="huber")` minimise, without their scale
    /// parameter): quadratic for small misses, linear for large ones, continuous with a
    /// continuous slope at `δ`. `delta` must be positive and finite (default 1).
    package static func huber(
        _ y: [Double], _ yhat: [Double], delta: Double = 1, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        if !(delta > 0 && delta.isFinite) {
            throw .invalidParameter(.option(.delta), value: delta, .positiveFinite)
        }
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { i in
            let r = abs(y[i] - yhat[i])
            return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta)
        }
    }

    /// Throws for the first value at or below −1, where `log(1 + x)` is not finite.
    private static func aboveMinusOne(_ values: [Double], name: MetricArgument) throws(MetricError) {
        if let index = values.firstIndex(where: { $0 <= -1 }) {
            throw .invalidValue(
                name, row: index, value: values[index], .aboveMinusOne
            )
        }
    }
}
