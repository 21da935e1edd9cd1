import Foundation

// Power and sample size of the two-sided, two-sample z-test on Cohen's h.

/// The readout of `Experiments.sampleSize`.
package struct SampleSizeResult: Equatable, Sendable {
    /// Cohen's h between baseline + mde and baseline.
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
}

extension Experiments {
    /// The power of a two-sided two-sample z-test with standardized effect `effectSize`,
    /// `n` observations in group A and `n · ratio` in group B, as statsmodels'
    /// `NormalIndPower().power(effect_size, nobs1=n, alpha=alpha, ratio=ratio,
    /// alternative="two-sided")`.
    ///
    /// With the effective size m = 1/(1/n + 1/(n·ratio)) and c the upper alpha/2 normal
    /// quantile, power = P(Z > c − h√m) + P(Z < −c − h√m); the sign of h does not matter.
    /// `n` may be fractional (it is a real in the power equation); ratio must be positive.
    package static func power(
        effectSize: Double, n: Double, alpha: Double = 0.05, ratio: Double = 1
    ) throws(MetricError) -> Double {
        try checkFinite(effectSize, name: .option(.effectSize))
        try checkPositive(n, name: .option(.n))
        try checkOpenUnit(alpha, name: .option(.alpha))
        try checkPositive(ratio, name: .option(.ratio))
        let effective = 1 / (1 / n + 1 / (n * ratio))
        return powerAt(shift: effectSize * effective.squareRoot(), alpha: alpha)
    }

    /// The sizes per group that give a two-sided z-test on Cohen's h the target power to
    /// detect a change from `baseline` to `baseline + mde` (SPEC §5's `sample_size`).
    ///
    /// The effect size is `cohenH(baseline + mde, baseline)`; nA solves
    /// `power(effectSize:n:alpha:ratio:) = power` exactly (to a few ulps, by a bracketing
    /// root finder on the normal shift), which statsmodels'
    /// `NormalIndPower().solve_power(...)` approximates: its brentq stops at xtol = 1e-5,
    /// so its answer differs from the exact root in about the fifth decimal.
    /// Errors: mde = 0 (no finite size detects no change; statsmodels raises too),
    /// baseline + mde outside [0, 1], and a power target not above alpha (power at
    /// n → 0 is alpha, so no size would be needed or none would do).
    package static func sampleSize(
        baseline: Double, mde: Double, alpha: Double = 0.05, power target: Double = 0.8, ratio: Double = 1
    ) throws(MetricError) -> SampleSizeResult {
        try checkProportion(baseline, name: .option(.baseline))
        try checkFinite(mde, name: .option(.mde))
        if mde == 0 {
            throw .invalidParameter(.option(.mde), value: mde, .nonZero)
        }
        if !(baseline + mde >= 0 && baseline + mde <= 1) {
            throw .invalidParameter(.option(.mde), value: mde, .effectWithinUnit)
        }
        try checkOpenUnit(alpha, name: .option(.alpha))
        try checkOpenUnit(target, name: .option(.power))
        if !(target > alpha) {
            throw .invalidParameter(.option(.power), value: target, .greaterThanAlpha(alpha))
        }
        try checkPositive(ratio, name: .option(.ratio))
        let effectSize = try cohenH(baseline + mde, baseline)
        // power depends on n only through the shift s = |h|·√m; find s, then invert m.
        // powerAt(0) = alpha < target and powerAt(c + 40) = 1 to double precision.
        let critical = Normal.upperQuantile(alpha / 2)
        let shift = bracketedRoot(low: 0, high: critical + 40) { s in powerAt(shift: s, alpha: alpha) - target }
        let effective = (shift / abs(effectSize)) * (shift / abs(effectSize))
        let nA = effective * (1 + 1 / ratio)
        let nB = nA * ratio
        return SampleSizeResult(
            effectSize: effectSize, nA: nA, nB: nB, nARoundedUp: roundUp(nA), nBRoundedUp: roundUp(nB)
        )
    }

    /// statsmodels' `normal_power`, two-sided: both rejection regions at shift h√m.
    private static func powerAt(shift: Double, alpha: Double) -> Double {
        let critical = Normal.upperQuantile(alpha / 2)
        let lowerCritical = Normal.quantile(alpha / 2)
        return Normal.sf(critical - shift) + Normal.cdf(lowerCritical - shift)
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
