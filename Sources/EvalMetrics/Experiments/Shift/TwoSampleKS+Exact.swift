// The exact null distribution of the two-sample KS statistic, by lattice-path counting.
//
// Under the null every interleaving of the m + n pooled values is equally likely, i.e.
// every monotone lattice path from (0, 0) to (m, n). `D ≥ h / lcm(m, n)` exactly when the
// path leaves the band |x/m − y/n| < h/lcm, so the p-value is the share of paths that
// leave it. Ported from scipy's `_attempt_exact_2kssamp`, `_compute_prob_outside_square`
// (m = n) and `_compute_outer_prob_inside_method` (m ≠ n, compiled with Pythran in scipy),
// including the operation order, since the result decides whether scipy falls back to
// the asymptotic branch.

extension Shift {
    /// The exact two-sided p-value, or nil probability when scipy would fall back.
    ///
    /// `statistic` is `d` snapped to the lattice, `h / lcm` with `h = round(d · lcm)`
    /// (half to even), which scipy reports whether or not the exact count succeeds.
    static func exactTwoSidedProbability(_ n1: Int, _ n2: Int, d: Double) -> (statistic: Double, probability: Double?) {
        let g = greatestCommonDivisor(n1, n2)
        let lcm = (n1 / g) * n2
        let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
        let snapped = Double(h) * 1.0 / Double(lcm)
        if h == 0 {
            return (snapped, 1.0)
        }
        let probability =
            n1 == n2
            ? probabilityOutsideSquare(n: n1, h: h)
            : probabilityOutsideBand(n1, n2, g: g, h: h)
        // scipy accepts only a probability; anything else (NaN, or 1 + ulp) falls back.
        guard let probability, probability >= 0, probability <= 1 else {
            return (snapped, nil)
        }
        return (snapped, probability)
    }

    /// `P(D_{n,n} ≥ h/n)` for equal sizes: the reflection formula
    /// `2 Σ_k (−1)^(k−1) C(2n, n − kh) / C(2n, n)`, evaluated Horner-style on the ratios so
    /// nothing cancels.
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = n / h
        while k >= 0 {
            var ratio = 1.0
            // Each ratio C(2n, n − kh)/C(2n, n) is a product of h simple factors.
            for j in 0..<h {
                ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1)
            }
            p = ratio * (1.0 - p)
            k -= 1
        }
        return 2 * p
    }

    /// The share of lattice paths from (0, 0) to (m, n) that leave the band
    /// |x/m − y/n| < h/lcm(m, n), by Hodges' inside method in Viehmann's form, which
    /// carries 1 − (share inside) column by column so small p-values keep their digits.
    ///
    /// Only a sliding window of one column is kept. Returns nil if the window would leave
    /// its buffer, which scipy's sizing rules out; a nil becomes the asymptotic fallback
    /// rather than a crash.
    static func probabilityOutsideBand(_ n1: Int, _ n2: Int, g: Int, h: Int) -> Double? {
        // Symmetric in m and n; the recursion runs over the longer side.
        let m = max(n1, n2)
        let n = min(n1, n2)
        let mg = m / g
        let ng = n / g
        var minj = 0
        var maxj = min(Int((Double(h) / Double(mg)).rounded(.up)), n + 1)
        var currentLength = maxj - minj
        let bufferLength = min(2 * maxj + 2, n + 1)
        var column = [Double](repeating: 1, count: bufferLength)
        // The first column: paths still inside the band have left it with probability 0.
        guard maxj <= bufferLength else { return nil }
        for index in minj..<maxj { column[index] = 0 }
        var i = 1
        while i <= m {
            let lastMinj = minj
            let lastLength = currentLength
            minj = min(max(Int((Double(ng * i - h) / Double(mg)).rounded(.down)) + 1, 0), n)
            maxj = min(Int((Double(ng * i + h) / Double(mg)).rounded(.up)), n + 1)
            if maxj <= minj {
                return 1.0
            }
            guard maxj - minj <= bufferLength, minj >= lastMinj,
                maxj - lastMinj <= bufferLength
            else { return nil }
            // A(i, j) = (A(i − 1, j)·i + A(i, j − 1)·j) / (i + j) on the window.
            var value = minj == 0 ? 0.0 : 1.0
            for jj in 0..<(maxj - minj) {
                let j = jj + minj
                value = (column[jj + minj - lastMinj] * Double(i) + value * Double(j)) / Double(i + j)
                column[jj] = value
            }
            currentLength = maxj - minj
            if lastLength > currentLength {
                // Cells that slid out of the band count as having left it.
                let start = maxj - minj
                let end = min(start + (lastLength - currentLength), bufferLength)
                if start < end {
                    for index in start..<end { column[index] = 1 }
                }
            }
            i += 1
        }
        let last = maxj - minj - 1
        return column.indices.contains(last) ? column[last] : nil
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
