import EvalMetrics
import Foundation
import Testing

/// One expected value of `Fixtures/ranking_topk_reference.json`: a metric at a cut-off
/// on one input, brute-forced over every ordering of the tied items.
struct TopKCase: Sendable, CustomTestStringConvertible {
    var name: String
    var metric: String
    var relevance: [Double]
    var scores: [Double]
    var group: [Int]?
    var k: Int?
    /// nil when the metric is undefined for the input.
    var expected: Double?

    var testDescription: String { "\(metric) \(name) \(k.map { "k \($0)" } ?? "all")" }

    /// Runs the kernel the case names.
    func evaluate() throws -> MetricResult<Double> {
        switch metric {
        case "hit_rate": return try Metrics.hitRate(relevance, scores, group: group, k: k)
        case "mrr": return try Metrics.mrr(relevance, scores, group: group, k: k)
        case "map_at_k": return try Metrics.mapAtK(relevance, scores, group: group, k: k)
        default: throw CocoaError(.featureUnsupported)
        }
    }
}

/// The decoded fixture written by `scripts/reference/ranking_topk_fixtures.py`.
struct TopKFixture: Decodable, Sendable {
    struct Result: Decodable, Sendable {
        var metric: String
        var k: Int?
        var expected: Double?
    }

    struct Input: Decodable, Sendable {
        var name: String
        var relevance: [Double]
        var scores: [Double]
        var group: [Int]?
        var results: [Result]
    }

    var generator: String
    var cases: [Input]

    static func load() throws -> TopKFixture {
        guard
            let url = Bundle.module.url(
                forResource: "ranking_topk_reference", withExtension: "json", subdirectory: "Fixtures"
            )
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(TopKFixture.self, from: Data(contentsOf: url))
    }

    /// One case per expected value; ±greatestFiniteMagnitude scores stand for ±∞.
    var flattened: [TopKCase] {
        cases.flatMap { input in
            let scores = input.scores.map { abs($0) == .greatestFiniteMagnitude ? $0 * .infinity : $0 }
            return input.results.map { result in
                TopKCase(
                    name: input.name, metric: result.metric, relevance: input.relevance, scores: scores,
                    group: input.group, k: result.k, expected: result.expected
                )
            }
        }
    }

    static let all: [TopKCase] = (try? load().flattened) ?? []
}

@Suite("hit_rate, mrr and map_at_k against a brute-force reference")
struct RankingTopKTests {
    @Test func fixtureLoads() throws {
        let fixture = try TopKFixture.load()
        #expect(fixture.generator == "scripts/reference/ranking_topk_fixtures.py")
        #expect(TopKFixture.all.count >= 200)
        #expect(Set(TopKFixture.all.map(\.metric)) == ["hit_rate", "mrr", "map_at_k"])
        // The fixture exercises undefined results and infinite scores too.
        #expect(TopKFixture.all.contains { $0.expected == nil })
        #expect(TopKFixture.all.contains { $0.scores.contains(.infinity) })
    }

