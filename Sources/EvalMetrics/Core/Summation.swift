/// Deterministic, accurate sums over index ranges.
///
/// Every metric is a ratio of sums, so the summation order decides the last bits of the
/// result. Sums here always run in the same fixed blocks, so a result is identical on
/// every run and would stay identical if blocks were later spread over threads (SPEC §8:
/// fixed chunking). Within a block four independent accumulators keep the FPU busy;
/// block totals are combined with Neumaier compensation so the error stays near one
/// rounding even for tens of millions of rows.
package enum Summation {
    /// Rows per block; small enough that in-block rounding error stays negligible.
    package static let blockSize = 512

    /// The sum of `term(i)` for `i` in `0..<count`, in a fixed order.
    @inline(__always)
    package static func sum(count: Int, _ term: (Int) -> Double) -> Double {
        var total = CompensatedSum()
        var start = 0
        while start < count {
            let end = min(start + blockSize, count)
            var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
            var i = start
            while i + 4 <= end {
                a0 += term(i)
                a1 += term(i + 1)
                a2 += term(i + 2)
                a3 += term(i + 3)
                i += 4
            }
            while i < end {
                a0 += term(i)
                i += 1
            }
            total.add((a0 + a1) + (a2 + a3))
            start = end
        }
        return total.value
    }

    /// The sum of `values`, in the same fixed order as `sum(count:_:)`.
    package static func sum(_ values: [Double]) -> Double {
        sum(count: values.count) { values[$0] }
    }

    /// `Σ w·term / Σ w` with `w = 1` when `weights` is nil, or the reason it is undefined.
    ///
    /// Callers have already checked lengths, NaN and negative weights.
    @inline(__always)
    package static func weightedMean(
        count: Int, weights: [Double]?, _ term: (Int) -> Double
    ) -> MetricResult<Double> {
        guard let weights else {
            return .defined(sum(count: count, term) / Double(count))
        }
        let totalWeight = sum(weights)
        if totalWeight == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        let weighted = sum(count: count) { weights[$0] * term($0) }
        return .defined(weighted / totalWeight)
    }
}

/// Neumaier's compensated sum: carries the rounding error of each addition separately.
package struct CompensatedSum: Sendable {
    private var total = 0.0
    private var compensation = 0.0

    package init() {}

    package mutating func add(_ x: Double) {
        let t = total + x
        // Whichever operand is larger in magnitude keeps its bits; recover the other's lost bits.
        if abs(total) >= abs(x) {
            compensation += (total - t) + x
        } else {
            compensation += (x - t) + total
        }
        total = t
    }

    /// The compensated total; an overflowed total is returned as is, since the
    /// compensation of an infinity is NaN and would hide the overflow.
    package var value: Double {
        total.isFinite ? total + compensation : total
    }
}
