import Foundation

// Power, sample size and detectable effect of two-sample tests: the z-test on a
// standardized effect (Cohen's h for two proportions, Cohen's d for means; statsmodels'
// NormalIndPower) and the t-test on Cohen's d (statsmodels' TTestIndPower, whose power
// comes from the noncentral t distribution).

/// Which test a power calculation is for; raw values are the cell language's.
package enum PowerTest: String, CaseIterable, Sendable {
    /// The two-sample z-test (normal approximation), statsmodels' `NormalIndPower`.
    case z
    /// The two-sample t-test with pooled variance, statsmodels' `TTestIndPower`.
    case t
}

/// The alternative hypothesis of a test; raw values are statsmodels' (and the cell
/// language's) names.
package enum TestAlternative: String, CaseIterable, Sendable {
    /// A difference either way.
    case twoSided = "two-sided"
    /// B (or the first sample) above A: an increase.
    case larger
    /// B (or the first sample) below A: a decrease.
    case smaller
}

/// The readout of `Experiments.sampleSize`.
package struct SampleSizeResult: Equatable, Sendable {
    /// The standardized effect the sizes are for (Cohen's h between baseline + mde and
    /// baseline for two proportions).
    package var effectSize: Double
    /// The exact (real) size of group A at which the power equals the target.
    package var nA: Double
    /// nA · ratio, the size of group B.
    package var nB: Double
    /// nA rounded up: the smallest whole group A reaching the target power.
    ///
    /// A whole number held as a Double, so a tiny mde (needing 1e20 samples) cannot
    /// overflow an integer.
    package var nARoundedUp: Double
    /// nB rounded up.
    package var nBRoundedUp: Double
    /// Notes on the sizes: a t-test whose smallest size already has the power.
    package var warnings: [MetricWarning] = []
}

extension Experiments {
    /// The power of a two-sample test of standardized effect `effectSize` with `n`
    /// observations in group A and `n · ratio` in group B, as statsmodels'
    /// `NormalIndPower().power(effect_size, nobs1=n, alpha=alpha, ratio=ratio,
    /// alternative=...)` for `test: .z` and `TTestIndPower().power(...)` for `.t`.
    ///
    /// With the effective size m = 1/(1/n + 1/(n·ratio)) the z-test's statistic is
    /// normal with mean h√m: two-sided, power = P(Z > c − h√m) + P(Z < −c − h√m) at the
    /// upper alpha/2 point c; one-sided, only the tail of the alternative at the alpha
    /// point. The t-test's statistic is noncentral t with df = n + n·ratio − 2 and
    /// noncentrality d√m, against t critical values at that df. `n` may be fractional
    /// (it is a real in the power equation); ratio must be positive, and the t-test
    /// needs df > 0.
    package static func power(
        effectSize: Double, n: Double, alpha: Double = 0.05, ratio: Double = 1, test: PowerTest = .z,
        alternative: TestAlternative = .twoSided
    ) throws(MetricError) -> Double {
        try checkFinite(effectSize, name: .option(.effectSize))
        try checkPositive(n, name: .option(.n))
        try checkOpenUnit(alpha, name: .option(.alpha))
        try checkPositive(ratio, name: .option(.ratio))
        try checkDegreesOfFreedom(n: n, ratio: ratio, test: test)
        return powerAt(effectSize, n: n, alpha: alpha, ratio: ratio, test: test, alternative: alternative)
    }

    /// The sizes per group that give a z-test on Cohen's h the target power to detect a
    /// change from `baseline` to `baseline + mde` (SPEC §5's `sample_size`).
    ///
    /// The effect size is `cohenH(baseline + mde, baseline)`; then as
    /// `sampleSize(effectSize:...)` with `test: .z`. Errors: mde = 0 (no finite size
    /// detects no change; statsmodels raises too), baseline + mde outside [0, 1], and
    /// the errors of the effect-size form.
    package static func sampleSize(
        baseline: Double, mde: Double, alpha: Double = 0.05, power target: Double = 0.8, ratio: Double = 1,
        alternative: TestAlternative = .twoSided
    ) throws(MetricError) -> SampleSizeResult {
        try checkProportion(baseline, name: .option(.baseline))
        try checkFinite(mde, name: .option(.mde))
        if mde == 0 {
            throw .invalidParameter(.option(.mde), value: mde, .nonZero)
        }
        if !(baseline + mde >= 0 && baseline + mde <= 1) {
            throw .invalidParameter(.option(.mde), value: mde, .effectWithinUnit)
        }
        try checkAlternative(mde, name: .option(.mde), alternative)
        let effectSize = try cohenH(baseline + mde, baseline)
        return try sampleSize(
            effectSize: effectSize, alpha: alpha, power: target, ratio: ratio, test: .z, alternative: alternative)
    }

