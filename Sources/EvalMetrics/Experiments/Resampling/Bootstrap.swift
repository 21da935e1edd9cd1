/// Bootstrap resampling: which rows each replicate draws, and the interval read from
/// the replicate values.
///
/// The statistic itself is whatever the caller computes on the resampled rows (a cell
/// language function); this type owns only what must be exactly reproducible.
package enum Bootstrap {
    /// The row indices of replicate `replicate`: `rows` draws with replacement from
    /// `0..<rows`, from the replicate's own xoshiro256** stream under `seed`.
    package static func sample(rows: Int, replicate: Int, seed: UInt64) -> [Int] {
        guard rows > 0 else { return [] }
        var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(replicate))
        let bound = UInt64(rows)
        return (0..<rows).map { _ in Int(generator.next(below: bound)) }
    }

    /// The percentile interval and standard error of replicate values.
    package struct Summary: Equatable, Sendable {
        /// The `(1 − level) / 2` and `(1 + level) / 2` quantiles of the replicates.
        package var low: Double
        package var high: Double
        /// The sample standard deviation (ddof 1) of the replicates.
        package var standardError: Double?
        package var replicates: Int
    }

    /// The percentile interval at `level` and the standard error of `values` (the
    /// replicate statistics, in any order), or nil when there are none.
    ///
    /// Quantiles interpolate linearly between order statistics, numpy's default.
    package static func summary(_ values: [Double], level: Double) -> Summary? {
        guard !values.isEmpty else { return nil }
        let alpha = (1 - level) / 2
        let bounds = Descriptive.quantiles(values, [alpha, 1 - alpha])
        guard let low = bounds[0], let high = bounds[1] else { return nil }
        let mean = Summation.sum(values) / Double(values.count)
        let standardError: Double? =
            values.count > 1
            ? (Summation.sum(count: values.count) { (values[$0] - mean) * (values[$0] - mean) }
                / Double(values.count - 1)).squareRoot()
            : nil
        return Summary(low: low, high: high, standardError: standardError, replicates: values.count)
    }
}
