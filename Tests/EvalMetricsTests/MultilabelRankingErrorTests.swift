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
                == .invalidParameter(name: "yhat", value: 1, expected: "as wide as `y` (2 labels)"))
        let short = try ProbabilityTable(rowMajor: [1, 0], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.subsetAccuracy(y, short) }
                == .lengthMismatch(name: "yhat", count: 1, expected: 2))
        let graded = try ProbabilityTable(rowMajor: [1, 0, 0.5, 1], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, graded) }
                == .invalidValue(name: "yhat", index: 2, value: 0.5, expected: "0 or 1"))
        let missing = try ProbabilityTable(rowMajor: [1, .nan, 0, 1], classes: 2)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(missing, y) }
                == .missingValue(name: "y", index: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, y, weights: [1]) }
                == .lengthMismatch(name: "weights", count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hammingLoss(y, y, weights: [1, -1]) }
                == .negativeWeight(index: 1, value: -1))
        let empty = try ProbabilityTable(rowMajor: [], classes: 2)
        #expect(thrownError { () throws(MetricError) in try Metrics.subsetAccuracy(empty, empty) } == .empty)
        #expect(try Metrics.hammingLoss(y, y, weights: [0, 0]) == .undefined("sample weights sum to zero"))
    }

    @Test func multilabelUndefined() throws {
        // Row 1 predicts nothing: samples precision is undefined unless zero_division is set.
        let y = try ProbabilityTable(rowMajor: [1, 0, 0, 1], classes: 2)
        let yhat = try ProbabilityTable(rowMajor: [1, 0, 0, 0], classes: 2)
        let samples = try Metrics.multilabelScores(y, yhat, average: .samples)
        #expect(samples.precision.value == nil)
        #expect(samples.precision.warning?.contains("row 1") == true)
        #expect(try Metrics.multilabelScores(y, yhat, average: .samples, zeroDivision: 1).precision == .defined(1))
        let macro = try Metrics.multilabelScores(y, yhat, average: .macro)
        #expect(macro.precision.warning?.contains("label 1") == true)
        #expect(macro.recall == .defined(0.5))
    }

    @Test func rankingInput() {
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, 0], [0.5]) }
                == .lengthMismatch(name: "scores", count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.dcg([1, 0], [0.5, 0.1], group: [1]) }
                == .lengthMismatch(name: "group", count: 1, expected: 2))
        #expect(thrownError { () throws(MetricError) in try Metrics.lrap([], []) } == .empty)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.coverageError([1, .nan], [0.5, 0.1]) }
                == .missingValue(name: "relevance", index: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.rankingLoss([1, 0], [0.5, .nan]) }
                == .missingValue(name: "scores", index: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, -2], [0.5, 0.1]) }
                == .invalidValue(name: "relevance", index: 1, value: -2, expected: "finite relevance of 0 or more"))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.ndcg([1, 0], [0.5, 0.1], k: 0) }
                == .invalidParameter(name: "k", value: 0, expected: "at least 1"))
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
        #expect(try Metrics.ndcg([0, 0], [0.2, 0.1]).warning == "no group has a relevant item, so ndcg is undefined")
        // Ties between a true and a false label count as misordered.
        #expect(try Metrics.rankingLoss([1, 0], [0.5, 0.5]) == .defined(1))
        #expect(try Metrics.coverageError([1, 0, 1], [0.9, 0.5, 0.5]) == .defined(3))
    }
}
