import Foundation

// Conversion-rate statistics: the A/B test, binomial proportion intervals, Cohen's h.

/// The readout of `Experiments.abTest`; differences are B − A (SPEC §5).
package struct ABTestResult: Equatable, Sendable {
    /// conv_a / n_a.
    package var rateA: Double
    /// conv_b / n_b.
    package var rateB: Double
    /// rateB − rateA.
    package var difference: Double
    /// (rateB − rateA) / rateA; nil (with a warning) when rateA is 0.
    package var relativeLift: Double?
    /// The two-proportion z statistic with pooled variance; nil when the pooled rate is 0 or 1.
    package var statistic: Double?
    /// Two-sided p-value of `statistic`; nil exactly when `statistic` is.
    package var pValue: Double?
    /// Lower end of the Wald (unpooled) interval for B − A.
    package var ciLow: Double
    /// Upper end of the Wald (unpooled) interval for B − A.
    package var ciHigh: Double
    /// The confidence level of the interval.
    package var level: Double
    /// Why a field is nil, one clause each.
    package var warnings: [MetricWarning]
}

/// How `Experiments.proportionInterval` builds its interval; raw values are the cell
/// language's option names.
package enum ProportionMethod: String, CaseIterable, Sendable {
    case wilson
    case normal
    case agrestiCoull = "agresti_coull"
    case clopperPearson = "clopper_pearson"
}

/// The readout of `Experiments.proportionInterval`.
package struct ProportionInterval: Equatable, Sendable {
    /// successes / trials.
    package var estimate: Double
    package var low: Double
    package var high: Double
    package var level: Double
    package var method: ProportionMethod
}

extension Experiments {
    /// A two-group conversion test: the rates, their difference B − A, a pooled
    /// two-proportion z-test and a Wald interval for the difference.
    ///
    /// `statistic` and `pValue` are statsmodels' `proportions_ztest([conv_b, conv_a],
    /// [n_b, n_a])` (pooled variance, two-sided); the interval is
    /// `confint_proportions_2indep(conv_b, n_b, conv_a, n_a, method="wald",
    /// compare="diff", alpha=1-level)` (unpooled variance, not clipped to [−1, 1]).
    /// When no trial or every trial converted the pooled variance is zero: the z test is
    /// undefined (nil with a warning) while the interval is the point [0, 0].
    /// Counts must be whole numbers with 0 ≤ conversions ≤ n and n ≥ 1.
    package static func abTest(
        conversionsA: Double, nA: Double, conversionsB: Double, nB: Double, level: Double = 0.95
    ) throws(MetricError) -> ABTestResult {
        try checkCounts(successes: conversionsA, successesName: .successes(0), trials: nA, trialsName: .trials(0))
        try checkCounts(successes: conversionsB, successesName: .successes(1), trials: nB, trialsName: .trials(1))
        try checkOpenUnit(level, name: .option(.level))
        let rateA = conversionsA / nA
        let rateB = conversionsB / nB
        let difference = rateB - rateA
        var warnings: [MetricWarning] = []

        var relativeLift: Double?
        if rateA == 0 {
            warnings.append(MetricWarning.zeroBaselineRate)
        } else {
            relativeLift = difference / rateA
        }

        // Operand order follows statsmodels (group B first), so sums round identically.
        let pooled = (conversionsB + conversionsA) / (nB + nA)
        var statistic: Double?
        var pValue: Double?
        if pooled == 0 {
            warnings.append(MetricWarning.pooledRateZero)
        } else if pooled == 1 {
            warnings.append(MetricWarning.pooledRateOne)
        } else {
            let variance = pooled * (1 - pooled) * (1 / nB + 1 / nA)
            let z = difference / variance.squareRoot()
            statistic = z
            pValue = 2 * Normal.sf(abs(z))
        }

        let critical = Normal.upperQuantile((1 - level) / 2)
        let spread = critical * (rateB * (1 - rateB) / nB + rateA * (1 - rateA) / nA).squareRoot()
        return ABTestResult(
            rateA: rateA, rateB: rateB, difference: difference, relativeLift: relativeLift,
            statistic: statistic, pValue: pValue, ciLow: difference - spread, ciHigh: difference + spread,
            level: level, warnings: warnings
        )
    }

    /// A confidence interval for a binomial proportion, as statsmodels'
    /// `proportion_confint(successes, trials, alpha=1-level, method=...)` (`clopper_pearson`
    /// is its `"beta"`).
    ///
    /// Like statsmodels, `wilson`, `normal` and `agresti_coull` are clipped to [0, 1] (the
    /// latter two can cross the bounds near k = 0 or k = n), and `clopper_pearson` is the
    /// central exact interval with low = 0 at k = 0 and high = 1 at k = n (each other end
    /// still uses level/2 per tail, as statsmodels does). At k = 0 or k = n the `normal`
    /// interval has zero width, its known failure. Counts must be whole numbers.
    package static func proportionInterval(
        successes: Double, trials: Double, level: Double = 0.95, method: ProportionMethod = .wilson
    ) throws(MetricError) -> ProportionInterval {
        try checkCounts(successes: successes, successesName: .successes(nil), trials: trials, trialsName: .trials(nil))
        try checkOpenUnit(level, name: .option(.level))
        let k = successes
        let n = trials
        let estimate = k / n
        let tail = (1 - level) / 2
        var low: Double
        var high: Double
        switch method {
        case .normal:
            let spread = Normal.upperQuantile(tail) * (estimate * (1 - estimate) / n).squareRoot()
            low = estimate - spread
            high = estimate + spread
        case .agrestiCoull:
            let critical = Normal.upperQuantile(tail)
            let adjustedTrials = n + critical * critical
            let center = (k + critical * critical / 2) / adjustedTrials
            let spread = critical * (center * (1 - center) / adjustedTrials).squareRoot()
            low = center - spread
            high = center + spread
        case .wilson:
            let critical = Normal.upperQuantile(tail)
            let critical2 = critical * critical
            let denominator = 1 + critical2 / n
            let center = (estimate + critical2 / (2 * n)) / denominator
            let spread = critical * (estimate * (1 - estimate) / n + critical2 / (4 * n * n)).squareRoot() / denominator
            low = center - spread
            high = center + spread
        case .clopperPearson:
            // beta.ppf(tail, k, n − k + 1) and beta.isf(tail, k + 1, n − k); each tail is
            // passed exactly, so a bound near 0 keeps its relative precision.
            low =
                k == 0 ? 0 : SpecialFunctions.inverseIncompleteBeta(a: k, b: n - k + 1, lower: tail, upper: 1 - tail).x
            high =
                k == n ? 1 : SpecialFunctions.inverseIncompleteBeta(a: k + 1, b: n - k, lower: 1 - tail, upper: tail).x
        }
        if method != .clopperPearson {
            low = min(max(low, 0), 1)
            high = min(max(high, 0), 1)
        }
        return ProportionInterval(estimate: estimate, low: low, high: high, level: level, method: method)
    }

    /// Cohen's h, 2·asin(√p1) − 2·asin(√p2), the effect size of a difference between two
    /// proportions on the variance-stabilized scale (statsmodels' `proportion_effectsize`).
    package static func cohenH(_ p1: Double, _ p2: Double) throws(MetricError) -> Double {
        try checkProportion(p1, name: .sample(0))
        try checkProportion(p2, name: .sample(1))
        return 2 * (asin(p1.squareRoot()) - asin(p2.squareRoot()))
    }
}
