// Top-k ranking metrics for recommendation and retrieval: hit rate, mean reciprocal
// rank and mean average precision at k, one value per query (`group:` key) averaged over
// the queries that have something relevant (or over every query, those without a relevant
// item scoring 0, with `empty: .zero`).
//
// Ties. SPEC §5 averages tied scores as scikit-learn does, so each metric here is its
// expected value when the items of every run of tied scores are put in a uniformly
// random order (runs independently). Only relevant versus not matters, so within a run
// of m items holding r relevant ones the arrangement is hypergeometric, and each
// expectation has a closed form evaluated in one pass over the run (no enumeration):
//
// - hit rate: a run straddling the cut-off with j of its m positions inside misses all
//   r relevant items with probability C(m − r, j) / C(m, j);
// - reciprocal rank: the first relevant item of a run sits at offset t with probability
//   C(m − 1 − t, r − 1) / C(m, r);
// - average precision: a position inside the run is relevant with probability r / m, and
//   two distinct positions both are with probability r(r − 1) / (m(m − 1)).
//
// Probabilities are built as running products of ratios, never as factorials, so large
// runs neither overflow nor lose precision.

/// One run of tied scores in a query's ranking, with how many of its items are relevant.
struct RelevantRun: Sendable {
    /// The 0-based positions the run occupies in its query's ranking.
    var positions: Range<Int>
    /// The items of the run whose relevance is above 0.
    var relevant: Int

    /// The first position of the run.
    var start: Int { positions.lowerBound }
    /// The number of items in the run.
    var size: Int { positions.count }
}

extension RankingGroups {
    /// The tied runs of group g, each with its count of relevant items (relevance above 0).
    func relevantRuns(_ g: Int, relevance: [Double], scores: [Double]) -> [RelevantRun] {
        let rows = self.rows(g)
        return tieRuns(g, scores: scores).map { run in
            let relevant = run.reduce(0) { $0 + (relevance[rows[rows.startIndex + $1]] > 0 ? 1 : 0) }
            return RelevantRun(positions: run, relevant: relevant)
        }
    }
}

extension Metrics {
    /// Hit rate at k: the share of queries with a relevant item among their top `k`.
    ///
    /// Per query, 1 if any item with relevance above 0 ranks in the top `k` (every
    /// position when `k` is nil), else 0. With tied scores it is the expected value over
    /// random orders of each tied run: for a run straddling the cut-off, the probability
    /// that at least one of its relevant items lands inside, 1 − C(m − r, j) / C(m, j)
    /// (hypergeometric; m items, r relevant, j positions inside).
    ///
    /// A query with no relevant item is left out of the mean, as in `ndcg`: it says
    /// nothing about the ranking. With none left the result is undefined. With
    /// `empty: .zero` such a query scores 0 instead.
    package static func hitRate(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil, k: Int? = nil, empty: RankingEmpty = .skip
    ) throws(MetricError) -> MetricResult<Double> {
        try topKMean(relevance, scores, group: group, k: k, empty: empty) { runs, cutoff, _ in
            // The first run holding a relevant item decides: earlier runs hold none.
            guard let run = runs.first(where: { $0.relevant > 0 }), run.start < cutoff else {
                return 0
            }
            let inside = min(run.positions.upperBound, cutoff) - run.start
            return 1 - missProbability(size: run.size, relevant: run.relevant, drawn: inside)
        }
    }

    /// Mean reciprocal rank: 1 / (rank of the first relevant item), averaged over queries.
    ///
    /// Ranks count from 1; an item is relevant when its relevance is above 0. With `k`,
    /// a query whose first relevant item ranks below `k` scores 0. With tied scores it is
    /// the expected value over random orders of each tied run: the first relevant item
    /// of the first run holding r relevant of m items sits at offset t with probability
    /// C(m − 1 − t, r − 1) / C(m, r) (hypergeometric).
    ///
    /// A query with no relevant item has no first relevant rank, so it is left out of
    /// the mean (as in `ndcg`). With none left the result is undefined. With
    /// `empty: .zero` such a query scores 0 instead.
    package static func mrr(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil, k: Int? = nil, empty: RankingEmpty = .skip
    ) throws(MetricError) -> MetricResult<Double> {
        try topKMean(relevance, scores, group: group, k: k, empty: empty) { runs, cutoff, _ in
            guard let run = runs.first(where: { $0.relevant > 0 }) else { return 0 }
            let m = run.size, r = run.relevant
            var atLeast = 1.0  // P(first relevant offset ≥ t)
            var total = 0.0
            for t in 0...(m - r) {
                let position = run.start + t
                if position >= cutoff {
                    break
                }
                total += atLeast * Double(r) / Double(m - t) / Double(position + 1)
                atLeast *= Double(m - r - t) / Double(m - t)
            }
            return total
        }
    }

