// Curves read off a `ScoreSweep`: ROC, precision–recall, cumulative gain and lift.

/// scikit-learn's `roc_curve` output: parallel arrays from threshold +∞ downwards.
package struct RocCurve: Equatable, Sendable {
    package var fpr: [Double]
    package var tpr: [Double]
    /// Descending; the first is +∞ (the point (0, 0) where nothing is predicted positive).
    package var thresholds: [Double]
}

/// scikit-learn's `precision_recall_curve` output, in its order: thresholds ascending,
/// and `precision`/`recall` one longer, ending with the point (recall 0, precision 1)
/// that has no threshold.
package struct PrCurve: Equatable, Sendable {
    package var precision: [Double]
    package var recall: [Double]
    package var thresholds: [Double]
}

/// The cumulative gain curve: targeting the rows scoring at or above `thresholds[k]` reaches `fraction[k]` of the
/// population (by weight) and captures `gain[k]` of the positive weight.
///
/// Starts at (0, 0) with threshold +∞ and ends at (1, 1).
package struct GainCurve: Equatable, Sendable {
    package var thresholds: [Double]
    package var fraction: [Double]
    package var gain: [Double]

    /// Lift at each point, `gain / fraction`; nil at the (0, 0) start.
    package var lift: [Double?] {
        fraction.indices.map { fraction[$0] == 0 ? nil : gain[$0] / fraction[$0] }
    }
}

extension ScoreSweep {
    /// The ROC curve with scikit-learn's threshold conventions (`roc_curve`).
    ///
    /// `dropIntermediate` (scikit-learn's default, true) removes points where both the
    /// fpr and tpr second differences are zero, that is points on a straight segment
    /// between their neighbours; the area and the shape are unchanged. Undefined with one
    /// class, where scikit-learn returns NaN rates.
    package func rocCurve(dropIntermediate: Bool = true) -> MetricResult<RocCurve> {
        if let problem = bothClassesProblem {
            return .undefined(problem)
        }
        let kept = dropIntermediate ? cornerPoints() : Array(thresholds.indices)
        var curve = RocCurve(fpr: [0], tpr: [0], thresholds: [.infinity])
        curve.fpr.reserveCapacity(kept.count + 1)
        curve.tpr.reserveCapacity(kept.count + 1)
        curve.thresholds.reserveCapacity(kept.count + 1)
        for k in kept {
            curve.fpr.append(falsePositives[k] / negatives)
            curve.tpr.append(truePositives[k] / positives)
            curve.thresholds.append(thresholds[k])
        }
        return .defined(curve)
    }

    /// The precision–recall curve with scikit-learn's conventions
    /// (`precision_recall_curve`).
    ///
    /// `dropIntermediate` (false by default, as in scikit-learn) drops a point when the
    /// true positives change neither into it nor out of it: such points only move along
    /// a flat stretch of recall. Undefined when `y` has no positives (scikit-learn then
    /// sets recall to 1 everywhere with a warning).
    package func prCurve(dropIntermediate: Bool = false) -> MetricResult<PrCurve> {
        if let problem = positivesProblem {
            return .undefined(problem)
        }
        var kept = Array(thresholds.indices)
        if dropIntermediate, kept.count > 2 {
            kept = kept.filter { k in
                k == 0 || k == kept.count - 1
                    || truePositives[k] - truePositives[k - 1] != 0
                    || truePositives[k + 1] - truePositives[k] != 0
            }
        }
        var curve = PrCurve(precision: [], recall: [], thresholds: [])
        for k in kept.reversed() {
            curve.precision.append(precision(at: k))
            curve.recall.append(truePositives[k] / positives)
            curve.thresholds.append(thresholds[k])
        }
        curve.precision.append(1)
        curve.recall.append(0)
        return .defined(curve)
    }