    /// The sizes per group that give a test of standardized effect `effectSize` the
    /// target power: the n solving `power(effectSize:n:...) = power`, as statsmodels'
    /// `solve_power(effect_size=..., nobs1=None, ...)` approximates it.
    ///
    /// statsmodels' root finder stops at xtol = 1e-5, so its answer differs from the
    /// exact root in about the fifth decimal; this one is exact to a few ulps (Brent's
    /// method to 4 ulps). For the z-test the power depends on n only through the shift
    /// |h|√m, which is found first and then inverted; the t-test's power also depends on
    /// n through df, so n itself is the unknown, searched from 2 (statsmodels' lower
    /// bound), and should 2 per group already reach the target the size is 2 with a
    /// note. Errors: a zero effect, an effect of the wrong sign for a one-sided
    /// alternative (the power then stays below alpha), a power target not above alpha
    /// (power at n → 0 is alpha), and a t-test effect too small for 1e15 observations.
    package static func sampleSize(
        effectSize: Double, alpha: Double = 0.05, power target: Double = 0.8, ratio: Double = 1,
        test: PowerTest = .z, alternative: TestAlternative = .twoSided
    ) throws(MetricError) -> SampleSizeResult {
        try checkFinite(effectSize, name: .option(.effectSize))
        if effectSize == 0 {
            throw .invalidParameter(.option(.effectSize), value: effectSize, .nonZero)
        }
        try checkAlternative(effectSize, name: .option(.effectSize), alternative)
        try checkTarget(alpha: alpha, power: target)
        try checkPositive(ratio, name: .option(.ratio))
        var warnings: [MetricWarning] = []
        let nA: Double
        switch test {
        case .z:
            let shift = shiftReaching(target, alpha: alpha, alternative: alternative)
            let effective = (shift / abs(effectSize)) * (shift / abs(effectSize))
            nA = effective * (1 + 1 / ratio)
        case .t:
            let gap = { (n: Double) in
                powerAt(effectSize, n: n, alpha: alpha, ratio: ratio, test: .t, alternative: alternative) - target
            }
            if gap(minimumTSize) >= 0 {
                nA = minimumTSize
                warnings.append(.sampleSizeAtMinimum(minimumTSize))
            } else {
                guard let high = bracketAbove(minimumTSize, limit: 1e15, gap) else {
                    throw .invalidParameter(.option(.effectSize), value: effectSize, .detectable)
                }
                nA = bracketedRoot(low: high / 2, high: high, gap)
            }
        }
        let nB = nA * ratio
        return SampleSizeResult(
            effectSize: effectSize, nA: nA, nB: nB, nARoundedUp: roundUp(nA), nBRoundedUp: roundUp(nB),
            warnings: warnings)
    }

    /// The smallest standardized effect a test with `n` observations in group A (and
    /// `n · ratio` in B) detects with the target power: the effect solving
    /// `power(effectSize:n:...) = power`, as statsmodels' `solve_power(effect_size=None,
    /// ...)` approximates it (to about 1e-6); exact to a few ulps here.
    ///
    /// Positive for the two-sided and "larger" alternatives, negative for "smaller".
    package static func detectableEffect(
        n: Double, alpha: Double = 0.05, power target: Double = 0.8, ratio: Double = 1, test: PowerTest = .z,
        alternative: TestAlternative = .twoSided
    ) throws(MetricError) -> Double {
        try checkPositive(n, name: .option(.n))
        try checkTarget(alpha: alpha, power: target)
        try checkPositive(ratio, name: .option(.ratio))
        try checkDegreesOfFreedom(n: n, ratio: ratio, test: test)
        let sign: Double = alternative == .smaller ? -1 : 1
        let effective = 1 / (1 / n + 1 / (n * ratio))
        switch test {
        case .z:
            return sign * shiftReaching(target, alpha: alpha, alternative: alternative) / effective.squareRoot()
        case .t:
            let gap = { (d: Double) in
                powerAt(sign * d, n: n, alpha: alpha, ratio: ratio, test: .t, alternative: alternative) - target
            }
            // Power grows without bound in |d| at any df > 0; 1e6 is far past any target.
            guard let high = bracketAbove(1 / 64, limit: 1e6, gap) else {
                throw .invalidParameter(.option(.n), value: n, .detectable)
            }
            return sign * bracketedRoot(low: 0, high: high, gap)
        }
    }

