import EvalMetrics
import Testing

/// A metric entry point with the shape every kernel shares.
typealias Kernel = @Sendable ([Double], [Double], [Double]?) throws(MetricError) -> MetricResult<Double>

/// Every metric by its builtin name, so each error path is checked for all of them.
let kernels: [(name: String, run: Kernel)] = [
    ("mae", { y, x, w throws(MetricError) in try Metrics.mae(y, x, weights: w) }),
    ("mse", { y, x, w throws(MetricError) in try Metrics.mse(y, x, weights: w) }),
    ("rmse", { y, x, w throws(MetricError) in try Metrics.rmse(y, x, weights: w) }),
    ("r2", { y, x, w throws(MetricError) in try Metrics.r2(y, x, weights: w) }),
    ("accuracy", { y, x, w throws(MetricError) in try Metrics.accuracy(y, x, weights: w) }),
    ("log_loss", { y, x, w throws(MetricError) in try Metrics.logLoss(y, x, weights: w) }),
    ("roc_auc", { y, x, w throws(MetricError) in try Metrics.rocAuc(y, x, weights: w) }),
]

/// The role of each metric's second argument (the builtin gives it its name).
let secondArgument: [String: MetricArgument] = [
    "mae": .prediction, "mse": .prediction, "rmse": .prediction, "r2": .prediction, "accuracy": .prediction,
    "log_loss": .prediction, "roc_auc": .prediction,
]

/// The error a call throws, or nil when it succeeds.
func thrownError(_ body: () throws(MetricError) -> MetricResult<Double>) -> MetricError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite("wrong input is an error")
struct MetricErrorTests {
    let y = [0.0, 1.0, 1.0, 0.0]
    let p = [0.2, 0.7, 0.6, 0.4]

    @Test(arguments: kernels.map(\.name))
    func lengthMismatchOfPrediction(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        let expected = MetricError.lengthMismatch(secondArgument[name] ?? .prediction, count: 3, expected: 4)
        #expect(thrownError { () throws(MetricError) in try kernel(y, [0.1, 0.2, 0.3], nil) } == expected)
    }

    @Test(arguments: kernels.map(\.name))
    func lengthMismatchOfWeights(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        let expected = MetricError.lengthMismatch(.weights, count: 5, expected: 4)
        #expect(thrownError { () throws(MetricError) in try kernel(y, p, [1, 1, 1, 1, 1]) } == expected)
    }

    @Test(arguments: kernels.map(\.name))
    func empty(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        #expect(thrownError { () throws(MetricError) in try kernel([], [], nil) } == .empty)
        #expect(thrownError { () throws(MetricError) in try kernel([], [], []) } == .empty)
    }

    @Test(arguments: kernels.map(\.name))
    func missingValues(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        let other = secondArgument[name] ?? .prediction
        #expect(
            thrownError { () throws(MetricError) in try kernel([0, .nan, 1, 0], p, nil) }
                == .missingValue(.truth, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try kernel(y, [0.2, 0.7, 0.6, .nan], nil) }
                == .missingValue(other, row: 3))
        #expect(
            thrownError { () throws(MetricError) in try kernel(y, p, [1, 1, .nan, 1]) }
                == .missingValue(.weights, row: 2))
        // y is checked before the prediction, so the first error is stable.
        #expect(
            thrownError { () throws(MetricError) in try kernel([.nan, 1, 1, 0], [.nan, 1, 1, 0], nil) }
                == .missingValue(.truth, row: 0))
    }

    @Test(arguments: kernels.map(\.name))
    func negativeWeight(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        #expect(
            thrownError { () throws(MetricError) in try kernel(y, p, [1, 2, -0.5, 1]) }
                == .negativeWeight(row: 2, value: -0.5))
        // -0.0 is zero, not negative.
        #expect(thrownError { () throws(MetricError) in try kernel(y, p, [1, -0.0, 1, 1]) } == nil)
    }

    @Test func notBinary() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss([0, 1, 2, 1], p) }
                == .notBinary(row: 2, value: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.rocAuc([0, 1, 0.5, 1], p) }
                == .notBinary(row: 2, value: 0.5))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.rocAuc([0, -1, 0, 1], p) }
                == .notBinary(row: 1, value: -1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss([.infinity, 1, 0, 1], p) }
                == .notBinary(row: 0, value: .infinity))
    }

    @Test func probabilityOutOfRange() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss(y, [0.2, 1.0000001, 0.6, 0.4]) }
                == .probabilityOutOfRange(row: 1, value: 1.0000001))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss(y, [0.2, 0.7, -1e-300, 0.4]) }
                == .probabilityOutOfRange(row: 2, value: -1e-300))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss(y, [0.2, 0.7, 0.6, .infinity]) }
                == .probabilityOutOfRange(row: 3, value: .infinity))
        // Exactly 0 and 1 are valid probabilities.
        #expect(thrownError { () throws(MetricError) in try Metrics.logLoss(y, [0, 1, 1, 0]) } == nil)
        // Scores for AUC are not probabilities.
        #expect(thrownError { () throws(MetricError) in try Metrics.rocAuc(y, [-5, 7, 3e9, 0]) } == nil)
    }

    /// Label and probability rules apply before weight signs: domain, then weights.
    @Test func checkOrder() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss([0, 1, 1], [0.5, 0.5], weights: [1]) }
                == .lengthMismatch(.prediction, count: 2, expected: 3))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss([3, 1], [2, 0.5], weights: [-1, 1]) }
                == .notBinary(row: 0, value: 3))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.logLoss([1, 1], [2, 0.5], weights: [-1, 1]) }
                == .probabilityOutOfRange(row: 0, value: 2))
    }
}