    /// Mean average precision at k (the common recommender-systems definition).
    ///
    /// Per query, AP@k = (Σ over relevant items ranked in the top `k` of precision at
    /// their rank) / min(k, number of relevant items); precision at rank i is the share
    /// of relevant items among the first i. Without `k` every position counts and the
    /// divisor is the number of relevant items. An item is relevant when its relevance is
    /// above 0. With tied scores it is the expected value over random orders of each
    /// tied run: a position in a run of m items holding r relevant ones is relevant with
    /// probability r / m, and two distinct positions of the run both are with probability
    /// r(r − 1) / (m(m − 1)), which gives the expected precision term in closed form.
    ///
    /// A query with no relevant item has no average precision, so it is left out of the
    /// mean (as in `ndcg`). With none left the result is undefined. With `empty: .zero`
    /// such a query scores 0 instead.
    package static func mapAtK(
        _ relevance: [Double], _ scores: [Double], group: [Int]? = nil, k: Int? = nil, empty: RankingEmpty = .skip
    ) throws(MetricError) -> MetricResult<Double> {
        try topKMean(relevance, scores, group: group, k: k, empty: empty) { runs, cutoff, relevantCount in
            var before = 0  // relevant items in the runs ranked above this one
            var sum = 0.0
            for run in runs {
                if run.start >= cutoff {
                    break
                }
                let m = Double(run.size), r = Double(run.relevant)
                let single = r / m
                let pair = run.size > 1 ? r * (r - 1) / (m * (m - 1)) : 0
                for position in run.start..<min(run.positions.upperBound, cutoff) {
                    // E[rel_i · (relevant among the first i + 1)]: itself, the runs above,
                    // and the run's own earlier positions.
                    let hits = single * Double(1 + before) + Double(position - run.start) * pair
                    sum += hits / Double(position + 1)
                }
                before += run.relevant
            }
            return sum / Double(min(cutoff, relevantCount))
        }
    }

    // MARK: Helpers

    /// The mean of a per-query value over the queries with a relevant item (those
    /// without one scoring 0 with `empty: .zero`).
    ///
    /// `perQuery` gets the query's tied runs, the cut-off (k, capped at the query's
    /// size) and its number of relevant items, which is at least 1.
    private static func topKMean(
        _ relevance: [Double], _ scores: [Double], group: [Int]?, k: Int?, empty: RankingEmpty,
        perQuery: ([RelevantRun], Int, Int) -> Double
    ) throws(MetricError) -> MetricResult<Double> {
        try kValid(k)
        let groups = try RankingGroups(relevance: relevance, scores: scores, group: group)
        var values = [Double]()
        for g in 0..<groups.count {
            let runs = groups.relevantRuns(g, relevance: relevance, scores: scores)
            let relevantCount = runs.reduce(0) { $0 + $1.relevant }
            if relevantCount == 0 {
                if empty == .zero { values.append(0) }
                continue
            }
            let size = groups.rows(g).count
            values.append(perQuery(runs, min(k ?? size, size), relevantCount))
        }
        if values.isEmpty {
            return .undefined(.noRelevantItems)
        }
        return .defined(Summation.sum(values) / Double(values.count))
    }

    /// The probability that `drawn` positions of a run of `size` items, `relevant` of
    /// them relevant, hold no relevant item: C(size − relevant, drawn) / C(size, drawn).
    private static func missProbability(size: Int, relevant: Int, drawn: Int) -> Double {
        var miss = 1.0
        for i in 0..<max(drawn, 0) {
            if size - relevant - i <= 0 {
                return 0
            }
            miss *= Double(size - relevant - i) / Double(size - i)
        }
        return miss
    }
}
