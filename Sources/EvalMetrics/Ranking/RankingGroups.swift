/// Rows ordered by group key, then by descending score: the one sort ranking metrics share.
///
/// Ranking metrics score each query (a `group:` key) on its own and average the
/// queries. One comparison sort on (group, −score, row) puts every query's rows together
/// in ranked order; each metric then walks the groups, and within a group the runs of
/// tied scores, which scikit-learn's ranking metrics average over.
struct RankingGroups {
    /// Row indices, grouped, each group by descending score, ties by ascending row.
    let order: [Int]
    /// Start offsets of the groups in `order`, plus `order.count` at the end.
    let bounds: [Int]

    /// Validates the shared ranking input and sorts once.
    ///
    /// `relevance` may be graded (any value ≥ 0) or 0/1; `group` nil means one query.
    init(relevance: [Double], scores: [Double], group: [Int]?) throws(MetricError) {
        if scores.count != relevance.count {
            throw .lengthMismatch(.prediction, count: scores.count, expected: relevance.count)
        }
        if let group, group.count != relevance.count {
            throw .lengthMismatch(.groups, count: group.count, expected: relevance.count)
        }
        if relevance.isEmpty {
            throw .empty
        }
        try Validation.noMissing(relevance, name: .relevance)
        try Validation.noMissing(scores, name: .prediction)
        if let index = relevance.firstIndex(where: { $0 < 0 || $0.isInfinite }) {
            throw .invalidValue(
                .relevance, row: index, value: relevance[index], .relevance
            )
        }
        let order = relevance.indices.sorted { a, b in
            let ga = group?[a] ?? 0
            let gb = group?[b] ?? 0
            if ga != gb { return ga < gb }
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            return a < b
        }
        var bounds = [0]
        for k in 1..<order.count where (group?[order[k]] ?? 0) != (group?[order[k - 1]] ?? 0) {
            bounds.append(k)
        }
        bounds.append(order.count)
        self.order = order
        self.bounds = bounds
    }

    /// The number of groups.
    var count: Int { bounds.count - 1 }

    /// The rows of group g, in ranked order.
    func rows(_ g: Int) -> ArraySlice<Int> { order[bounds[g]..<bounds[g + 1]] }

    /// The tied runs of a group as ranges of positions within it (0-based ranks).
    func tieRuns(_ g: Int, scores: [Double]) -> [Range<Int>] {
        let rows = self.rows(g)
        var runs = [Range<Int>]()
        var start = 0
        for (position, row) in rows.enumerated() where position > 0 {
            if scores[row] != scores[rows[rows.startIndex + position - 1]] {
                runs.append(start..<position)
                start = position
            }
        }
        runs.append(start..<rows.count)
        return runs
    }
}
