/// Experiment statistics (SPEC §5 "Experiments and uncertainty"): A/B tests, t-tests,
/// proportion intervals, effect sizes, power and sample size, correlation and linear fits.
///
/// Each function matches a scipy or statsmodels reference (named in its documentation) to
/// 1e-9 relative, and follows SPEC §5's two failure modes: wrong input throws
/// `MetricError`; valid input that leaves a quantity undefined gives nil for that field
/// with a warning naming the reason. Argument names in messages are the cell language's
/// (`conv_a`, `n_a`, `effect_size`, ...). All results are deterministic: sums run in
/// `Summation`'s fixed order and no randomness is involved.
package enum Experiments {}

/// Warning texts of the experiment statistics, so a condition reads the same everywhere.
package enum ExperimentWarning {
    package static let pooledRateZero =
        "conv_a and conv_b are both 0 (pooled rate 0), so the z statistic and p_value are undefined"
    package static let pooledRateOne =
        "every trial converted in both groups (pooled rate 1), so the z statistic and p_value are undefined"
    package static let zeroBaselineRate =
        "conv_a is 0, so the relative lift over group A is undefined"
    package static let constantSamples =
        "x and y are both constant (zero variance), so the t statistic, p_value and interval are undefined"
    package static let twoObservations =
        "with 2 observations there are no residual degrees of freedom, so p_value is undefined"
    package static let twoPointFit =
        "a line through 2 points leaves no residual degrees of freedom, so p_value and the standard errors are undefined"
    package static let constantYFit =
        "y is constant (zero variance), so r, r_squared and p_value are undefined"
    package static let constantXFit =
        "x is constant (zero variance), so the slope of a linear fit is undefined"
    package static let overflow =
        "the input values are too large (or too close together) for the result to be a finite number"

    /// A correlation with a constant input; `names` is "x", "y" or "x and y".
    package static func constantInput(_ names: String) -> String {
        "\(names) \(names.contains(" and ") ? "are" : "is") constant, so the correlation is undefined"
    }
}

// MARK: Input checks

extension Experiments {
    /// Throws for a missing (NaN) or infinite scalar argument.
    static func checkFinite(_ value: Double, name: String) throws(MetricError) {
        if value.isNaN {
            throw .missingValue(name: name, index: 0)
        }
        if !value.isFinite {
            throw .invalidParameter(name: name, value: value, expected: "a finite number")
        }
    }

    /// Throws unless `value` lies strictly between 0 and 1 (a confidence level, alpha,
    /// a power target).
    static func checkOpenUnit(_ value: Double, name: String) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value > 0 && value < 1) {
            throw .invalidParameter(name: name, value: value, expected: "in (0, 1)")
        }
    }

    /// Throws unless `value` is a proportion in [0, 1].
    static func checkProportion(_ value: Double, name: String) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value >= 0 && value <= 1) {
            throw .invalidParameter(name: name, value: value, expected: "a proportion in [0, 1]")
        }
    }

    /// Throws unless `value` is finite and above zero.
    static func checkPositive(_ value: Double, name: String) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value > 0) {
            throw .invalidParameter(name: name, value: value, expected: "greater than 0")
        }
    }

    /// Throws unless `trials` is a whole number ≥ 1 and `successes` a whole number in
    /// 0...trials; trials are checked first, since the bound for successes depends on them.
    static func checkCounts(
        successes: Double, successesName: String, trials: Double, trialsName: String
    ) throws(MetricError) {
        try checkFinite(trials, name: trialsName)
        try checkFinite(successes, name: successesName)
        if !(trials >= 1 && trials == trials.rounded()) {
            throw .invalidParameter(name: trialsName, value: trials, expected: "a whole number of at least 1")
        }
        if !(successes >= 0 && successes <= trials && successes == successes.rounded()) {
            throw .invalidParameter(
                name: successesName, value: successes,
                expected: "a whole number in 0...\(wholeNumber(trials)) (at most `\(trialsName)`)"
            )
        }
    }

    /// Throws for a sample with fewer than `needed` values, a missing value or an
    /// infinite one; the order matches `Validation.check` (size, missing, domain).
    static func checkSample(_ values: [Double], name: String, needed: Int) throws(MetricError) {
        if values.count < needed {
            throw .tooFewValues(name: name, count: values.count, needed: needed)
        }
        try Validation.noMissing(values, name: name)
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidValue(name: name, index: index, value: values[index], expected: "finite numbers")
        }
    }

    /// Throws for two paired samples of different lengths, then checks each.
    static func checkPaired(_ x: [Double], _ y: [Double], needed: Int) throws(MetricError) {
        if x.count != y.count {
            throw .unequalLengths(name: "x", count: x.count, other: "y", otherCount: y.count)
        }
        try checkSample(x, name: "x", needed: needed)
        try checkSample(y, name: "y", needed: needed)
    }

    /// A whole number as it prints in a message (`12`, not `12.0`).
    static func wholeNumber(_ value: Double) -> String {
        abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

// MARK: Shared arithmetic

extension Experiments {
    /// The mean and the sum of squared deviations of a sample, two-pass for accuracy.
    ///
    /// A constant sample reports exactly its value and 0: the computed mean of equal
    /// values can be off by one rounding, which would turn "zero variance" into a tiny
    /// positive one and a t statistic of 1e16 instead of "undefined".
    static func moments(_ values: [Double]) -> (mean: Double, squares: Double, constant: Bool) {
        guard let first = values.first else { return (.nan, .nan, true) }
        if !values.contains(where: { $0 != first }) {
            return (first, 0, true)
        }
        let mean = Summation.sum(values) / Double(values.count)
        let squares = Summation.sum(count: values.count) { (values[$0] - mean) * (values[$0] - mean) }
        return (mean, squares, false)
    }

    /// `value` when finite, otherwise nil; used where an overflow must not leak an
    /// infinity or NaN into a result (SPEC §5 forbids a silent NaN).
    static func finiteOrNil(_ value: Double) -> Double? {
        value.isFinite ? value : nil
    }
}
