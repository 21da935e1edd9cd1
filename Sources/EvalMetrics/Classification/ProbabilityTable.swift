import Foundation

/// A rows × classes table of scores or probabilities in one row-major buffer.
///
/// Column i belongs to class code i. Bindings hold tables as columns; `init(columns:)`
/// interleaves them once so the per-row kernels read one contiguous row at a time.
package struct ProbabilityTable: Equatable, Sendable {
    /// Row-major values: row r, class c at `values[r * classes + c]`.
    package let values: [Double]
    package let rows: Int
    package let classes: Int

    /// A table from a row-major buffer whose length must be `rows × classes`.
    package init(rowMajor values: [Double], classes: Int) throws(MetricError) {
        if classes < 1 {
            throw .invalidParameter(.option(.classes), value: Double(classes), .atLeast(1))
        }
        if values.count % classes != 0 {
            throw .invalidParameter(
                .prediction, value: Double(values.count), .multipleOfClasses(classes)
            )
        }
        self.values = values
        self.classes = classes
        rows = values.count / classes
    }

    /// A table from one array per class, all of the same length.
    package init(columns: [[Double]]) throws(MetricError) {
        guard let first = columns.first else {
            throw .invalidParameter(.option(.classes), value: 0, .atLeast(1))
        }
        if let bad = columns.first(where: { $0.count != first.count }) {
            throw .lengthMismatch(.prediction, count: bad.count, expected: first.count)
        }
        let count = first.count, width = columns.count
        // Interleave in tiles of rows: writing one column at a time across all rows
        // strides through memory a row apart and misses the cache on every value.
        let tile = 256
        let values = [Double](unsafeUninitializedCapacity: count * width) { buffer, initialized in
            var start = 0
            while start < count {
                let end = min(start + tile, count)
                for (c, column) in columns.enumerated() {
                    column.withUnsafeBufferPointer { source in
                        var r = start
                        while r < end {
                            buffer[r &* width &+ c] = source[r]
                            r &+= 1
                        }
                    }
                }
                start = end
            }
            initialized = count * width
        }
        self.values = values
        classes = columns.count
        rows = first.count
    }

    /// The checks shared by table metrics: rows match `y`, codes in range, no NaN,
    /// weights valid; `probabilities` adds the [0, 1] range.
    func validate(y: [Int], weights: [Double]?, probabilities: Bool) throws(MetricError) {
        if rows != y.count {
            throw .lengthMismatch(.prediction, count: rows, expected: y.count)
        }
        try Validation.codes(y, name: .truth, classes: classes, weights: weights)
        // A probability in [0, 1] is never NaN, so one scan usually settles both checks.
        if probabilities, Scan.none(values, { !(($0 >= 0) & ($0 <= 1)) }) {
            return
        }
        try Validation.noMissing(values, name: .prediction)
        if probabilities {
            try Validation.probabilities(values)
        }
    }
}

extension Metrics {
    /// The weighted fraction of rows whose true class is among the `k` highest scores of
    /// its row (scikit-learn's `top_k_accuracy_score` with `labels = 0..<classes`).
    ///
    /// Ties are broken as scikit-learn's reversed stable argsort breaks them: among equal
    /// scores the higher class code ranks first. So the true class c is a hit when
    /// `#{j : s_j > s_c} + #{j > c : s_j = s_c} < k`, counted in one pass over the row.
    /// `k ≥ classes` is always a hit, as in scikit-learn.
    package static func topKAccuracy(
        _ y: [Int], _ scores: ProbabilityTable, k: Int, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        if k < 1 {
            throw .invalidParameter(.option(.k), value: Double(k), .atLeast(1))
        }
        try scores.validate(y: y, weights: weights, probabilities: false)
        let m = scores.classes
        return scores.values.withUnsafeBufferPointer { values in
            Summation.weightedMean(count: y.count, weights: weights) { r in
                let row = r * m
                let truth = y[r]
                let own = values[row + truth]
                var ahead = 0
                for j in 0..<m {
                    let s = values[row + j]
                    if s > own || (s == own && j > truth) {
                        ahead += 1
                    }
                }
                return ahead < k ? 1 : 0
            }
        }
    }

    /// Multiclass log loss `−Σ w·log(clip(P[r, y_r])) / Σ w` (scikit-learn's `log_loss`
    /// with `labels = 0..<classes`).
    ///
    /// scikit-learn 1.9 clips every probability to `[ε, 1 − ε]` (ε = float64 epsilon) and
    /// does not renormalise rows: a row that does not sum to one only warns there. This
    /// follows it: rows are used as given, so a float32 softmax whose rows sum to
    /// 1 ± 1e-7 scores exactly as scikit-learn scores it. Values outside [0, 1] are an error.
    package static func crossEntropy(
        _ y: [Int], _ p: ProbabilityTable, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try p.validate(y: y, weights: weights, probabilities: true)
        let m = p.classes
        let epsilon = Double.ulpOfOne
        return p.values.withUnsafeBufferPointer { values in
            Summation.weightedMean(count: y.count, weights: weights) { r in
                let probability = Swift.min(Swift.max(values[r * m + y[r]], epsilon), 1 - epsilon)
                return -log(probability)
            }
        }
    }
}