    @Test(arguments: TopKFixture.all)
    func matchesReference(_ c: TopKCase) throws {
        let result = try c.evaluate()
        if let expected = c.expected {
            let value = try #require(
                result.value, "\(c.testDescription): nil, warning \(result.warning.map { "\($0)" } ?? "none")")
            #expect(abs(value - expected) <= 1e-12, "\(c.testDescription): got \(value), expected \(expected)")
            #expect(result.warning == nil)
        } else {
            #expect(
                result.value == nil, "\(c.testDescription): expected undefined, got \(String(describing: result.value))"
            )
            #expect(result.warning == .noRelevantItems)
        }
    }

    /// Reversing the rows changes nothing beyond rounding: ties are averaged, not ordered.
    @Test(arguments: TopKFixture.all)
    func rowOrderDoesNotMatter(_ c: TopKCase) throws {
        var reversed = c
        reversed.relevance.reverse()
        reversed.scores.reverse()
        reversed.group?.reverse()
        let forward = try c.evaluate().value
        let backward = try reversed.evaluate().value
        #expect((forward == nil) == (backward == nil))
        if let forward, let backward {
            #expect(abs(forward - backward) <= 1e-12, "\(c.testDescription)")
        }
    }

    @Test func byHand() throws {
        // Ranked [0, 1, 0, 1]: first hit at rank 2; AP = (1/2 + 2/4) / 2.
        let relevance: [Double] = [0, 1, 0, 1], scores = [0.9, 0.8, 0.7, 0.6]
        #expect(try Metrics.hitRate(relevance, scores, k: 1) == .defined(0))
        #expect(try Metrics.hitRate(relevance, scores, k: 2) == .defined(1))
        #expect(try Metrics.mrr(relevance, scores) == .defined(0.5))
        #expect(try Metrics.mrr(relevance, scores, k: 1) == .defined(0))
        #expect(try Metrics.mapAtK(relevance, scores) == .defined(0.5))
        // AP@2 = (1/2) / min(2, 2).
        #expect(try Metrics.mapAtK(relevance, scores, k: 2) == .defined(0.25))
        // Two tied items, one relevant, cut at 1: a hit half the time, reciprocal rank
        // 1 or 1/2 (0 past the cut), precision 1 or 0.
        #expect(try Metrics.hitRate([1, 0], [0.5, 0.5], k: 1) == .defined(0.5))
        #expect(try Metrics.mrr([1, 0], [0.5, 0.5]) == .defined(0.75))
        #expect(try Metrics.mrr([1, 0], [0.5, 0.5], k: 1) == .defined(0.5))
        #expect(try Metrics.mapAtK([1, 0], [0.5, 0.5], k: 1) == .defined(0.5))
        // Graded relevance counts as relevant above 0; a query with nothing relevant is
        // left out of the mean.
        #expect(try Metrics.mrr([0, 3, 0, 0], [0.1, 0.9, 0.8, 0.2], group: [1, 1, 2, 2]) == .defined(1))
        #expect(try Metrics.hitRate([0, 3, 0, 0], [0.1, 0.9, 0.8, 0.2], group: [1, 1, 2, 2], k: 1) == .defined(1))
        #expect(
            try Metrics.mapAtK([0, 0], [0.2, 0.1]).warning == .noRelevantItems)
        // A k far beyond the query, or Int.max, is the same as no cut-off.
        #expect(try Metrics.mapAtK(relevance, scores, k: .max) == .defined(0.5))
        #expect(try Metrics.mrr(relevance, scores, k: 1000) == .defined(0.5))
    }

    @Test func largeTiesStayExact() throws {
        // 10,000 tied items, 3 relevant, cut at 100: a miss has probability
        // C(9997, 100) / C(10000, 100) = (9900 · 9899 · 9898) / (10000 · 9999 · 9998).
        let n = 10_000
        let relevance = (0..<n).map { $0 < 3 ? 1.0 : 0 }
        let scores = [Double](repeating: 0.5, count: n)
        let miss = 9900.0 * 9899 * 9898 / (10000.0 * 9999 * 9998)
        let hit = try #require(try Metrics.hitRate(relevance, scores, k: 100).value)
        #expect(abs(hit - (1 - miss)) <= 1e-12)
        // A fully tied query's expected average precision is strictly between 0 and 1.
        let map = try #require(try Metrics.mapAtK(relevance, scores).value)
        #expect(map > 0 && map < 1)
    }

    @Test func inputErrors() {
        for k in [0, -3] {
            #expect(
                thrownError { () throws(MetricError) in try Metrics.hitRate([1, 0], [0.5, 0.1], k: k) }
                    == .invalidParameter(.option(.k), value: Double(k), .atLeast(1)))
            #expect(
                thrownError { () throws(MetricError) in try Metrics.mrr([1, 0], [0.5, 0.1], k: k) }
                    == .invalidParameter(.option(.k), value: Double(k), .atLeast(1)))
            #expect(
                thrownError { () throws(MetricError) in try Metrics.mapAtK([1, 0], [0.5, 0.1], k: k) }
                    == .invalidParameter(.option(.k), value: Double(k), .atLeast(1)))
        }
        #expect(
            thrownError { () throws(MetricError) in try Metrics.mrr([1, 0], [0.5]) }
                == .lengthMismatch(.prediction, count: 1, expected: 2))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.mapAtK([1, 0], [0.5, 0.1], group: [1]) }
                == .lengthMismatch(.groups, count: 1, expected: 2))
        #expect(thrownError { () throws(MetricError) in try Metrics.hitRate([], []) } == .empty)
        #expect(
            thrownError { () throws(MetricError) in try Metrics.hitRate([1, .nan], [0.5, 0.1]) }
                == .missingValue(.relevance, row: 1))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.mrr([1, 0], [.nan, 0.1]) }
                == .missingValue(.prediction, row: 0))
        #expect(
            thrownError { () throws(MetricError) in try Metrics.mapAtK([1, -1], [0.5, 0.1]) }
                == .invalidValue(.relevance, row: 1, value: -1, .relevance))
    }
}
