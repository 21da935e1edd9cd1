// Simple least-squares regression of y on x.

/// The readout of `Experiments.linearFit`.
package struct LinearFitResult: Equatable, Sendable {
    /// The fitted slope; nil when x is constant.
    package var slope: Double?
    /// The fitted intercept; nil when x is constant.
    package var intercept: Double?
    /// Pearson's r of x and y; nil when x or y is constant.
    package var r: Double?
    /// r²; nil with `r`.
    package var rSquared: Double?
    /// Two-sided p-value for "slope = 0"; nil with `r` and for two points.
    package var pValue: Double?
    /// Standard error of the slope; nil when x is constant and for two points.
    package var stderr: Double?
    /// Standard error of the intercept; nil with `stderr`.
    package var interceptStderr: Double?
    /// The number of points.
    package var n: Int
    /// Why a field is nil, one clause each.
    package var warnings: [MetricWarning]
}

extension Experiments {
    /// A least-squares line y ≈ intercept + slope·x, as scipy's `linregress(x, y)`.
    ///
    /// The p-value tests slope = 0 with t = r·√((n−2)/((1−r)(1+r))) on n − 2 df,
    /// including scipy's 1e-20 guard in the denominator, so a perfect fit gets a tiny
    /// positive p-value as in scipy rather than a division by zero. The slope's standard
    /// error is √(SSE / ((n−2)·Sxx)) with SSE summed from the residuals, the exact form of
    /// scipy's √((1 − r²)·Syy / Sxx / (n−2)) without its cancellation in 1 − r².
    ///
    /// Where scipy answers by convention, this answers undefined (SPEC §5's rule):
    /// - constant x: scipy raises; a slope through points stacked on one x is undefined
    ///   for the input rather than wrong input, like constant y in `r2`, so every field
    ///   is nil with a warning;
    /// - constant y: the line is flat and exact (slope 0, intercept y, standard errors 0)
    ///   but r, r² and the p-value are 0/0 (scipy's NaN);
    /// - two points: the line is exact but there are no residual degrees of freedom, so
    ///   the p-value and standard errors are nil (scipy reports p = 0 or 1 and 0).
    package static func linearFit(_ x: [Double], _ y: [Double]) throws(MetricError) -> LinearFitResult {
        try checkPaired(x, y, needed: 2)
        let count = x.count
        let n = Double(count)
        var result = LinearFitResult(
            slope: nil, intercept: nil, r: nil, rSquared: nil, pValue: nil, stderr: nil,
            interceptStderr: nil, n: count, warnings: []
        )
        let mx = moments(x)
        let my = moments(y)
        if mx.constant {
            result.warnings.append(MetricWarning.constantPredictorFit)
            return result
        }
        let sxx = mx.squares
        let syy = my.squares
        let sxy = Summation.sum(count: count) { (x[$0] - mx.mean) * (y[$0] - my.mean) }
        let slope = sxy / sxx
        let intercept = my.mean - slope * mx.mean
        guard slope.isFinite, intercept.isFinite, syy.isFinite else {
            result.warnings.append(MetricWarning.overflow)
            return result
        }
        result.slope = slope
        result.intercept = intercept

        let twoPoints = count == 2
        if my.constant {
            result.warnings.append(MetricWarning.constantResponseFit)
        } else {
            let r = min(max(sxy / (sxx * syy).squareRoot(), -1), 1)
            result.r = r
            result.rSquared = r * r
            if !twoPoints {
                let df = n - 2
                let guardTerm = 1e-20
                let t = r * (df / ((1 - r + guardTerm) * (1 + r + guardTerm))).squareRoot()
                result.pValue = 2 * StudentT.tailProbability(t, df: df)
            }
        }
        if twoPoints {
            result.warnings.append(MetricWarning.twoPointFit)
            return result
        }
        let df = n - 2
        let residualSquares = Summation.sum(count: count) { i in
            let residual = (y[i] - my.mean) - slope * (x[i] - mx.mean)
            return residual * residual
        }
        let stderr = (residualSquares / (df * sxx)).squareRoot()
        // scipy's √(ssxm + x̄²) with ssxm = Sxx/n, the biased variance of x.
        let interceptStderr = stderr * (sxx / n + mx.mean * mx.mean).squareRoot()
        result.stderr = finiteOrNil(stderr)
        result.interceptStderr = finiteOrNil(interceptStderr)
        if result.stderr == nil || result.interceptStderr == nil {
            result.warnings.append(MetricWarning.overflow)
        }
        return result
    }
}
