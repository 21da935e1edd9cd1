import Foundation

// Pearson and Spearman correlation with two-sided p-values and a Fisher-z interval.

/// Which correlation `Experiments.correlation` computes; raw values are the cell
/// language's option names.
package enum CorrelationMethod: String, CaseIterable, Sendable {
    case pearson
    case spearman
}

/// The readout of `Experiments.correlation`.
package struct CorrelationResult: Equatable, Sendable {
    /// The correlation coefficient; nil when an input is constant.
    package var estimate: Double?
    /// Two-sided p-value for "no correlation"; nil with `estimate`, and for Spearman
    /// with 2 observations.
    package var pValue: Double?
    /// The number of pairs.
    package var n: Int
    /// Lower end of the Fisher-z interval (Pearson only; nil for Spearman).
    package var ciLow: Double?
    /// Upper end of the Fisher-z interval (Pearson only; nil for Spearman).
    package var ciHigh: Double?
    /// The confidence level of the interval.
    package var level: Double
    package var method: CorrelationMethod
    /// Why a field is nil, one clause each.
    package var warnings: [MetricWarning]
}

extension Experiments {
    /// The correlation of paired samples with its two-sided p-value, as scipy's
    /// `pearsonr(x, y)` (with `.confidence_interval(level)`) or `spearmanr(x, y)`.
    ///
    /// Pearson's p-value is the exact null distribution of r, a beta on [−1, 1] with
    /// a = b = n/2 − 1; its interval is Fisher's z ± z_{(1+level)/2}/√(n − 3), which, as
    /// in scipy, is [−1, 1] for n ≤ 3, and with n = 2 r is exactly ±1 with p-value 1.
    /// Spearman ranks each sample (ties share their average rank, scipy's `rankdata`
    /// default), correlates the ranks and tests t = r·√((n−2)/(1−r²)) on n − 2 df; with 2
    /// pairs that df is 0 and the p-value undefined (scipy's NaN). A constant input makes
    /// the correlation undefined (nil with a warning), as scipy's NaN with a warning.
    package static func correlation(
        _ x: [Double], _ y: [Double], method: CorrelationMethod = .pearson, level: Double = 0.95
    ) throws(MetricError) -> CorrelationResult {
        try checkPaired(x, y, needed: 2)
        try checkOpenUnit(level, name: .option(.level))
        var result = CorrelationResult(
            estimate: nil, pValue: nil, n: x.count, ciLow: nil, ciHigh: nil, level: level,
            method: method, warnings: []
        )
        let constantX = isConstantSample(x)
        let constantY = isConstantSample(y)
        if constantX || constantY {
            result.warnings.append(.constantInput(first: constantX, second: constantY))
            return result
        }
        let n = Double(x.count)
        switch method {
        case .pearson:
            guard let r = pearson(x, y) else {
                result.warnings.append(MetricWarning.overflow)
                return result
            }
            if x.count == 2 {
                // Two distinct points lie on a line: r is ±1 and every sample of two
                // would give |r| = 1, so P(|R| ≥ |r|) = 1 (scipy's promise for n = 2).
                result.estimate = r.rounded()
                result.pValue = 1
            } else {
                let shape = n / 2 - 1
                let tail = SpecialFunctions.incompleteBeta(a: shape, b: shape, x: (1 - abs(r)) / 2, y: (1 + abs(r)) / 2)
                result.estimate = r
                result.pValue = min(1, 2 * tail.lower)
            }
            if x.count <= 3 {
                result.ciLow = -1
                result.ciHigh = 1
            } else {
                let z = atanh(r)
                let spread = Normal.quantile(0.5 + level / 2) / (n - 3).squareRoot()
                result.ciLow = tanh(z - spread)
                result.ciHigh = tanh(z + spread)
            }
        case .spearman:
            guard let r = pearson(averageRanks(x), averageRanks(y)) else {
                result.warnings.append(MetricWarning.overflow)
                return result
            }
            result.estimate = r
            if x.count == 2 {
                result.warnings.append(MetricWarning.twoObservations)
            } else {
                // scipy's form; at r = ±1 it divides by zero, t = ±inf and p = 0.
                let df = n - 2
                let t = r * (df / ((r + 1) * (1 - r))).squareRoot()
                result.pValue = 2 * StudentT.tailProbability(t, df: df)
            }
        }
        return result
    }

    /// Whether every value equals the first (scipy's constant-input test).
    static func isConstantSample(_ values: [Double]) -> Bool {
        guard let first = values.first else { return true }
        return !values.contains { $0 != first }
    }

    /// Pearson's r of non-constant samples, clipped to [−1, 1], or nil on overflow.
    ///
    /// Deviations are scaled by their largest magnitude before squaring (as scipy does),
    /// so values near 1e200 do not overflow the sums of squares.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        let meanX = Summation.sum(x) / Double(n)
        let meanY = Summation.sum(y) / Double(n)
        var scaleX = 0.0
        var scaleY = 0.0
        for i in 0..<n {
            scaleX = max(scaleX, abs(x[i] - meanX))
            scaleY = max(scaleY, abs(y[i] - meanY))
        }
        guard scaleX > 0, scaleY > 0, scaleX.isFinite, scaleY.isFinite else { return nil }
        let sxx = Summation.sum(count: n) { i in
            let d = (x[i] - meanX) / scaleX
            return d * d
        }
        let syy = Summation.sum(count: n) { i in
            let d = (y[i] - meanY) / scaleY
            return d * d
        }
        let sxy = Summation.sum(count: n) { i in ((x[i] - meanX) / scaleX) * ((y[i] - meanY) / scaleY) }
        let r = sxy / (sxx * syy).squareRoot()
        guard r.isFinite else { return nil }
        return min(max(r, -1), 1)
    }

    /// 1-based ranks with ties given the average of the ranks they span (scipy's
    /// `rankdata(method="average")`).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] {
                end += 1
            }
            // Positions start..<end hold ranks start+1 ... end; their mean is exact in binary.
            let rank = Double(start + 1 + end) / 2
            for k in start..<end {
                ranks[order[k]] = rank
            }
            start = end
        }
        return ranks
    }
}
