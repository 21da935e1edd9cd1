/// Profit at every distinct score threshold, from the shared sort of the scores.
///
/// Row k flags every example scoring at or above `thresholds[k]` (descending, as the
/// score sweep orders them), so the last row flags everyone. Profit is what acting on
/// the flagged rows and leaving the rest earns under a `Payoff`:
/// `profit(t) = Σ w·(tp·[y=1] + fp·[y=0]) over flagged + Σ w·(fn·[y=1] + tn·[y=0])
/// over the rest`. With constant amounts that is counts times prices, read straight off
/// the sweep's cumulative counts; per-row amounts walk the sweep's sorted order once,
/// adding each row's gain from being flagged. Either way one sort and one scan (SPEC §8).
package struct ProfitCurve: Equatable, Sendable {
    package var thresholds: [Double]
    package var profit: [Double]
    /// Weighted confusion counts at each threshold.
    package var truePositives: [Double]
    package var falsePositives: [Double]
    package var falseNegatives: [Double]
    package var trueNegatives: [Double]
    /// The share of the total weight flagged at each threshold.
    package var shareFlagged: [Double]
    /// What acting on no one earns: every positive a false negative, every negative a true negative.
    ///
    /// The lower bound a model has to beat.
    package var noOne: Double
    /// What acting on everyone earns (the last row's profit).
    package var everyone: Double

    /// The curve of `sweep` (built from `y`, the scores and `weights`) under `payoff`.
    ///
    /// `y` and `weights` must be the ones the sweep was built from, so they are already
    /// checked; only per-row payoff lengths and values are checked here.
    package init(_ sweep: ScoreSweep, y: [Double], payoff: Payoff, weights: [Double]? = nil) throws(MetricError) {
        try payoff.validate(rows: y.count)
        let positives = sweep.positives, negatives = sweep.negatives
        let count = sweep.thresholds.count
        thresholds = sweep.thresholds
        truePositives = sweep.truePositives
        falsePositives = sweep.falsePositives
        falseNegatives = sweep.truePositives.map { positives - $0 }
        trueNegatives = sweep.falsePositives.map { negatives - $0 }
        let total = positives + negatives
        shareFlagged = (0..<count).map { k in
            total > 0 ? (sweep.truePositives[k] + sweep.falsePositives[k]) / total : 0
        }
        if case .constant(let tp) = payoff.tp, case .constant(let fp) = payoff.fp,
            case .constant(let fn) = payoff.fn, case .constant(let tn) = payoff.tn
        {
            noOne = fn * positives + tn * negatives
            profit = (0..<count).map { k in
                let tps = sweep.truePositives[k], fps = sweep.falsePositives[k]
                return tp * tps + fp * fps + fn * (positives - tps) + tn * (negatives - fps)
            }
        } else {
            (noOne, profit) = Self.perRowProfit(sweep, y: y, payoff: payoff, weights: weights)
        }
        everyone = profit.last ?? noOne
    }

    /// Profits for example-dependent amounts: the no-one baseline, then each row's gain
    /// from being flagged added in score order, with compensated running sums.
    private static func perRowProfit(
        _ sweep: ScoreSweep, y: [Double], payoff: Payoff, weights: [Double]?
    ) -> (Double, [Double]) {
        var baseline = CompensatedSum()
        for row in y.indices {
            let w = weights?[row] ?? 1
            baseline.add(w * payoff.value(row: row, positive: y[row] == 1, act: false))
        }
        var running = baseline
        var profit = [Double]()
        profit.reserveCapacity(sweep.runEnds.count)
        var start = 0
        for end in sweep.runEnds {
            for position in start..<end {
                let row = sweep.order[position]
                let w = weights?[row] ?? 1
                let positive = y[row] == 1
                let gain =
                    payoff.value(row: row, positive: positive, act: true)
                    - payoff.value(row: row, positive: positive, act: false)
                running.add(w * gain)
            }
            profit.append(running.value)
            start = end
        }
        return (baseline.value, profit)
    }

    /// Precision at row k: the share of flagged weight that is truly positive.
    ///
    /// Every threshold flags at least one row of positive weight, so it is always defined.
    package func precision(_ k: Int) -> Double {
        let flagged = truePositives[k] + falsePositives[k]
        return flagged > 0 ? truePositives[k] / flagged : 0
    }

    /// Recall at row k, or nil when `y` has no positive weight.
    package func recall(_ k: Int) -> Double? {
        let positives = truePositives[k] + falseNegatives[k]
        return positives > 0 ? truePositives[k] / positives : nil
    }
}

/// The threshold that earns the most, with what it earns and the two bounds.
package struct BestThreshold: Equatable, Sendable {
    /// The largest threshold among those reaching the maximum profit; nil when acting
    /// on no one earns strictly more than every threshold (then `warning` says so).
    package var threshold: Double?
    package var profit: Double
    package var precision: Double?
    package var recall: Double?
    package var shareFlagged: Double
    package var truePositives: Double
    package var falsePositives: Double
    package var falseNegatives: Double
    package var trueNegatives: Double
    package var everyone: Double
    package var noOne: Double
    package var warning: MetricWarning?

    /// Picks the first row (largest threshold) whose profit equals the curve's maximum.
    ///
    /// Largest, because among equally profitable choices the one acting on fewest rows
    /// costs least to run and risks least when the scores drift.
    package init(_ curve: ProfitCurve) {
        everyone = curve.everyone
        noOne = curve.noOne
        var best: Int?
        for k in curve.profit.indices where best.map({ curve.profit[k] > curve.profit[$0] }) ?? true {
            best = k
        }
        guard let k = best, curve.profit[k] >= curve.noOne else {
            threshold = nil
            profit = curve.noOne
            precision = nil
            recall = nil
            shareFlagged = 0
            truePositives = 0
            falsePositives = 0
            falseNegatives = curve.truePositives.last ?? 0
            trueNegatives = curve.falsePositives.last ?? 0
            warning = curve.profit.isEmpty ? .noScores : .actingOnNoOneIsBest
            return
        }
        threshold = curve.thresholds[k]
        profit = curve.profit[k]
        precision = curve.precision(k)
        recall = curve.recall(k)
        shareFlagged = curve.shareFlagged[k]
        truePositives = curve.truePositives[k]
        falsePositives = curve.falsePositives[k]
        falseNegatives = curve.falseNegatives[k]
        trueNegatives = curve.trueNegatives[k]
        warning = nil
    }
}

extension Metrics {
    /// The profit curve of `scores` for 0/1 labels `y` under `payoff`.
    package static func profitCurve(
        _ y: [Double], _ scores: [Double], payoff: Payoff, weights: [Double]? = nil
    ) throws(MetricError) -> ProfitCurve {
        try ProfitCurve(ScoreSweep(y, scores, weights: weights), y: y, payoff: payoff, weights: weights)
    }

    /// The most profitable threshold of `scores` for 0/1 labels `y` under `payoff`.
    package static func bestThreshold(
        _ y: [Double], _ scores: [Double], payoff: Payoff, weights: [Double]? = nil
    ) throws(MetricError) -> BestThreshold {
        BestThreshold(try profitCurve(y, scores, payoff: payoff, weights: weights))
    }
}
