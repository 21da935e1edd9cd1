// Regression metrics: residual-based scores of numeric predictions.

extension Metrics {
    /// Mean absolute error, `Σ w·|y − ŷ| / Σ w` (scikit-learn's `mean_absolute_error`).
    package static func mae(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        return Summation.weightedMean(count: y.count, weights: weights) { abs(y[$0] - yhat[$0]) }
    }

    /// Mean squared error, `Σ w·(y − ŷ)² / Σ w` (scikit-learn's `mean_squared_error`).
    package static func mse(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        return meanSquaredError(y, yhat, weights: weights)
    }

    /// Root mean squared error, the square root of `mse` (scikit-learn's
    /// `root_mean_squared_error`, which also takes the root of the weighted mean).
    package static func rmse(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        var result = meanSquaredError(y, yhat, weights: weights)
        if let value = result.value {
            result.value = value.squareRoot()
        }
        return result
    }

    /// Coefficient of determination, `1 − Σ w(y − ŷ)² / Σ w(y − ȳ_w)²` (scikit-learn's
    /// `r2_score`).
    ///
    /// Negative when the predictions are worse than the weighted mean of `y`. With constant
    /// `y` the denominator is zero and R² is undefined: scikit-learn returns 1.0 or 0.0 by
    /// convention, which reads as a real score, so this returns nil with a warning instead.
    package static func r2(
        _ y: [Double], _ yhat: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.check(y: y, other: yhat, otherName: .prediction, weights: weights)
        let n = y.count
        let totalWeight = weights.map(Summation.sum) ?? Double(n)
        if totalWeight == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        // Decide constancy on the values themselves: a computed mean of equal values can
        // be off by one rounding, which would turn "undefined" into a huge negative R².
        if isConstant(y, weights: weights) {
            return .undefined(MetricWarning.constantTruthR2)
        }
        let residual: Double
        let mean: Double
        let total: Double
        if let weights {
            residual = Summation.sum(count: n) { weights[$0] * square(y[$0] - yhat[$0]) }
            mean = Summation.sum(count: n) { weights[$0] * y[$0] } / totalWeight
            total = Summation.sum(count: n) { weights[$0] * square(y[$0] - mean) }
        } else {
            residual = Summation.sum(count: n) { square(y[$0] - yhat[$0]) }
            mean = Summation.sum(y) / totalWeight
            total = Summation.sum(count: n) { square(y[$0] - mean) }
        }
        if total == 0 {
            return .undefined(MetricWarning.constantTruthR2)
        }
        return .defined(1 - residual / total)
    }

    // MARK: Helpers

    /// The weighted mean of squared residuals; input already validated.
    private static func meanSquaredError(
        _ y: [Double], _ yhat: [Double], weights: [Double]?
    ) -> MetricResult<Double> {
        Summation.weightedMean(count: y.count, weights: weights) { square(y[$0] - yhat[$0]) }
    }

    /// Whether every row that carries weight has the same `y`; zero-weight rows do not
    /// count, as they contribute nothing to the variance.
    static func isConstant(_ y: [Double], weights: [Double]?) -> Bool {
        guard let weights else {
            guard let first = y.first else { return true }
            return !y.contains { $0 != first }
        }
        var reference: Double?
        for i in y.indices where weights[i] != 0 {
            if let reference, y[i] != reference {
                return false
            }
            reference = y[i]
        }
        return true
    }

    @inline(__always)
    static func square(_ x: Double) -> Double { x * x }
}
