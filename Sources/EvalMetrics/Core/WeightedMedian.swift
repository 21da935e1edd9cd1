/// Medians as scikit-learn 1.9 takes them for `median_absolute_error`.
///
/// Unweighted, numpy's median: the middle value, or the mean of the two middle values.
/// Weighted, scikit-learn's `_weighted_percentile(average=True)`, the "averaged inverted
/// CDF": walk the cumulative weight of the ascending values to half the total; where it
/// lands strictly inside a value's weight that value is the median, and where it lands
/// on a boundary (within float64 epsilon, absolute, as scikit-learn tests it) the median
/// is the mean of that value and the next one that carries weight.
enum WeightedMedian {
    /// The median of `values`; nil when empty or all weights are zero.
    static func median(_ values: [Double], weights: [Double]?) -> Double? {
        guard !values.isEmpty else { return nil }
        guard let weights else {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            if sorted.count % 2 == 1 {
                return sorted[middle]
            }
            return (sorted[middle - 1] + sorted[middle]) / 2
        }
        // Sorting by value alone is enough: tied values give the same answer whatever
        // their order, since the result is a value, not a row.
        let order = values.indices.sorted { values[$0] < values[$1] }
        var cumulative = [Double](repeating: 0, count: order.count)
        // numpy's cumulative sum is sequential; so is this, to land on the same boundaries.
        var running = 0.0
        for (k, row) in order.enumerated() {
            running += weights[row]
            cumulative[k] = running
        }
        guard running > 0 else { return nil }
        let target = 0.5 * running
        let last = order.count - 1
        // searchsorted(side: left): the first k with cumulative[k] >= target.
        let index = Swift.min(firstIndex(in: cumulative, notBelow: target), last)
        let value = values[order[index]]
        if cumulative[index] - target > Double.ulpOfOne {
            return value
        }
        var nextIndex = Swift.min(index + 1, last)
        if weights[order[nextIndex]] == 0 {
            // Skip zero-weight rows: the next value is the first whose cumulative weight
            // exceeds this one's (searchsorted side: right), or this one at the end.
            let right = firstIndex(in: cumulative, above: cumulative[index])
            nextIndex = right > last ? index : right
        }
        return (value + values[order[nextIndex]]) / 2
    }

    /// The first index whose element is `>= target` in an ascending array (binary search).
    private static func firstIndex(in sorted: [Double], notBelow target: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose element is `> target` in an ascending array.
    private static func firstIndex(in sorted: [Double], above target: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
