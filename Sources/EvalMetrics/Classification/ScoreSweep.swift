/// Cumulative weighted true and false positives at every distinct score, from one sort.
///
/// SPEC §8 asks that AUC, average precision, curves and KS share one O(n log n) sort.
/// This value is that sort, done once (scikit-learn's `_binary_clf_curve`): rows of zero
/// weight are dropped first (as scikit-learn drops them, so they add no thresholds), the
/// rest are ordered by descending score, and every run of tied scores becomes one point
/// whose counts include the whole run. Every score metric and curve is then one scan
/// over the points, so a cell asking for several of them sorts once.
package struct ScoreSweep: Equatable, Sendable {
    /// Distinct scores, descending; entry k is the threshold "score ≥ thresholds[k]".
    package let thresholds: [Double]
    /// Weight of positive rows scoring at or above `thresholds[k]`.
    package let truePositives: [Double]
    /// Weight of negative rows scoring at or above `thresholds[k]`.
    package let falsePositives: [Double]
    /// Rows (not weights) with `y` = 1 and `y` = 0 in the input, zero weights included:
    /// scikit-learn decides "one class present" by presence.
    package let positiveRows: Int
    package let negativeRows: Int
    /// The rows in descending score order, zero-weight rows dropped: what a sweep of
    /// per-row amounts (example-dependent payoffs) walks, without sorting again.
    package let order: [Int]
    /// Where each threshold's run of tied rows ends in `order` (exclusive): the rows
    /// scoring exactly `thresholds[k]` are `order[runEnds[k - 1]..<runEnds[k]]`.
    package let runEnds: [Int]

    /// Sorts `scores` once and accumulates the counts; `y` must hold 0/1 labels.
    ///
    /// The running sums are plain sequential sums, the same additions in the same order
    /// as numpy's `cumsum`, so thresholds and counts match scikit-learn's bit for bit.
    package init(_ y: [Double], _ scores: [Double], weights: [Double]? = nil) throws(MetricError) {
        try Validation.checkScores(y: y, scores: scores, weights: weights)
        let positiveRows = y.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        self.positiveRows = positiveRows
        negativeRows = y.count - positiveRows
        let (order, keys) = RankSort.sorted(scores)
        // Worst case every row is its own threshold; reserving avoids regrowth copies.
        var thresholds = [Double]()
        var truePositives = [Double]()
        var falsePositives = [Double]()
        thresholds.reserveCapacity(order.count)
        truePositives.reserveCapacity(order.count)
        falsePositives.reserveCapacity(order.count)
        var runEnds = [Int]()
        runEnds.reserveCapacity(order.count)
        // With weights, zero-weight rows leave the order too; without, it is kept whole.
        var keptOrder = [Int]()
        if weights != nil { keptOrder.reserveCapacity(order.count) }
        var tp = 0.0
        var fp = 0.0
        var kept = 0.0
        var groupKey: UInt64?
        var groupScore = 0.0
        // Buffer pointers drop bounds checks in the hot loop; every index comes from
        // `order`, a permutation of `y.indices`, or from `order.indices` for `keys`.
        y.withUnsafeBufferPointer { y in
            scores.withUnsafeBufferPointer { scores in
                for k in order.indices {
                    let row = order[k]
                    let weight = weights?[row] ?? 1
                    if weights != nil, weight == 0 {
                        continue
                    }
                    if let key = groupKey, key != keys[k] {
                        thresholds.append(groupScore)
                        truePositives.append(tp)
                        falsePositives.append(fp)
                        runEnds.append(weights == nil ? k : keptOrder.count)
                    }
                    if weights != nil {
                        keptOrder.append(row)
                    }
                    groupKey = keys[k]
                    // scikit-learn's threshold is the score of the last row of a tied run.
                    groupScore = scores[row]
                    if weights == nil {
                        tp += y[row]
                        kept += 1
                        // scikit-learn derives unweighted false positives as rows − tp.
                        fp = kept - tp
                    } else {
                        tp += y[row] * weight
                        fp += (1 - y[row]) * weight
                    }
                }
            }
        }
        if groupKey != nil {
            thresholds.append(groupScore)
            truePositives.append(tp)
            falsePositives.append(fp)
            runEnds.append(weights == nil ? order.count : keptOrder.count)
        }
        self.order = weights == nil ? order : keptOrder
        self.runEnds = runEnds
        self.thresholds = thresholds
        self.truePositives = truePositives
        self.falsePositives = falsePositives
    }

    /// The total positive weight.
    package var positives: Double { truePositives.last ?? 0 }
    /// The total negative weight.
    package var negatives: Double { falsePositives.last ?? 0 }

    /// Why a curve that needs both classes is undefined, or nil when it is defined.
    ///
    /// Presence decides first (scikit-learn's "only one class"), then weight.
    var bothClassesProblem: MetricWarning? {
        if positiveRows == 0 || negativeRows == 0 {
            return MetricWarning.oneClass
        }
        if thresholds.isEmpty {
            return MetricWarning.zeroWeights
        }
        if positives == 0 {
            return MetricWarning.positivesWithoutWeight
        }
        if negatives == 0 {
            return MetricWarning.negativesWithoutWeight
        }
        return nil
    }

    /// Why a metric that needs positives (average precision, PR curves) is undefined.
    var positivesProblem: MetricWarning? {
        if positiveRows == 0 {
            return MetricWarning.noPositives
        }
        if thresholds.isEmpty {
            return MetricWarning.zeroWeights
        }
        if positives == 0 {
            return MetricWarning.positivesWithoutWeight
        }
        return nil
    }
}

extension Metrics {
    /// The shared sort of `scores` for 0/1 labels `y`: build it once and ask it for
    /// `rocAuc`, `averagePrecision`, `prAuc`, `ks` and the curves.
    package static func scoreSweep(
        _ y: [Double], _ scores: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> ScoreSweep {
        try ScoreSweep(y, scores, weights: weights)
    }
}