    /// The absolute change from `baseline` whose Cohen's h is `effectSize`: the rate
    /// sin²(asin √baseline + h/2) minus the baseline; nil (with a reason) when no rate in
    /// [0, 1] is that far from the baseline.
    package static func lift(baseline: Double, effectSize: Double) throws(MetricError) -> MetricResult<Double> {
        try checkProportion(baseline, name: .option(.baseline))
        try checkFinite(effectSize, name: .option(.effectSize))
        let angle = asin(baseline.squareRoot()) + effectSize / 2
        guard angle >= 0, angle <= Double.pi / 2 else { return .undefined(.noRateForEffect) }
        let rate = sin(angle) * sin(angle)
        return .defined(rate - baseline)
    }

    // MARK: Power functions

    /// A t-test's smallest group A searched for a size: statsmodels' lower bound.
    static let minimumTSize = 2.0

    /// The power at a valid input (no checks).
    static func powerAt(
        _ effectSize: Double, n: Double, alpha: Double, ratio: Double, test: PowerTest, alternative: TestAlternative
    ) -> Double {
        let effective = 1 / (1 / n + 1 / (n * ratio))
        let shift = effectSize * effective.squareRoot()
        switch test {
        case .z: return zPower(shift: shift, alpha: alpha, alternative: alternative)
        case .t: return tPower(nc: shift, df: n + n * ratio - 2, alpha: alpha, alternative: alternative)
        }
    }

    /// statsmodels' `normal_power`: the rejection regions of the alternative at shift h√m.
    static func zPower(shift: Double, alpha: Double, alternative: TestAlternative) -> Double {
        switch alternative {
        case .twoSided:
            let critical = Normal.upperQuantile(alpha / 2)
            let lowerCritical = Normal.quantile(alpha / 2)
            return Normal.sf(critical - shift) + Normal.cdf(lowerCritical - shift)
        case .larger: return Normal.sf(Normal.upperQuantile(alpha) - shift)
        case .smaller: return Normal.cdf(Normal.quantile(alpha) - shift)
        }
    }

    /// statsmodels' `ttest_power`: the rejection regions of the alternative under the
    /// noncentral t with noncentrality d√m.
    static func tPower(nc: Double, df: Double, alpha: Double, alternative: TestAlternative) -> Double {
        switch alternative {
        case .twoSided:
            let upper = NoncentralT.sf(StudentT.upperQuantile(alpha / 2, df: df), df: df, nc: nc)
            return upper + NoncentralT.cdf(StudentT.quantile(alpha / 2, df: df), df: df, nc: nc)
        case .larger: return NoncentralT.sf(StudentT.upperQuantile(alpha, df: df), df: df, nc: nc)
        case .smaller: return NoncentralT.cdf(StudentT.quantile(alpha, df: df), df: df, nc: nc)
        }
    }

    /// The shift |h|√m at which the z-test reaches `target`, in the alternative's
    /// direction: power at shift 0 is alpha < target, and at c + 40 it is 1 to double
    /// precision.
    static func shiftReaching(_ target: Double, alpha: Double, alternative: TestAlternative) -> Double {
        let sign: Double = alternative == .smaller ? -1 : 1
        let critical = Normal.upperQuantile(alternative == .twoSided ? alpha / 2 : alpha)
        return bracketedRoot(low: 0, high: critical + 40) { s in
            zPower(shift: sign * s, alpha: alpha, alternative: alternative) - target
        }
    }

    /// The first of `start`·2, `start`·4, … at which `gap` is not negative, or nil past
    /// `limit`: the upper end of a bracket for a power that grows with its argument.
    static func bracketAbove(_ start: Double, limit: Double, _ gap: (Double) -> Double) -> Double? {
        var high = 2 * start
        while gap(high) < 0 {
            high *= 2
            if high > limit { return nil }
        }
        return high
    }

    // MARK: Checks