    /// The cumulative gain curve, one point per distinct score plus the start.
    ///
    /// Undefined when `y` has no positives (no gain to capture).
    package func gainCurve() -> MetricResult<GainCurve> {
        if let problem = positivesProblem {
            return .undefined(problem)
        }
        let total = positives + negatives
        var curve = GainCurve(thresholds: [.infinity], fraction: [0], gain: [0])
        for k in thresholds.indices {
            curve.thresholds.append(thresholds[k])
            curve.fraction.append((truePositives[k] + falsePositives[k]) / total)
            curve.gain.append(truePositives[k] / positives)
        }
        return .defined(curve)
    }

    /// Lift in the top `at` fraction of the population (by weight): the share of the
    /// positive weight captured there divided by `at`, so 1 is no better than random.
    ///
    /// Definition: with `c = at · W`, the targeted group is every row scoring above the
    /// tied run that straddles `c`, plus the matching share of that run, counted at the
    /// run's average positive rate. That is linear interpolation of the gain curve at
    /// `at`, which keeps the value independent of row order within ties (taking "the
    /// first ⌈at·n⌉ rows" would not be). `at` must be in (0, 1].
    package func lift(at fraction: Double) throws(MetricError) -> MetricResult<Double> {
        if !(fraction > 0 && fraction <= 1) {
            throw .invalidParameter(.option(.at), value: fraction, .leftOpenUnit)
        }
        if let problem = positivesProblem {
            return .undefined(problem)
        }
        let total = positives + negatives
        let cut = fraction * total
        var previousWeight = 0.0
        var previousTP = 0.0
        for k in thresholds.indices {
            let weight = truePositives[k] + falsePositives[k]
            if weight >= cut || k == thresholds.count - 1 {
                let share = weight > previousWeight ? (cut - previousWeight) / (weight - previousWeight) : 1
                let captured = previousTP + (truePositives[k] - previousTP) * Swift.min(share, 1)
                return .defined(captured / positives / fraction)
            }
            previousWeight = weight
            previousTP = truePositives[k]
        }
        return .undefined(MetricWarning.zeroWeights)
    }

    /// scikit-learn's `roc_curve(drop_intermediate=True)` selection: the first and last
    /// points, and every point where the fp or tp second difference is nonzero.
    private func cornerPoints() -> [Int] {
        let n = thresholds.count
        guard n > 2 else { return Array(0..<n) }
        var kept = [0]
        for k in 1..<(n - 1) {
            let fpBend = (falsePositives[k + 1] - falsePositives[k]) - (falsePositives[k] - falsePositives[k - 1])
            let tpBend = (truePositives[k + 1] - truePositives[k]) - (truePositives[k] - truePositives[k - 1])
            if fpBend != 0 || tpBend != 0 {
                kept.append(k)
            }
        }
        kept.append(n - 1)
        return kept
    }
}

extension Metrics {
    /// The ROC curve of `scores` for 0/1 labels (see `ScoreSweep.rocCurve`).
    package static func rocCurve(
        _ y: [Double], _ scores: [Double], dropIntermediate: Bool = true, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<RocCurve> {
        try ScoreSweep(y, scores, weights: weights).rocCurve(dropIntermediate: dropIntermediate)
    }

    /// The precision–recall curve (see `ScoreSweep.prCurve`).
    package static func prCurve(
        _ y: [Double], _ scores: [Double], dropIntermediate: Bool = false, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<PrCurve> {
        try ScoreSweep(y, scores, weights: weights).prCurve(dropIntermediate: dropIntermediate)
    }

    /// The cumulative gain curve (see `ScoreSweep.gainCurve`).
    package static func gainCurve(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<GainCurve> {
        try ScoreSweep(y, scores, weights: weights).gainCurve()
    }

    /// Lift in the top `at` fraction (see `ScoreSweep.lift(at:)`).
    package static func lift(
        _ y: [Double], _ scores: [Double], at fraction: Double, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try ScoreSweep(y, scores, weights: weights).lift(at: fraction)
    }
}
