import Testing

@testable import EvalMetrics

/// A small seeded generator so randomised tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Scores with heavy ties, both zeros, negatives, infinities and extreme magnitudes.
func awkwardScores(count: Int, seed: UInt64) -> [Double] {
    var rng = SplitMix64(state: seed)
    let specials: [Double] = [
        0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude,
        -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-300, 1,
    ]
    return (0..<count).map { _ in
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return specials[Int.random(in: 0..<specials.count, using: &rng)]
        case 1: return Double(Int.random(in: -3...3, using: &rng)) / 2
        default: return Double.random(in: -1e6...1e6, using: &rng)
        }
    }
}

/// Rank-sum AUC by comparing every positive with every negative: slow but obviously right.
func bruteForceAuc(_ y: [Double], _ s: [Double], _ w: [Double]?) -> Double {
    var concordant = 0.0, positives = 0.0, negatives = 0.0
    for i in y.indices {
        let wi = w?[i] ?? 1
        if y[i] == 1 { positives += wi } else { negatives += wi }
        guard y[i] == 1 else { continue }
        for j in y.indices where y[j] == 0 {
            let pair = wi * (w?[j] ?? 1)
            concordant += s[i] > s[j] ? pair : (s[i] == s[j] ? pair / 2 : 0)
        }
    }
    return concordant / (positives * negatives)
}

@Suite("the shared descending sort")
struct RankSortTests {
    @Test(arguments: [0, 1, 2, 255, 256, 257, 1000, 5000])
    func radixMatchesComparisonSort(count: Int) {
        let scores = awkwardScores(count: count, seed: UInt64(count) &+ 17)
        let reference = RankSort.comparisonSort(scores)
        if count > 0 {
            let radix = RankSort.radixSort(scores)
            #expect(radix.rows == reference.rows)
            #expect(radix.keys == reference.keys)
        }
        #expect(RankSort.descendingOrder(scores) == reference.rows)
        #expect(reference.rows.sorted() == Array(0..<count))
        #expect(reference.keys == reference.rows.map { RankSort.descendingKey(scores[$0]) })
    }

    @Test func descendingAndStable() {
        let scores = awkwardScores(count: 3000, seed: 99)
        let order = RankSort.descendingOrder(scores)
        for k in order.indices.dropLast() {
            let a = order[k], b = order[k + 1]
            #expect(scores[a] >= scores[b])
            if scores[a] == scores[b] {
                #expect(a < b, "ties keep row order")
            }
        }
    }

    @Test func keyOrder() {
        let ascending: [Double] = [
            -.infinity, -1e300, -1, -.leastNonzeroMagnitude, 0,
            .leastNonzeroMagnitude, 1, 1e300, .infinity,
        ]
        let keys = ascending.map(RankSort.descendingKey)
        #expect(keys == keys.sorted(by: >))
        #expect(RankSort.descendingKey(-0.0) == RankSort.descendingKey(0.0))
    }

    /// NaN is rejected by the metrics, but the sort itself must still not trap on it.
    @Test func nanDoesNotTrap() {
        let scores = [1.0, .nan, 0.5] + [Double](repeating: .nan, count: 300)
        #expect(RankSort.descendingOrder(scores).count == 303)
    }
}

@Suite("roc_auc against a brute-force rank sum")
struct RocAucPropertyTests {
    @Test(arguments: [3, 50, 256, 257, 700])
    func matchesBruteForce(count: Int) throws {
        var rng = SplitMix64(state: UInt64(count) * 7919)
        let y = (0..<count).map { i in i < 2 ? Double(i) : Double(Int.random(in: 0...1, using: &rng)) }
        let scores = awkwardScores(count: count, seed: UInt64(count) &+ 5)
            .map { $0.isFinite ? $0 : 0 }
        // Some zero weights, but rows 0 and 1 keep one weighted row per class.
        let weights = (0..<count).map { i in
            i >= 2 && Int.random(in: 0..<5, using: &rng) == 0 ? 0 : Double.random(in: 0.1...4, using: &rng)
        }
        for w in [nil, weights] {
            let value = try #require(try Metrics.rocAuc(y, scores, weights: w).value)
            let expected = bruteForceAuc(y, scores, w)
            #expect(isClose(value, expected), "n=\(count) weighted=\(w != nil): \(value) vs \(expected)")
        }
    }

    /// Infinite scores are valid ranks: the extremes sort first and last.
    @Test func infiniteScores() throws {
        let result = try Metrics.rocAuc([1, 0, 1, 0], [.infinity, -.infinity, 3, 3])
        #expect(result.value == 0.875)
    }
}