    /// Throws unless alpha and the power target are in (0, 1) with power above alpha.
    static func checkTarget(alpha: Double, power target: Double) throws(MetricError) {
        try checkOpenUnit(alpha, name: .option(.alpha))
        try checkOpenUnit(target, name: .option(.power))
        if !(target > alpha) {
            throw .invalidParameter(.option(.power), value: target, .greaterThanAlpha(alpha))
        }
    }

    /// Throws for a one-sided alternative pointing away from the effect: its power stays
    /// below alpha at every size (statsmodels raises too).
    static func checkAlternative(
        _ effect: Double, name: MetricArgument, _ alternative: TestAlternative
    ) throws(MetricError) {
        switch alternative {
        case .larger where effect < 0: throw .invalidParameter(name, value: effect, .positiveForLarger)
        case .smaller where effect > 0: throw .invalidParameter(name, value: effect, .negativeForSmaller)
        default: break
        }
    }

    /// Throws for a t-test with no degrees of freedom: df = n + n·ratio − 2 must be positive.
    static func checkDegreesOfFreedom(n: Double, ratio: Double, test: PowerTest) throws(MetricError) {
        guard test == .t else { return }
        if !(n + n * ratio - 2 > 0) {
            throw .invalidParameter(.option(.n), value: n, .positiveDegreesOfFreedom(minimum: 2 / (1 + ratio)))
        }
    }

    /// Rounds up, treating a value within 1e-12 relative of a whole number as that number:
    /// the root is exact only to a few ulps, and 783.0000000000001 means 783, not 784.
    private static func roundUp(_ value: Double) -> Double {
        let nearest = value.rounded()
        if abs(value - nearest) <= 1e-12 * nearest {
            return nearest
        }
        return value.rounded(.up)
    }

    /// A root of `f` in [low, high], where f(low) and f(high) differ in sign, by Brent's
    /// method (the algorithm of scipy's `brentq`) run to a tolerance of 4 ulps.
    ///
    /// Inverse quadratic interpolation and secant steps when they make good progress,
    /// bisection otherwise, so the bracket always shrinks and the loop always ends.
    static func bracketedRoot(low: Double, high: Double, _ f: (Double) -> Double) -> Double {
        var previous = low
        var current = high
        var fPrevious = f(previous)
        var fCurrent = f(current)
        if fPrevious == 0 { return previous }
        if fCurrent == 0 { return current }
        var block = 0.0
        var fBlock = 0.0
        var stepPrevious = 0.0
        var stepCurrent = 0.0
        for _ in 0..<500 {
            if fPrevious != 0, fCurrent != 0, (fPrevious < 0) != (fCurrent < 0) {
                block = previous
                fBlock = fPrevious
                stepPrevious = current - previous
                stepCurrent = stepPrevious
            }
            if abs(fBlock) < abs(fCurrent) {
                previous = current
                current = block
                block = previous
                fPrevious = fCurrent
                fCurrent = fBlock
                fBlock = fPrevious
            }
            // The floor keeps the step positive should the iterate reach 0.
            let tolerance = 2 * Double.ulpOfOne * abs(current) + Double.leastNormalMagnitude
            let bisection = (block - current) / 2
            if fCurrent == 0 || abs(bisection) < tolerance {
                return current
            }
            if abs(stepPrevious) > tolerance, abs(fCurrent) < abs(fPrevious) {
                let trial: Double
                if previous == block {
                    trial = -fCurrent * (current - previous) / (fCurrent - fPrevious)
                } else {
                    let dPrevious = (fPrevious - fCurrent) / (previous - current)
                    let dBlock = (fBlock - fCurrent) / (block - current)
                    trial =
                        -fCurrent * (fBlock * dBlock - fPrevious * dPrevious)
                        / (dBlock * dPrevious * (fBlock - fPrevious))
                }
                if 2 * abs(trial) < min(abs(stepPrevious), 3 * abs(bisection) - tolerance) {
                    stepPrevious = stepCurrent
                    stepCurrent = trial
                } else {
                    stepPrevious = bisection
                    stepCurrent = bisection
                }
            } else {
                stepPrevious = bisection
                stepCurrent = bisection
            }
            previous = current
            fPrevious = fCurrent
            current += abs(stepCurrent) > tolerance ? stepCurrent : (bisection > 0 ? tolerance : -tolerance)
            fCurrent = f(current)
        }
        return current
    }
}
