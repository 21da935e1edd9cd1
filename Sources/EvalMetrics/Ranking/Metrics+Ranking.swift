// Ranking metrics, one value per query (`group:` key) averaged over queries.

import Foundation

/// How a relevance grade becomes a gain in DCG.
package enum RankingGain: String, Sendable, CaseIterable {
    /// The relevance itself (scikit-learn's `dcg_score`).
    case linear
    /// `2^rel − 1`, which rewards highly relevant items more.
    case exponential

    func gain(_ relevance: Double) -> Double {
        switch self {
        case .linear: return relevance
        case .exponential: return exp2(relevance) - 1
        }
    }
}

/// What a per-query mean does with a query that has no relevant item, where the
/// metric has no value of its own (`ndcg`, `hit_rate`, `mrr`, `map_at_k`).
package enum RankingEmpty: String, Sendable, CaseIterable {
    /// Leave the query out of the mean: it says nothing about the ranking.
    case skip
    /// Score it 0 and keep it in the mean, as scikit-learn's `ndcg_score` does.
    case zero
}

extension Metrics {
    /// Mean discounted cumulative gain over queries (scikit-learn's `dcg_score`, log base
    /// 2), counting the top `k` positions (all when nil).
    ///
    /// Tied scores are averaged as scikit-learn does (`ignore_ties=False`): a run of tied
    /// items shares its mean gain over the discounts of the positions it occupies.
    package static func dcg(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil, k: Int? = nil,
        gain: RankingGain = .linear
    ) throws(MetricError) -> MetricResult<Double> {
        try kValid(k)
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        let values = (0..<groups.count).map {
            tieAveragedDcg(groups, $0, relevance: relevance, scores: scores, k: k, gain: gain)
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// Mean normalised DCG over queries, DCG over the ideal DCG (scikit-learn's
    /// `ndcg_score`), with tie averaging and the top `k` positions.
    ///
    /// A query with no relevant item has no ideal DCG. scikit-learn scores it 0, which
    /// drags the mean down for a reason unrelated to the ranking, so by default
    /// (`empty: .skip`) such queries are left out of the mean, and with none left the
    /// result is undefined; `empty: .zero` scores them 0 as scikit-learn does.
    /// `queriesWithoutRelevantItem` counts them.
    package static func ndcg(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil, k: Int? = nil,
        gain: RankingGain = .linear, empty: RankingEmpty = .skip
    ) throws(MetricError) -> MetricResult<Double> {
        try kValid(k)
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        var values = [Double]()
        for g in 0..<groups.count {
            let ideal = idealDcg(groups.rows(g).map { relevance[$0] }, k: k, gain: gain)
            if ideal == 0 {
                if empty == .zero { values.append(0) }
                continue
            }
            values.append(tieAveragedDcg(groups, g, relevance: relevance, scores: scores, k: k, gain: gain) / ideal)
        }
        if values.isEmpty {
            return .undefined(MetricWarning.noRelevantItems)
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// Label ranking average precision (scikit-learn's
    /// `label_ranking_average_precision_score`), a query being a sample and its rows the
    /// labels; relevance above 0 marks a true label.
    ///
    /// For each true label j: (true labels scoring ≥ s_j) / (labels scoring ≥ s_j),
    /// averaged over the query's true labels. A query whose labels are all true or all
    /// false scores 1, scikit-learn's convention.
    package static func lrap(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        let values = (0..<groups.count).map { g -> Double in
            let rows = groups.rows(g)
            let relevant = rows.filter { relevance[$0] > 0 }
            if relevant.isEmpty || relevant.count == rows.count {
                return 1
            }
            var sum = 0.0
            for j in relevant {
                let atLeast = rows.reduce(0) { $0 + (scores[$1] >= scores[j] ? 1 : 0) }
                let relevantAtLeast = relevant.reduce(0) { $0 + (scores[$1] >= scores[j] ? 1 : 0) }
                sum += Double(relevantAtLeast) / Double(atLeast)
            }
            return sum / Double(relevant.count)
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// Coverage error (scikit-learn's `coverage_error`): how far down the ranking one
    /// must go to cover every true label, ties counted in full; 0 for a query with no
    /// true label.
    package static func coverageError(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        let values = (0..<groups.count).map { g -> Double in
            let rows = groups.rows(g)
            guard let lowest = rows.filter({ relevance[$0] > 0 }).map({ scores[$0] }).min() else { return 0 }
            return Double(rows.reduce(0) { $0 + (scores[$1] >= lowest ? 1 : 0) })
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// Ranking loss (scikit-learn's `label_ranking_loss`): the fraction of (true, false)
    /// label pairs where the false label scores at least as high; 0 for a query whose
    /// labels are all true or all false.
    package static func rankingLoss(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        let values = (0..<groups.count).map { g -> Double in
            let rows = groups.rows(g)
            let positives = rows.reduce(0) { $0 + (relevance[$1] > 0 ? 1 : 0) }
            let negatives = rows.count - positives
            if positives == 0 || negatives == 0 {
                return 0
            }
            // Walk from the highest score: every true label in or below a run that holds
            // false labels is misordered against them (ties count as misordered).
            var misordered = 0
            var falseSoFar = 0
            for run in groups.tieRuns(g, scores: scores) {
                let runRows = run.map { rows[rows.startIndex + $0] }
                let runTrue = runRows.reduce(0) { $0 + (relevance[$1] > 0 ? 1 : 0) }
                falseSoFar += runRows.count - runTrue
                misordered += runTrue * falseSoFar
            }
            return Double(misordered) / Double(positives * negatives)
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// The queries (`group:` keys, one query when nil) with no item of relevance above 0,
    /// and the number of queries: what `empty: .skip` leaves out of a mean.
    ///
    /// With nonnegative relevance an ideal DCG of 0 means exactly this, so the count is
    /// the same for `ndcg` as for the top-k metrics.
    package static func queriesWithoutRelevantItem(
        _ relevance: [Double], group: [Int]? = nil
    ) -> (empty: Int, queries: Int) {
        guard let group else { return (relevance.contains { $0 > 0 } ? 0 : 1, relevance.isEmpty ? 0 : 1) }
        var relevant: [Int: Bool] = [:]
        for (row, key) in zip(relevance.indices, group) {
            relevant[key] = (relevant[key] ?? false) || relevance[row] > 0
        }
        return (relevant.values.reduce(0) { $0 + ($1 ? 0 : 1) }, relevant.count)
    }

    // MARK: Helpers

    static func kValid(_ k: Int?) throws(MetricError) {
        if let k, k < 1 {
            throw .invalidParameter(.option(.k), value: Double(k), .atLeast(1))
        }
    }

    /// scikit-learn's discount at 0-based position i: `1 / (ln(i + 2) / ln 2)`, 0 past k.
    @inline(__always)
    static func discount(_ position: Int, k: Int?) -> Double {
        if let k, position >= k {
            return 0
        }
        return 1 / (log(Double(position + 2)) / log(2.0))
    }

    /// DCG of one group with tied runs sharing their mean gain.
    private static func tieAveragedDcg(
        _ groups: RankingGroups, _ g: Int, relevance: [Double], scores: [Double], k: Int?, gain: RankingGain
    ) -> Double {
        let rows = groups.rows(g)
        var total = 0.0
        for run in groups.tieRuns(g, scores: scores) {
            var gains = 0.0
            var discounts = 0.0
            for position in run {
                gains += gain.gain(relevance[rows[rows.startIndex + position]])
                discounts += discount(position, k: k)
            }
            total += gains / Double(run.count) * discounts
        }
        return total
    }

    /// DCG of the ideal order: gains sorted descending.
    private static func idealDcg(_ relevance: [Double], k: Int?, gain: RankingGain) -> Double {
        let sorted = relevance.map(gain.gain).sorted(by: >)
        var total = 0.0
        for (position, value) in sorted.enumerated() {
            total += value * discount(position, k: k)
        }
        return total
    }
}
