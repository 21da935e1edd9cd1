/// Two-sample permutation tests: which rows of the pooled sample each resample gives the
/// first sample, and the p-value read from the null distribution, as scipy's
/// `permutation_test(..., permutation_type="independent")`.
///
/// Under the null hypothesis that both samples come from one distribution, every way of
/// splitting the pooled n_a + n_b values into groups of n_a and n_b is equally likely.
/// When there are at most `resamples` such splits, every one is enumerated (in the
/// lexicographic order of the first sample's pooled indices, Python's
/// `itertools.combinations`), the observed split among them, and the p-value is exact.
/// Otherwise each resample is a uniformly random split drawn from its own xoshiro256**
/// stream under (seed, resample index), so the result does not depend on how resamples
/// are spread over threads; the observed statistic then counts once more, as scipy does,
/// so a p-value is never 0.
package enum Permutation {
    /// The number of distinct splits, C(n_a + n_b, n_a), or nil when it exceeds `limit`
    /// (it is then far too many to enumerate).
    package static func splits(_ first: Int, _ second: Int, limit: Int) -> Int? {
        guard first >= 0, second >= 0 else { return nil }
        let k = min(first, second), n = first + second
        var count = 1
        for i in 0..<k {
            // C(n, i + 1) = C(n, i) · (n − i) / (i + 1), exact at every step.
            let (product, overflow) = count.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            count = product / (i + 1)
            if count > limit { return nil }
        }
        return count
    }

    /// Whether each pooled row goes to the first sample in split `rank` of the enumeration.
    ///
    /// Split `rank` is the rank-th n_a-subset of 0..<n_a + n_b in lexicographic order;
    /// `rank` must be below `splits(first, second, ...)`.
    package static func exactSplit(rank: Int, first: Int, second: Int) -> [Bool] {
        let n = first + second
        var chosen = [Bool](repeating: false, count: n)
        var remaining = rank, needed = first, row = 0
        while needed > 0, row < n {
            // Subsets that skip this row: C(n − row − 1, needed − 1) start with it.
            let withRow = binomial(n - row - 1, needed - 1)
            if remaining < withRow {
                chosen[row] = true
                needed -= 1
            } else {
                remaining -= withRow
            }
            row += 1
        }
        return chosen
    }

    /// Whether pooled row i goes to the first sample in random split `resample`: a
    /// uniform n_a-subset by a partial Fisher–Yates shuffle from the resample's stream.
    package static func randomSplit(resample: Int, first: Int, second: Int, seed: UInt64) -> [Bool] {
        let n = first + second
        var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(resample))
        var order = Array(0..<n)
        var chosen = [Bool](repeating: false, count: n)
        for i in 0..<min(first, n) {
            let j = i + Int(generator.next(below: UInt64(n - i)))
            order.swapAt(i, j)
            chosen[order[i]] = true
        }
        return chosen
    }

    /// The p-value of `observed` against the null distribution `null` (every split when
    /// `exact`, else the random resamples), scipy's rule: values within 100 ulps of the
    /// observed statistic count as equal to it, a random test counts the observed
    /// statistic once more, and two-sided is twice the smaller one-sided p, capped at 1.
    package static func pValue(
        observed: Double, null: [Double], exact: Bool, alternative: TestAlternative
    ) -> Double {
        let adjustment = exact ? 0.0 : 1.0
        let gamma = abs(100 * Double.ulpOfOne * observed)
        let total = Double(null.count) + adjustment
        func below() -> Double {
            (Double(null.reduce(0) { $0 + ($1 <= observed + gamma ? 1 : 0) }) + adjustment) / total
        }
        func above() -> Double {
            (Double(null.reduce(0) { $0 + ($1 >= observed - gamma ? 1 : 0) }) + adjustment) / total
        }
        let p: Double
        switch alternative {
        case .smaller: p = below()
        case .larger: p = above()
        case .twoSided: p = 2 * min(below(), above())
        }
        return min(max(p, 0), 1)
    }

    /// C(n, k) for the small arguments of an enumeration (its total fits in an Int).
    private static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1
        for i in 0..<k {
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            if overflow { return Int.max }
            result = product / (i + 1)
        }
        return result
    }
}

extension Bootstrap {
    /// The row indices of stratified replicate `replicate`, each from its row's stratum.
    ///
    /// Each row's place is refilled with a row drawn with replacement from its own
    /// stratum, so every stratum keeps its size and its places. `stratum[i]` indexes
    /// `members`, each stratum's rows.
    package static func sample(
        stratum: [Int], members: [[Int]], replicate: Int, seed: UInt64
    ) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(replicate))
        return stratum.map { s in
            let rows = members[s]
            return rows[Int(generator.next(below: UInt64(rows.count)))]
        }
    }
}
