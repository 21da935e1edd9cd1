import EvalMetrics
import Testing

/// Hard-prediction kernels see `x ≥ 0.5` as 1, keeping NaN, so the shared (y, p, w)
/// inputs of the error tests fit them too.
private func hard(_ x: [Double]) -> [Double] {
    x.map { $0.isNaN ? .nan : ($0 >= 0.5 ? 1 : 0) }
}

/// Every new scalar kernel of shape (y, x, weights), so each shared error path is
/// checked for all of them.
let catalogueKernels: [(name: String, run: Kernel)] = [
    ("mape", { y, x, w throws(MetricError) in try Metrics.mape(y, x, weights: w) }),
    ("median_ae", { y, x, w throws(MetricError) in try Metrics.medianAe(y, x, weights: w) }),
    ("max_error", { y, x, w throws(MetricError) in try Metrics.maxError(y, x, weights: w) }),
    ("explained_variance", { y, x, w throws(MetricError) in try Metrics.explainedVariance(y, x, weights: w) }),
    ("msle", { y, x, w throws(MetricError) in try Metrics.msle(y, x, weights: w) }),
    ("rmsle", { y, x, w throws(MetricError) in try Metrics.rmsle(y, x, weights: w) }),
    ("pinball", { y, x, w throws(MetricError) in try Metrics.pinball(y, x, alpha: 0.3, weights: w) }),
    ("huber", { y, x, w throws(MetricError) in try Metrics.huber(y, x, delta: 0.2, weights: w) }),
    ("precision", { y, x, w throws(MetricError) in try Metrics.precision(y, hard(x), weights: w) }),
    ("recall", { y, x, w throws(MetricError) in try Metrics.recall(y, hard(x), weights: w) }),
    ("f1", { y, x, w throws(MetricError) in try Metrics.f1(y, hard(x), weights: w) }),
    ("fbeta", { y, x, w throws(MetricError) in try Metrics.fbeta(y, hard(x), beta: 2, weights: w) }),
    ("specificity", { y, x, w throws(MetricError) in try Metrics.specificity(y, hard(x), weights: w) }),
    ("balanced_accuracy", { y, x, w throws(MetricError) in try Metrics.balancedAccuracy(y, hard(x), weights: w) }),
    ("mcc", { y, x, w throws(MetricError) in try Metrics.mcc(y, hard(x), weights: w) }),
    ("cohen_kappa", { y, x, w throws(MetricError) in try Metrics.cohenKappa(y, hard(x), weights: w) }),
    ("brier", { y, x, w throws(MetricError) in try Metrics.brier(y, x, weights: w) }),
    ("average_precision", { y, x, w throws(MetricError) in try Metrics.averagePrecision(y, x, weights: w) }),
    ("pr_auc", { y, x, w throws(MetricError) in try Metrics.prAuc(y, x, weights: w) }),
    ("ks", { y, x, w throws(MetricError) in try Metrics.ks(y, x, weights: w) }),
    ("lift", { y, x, w throws(MetricError) in try Metrics.lift(y, x, at: 0.5, weights: w) }),
    ("ece", { y, x, w throws(MetricError) in try Metrics.ece(y, x, weights: w) }),
    ("mce", { y, x, w throws(MetricError) in try Metrics.mce(y, x, weights: w) }),
]

/// Every kernel knows its second argument by one role; the builtin names it.
private func secondName(_ name: String) -> MetricArgument {
    .prediction
}

@Suite("wrong input is an error (catalogue)")
struct CatalogueErrorTests {
    let y = [0.0, 1.0, 1.0, 0.0]
    let p = [0.2, 0.7, 0.6, 0.4]

    private func kernel(_ name: String) throws -> Kernel {
        try #require(catalogueKernels.first { $0.name == name }).run
    }

