// The two-sample t-test (Welch's by default; Student's with equal variances).

/// The readout of `Experiments.tTest`; differences are x − y (SPEC §5).
package struct TTestResult: Equatable, Sendable {
    /// (mean x − mean y) / standard error; nil when both samples are constant.
    package var statistic: Double?
    /// Two-sided p-value; nil exactly when `statistic` is.
    package var pValue: Double?
    /// Degrees of freedom: n_x + n_y − 2 (Student) or Welch–Satterthwaite's, which is
    /// undefined (nil) when both samples are constant.
    package var df: Double?
    /// mean x − mean y.
    package var estimate: Double
    /// Lower end of the interval for the difference of means; nil with `statistic`.
    package var ciLow: Double?
    /// Upper end of the interval for the difference of means; nil with `statistic`.
    package var ciHigh: Double?
    package var meanX: Double
    package var meanY: Double
    /// The confidence level of the interval.
    package var level: Double
    /// Why a field is nil, one clause each.
    package var warnings: [MetricWarning]
}

extension Experiments {
    /// The two-sample t-test of mean x − mean y, as scipy's `ttest_ind(x, y,
    /// equal_var=equalVariance)` with its `confidence_interval(confidence_level=level)`.
    ///
    /// Welch's test (`equalVariance: false`, the default) uses each sample's own
    /// variance and the Welch–Satterthwaite degrees of freedom; Student's pools them.
    /// The interval is estimate ± t-quantile · standard error at the same df. Each sample
    /// needs two values (a variance needs them). When both samples are constant the
    /// standard error is zero and the test is undefined: scipy returns ±inf or NaN,
    /// this returns nil with a warning. One constant sample is fine.
    package static func tTest(
        x: [Double], y: [Double], equalVariance: Bool = false, level: Double = 0.95
    ) throws(MetricError) -> TTestResult {
        try checkSample(x, name: .sample(0), needed: 2)
        try checkSample(y, name: .sample(1), needed: 2)
        try checkOpenUnit(level, name: .option(.level))
        let nx = Double(x.count)
        let ny = Double(y.count)
        let mx = moments(x)
        let my = moments(y)
        let estimate = mx.mean - my.mean
        var result = TTestResult(
            statistic: nil, pValue: nil, df: nil, estimate: estimate, ciLow: nil, ciHigh: nil,
            meanX: mx.mean, meanY: my.mean, level: level, warnings: []
        )
        if !estimate.isFinite || !mx.squares.isFinite || !my.squares.isFinite {
            result.warnings.append(MetricWarning.overflow)
            return result
        }

        let df: Double
        let standardError: Double
        if equalVariance {
            df = nx + ny - 2
            let pooled = (mx.squares + my.squares) / df
            standardError = (pooled * (1 / nx + 1 / ny)).squareRoot()
        } else {
            let vx = mx.squares / (nx - 1) / nx
            let vy = my.squares / (ny - 1) / ny
            standardError = (vx + vy).squareRoot()
            df = (vx + vy) * (vx + vy) / (vx * vx / (nx - 1) + vy * vy / (ny - 1))
        }
        if mx.constant && my.constant {
            if equalVariance { result.df = df }
            result.warnings.append(MetricWarning.constantSamples)
            return result
        }
        guard standardError > 0, standardError.isFinite, df.isFinite else {
            result.warnings.append(MetricWarning.overflow)
            return result
        }
        let t = estimate / standardError
        // scipy evaluates the interval at p = (1 − level)/2 on both sides; the upper end
        // by symmetry of the t distribution.
        let critical = StudentT.magnitude(forTail: (1 - level) / 2, df: df)
        result.statistic = t
        result.pValue = 2 * StudentT.tailProbability(t, df: df)
        result.df = df
        result.ciLow = estimate - critical * standardError
        result.ciHigh = estimate + critical * standardError
        return result
    }
}
