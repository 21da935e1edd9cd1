import Foundation

// The population stability index, the drift score of credit-risk and ML monitoring.

/// One bin of a population stability index table.
package struct PSIBin: Equatable, Sendable {
    /// The open lower edge; −∞ for the first bin.
    package var lower: Double
    /// The closed upper edge; +∞ for the last bin.
    package var upper: Double
    /// How many `expected` values fall in (lower, upper].
    package var expectedCount: Int
    /// How many `actual` values fall in (lower, upper].
    package var actualCount: Int
    /// `expectedCount / expected.count`, before any flooring.
    package var expectedShare: Double
    /// `actualCount / actual.count`, before any flooring.
    package var actualShare: Double
    /// This bin's term `(a − e)·ln(a/e)`, over the floored shares.
    package var contribution: Double

    package init(
        lower: Double, upper: Double, expectedCount: Int, actualCount: Int,
        expectedShare: Double, actualShare: Double, contribution: Double
    ) {
        self.lower = lower
        self.upper = upper
        self.expectedCount = expectedCount
        self.actualCount = actualCount
        self.expectedShare = expectedShare
        self.actualShare = actualShare
        self.contribution = contribution
    }
}

/// A population stability index with its per-bin table and the caveats that apply.
package struct PSIResult: Equatable, Sendable {
    /// The index, the sum of the bins' contributions; 0 when the shares agree.
    package var value: Double
    /// The bins in ascending order; fewer than requested when `expected` has ties.
    package var bins: [PSIBin]
    /// Merged bins and floored shares; empty when neither happened.
    package var warnings: [MetricWarning]

    package init(value: Double, bins: [PSIBin], warnings: [MetricWarning]) {
        self.value = value
        self.bins = bins
        self.warnings = warnings
    }
}

extension Shift {
    /// The share an empty bin is given in the PSI formula, so that ln(a/e) stays finite.
    package static let psiShareFloor = 1e-4
    /// The most bins `psi` accepts; each one costs a quantile and a table row.
    package static let psiMaxBins = 1_000_000

    /// Population stability index of `actual` against the reference sample `expected`.
    ///
    /// There is no library definition to follow, so the convention is fixed here:
    /// 1. Bin edges are `expected`'s quantiles at i/bins for i = 1 … bins − 1, by numpy's
    ///    default (`method='linear'`) rule: sort, take position h = (n − 1)·q, and
    ///    interpolate between the values at ⌊h⌋ and ⌊h⌋ + 1, with numpy's `_lerp`
    ///    arithmetic so the edges match `numpy.quantile` to the last bit.
    /// 2. Equal edges are merged (as `numpy.unique`), so an `expected` with ties at its
    ///    quantiles yields fewer bins than asked for; a warning says how many remain.
    /// 3. The outer bins are open: the first is (−∞, e₁], the last (e_last, +∞).
    /// 4. Bins are right-closed, (e_{i−1}, e_i]: a value equal to an edge falls in the bin
    ///    below it. The bin number of x is `numpy.searchsorted(edges, x, side='left')`.
    /// 5. Shares are counts over each sample's size. A bin empty on either side has that
    ///    side's share floored at 1e-4 (`psiShareFloor`, common industry practice) before
    ///    the formula, which keeps PSI finite; a warning says how many bins were floored.
    ///    The table reports the unfloored shares, the contributions use the floored ones.
    /// 6. `PSI = Σ (a_i − e_i)·ln(a_i / e_i)` over the bins.
    ///
    /// `expected` must be finite (its quantiles are the edges); infinite `actual` values
    /// fall in the outer bins. `bins` is 10 by default and must be in 2…1,000,000.
    package static func psi(expected: [Double], actual: [Double], bins: Int = 10) throws(MetricError) -> PSIResult {
        if bins < 2 || bins > psiMaxBins {
            throw .invalidParameter(.option(.bins), value: Double(bins), .integer(2...psiMaxBins))
        }
        if expected.isEmpty { throw .tooFewValues(.sample(0), count: 0, needed: 1) }
        if actual.isEmpty { throw .tooFewValues(.sample(1), count: 0, needed: 1) }
        try Validation.noMissing(expected, name: .sample(0))
        try Validation.noMissing(actual, name: .sample(1))
        if let index = expected.firstIndex(where: { !$0.isFinite }) {
            throw .invalidValue(.sample(0), row: index, value: expected[index], .finite)
        }

        let sorted = expected.sorted()
        var edges = [Double]()
        for i in 1..<bins {
            let edge = linearQuantile(sorted, Double(i) / Double(bins))
            if edges.last != edge { edges.append(edge) }
        }
        var warnings = [MetricWarning]()
        if edges.count < bins - 1 {
            warnings.append(.mergedBins(requested: bins, kept: edges.count + 1))
        }

        var expectedCounts = [Int](repeating: 0, count: edges.count + 1)
        var actualCounts = expectedCounts
        for x in expected { expectedCounts[binIndex(of: x, edges: edges)] += 1 }
        for x in actual { actualCounts[binIndex(of: x, edges: edges)] += 1 }

        var table = [PSIBin]()
        var floored = 0
        for k in expectedCounts.indices {
            let e = Double(expectedCounts[k]) / Double(expected.count)
            let a = Double(actualCounts[k]) / Double(actual.count)
            if e == 0 || a == 0 { floored += 1 }
            let eUsed = e == 0 ? psiShareFloor : e
            let aUsed = a == 0 ? psiShareFloor : a
            table.append(
                PSIBin(
                    lower: k == 0 ? -.infinity : edges[k - 1],
                    upper: k == edges.count ? .infinity : edges[k],
                    expectedCount: expectedCounts[k], actualCount: actualCounts[k],
                    expectedShare: e, actualShare: a,
                    contribution: (aUsed - eUsed) * log(aUsed / eUsed)
                ))
        }
        if floored > 0 {
            warnings.append(
                .flooredBins(floored: floored, of: table.count, floor: psiShareFloor)
            )
        }
        let value = Summation.sum(count: table.count) { table[$0].contribution }
        return PSIResult(value: value, bins: table, warnings: warnings)
    }

    /// `numpy.quantile(sorted, q)` with the default linear method, on sorted finite data.
    static func linearQuantile(_ sorted: [Double], _ q: Double) -> Double {
        let last = sorted.count - 1
        let position = Double(last) * q
        if position >= Double(last) { return sorted[last] }
        let below = position.rounded(.down)
        let index = Int(below)
        let t = position - below
        let a = sorted[index]
        let b = sorted[index + 1]
        // numpy's _lerp: from the nearer end, so t = 1 gives b exactly.
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    /// The number of edges strictly below x (`searchsorted(edges, x, side='left')`).
    static func binIndex(of x: Double, edges: [Double]) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
