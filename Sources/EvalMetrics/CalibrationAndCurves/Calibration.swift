// Reliability of probabilities: the calibration curve and the calibration errors.

/// How `calibration` places bin edges (scikit-learn's `strategy=`).
package enum CalibrationStrategy: String, Sendable, CaseIterable {
    /// Equal-width bins on [0, 1].
    case uniform
    /// Edges at quantiles of `p`, so bins hold about equally many rows.
    case quantile
}

/// `sklearn.calibration.calibration_curve` with the bin index and count it leaves out:
/// one entry per non-empty bin, in bin order.
package struct CalibrationCurve: Equatable, Sendable {
    /// 0-based index of the bin among all `bins` (empty bins are dropped, so gaps show).
    package var bin: [Int]
    /// Weight of the rows in the bin (the row count when unweighted).
    package var count: [Double]
    /// Mean predicted probability in the bin.
    package var probPred: [Double]
    /// Fraction of positives in the bin.
    package var probTrue: [Double]
}

extension Metrics {
    /// The calibration (reliability) curve of probabilities `p` for 0/1 labels `y`.
    ///
    /// Bins as scikit-learn builds them: uniform edges `i · (1/bins)` (numpy's linspace);
    /// quantile edges at numpy's linear-interpolation percentiles of `p`. A probability
    /// on an inner edge belongs to the lower bin (`searchsorted` left). Empty bins are
    /// dropped. scikit-learn takes no weights; with weights, count, mean prediction and
    /// positive fraction are weighted (quantile edges stay unweighted) and bins with no
    /// weight are dropped.
    package static func calibration(
        _ y: [Double], _ p: [Double], bins: Int = 5, strategy: CalibrationStrategy = .uniform,
        weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<CalibrationCurve> {
        let sums = try binSums(y, p, bins: bins, strategy: strategy, weights: weights)
        var curve = CalibrationCurve(bin: [], count: [], probPred: [], probTrue: [])
        for b in 0..<bins where sums.total[b].value != 0 {
            let total = sums.total[b].value
            curve.bin.append(b)
            curve.count.append(total)
            curve.probPred.append(sums.predicted[b].value / total)
            curve.probTrue.append(sums.positive[b].value / total)
        }
        if curve.bin.isEmpty {
            return .undefined(MetricWarning.zeroWeights)
        }
        return .defined(curve)
    }

    /// Expected calibration error, `Σ_b (W_b / W) · |prob_true_b − prob_pred_b|` over the
    /// non-empty bins of the calibration curve with `bins` bins placed by `strategy`
    /// (as `calibration`), where `W_b` is the bin's weight (row count when unweighted)
    /// and W the total.
    package static func ece(
        _ y: [Double], _ p: [Double], bins: Int = 10, strategy: CalibrationStrategy = .uniform,
        weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        let output = try calibration(y, p, bins: bins, strategy: strategy, weights: weights)
        guard let curve = output.value else { return .undefined(output.warning ?? MetricWarning.zeroWeights) }
        let total = Summation.sum(curve.count)
        let gap = Summation.sum(count: curve.bin.count) {
            curve.count[$0] * abs(curve.probTrue[$0] - curve.probPred[$0])
        }
        return .defined(gap / total)
    }

    /// Maximum calibration error, `max_b |prob_true_b − prob_pred_b|` over the non-empty
    /// bins of the calibration curve with `bins` bins placed by `strategy`.
    package static func mce(
        _ y: [Double], _ p: [Double], bins: Int = 10, strategy: CalibrationStrategy = .uniform,
        weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        let output = try calibration(y, p, bins: bins, strategy: strategy, weights: weights)
        guard let curve = output.value else { return .undefined(output.warning ?? MetricWarning.zeroWeights) }
        let gaps = curve.bin.indices.map { abs(curve.probTrue[$0] - curve.probPred[$0]) }
        return .defined(gaps.max() ?? 0)
    }

    /// Per-bin weighted sums of rows, predictions and positives.
    private static func binSums(
        _ y: [Double], _ p: [Double], bins: Int, strategy: CalibrationStrategy, weights: [Double]?
    ) throws(MetricError) -> (total: [CompensatedSum], predicted: [CompensatedSum], positive: [CompensatedSum]) {
        if bins < 1 {
            throw .invalidParameter(.option(.bins), value: Double(bins), .atLeast(1))
        }
        try Validation.checkProbabilities(y: y, p: p, weights: weights)
        let edges = innerEdges(p, bins: bins, strategy: strategy)
        var total = [CompensatedSum](repeating: CompensatedSum(), count: bins)
        var predicted = total
        var positive = total
        for i in y.indices {
            let b = lowerBound(edges, p[i])
            let w = weights?[i] ?? 1
            total[b].add(w)
            predicted[b].add(w * p[i])
            positive[b].add(w * y[i])
        }
        return (total, predicted, positive)
    }

    /// The `bins − 1` inner edges, ascending, computed with numpy's exact arithmetic.
    private static func innerEdges(_ p: [Double], bins: Int, strategy: CalibrationStrategy) -> [Double] {
        let step = 1.0 / Double(bins)
        let levels = (1..<bins).map { Double($0) * step }
        switch strategy {
        case .uniform:
            return levels
        case .quantile:
            let sorted = p.sorted()
            let last = sorted.count - 1
            return levels.map { level in
                // np.percentile(p, level · 100): the level goes to percent and back.
                let q = (level * 100) / 100
                let index = Double(last) * q
                if index >= Double(last) {
                    return sorted[last]
                }
                let below = index.rounded(.down)
                let gamma = index - below
                let a = sorted[Int(below)]
                let b = sorted[Int(below) + 1]
                // numpy's _lerp: interpolate from whichever end is nearer.
                let difference = b - a
                return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
            }
        }
    }

    /// The number of edges strictly below `value` (numpy's `searchsorted`, side left).
    private static func lowerBound(_ edges: [Double], _ value: Double) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
