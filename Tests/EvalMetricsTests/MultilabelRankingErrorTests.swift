import EvalMetrics
import Foundation
import Testing

@Suite("multilabel and ranking input checks")
struct MultilabelRankingErrorTests {
    @Test func multilabelTables() throws {
        let y = try ProbabilityTable(rowMajor: [1, 0, 0, 1], classes: 2)
        let narrow = try ProbabilityTable(rowMajor: [1, 0], classes: 1)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, narrow) }
                == .invalidParameter(.prediction, value: 1, .tableWidth(labels: 2)))
        let short = try ProbabilityTable(rowMajor: [1, 0], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.subsetAccuracy(y, short) }
                == .lengthMismatch(.prediction, count: 1, expected: 2))
        let graded = try ProbabilityTable(rowMajor: [1, 0, 0.5, 1], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, graded) }
                == .invalidValue(.prediction, row: 2, value: 0.5, .binary))
        let missing = try ProbabilityTable(rowMajor: [1, .nan, 0, 1], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(missing, y) }
                == .missingValue(.truth, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, y, weights: [1]) }
                == .lengthMismatch(.weights, count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, y, weights: [1, -1]) }
                == .negativeWeight(row: 1, value: -1))
        let empty = try ProbabilityTable(rowMajor: [], classes: 2)
        #expect(thrownError { () throws(MetricError) in try Metrics.subsetAccuracy(empty, empty) } == .empty)
        #expect(try Metrics.hammingLoss(y, y, weights: [0, 0]) == .undefined(.zeroWeights))
    }

    @Test func multilabelUndefined() throws {
        // Row 1 predicts nothing: samples precision is undefined unless zero_division is set.
        let y = try ProbabilityTable(rowMajor: [1, 0, 0, 1], classes: 2)
        let yhat = try ProbabilityTable(rowMajor: [1, 0, 0, 0], classes: 2)
        let samples = try Metrics.multilabelScores(y, yhat, average: .samples)
        #expect(samples.precision.value == nil)
        #expect(samples.precision.warning == .noPredictedPositive(.row(1)))
        #expect(try Metrics.multilabelScores(y, yhat, average: .samples, zeroDivision: 1).precision == .defined(1))
        let macro = try Metrics.multilabelScores(y, yhat, average: .macro)
        #expect(macro.precision.warning == .noPredictedPositive(.label(1)))
        #expect(macro.recall == .defined(0.5))
    }

    @Test func rankingInput() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, 0], [0.5]) }
                == .lengthMismatch(.prediction, count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.dcg([1, 0], [0.5, 0.1], group: [1]) }
                == .lengthMismatch(.groups, count: 1, expected: 2))
        #expect(thrownError { () throws(MetricError) in try Metrics.lrap([], []) } == .empty)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.coverageError([1, .nan], [0.5, 0.1]) }
                == .missingValue(.relevance, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.rankingLoss([1, 0], [0.5, .nan]) }
                == .missingValue(.prediction, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, -2], [0.5, 0.1]) }
                == .invalidValue(.relevance, row: 1, value: -2, .relevance))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, 0], [0.5, 0.1], k: 0) }
                == .invalidParameter(.option(.k), value: 0, .atLeast(1)))
    }

    @Test func rankingByHand() throws {
        // One query ranked [3, 2, 0]: perfect, so ndcg is 1 at every cutoff.
        #expect(try Metrics.ndcg([0, 3, 2], [0.1, 0.9, 0.5]) == .defined(1))
        #expect(try Metrics.ndcg([0, 3, 2], [0.1, 0.9, 0.5], k: 1) == .defined(1))
        // Two tied items with gains 1 and 0 share (1 + 1/log2 3) / 2.
        let tied = try #require(try Metrics.dcg([1, 0], [0.5, 0.5]).value)
        #expect(isClose(tied, (1 + 1 / log2(3.0)) / 2))
        // A query with nothing relevant is left out; with none left, undefined.
        #expect(try Metrics.ndcg([0, 0, 1, 0], [0.2, 0.1, 0.9, 0.3], group: [1, 1, 2, 2]) == .defined(1))
        #expect(try Metrics.ndcg([0, 0], [0.2, 0.1]).warning == .noRelevantItems)
        // Ties between a true and a false label count as misordered.
        #expect(try Metrics.rankingLoss([1, 0], [0.5, 0.5]) == .defined(1))
        #expect(try Metrics.coverageError([1, 0, 1], [0.9, 0.5, 0.5]) == .defined(3))
    }
}
