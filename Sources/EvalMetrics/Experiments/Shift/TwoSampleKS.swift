import Foundation

// Distribution-shift statistics: the two-sample Kolmogorov–Smirnov test, the 1-D
// Wasserstein distance and the population stability index (SPEC §5, "Experiments and
// uncertainty": `ks_2samp`, `wasserstein`, `psi`).

/// Namespace for the distribution-shift kernels over plain `[Double]` samples.
package enum Shift {}

/// Which p-value computation a two-sample KS test used.
package enum KSMethod: String, Equatable, Sendable {
    /// The exact null distribution of the statistic for these two sample sizes.
    case exact
    /// The finite-n Kolmogorov distribution at the effective sample size m·n/(m + n).
    case asymp
}

/// The readout of a two-sample Kolmogorov–Smirnov test, as scipy's `KstestResult`.
package struct KSResult: Equatable, Sendable {
    /// `D`, the largest absolute gap between the two empirical CDFs, in [0, 1].
    package var statistic: Double
    /// The two-sided p-value, in [0, 1].
    package var pValue: Double
    /// How `pValue` was computed; `exact` can fall back to `asymp` (see `ksTwoSample`).
    package var method: KSMethod
    /// The value where the gap `D` is reached (scipy's `statistic_location`).
    package var statisticLocation: Double
    /// +1 when `a`'s empirical CDF is above `b`'s at that value, −1 when below
    /// (scipy's `statistic_sign`).
    package var statisticSign: Int

    package init(statistic: Double, pValue: Double, method: KSMethod, statisticLocation: Double, statisticSign: Int) {
        self.statistic = statistic
        self.pValue = pValue
        self.method = method
        self.statisticLocation = statisticLocation
        self.statisticSign = statisticSign
    }
}

extension Shift {
    /// Samples up to this size get an exact p-value (scipy's `MAX_AUTO_N`).
    package static let ksExactMaxSize = 10_000

    /// Two-sample Kolmogorov–Smirnov test, two-sided, as `scipy.stats.ks_2samp(a, b)`
    /// with its defaults (`alternative='two-sided'`, `method='auto'`).
    ///
    /// The statistic is `D = max |F_a(x) − F_b(x)|` over the pooled values, with each
    /// empirical CDF counting values `≤ x`, so ties within and across the samples are
    /// handled as scipy does. scipy's 'auto' rules decide the p-value:
    /// - when both samples have at most 10,000 values the p-value is exact: `D` is first
    ///   snapped to the nearest multiple of 1/lcm(m, n) (and that snapped value is the
    ///   reported statistic), then the probability of a gap at least that large is counted
    ///   over lattice paths (Hodges' method for m = n, the inside method otherwise);
    /// - if that count is not a probability in [0, 1] (rounding can push it just above 1
    ///   when the answer is 1), scipy falls back to the asymptotic branch, and so does this;
    /// - larger samples use `kstwo.sf(D, round(m·n/(m + n)))`, the finite-n Kolmogorov
    ///   distribution at the effective size, rounded half to even like `numpy.round`.
    ///
    /// Infinite values are ordinary (extreme) values here. `method` says which branch
    /// produced the p-value.
    package static func ksTwoSample(_ a: [Double], _ b: [Double]) throws(MetricError) -> KSResult {
        if a.isEmpty { throw .tooFewValues(.sample(0), count: 0, needed: 1) }
        if b.isEmpty { throw .tooFewValues(.sample(1), count: 0, needed: 1) }
        try Validation.noMissing(a, name: .sample(0))
        try Validation.noMissing(b, name: .sample(1))

        let gap = largestGap(a.sorted(), b.sorted())
        let n1 = a.count
        let n2 = b.count
        var d = gap.statistic
        var method = KSMethod.asymp
        var pValue = 0.0
        if max(n1, n2) <= ksExactMaxSize {
            let exact = exactTwoSidedProbability(n1, n2, d: d)
            // The exact branch reports the snapped statistic even when it falls back.
            d = exact.statistic
            if let probability = exact.probability {
                method = .exact
                pValue = probability
            }
        }
        if method == .asymp {
            // m·n/(m + n) with the larger size first, in floating point as scipy.
            let m = Double(max(n1, n2))
            let n = Double(min(n1, n2))
            let effective = (m * n / (m + n)).rounded(.toNearestOrEven)
            pValue = Kolmogorov.twoSidedSurvival(n: effective, x: d)
            // An effective size below 1 needs m = n = 1, which the exact branch always
            // answers; scipy would give NaN, which this keeps out of results.
            if pValue.isNaN { pValue = 1 }
        }
        return KSResult(
            statistic: d, pValue: Kolmogorov.clip(pValue), method: method,
            statisticLocation: gap.location, statisticSign: gap.sign
        )
    }

    /// The largest gap between the empirical CDFs of two sorted samples, with where it
    /// occurs and its sign, in one merge scan.
    ///
    /// Mirrors scipy: the CDF difference `i/m − j/n` is evaluated at every pooled value
    /// (equal values give equal differences, so each distinct value is visited once);
    /// the largest positive and the largest negative difference are kept, the negative one
    /// clipped to [0, 1] after negation, and the negative one wins only when strictly
    /// larger. The location is the value numpy's `argmax` would report over the pooled
    /// array `sorted(a) ++ sorted(b)`: the first value of `a` reaching the extreme, else
    /// the first value of `b`.
    static func largestGap(_ a: [Double], _ b: [Double]) -> (statistic: Double, location: Double, sign: Int) {
        let n1 = Double(a.count)
        let n2 = Double(b.count)
        var maxDiff = -Double.infinity
        var minDiff = Double.infinity
        var maxLocation = (inA: Double?.none, inB: Double?.none)
        var minLocation = (inA: Double?.none, inB: Double?.none)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let value: Double
            if i < a.count, j < b.count {
                value = Swift.min(a[i], b[j])
            } else {
                value = i < a.count ? a[i] : b[j]
            }
            let inA = i < a.count && a[i] == value
            let inB = j < b.count && b[j] == value
            while i < a.count && a[i] == value { i += 1 }
            while j < b.count && b[j] == value { j += 1 }
            let diff = Double(i) / n1 - Double(j) / n2
            if diff > maxDiff {
                maxDiff = diff
                maxLocation = (inA ? value : nil, inB ? value : nil)
            } else if diff == maxDiff {
                if inA && maxLocation.inA == nil { maxLocation.inA = value }
                if inB && maxLocation.inB == nil { maxLocation.inB = value }
            }
            if diff < minDiff {
                minDiff = diff
                minLocation = (inA ? value : nil, inB ? value : nil)
            } else if diff == minDiff {
                if inA && minLocation.inA == nil { minLocation.inA = value }
                if inB && minLocation.inB == nil { minLocation.inB = value }
            }
        }
        let minS = Swift.min(Swift.max(-minDiff, 0), 1)
        if minS > maxDiff {
            return (minS, minLocation.inA ?? minLocation.inB ?? 0, -1)
        }
        return (maxDiff, maxLocation.inA ?? maxLocation.inB ?? 0, 1)
    }
}
