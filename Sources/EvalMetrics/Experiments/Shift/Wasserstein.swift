// The first Wasserstein (earth mover's) distance between two 1-D samples.

extension Shift {
    /// The 1-D Wasserstein distance, as `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`.
    ///
    /// `W₁ = ∫ |U(x) − V(x)| dx`, the area between the two (weighted) empirical CDFs,
    /// computed as scipy does: over the pooled sorted values, the CDF gap on each interval
    /// between consecutive values times the interval's length. A sample's CDF is the
    /// share of its values (or of its weight) at or below x, so ties need no special case.
    /// Weights need not sum to 1; each sample's are normalised by their own total.
    ///
    /// Undefined (nil with a warning) when a sample's weights sum to zero, where scipy
    /// raises, and when infinite values or weights make the area not a finite number.
    package static func wasserstein(
        _ u: [Double], _ v: [Double], uWeights: [Double]? = nil, vWeights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        if let uWeights, uWeights.count != u.count {
            throw .unequalLengths(.sampleWeights(0), count: uWeights.count, other: .sample(0), otherCount: u.count)
        }
        if let vWeights, vWeights.count != v.count {
            throw .unequalLengths(.sampleWeights(1), count: vWeights.count, other: .sample(1), otherCount: v.count)
        }
        if u.isEmpty { throw .tooFewValues(.sample(0), count: 0, needed: 1) }
        if v.isEmpty { throw .tooFewValues(.sample(1), count: 0, needed: 1) }
        try Validation.noMissing(u, name: .sample(0))
        try Validation.noMissing(v, name: .sample(1))
        if let uWeights { try Validation.noMissing(uWeights, name: .sampleWeights(0)) }
        if let vWeights { try Validation.noMissing(vWeights, name: .sampleWeights(1)) }
        for (sample, weights) in [uWeights, vWeights].enumerated() {
            if let weights, let index = weights.firstIndex(where: { $0 < 0 }) {
                throw .invalidValue(.sampleWeights(sample), row: index, value: weights[index], .nonNegative)
            }
        }

        var first = EmpiricalCDF(u, weights: uWeights)
        var second = EmpiricalCDF(v, weights: vWeights)
        if first.total == 0 { return .undefined(.sampleWeightsZero(sample: 0)) }
        if second.total == 0 { return .undefined(.sampleWeightsZero(sample: 1)) }

        let pooled = merged(first.values, second.values)
        // On each gap [x_k, x_{k+1}) both CDFs are constant; equal neighbours give
        // zero-length gaps, as in scipy's pooled array.
        var areas = [Double](repeating: 0, count: pooled.count - 1)
        for k in areas.indices {
            let x = pooled[k]
            areas[k] = abs(first.advance(to: x) - second.advance(to: x)) * (pooled[k + 1] - x)
        }
        return .defined(Summation.sum(areas))
    }

    /// Two sorted arrays merged into one sorted array.
    private static func merged(_ a: [Double], _ b: [Double]) -> [Double] {
        var result = [Double]()
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i] <= b[j]) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }
}

/// A sorted sample with a forward-only cursor for reading its empirical CDF at
/// non-decreasing points, so a whole scan costs one pass.
private struct EmpiricalCDF {
    var values: [Double]
    /// `cumulative[k]` is the weight of the first k sorted values (numpy's cumsum with a
    /// 0 in front); empty when unweighted.
    var cumulative: [Double]
    var total: Double
    /// How many sorted values are at or below the last point asked for.
    private var position = 0

    init(_ values: [Double], weights: [Double]?) {
        guard let weights else {
            self.values = values.sorted()
            self.cumulative = []
            self.total = Double(values.count)
            return
        }
        let order = values.indices.sorted { values[$0] < values[$1] }
        self.values = order.map { values[$0] }
        var running = 0.0
        var cumulative = [0.0]
        cumulative.reserveCapacity(values.count + 1)
        for index in order {
            running += weights[index]
            cumulative.append(running)
        }
        self.cumulative = cumulative
        self.total = running
    }

    /// The CDF at `x` (share of weight at values ≤ x, numpy's `searchsorted(..., 'right')`);
    /// `x` must not decrease between calls.
    mutating func advance(to x: Double) -> Double {
        while position < values.count && values[position] <= x { position += 1 }
        return cumulative.isEmpty ? Double(position) / total : cumulative[position] / total
    }
}
