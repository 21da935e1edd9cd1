// Business values of decisions: what hard predictions earn under a payoff.

extension Metrics {
    /// The total a set of 0/1 decisions earns: `Σ w · payoff(y, ŷ)` over rows.
    ///
    /// A total rather than a mean, because a business reads "this model earns 41,200 on
    /// last month's customers"; divide by `nrow` for a per-example value.
    package static func profit(
        _ y: [Double], _ yhat: [Double], payoff: Payoff, weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.checkDecisions(y: y, yhat: yhat, weights: weights)
        try payoff.validate(rows: y.count)
        var total = CompensatedSum()
        for row in y.indices {
            let w = weights?[row] ?? 1
            total.add(w * payoff.value(row: row, positive: y[row] == 1, act: yhat[row] == 1))
        }
        return .defined(total.value)
    }

    /// The mean value per example of multiclass decisions under a payoff matrix:
    /// `Σ w · M[y, ŷ] / Σ w`, with rows of `matrix` the true class and columns the
    /// predicted one (row-major, `classes × classes`).
    ///
    /// A mean, because a matrix of per-decision values is usually read as "what one
    /// routed ticket is worth"; multiply by the row count for a total.
    package static func expectedValue(
        _ y: [Int], _ yhat: [Int], classes: Int, matrix: [Double], weights: [Double]? = nil
    ) throws(MetricError) -> MetricResult<Double> {
        try Validation.classCodes(y: y, other: yhat, otherName: .prediction, classes: classes, weights: weights)
        if matrix.count != classes * classes {
            throw .invalidParameter(
                .payoffMatrix, value: Double(matrix.count), .squareMatrix(classes: classes)
            )
        }
        if let index = Scan.firstIndex(matrix, where: { !$0.isFinite }) {
            throw .invalidValue(.payoffMatrix, row: index, value: matrix[index], .finiteAmount)
        }
        return Summation.weightedMean(count: y.count, weights: weights) { row in
            matrix[y[row] * classes + yhat[row]]
        }
    }
}
