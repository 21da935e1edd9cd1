/// A weighted k×k confusion matrix of class codes: rows are true classes, columns
/// predicted ones (scikit-learn's `confusion_matrix` layout).
///
/// It also records which classes occur at all in `y` or `yhat`. scikit-learn's default
/// label set is that union (`unique_labels(y_true, y_pred)`), decided by presence before
/// weights, and per-class scores, macro averages and Cohen's kappa weights all range over
/// it; a code in `0..<k` that occurs nowhere is not a class of this input.
package struct ConfusionMatrix: Equatable, Sendable {
    /// k, the number of codes.
    package let classes: Int
    /// Row-major k×k weighted counts: `counts[t * k + p]` for truth t, prediction p.
    package let counts: [Double]
    /// Whether code i occurs in `y` or in `yhat`.
    package let present: [Bool]

    /// Internal: callers guarantee `counts.count == classes²` and `present.count == classes`.
    init(classes: Int, counts: [Double], present: [Bool]) {
        self.classes = classes
        self.counts = counts
        self.present = present
    }

    /// Counts codes `y` against `yhat`, both in `0..<classes`.
    package init(
        _ y: [Int], _ yhat: [Int], classes: Int, weights: [Double]? = nil
    ) throws(MetricError) {
        try Validation.classCodes(y: y, other: yhat, otherName: .prediction, classes: classes, weights: weights)
        var cells = [CompensatedSum](repeating: CompensatedSum(), count: classes * classes)
        var present = [Bool](repeating: false, count: classes)
        for i in y.indices {
            cells[y[i] * classes + yhat[i]].add(weights?[i] ?? 1)
            present[y[i]] = true
            present[yhat[i]] = true
        }
        self.init(classes: classes, counts: cells.map(\.value), present: present)
    }

    /// The weighted count of truth `t` predicted as `p`.
    package subscript(truth truth: Int, predicted predicted: Int) -> Double {
        counts[truth * classes + predicted]
    }

    /// The codes that occur in `y` or `yhat`, ascending: scikit-learn's label set.
    package var labels: [Int] { (0..<classes).filter { present[$0] } }

    /// Per class: the weight of rows truly in it (support, row sums).
    package var trueTotals: [Double] {
        (0..<classes).map { t in Summation.sum(count: classes) { self[truth: t, predicted: $0] } }
    }

    /// Per class: the weight of rows predicted as it (column sums).
    package var predictedTotals: [Double] {
        (0..<classes).map { p in Summation.sum(count: classes) { self[truth: $0, predicted: p] } }
    }

    /// The weight of correctly classified rows.
    package var correct: Double { Summation.sum(count: classes) { self[truth: $0, predicted: $0] } }

    /// All the weight.
    package var total: Double { Summation.sum(counts) }

    /// Matthews correlation coefficient in its multiclass form (scikit-learn's
    /// `matthews_corrcoef`): `(c·s − Σ t_k p_k) / √((s² − Σ p_k²)(s² − Σ t_k²))` with c the
    /// correct weight, s the total, t and p the true and predicted totals.
    ///
    /// When `y` or `yhat` is constant the denominator is zero; scikit-learn returns 0.0
    /// there, which reads as "no better than chance", so this is undefined instead.
    package var mcc: MetricResult<Double> {
        let t = trueTotals
        let p = predictedTotals
        let s = Summation.sum(p)
        if s == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        let covariance = correct * s - Summation.sum(count: classes) { t[$0] * p[$0] }
        let predictedSpread = s * s - Summation.sum(count: classes) { p[$0] * p[$0] }
        let trueSpread = s * s - Summation.sum(count: classes) { t[$0] * t[$0] }
        let product = predictedSpread * trueSpread
        if product == 0 {
            return .undefined(MetricWarning.constantPredictionOrTruth)
        }
        return .defined(covariance / product.squareRoot())
    }

    /// Cohen's kappa of `yhat` against `y` (scikit-learn's `cohen_kappa_score`), with
    /// disagreement weights none (0/1), linear `|i − j|` or quadratic `(i − j)²`.
    ///
    /// As in scikit-learn, i and j are positions in the label set (`labels`), not codes:
    /// with codes {0, 2, 5} present, 0 and 5 are two apart. Undefined when the weights sum
    /// to zero or the chance disagreement is zero (one label in common).
    package func cohenKappa(weighting: KappaWeighting = .none) -> MetricResult<Double> {
        let labels = self.labels
        let m = labels.count
        let rowTotals = trueTotals
        let columnTotals = predictedTotals
        let s = Summation.sum(columnTotals)
        if s == 0 {
            return .undefined(MetricWarning.zeroWeights)
        }
        var observed = CompensatedSum()
        var expected = CompensatedSum()
        for a in 0..<m {
            for b in 0..<m {
                let w = weighting.weight(a, b)
                // scikit-learn's expected matrix is outer(column sums, row sums) / s; the
                // weights are symmetric, so which axis is which does not matter.
                observed.add(w * self[truth: labels[a], predicted: labels[b]])
                expected.add(w * (columnTotals[labels[a]] * rowTotals[labels[b]] / s))
            }
        }
        if expected.value == 0 {
            return .undefined(MetricWarning.oneSharedLabel)
        }
        return .defined(1 - observed.value / expected.value)
    }
}

/// How Cohen's kappa weighs a disagreement between label positions i and j.
package enum KappaWeighting: String, Sendable, CaseIterable {
    /// Every disagreement weighs 1 (scikit-learn's `weights=None`).
    case none
    /// `|i − j|`.
    case linear
    /// `(i − j)²`.
    case quadratic

    func weight(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .none: return i == j ? 0 : 1
        case .linear: return Double(abs(i - j))
        case .quadratic: return Double((i - j) * (i - j))
        }
    }
}
