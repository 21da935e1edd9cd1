// Corrections for testing many hypotheses at once: statsmodels' `multipletests`.

/// How `Experiments.adjustP` corrects a family of p-values; raw values are the cell
/// language's (and statsmodels') method names.
package enum PValueCorrection: String, CaseIterable, Sendable {
    /// Bonferroni: each p times the number of tests (controls the family-wise error rate).
    case bonferroni
    /// Holm's step-down Bonferroni: uniformly more powerful, same guarantee.
    case holm
    /// Benjamini–Hochberg: controls the false discovery rate for independent tests.
    case fdrBH = "fdr_bh"
    /// Benjamini–Yekutieli: the false discovery rate under any dependence.
    case fdrBY = "fdr_by"
}

extension Experiments {
    /// The p-values of a family of tests, adjusted by `method`, in their input order, as
    /// statsmodels' `multipletests(p, method=...)[1]` (its `pvals_corrected`).
    ///
    /// With m tests and the p-values sorted ascending (p₍₁₎ ≤ … ≤ p₍ₘ₎):
    /// - bonferroni: min(1, m·p);
    /// - holm: the running maximum of (m − i + 1)·p₍ᵢ₎ from the smallest up, capped at 1;
    /// - fdr_bh: the running minimum of p₍ᵢ₎ / (i / m) from the largest down, capped at 1;
    /// - fdr_by: as fdr_bh with i / m divided by Σ_{k ≤ m} 1/k.
    ///
    /// Tied p-values get the same adjusted value, so the order ties are sorted in does not
    /// matter. A test is rejected at level alpha when its adjusted p-value is at most
    /// alpha (statsmodels' `reject`). Errors: no p-values, a missing one, or one outside
    /// [0, 1].
    package static func adjustP(_ p: [Double], method: PValueCorrection) throws(MetricError) -> [Double] {
        if p.isEmpty {
            throw .empty
        }
        try Validation.noMissing(p, name: .truth)
        if let row = p.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidValue(.truth, row: row, value: p[row], .closedUnit)
        }
        let m = p.count
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var sorted = order.map { p[$0] }
        switch method {
        case .bonferroni:
            sorted = sorted.map { $0 * Double(m) }
        case .holm:
            var running = 0.0
            for i in 0..<m {
                running = max(running, sorted[i] * Double(m - i))
                sorted[i] = running
            }
        case .fdrBH, .fdrBY:
            // statsmodels divides by the ecdf factor (i + 1) / m, itself divided by the
            // harmonic sum for fdr_by; the same operations keep the same roundings.
            let harmonic = method == .fdrBY ? Summation.sum(count: m) { 1 / Double($0 + 1) } : 1
            var running = Double.infinity
            for i in stride(from: m - 1, through: 0, by: -1) {
                var factor = Double(i + 1) / Double(m)
                if method == .fdrBY { factor /= harmonic }
                running = min(running, sorted[i] / factor)
                sorted[i] = running
            }
        }
        var adjusted = [Double](repeating: 0, count: m)
        for (rank, row) in order.enumerated() { adjusted[row] = min(sorted[rank], 1) }
        return adjusted
    }
}