    @Test(arguments: catalogueKernels.map(\.name))
    func sharedChecks(_ name: String) throws {
        let run = try kernel(name)
        let other = secondName(name)
        #expect(
            thrownError { () throws(MetricError) in try run(y, [0.1, 0.2, 0.3], nil) }
                == .lengthMismatch(other, count: 3, expected: 4))
        #expect(
            thrownError { () throws(MetricError) in try run(y, p, [1, 1, 1, 1, 1]) }
                == .lengthMismatch(.weights, count: 5, expected: 4))
        #expect(thrownError { () throws(MetricError) in try run([], [], nil) } == .empty)
        #expect(
            thrownError { () throws(MetricError) in try run([0, .nan, 1, 0], p, nil) }
                == .missingValue(.truth, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try run(y, [0.2, 0.7, 0.6, .nan], nil) }
                == .missingValue(other, row: 3))
        #expect(
            thrownError { () throws(MetricError) in try run(y, p, [1, 1, .nan, 1]) }
                == .missingValue(.weights, row: 2))
        #expect(
            thrownError { () throws(MetricError) in try run(y, p, [1, 2, -0.5, 1]) }
                == .negativeWeight(row: 2, value: -0.5))
        #expect(thrownError { () throws(MetricError) in try run(y, p, [1, -0.0, 1, 1]) } == nil)
    }

    @Test(arguments: catalogueKernels.map(\.name))
    func zeroWeightSum(_ name: String) throws {
        let result = try kernel(name)(y, p, [0, 0, 0, -0.0])
        #expect(result == .undefined(.zeroWeights))
    }

    @Test func binaryDomains() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.precision([0, 1, 2], [0, 1, 1]) }
                == .notBinary(row: 2, value: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.precision([0, 1, 1], [0, 0.5, 1]) }
                == .invalidValue(.prediction, row: 1, value: 0.5, .binary))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.averagePrecision([0, 3], [0.1, 0.2]) }
                == .notBinary(row: 1, value: 3))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.brier([0, 1], [0.1, 1.2]) }
                == .probabilityOutOfRange(row: 1, value: 1.2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ece([0, 1], [-0.1, 0.2]) }
                == .probabilityOutOfRange(row: 0, value: -0.1))
        // Scores for curves are not probabilities.
        #expect(thrownError { () throws(MetricError) in try Metrics.ks([0, 1], [-4, 9]) } == nil)
    }

    @Test func msleDomain() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.msle([0, -1, 2], [0, 0, 0]) }
                == .invalidValue(.truth, row: 1, value: -1, .aboveMinusOne))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.rmsle([0, 1, 2], [0, 0, -3]) }
                == .invalidValue(.prediction, row: 2, value: -3, .aboveMinusOne))
        #expect(thrownError { () throws(MetricError) in try Metrics.msle([-0.999], [0]) } == nil)
    }

    @Test func parameters() {
        let y = self.y
        let p = self.p
        let yhat = [0.0, 1, 1, 1]
        #expect(
            thrownError { () throws(MetricError) in try Metrics.pinball(y, p, alpha: 1.5) }
                == .invalidParameter(.option(.alpha), value: 1.5, .closedUnit))
        #expect(thrownError { () throws(MetricError) in try Metrics.pinball(y, p, alpha: .nan) } != nil)
        for delta in [0, -1, Double.nan, .infinity] {
            #expect(
                thrownError { () throws(MetricError) in try Metrics.huber(y, p, delta: delta) }
                    == .invalidParameter(.option(.delta), value: delta, .positiveFinite)
                    || delta.isNaN)
        }
        #expect(
            thrownError { () throws(MetricError) in try Metrics.fbeta(y, yhat, beta: -1) }
                == .invalidParameter(.option(.beta), value: -1, .nonNegative))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.precision(y, yhat, zeroDivision: 2) }
                == .invalidParameter(.option(.zeroDivision), value: 2, .closedUnit))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.lift(y, p, at: 0) }
                == .invalidParameter(.option(.at), value: 0, .leftOpenUnit))
        #expect(thrownError { () throws(MetricError) in try Metrics.lift(y, p, at: 1.5) } != nil)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ece(y, p, bins: 0) }
                == .invalidParameter(.option(.bins), value: 0, .atLeast(1)))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.recall([0, 1], [0, 1], classes: 0) }
                == .invalidParameter(.option(.classes), value: 0, .atLeast(1)))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.mcc([0, 1], [0, 1], classes: Int.max) }
                == .invalidParameter(.option(.classes), value: Double(Int.max), .atMost(4096)))
    }

    @Test func classCodes() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.f1([0, 1, 6], [0, 1, 2], classes: 6) }
                == .invalidValue(.truth, row: 2, value: 6, .classCode(classes: 6)))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.f1([0, 1, 2], [0, -1, 2], classes: 3) }
                == .invalidValue(.prediction, row: 1, value: -1, .classCode(classes: 3)))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.f1([0, 1], [0, 1, 2], classes: 3) }
                == .lengthMismatch(.prediction, count: 3, expected: 2))
        #expect(thrownError { () throws(MetricError) in try Metrics.f1([], [], classes: 3) } == .empty)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.f1([0, 1], [0, 1], classes: 3, weights: [1]) }
                == .lengthMismatch(.weights, count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.f1([0, 1], [0, 1], classes: 3, weights: [1, -2]) }
                == .negativeWeight(row: 1, value: -2))
    }

    @Test func probabilityTables() throws {
        #expect(
            thrownError { () throws(MetricError) in
                try Metrics.topKAccuracy([0], ProbabilityTable(rowMajor: [0.5, 0.5, 0.1], classes: 2), k: 1)
            } == .invalidParameter(.prediction, value: 3, .multipleOfClasses(2)))
        #expect(
            thrownError { () throws(MetricError) in
                try Metrics.topKAccuracy([0], ProbabilityTable(columns: [[0.5], [0.5, 0.1]]), k: 1)
            } == .lengthMismatch(.prediction, count: 2, expected: 1))
        #expect(
            thrownError { () throws(MetricError) in
                try Metrics.topKAccuracy([0], ProbabilityTable(columns: []), k: 1)
            } == .invalidParameter(.option(.classes), value: 0, .atLeast(1)))
        let table = try ProbabilityTable(rowMajor: [0.2, 0.8, 0.6, 0.4], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.crossEntropy([0, 1, 1], table) }
                == .lengthMismatch(.prediction, count: 2, expected: 3))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.crossEntropy([0, 2], table) }
                == .invalidValue(.truth, row: 1, value: 2, .classCode(classes: 2)))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.topKAccuracy([0, 1], table, k: 0) }
                == .invalidParameter(.option(.k), value: 0, .atLeast(1)))
        let missing = try ProbabilityTable(rowMajor: [0.2, .nan, 0.6, 0.4], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.crossEntropy([0, 1], missing) }
                == .missingValue(.prediction, row: 1))
        let outside = try ProbabilityTable(rowMajor: [0.2, 0.8, 1.6, -0.6], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.crossEntropy([0, 1], outside) }
                == .probabilityOutOfRange(row: 2, value: 1.6))
        // Top-k takes scores, not probabilities.
        #expect(thrownError { () throws(MetricError) in try Metrics.topKAccuracy([0, 1], outside, k: 1) } == nil)
    }
}
