/// Descriptive statistics over present (non-missing) values.
///
/// Callers drop missing values first; every function here treats an empty input
/// as undefined and returns nil rather than a made-up 0.
package enum Descriptive {
    package static func sum(_ x: [Double]) -> Double { Summation.sum(x) }

    package static func mean(_ x: [Double]) -> Double? {
        x.isEmpty ? nil : Summation.sum(x) / Double(x.count)
    }

    /// Variance with `ddof` delta degrees of freedom (1 = sample variance, as pandas).
    ///
    /// Two passes, for accuracy: the mean first, then squared deviations.
    package static func variance(_ x: [Double], ddof: Int = 1) -> Double? {
        guard x.count > ddof, let m = mean(x) else { return nil }
        let ss = Summation.sum(count: x.count) { (x[$0] - m) * (x[$0] - m) }
        return ss / Double(x.count - ddof)
    }

    package static func std(_ x: [Double], ddof: Int = 1) -> Double? {
        variance(x, ddof: ddof).map { $0.squareRoot() }
    }

    package static func min(_ x: [Double]) -> Double? { x.min() }

    package static func max(_ x: [Double]) -> Double? { x.max() }

    /// The q-quantile with linear interpolation between order statistics
    /// (numpy's default "linear" method); `q` in [0, 1].
    package static func quantile(_ x: [Double], _ q: Double) -> Double? {
        quantiles(x, [q]).first ?? nil
    }

    /// Several quantiles from one sort.
    package static func quantiles(_ x: [Double], _ qs: [Double]) -> [Double?] {
        guard !x.isEmpty else { return qs.map { _ in nil } }
        let sorted = x.sorted()
        return qs.map { q -> Double? in
            guard q >= 0, q <= 1 else { return nil }
            let h = Double(sorted.count - 1) * q
            let lo = Int(h.rounded(.down))
            let hi = Swift.min(lo + 1, sorted.count - 1)
            let frac = h - Double(lo)
            if frac == 0 { return sorted[lo] }
            // numpy's _lerp: interpolate from the nearer end, so results match it bit for bit.
            let difference = sorted[hi] - sorted[lo]
            return frac >= 0.5 ? sorted[hi] - difference * (1 - frac) : sorted[lo] + difference * frac
        }
    }

    package static func median(_ x: [Double]) -> Double? { quantile(x, 0.5) }
}
