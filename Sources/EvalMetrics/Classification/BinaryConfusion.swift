/// Weighted confusion counts of hard 0/1 predictions against 0/1 labels.
///
/// Every binary hard-prediction metric is a ratio of these four sums, so a cell asking
/// for precision, recall and F1 of the same columns can count once and derive them all.
/// With weights the counts are sums of weights, so they need not be whole numbers.
package struct BinaryConfusion: Equatable, Sendable {
    /// Predicted 1, truly 1.
    package var tp: Double
    /// Predicted 1, truly 0.
    package var fp: Double
    /// Predicted 0, truly 1.
    package var fn: Double
    /// Predicted 0, truly 0.
    package var tn: Double
    /// How many rows (not weights) have `y` = 1 and `y` = 0: scikit-learn decides which
    /// labels exist by presence, before weights.
    package var positiveRows: Int
    package var negativeRows: Int
    /// How many rows predict 1 and 0.
    package var predictedPositiveRows: Int
    package var predictedNegativeRows: Int

    /// Counts `y` against `yhat`; both must hold only 0 and 1.
    ///
    /// Each cell is summed in row order with compensation, so the counts do not depend
    /// on how many rows there are beyond rounding of the final sum.
    package init(_ y: [Double], _ yhat: [Double], weights: [Double]? = nil) throws(MetricError) {
        try Validation.checkDecisions(y: y, yhat: yhat, weights: weights)
        var rows = [0, 0, 0, 0]
        if let weights {
            var cells = [CompensatedSum](repeating: CompensatedSum(), count: 4)
            for i in y.indices {
                // Cell index: 2·truth + prediction, so 0 = tn, 1 = fp, 2 = fn, 3 = tp.
                let cell = (y[i] == 1 ? 2 : 0) + (yhat[i] == 1 ? 1 : 0)
                cells[cell].add(weights[i])
                rows[cell] += 1
            }
            tn = cells[0].value
            fp = cells[1].value
            fn = cells[2].value
            tp = cells[3].value
        } else {
            // Unweighted counts are integers. With 0/1 values, tp = Σ y·ŷ, and the other
            // cells follow from Σ y and Σ ŷ: integer counters in a branch-free loop the
            // compiler vectorises.
            var both = 0, truths = 0, predictions = 0
            y.withUnsafeBufferPointer { yb in
                yhat.withUnsafeBufferPointer { pb in
                    var i = 0
                    let n = min(yb.count, pb.count)
                    while i < n {
                        let t = yb[i] == 1 ? 1 : 0, q = pb[i] == 1 ? 1 : 0
                        both &+= t & q
                        truths &+= t
                        predictions &+= q
                        i &+= 1
                    }
                }
            }
            let t3 = both, t2 = truths - t3, t1 = predictions - t3
            let t0 = y.count - t1 - t2 - t3
            rows = [t0, t1, t2, t3]
            tn = Double(t0)
            fp = Double(t1)
            fn = Double(t2)
            tp = Double(t3)
        }
        positiveRows = rows[2] + rows[3]
        negativeRows = rows[0] + rows[1]
        predictedPositiveRows = rows[1] + rows[3]
        predictedNegativeRows = rows[0] + rows[2]
    }

    /// Counts 0/1 labels `y` against `scores` turned into decisions at `threshold`
    /// (positive when score ≥ threshold), unweighted, without building the decisions.
    ///
    /// One fused pass checks the labels, checks the scores for missing values and counts,
    /// so F1 at a threshold reads each column once. Errors are those of
    /// `init(_:_:weights:)` with the decisions named `yhat`.
    package init(_ y: [Double], scores: [Double], threshold: Double) throws(MetricError) {
        if scores.count != y.count {
            throw .lengthMismatch(.prediction, count: scores.count, expected: y.count)
        }
        if y.isEmpty {
            throw .empty
        }
        var both = 0, truths = 0, predictions = 0, bad: UInt8 = 0
        y.withUnsafeBufferPointer { yb in
            scores.withUnsafeBufferPointer { sb in
                var i = 0
                let n = min(yb.count, sb.count)
                while i < n {
                    let label = yb[i], score = sb[i]
                    bad |= ((label != 0) & (label != 1)) | (score != score) ? 1 : 0
                    let t = label == 1 ? 1 : 0, q = score >= threshold ? 1 : 0
                    both &+= t & q
                    truths &+= t
                    predictions &+= q
                    i &+= 1
                }
            }
        }
        if bad != 0 {
            try Validation.noMissing(y, name: .truth)
            try Validation.noMissing(scores, name: .prediction)
            try Validation.binaryLabels(y)
        }
        let t3 = both, t2 = truths - t3, t1 = predictions - t3
        let t0 = y.count - t1 - t2 - t3
        tn = Double(t0)
        fp = Double(t1)
        fn = Double(t2)
        tp = Double(t3)
        positiveRows = t2 + t3
        negativeRows = t0 + t1
        predictedPositiveRows = t1 + t3
        predictedNegativeRows = t0 + t2
    }

    /// The total weight.
    package var total: Double { tp + fp + fn + tn }

    /// As a 2×2 multiclass confusion matrix over codes 0 and 1 (rows true, columns
    /// predicted), for the metrics the binary and multiclass cases share.
    package var matrix: ConfusionMatrix {
        ConfusionMatrix(
            classes: 2,
            counts: [tn, fp, fn, tp],
            present: [
                negativeRows + predictedNegativeRows > 0,
                positiveRows + predictedPositiveRows > 0,
            ]
        )
    }
}
