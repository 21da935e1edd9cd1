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

// MARK: Input checks

extension Experiments {
    /// Throws for a missing (NaN) or infinite scalar argument.
    static func checkFinite(_ value: Double, name: MetricArgument) throws(MetricError) {
        if value.isNaN {
            throw .missingValue(name, row: 0)
        }
        if !value.isFinite {
            throw .invalidParameter(name, value: value, .finite)
        }
    }

    /// Throws unless `value` lies strictly between 0 and 1 (a confidence level, alpha,
    /// a power target).
    static func checkOpenUnit(_ value: Double, name: MetricArgument) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value > 0 && value < 1) {
            throw .invalidParameter(name, value: value, .openUnit)
        }
    }

    /// Throws unless `value` is a proportion in [0, 1].
    static func checkProportion(_ value: Double, name: MetricArgument) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value >= 0 && value <= 1) {
            throw .invalidParameter(name, value: value, .proportion)
        }
    }

    /// Throws unless `value` is finite and above zero.
    static func checkPositive(_ value: Double, name: MetricArgument) throws(MetricError) {
        try checkFinite(value, name: name)
        if !(value > 0) {
            throw .invalidParameter(name, value: value, .greaterThan(0))
        }
    }

    /// Throws unless `trials` is a whole number ≥ 1 and `successes` a whole number in
    /// 0...trials; trials are checked first, since the bound for successes depends on them.
    static func checkCounts(
        successes: Double, successesName: MetricArgument, trials: Double, trialsName: MetricArgument
    ) throws(MetricError) {
        try checkFinite(trials, name: trialsName)
        try checkFinite(successes, name: successesName)
        if !(trials >= 1 && trials == trials.rounded()) {
            throw .invalidParameter(trialsName, value: trials, .wholeAtLeastOne)
        }
        if !(successes >= 0 && successes <= trials && successes == successes.rounded()) {
            throw .invalidParameter(
                successesName, value: successes, .wholeUpTo(trials, of: trialsName)
            )
        }
    }

    /// Throws for a sample with fewer than `needed` values, a missing value or an
    /// infinite one; the order matches `Validation.check` (size, missing, domain).
    static func checkSample(_ values: [Double], name: MetricArgument, needed: Int) throws(MetricError) {
        if values.count < needed {
            throw .tooFewValues(name, count: values.count, needed: needed)
        }
        try Validation.noMissing(values, name: name)
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidValue(name, row: index, value: values[index], .finite)
        }
    }

    /// Throws for two paired samples of different lengths, then checks each.
    static func checkPaired(_ x: [Double], _ y: [Double], needed: Int) throws(MetricError) {
        if x.count != y.count {
            throw .unequalLengths(.sample(0), count: x.count, other: .sample(1), otherCount: y.count)
        }
        try checkSample(x, name: .sample(0), needed: needed)
        try checkSample(y, name: .sample(1), needed: needed)
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
