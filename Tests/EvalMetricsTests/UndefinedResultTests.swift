import EvalMetrics
import Foundation
import Testing

/// SPEC §5: undefined results are nil with a reason, never a silent 0, 1 or NaN.
@Suite("undefined results are nil with a warning")
struct UndefinedResultTests {
    @Test(arguments: kernels.map(\.name))
    func zeroWeightSum(_ name: String) throws {
        let kernel = try #require(kernels.first { $0.name == name }).run
        let result = try kernel([0, 1, 1, 0], [0.2, 0.7, 0.6, 0.4], [0, 0, 0, -0.0])
        #expect(result == .undefined(.zeroWeights))
    }

    @Test func rocAucOneClass() throws {
        for label in [0.0, 1.0] {
            let result = try Metrics.rocAuc([label, label, label], [0.1, 0.5, 0.9])
            #expect(result == MetricResult<Double>(value: nil, warning: .oneClass))
        }
        // One class decides before weights do, as in scikit-learn.
        let weighted = try Metrics.rocAuc([1, 1], [0.1, 0.2], weights: [0, 0])
        #expect(weighted.warning == .oneClass)
    }

    @Test func rocAucClassWithoutWeight() throws {
        let noPositive = try Metrics.rocAuc([0, 1, 0, 1], [0.1, 0.5, 0.9, 0.3], weights: [1, 0, 2, 0])
        #expect(noPositive.value == nil)
        #expect(noPositive.warning == .positivesWithoutWeight)
        let noNegative = try Metrics.rocAuc([0, 1, 0, 1], [0.1, 0.5, 0.9, 0.3], weights: [0, 1, 0, 2])
        #expect(noNegative.value == nil)
        #expect(noNegative.warning == .negativesWithoutWeight)
    }

    @Test func r2ConstantY() throws {
        let result = try Metrics.r2([3, 3, 3], [1, 2, 3])
        #expect(result.value == nil)
        #expect(result.warning == .constantTruthR2)
        // A single row is constant too (scikit-learn returns NaN there).
        #expect(try Metrics.r2([5], [5]).value == nil)
        // Constant and perfectly predicted: scikit-learn says 1.0, which would read as a score.
        #expect(try Metrics.r2([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]).value == nil)
        // Zero-weight rows do not count: y is constant among the rows that carry weight.
        #expect(try Metrics.r2([2, 9, 2], [1, 1, 1], weights: [1, 0, 3]).value == nil)
        #expect(try Metrics.r2([2, 9, 2], [1, 1, 1], weights: [1, 0.5, 3]).value != nil)
    }

    /// Infinite inputs that are not missing can still overflow; that must not leak as NaN.
    @Test func nonFiniteResults() throws {
        let overflow = try Metrics.mse([0, 1], [1e200, 0])
        #expect(overflow.value == nil)
        #expect(overflow.warning == .notFinite)
        // An infinite weight is wrong input (the language always refused it), not an overflow.
        #expect(throws: MetricError.invalidValue(.weights, row: 0, value: .infinity, .finite)) {
            try Metrics.mae([0, 1], [1, 1], weights: [.infinity, 1])
        }
        let infiniteInput = try Metrics.r2([0, .infinity, 1], [0, 1, 2])
        #expect(infiniteInput.value == nil)
        #expect(infiniteInput.warning != nil)
    }

    @Test func definedResultsCarryNoWarning() throws {
        let results = [
            try Metrics.mae([1, 2], [1, 3]),
            try Metrics.mse([1, 2], [1, 3]),
            try Metrics.rmse([1, 2], [1, 3]),
            try Metrics.r2([1, 2], [1, 3]),
            try Metrics.accuracy([1, 2], [1, 3]),
            try Metrics.logLoss([1, 0], [0.9, 0.2]),
            try Metrics.rocAuc([1, 0], [0.9, 0.2]),
        ]
        for result in results {
            #expect(result.value != nil)
            #expect(result.warning == nil)
        }
    }

    @Test func smallKnownValues() throws {
        #expect(try Metrics.mae([1, 2, 3], [2, 2, 5]).value == 1)
        #expect(try Metrics.mse([1, 2, 3], [2, 2, 5]).value == 5.0 / 3.0)
        #expect(try Metrics.rmse([0, 0], [3, 4], weights: [0, 1]).value == 4)
        #expect(try Metrics.r2([1, 2, 3], [1, 2, 3]).value == 1)
        #expect(try Metrics.accuracy([0, 1, 2, 2], [0, 2, 2, 1]).value == 0.5)
        #expect(try Metrics.accuracy([0, 1], [0, 0], weights: [3, 1]).value == 0.75)
        // A tie between one positive and one negative counts one half.
        #expect(try Metrics.rocAuc([0, 1], [0.5, 0.5]).value == 0.5)
        #expect(try Metrics.rocAuc([0, 1, 0, 1], [0.1, 0.9, 0.5, 0.5]).value == 0.875)
    }

    /// scikit-learn 1.9 clips `1 − p` for label-0 rows after forming it, not `1 − clip(p)`.
    @Test func logLossClipping() throws {
        let epsilon = Double.ulpOfOne
        let certainWrong = try #require(try Metrics.logLoss([1], [0]).value)
        #expect(certainWrong == -Foundation.log(epsilon))
        let certainRight = try #require(try Metrics.logLoss([0], [0]).value)
        #expect(certainRight == -Foundation.log(1 - epsilon))
        // 1 − 1e-17 rounds to 1, so a label-0 row costs −log(ε), as in scikit-learn.
        let almostOne = try #require(try Metrics.logLoss([0], [1 - 1e-17]).value)
        #expect(almostOne == -Foundation.log(epsilon))
    }
}
