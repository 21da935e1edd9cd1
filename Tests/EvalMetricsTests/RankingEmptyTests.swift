import EvalMetrics
import Foundation
import Testing

/// `Fixtures/ranking_empty_reference.json`, written by `scripts/reference/ranking_empty_fixtures.py`
/// from scikit-learn's `ndcg_score`.
struct RankingEmptyFixture: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var queries: Int
        var relevance: [Double]
        var scores: [Double]
        var k: Int?
        var gain: String
        var zero: Double
        var skip: Double
        var leftOut: Int
        var weights: [Double]?
        var testDescription: String { name }

        /// The query of each row: the fixture's matrices are flattened row-major.
        var group: [Int] {
            let items = relevance.count / queries
            return relevance.indices.map { $0 / items }
        }
    }

    var generator: String
    var versions: [String: String]
    var cases: [Case]

    static func load() throws -> RankingEmptyFixture {
        guard
            let url = Bundle.module.url(
                forResource: "ranking_empty_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RankingEmptyFixture.self, from: Data(contentsOf: url))
    }

    static let shared: RankingEmptyFixture? = try? load()
}

@Suite("Ranking means and queries with no relevant item (scikit-learn's ndcg_score)")
struct RankingEmptyTests {
    @Test func fixtureLoads() throws {
        let fixture = try RankingEmptyFixture.load()
        #expect(fixture.generator == "scripts/reference/ranking_empty_fixtures.py")
        #expect(fixture.versions["sklearn"] != nil)
        #expect(fixture.cases.count >= 40)
        #expect(fixture.cases.contains { $0.leftOut == 0 } && fixture.cases.contains { $0.leftOut > 1 })
    }

    @Test(
        "empty: .zero is ndcg_score, .skip is ndcg_score over the queries with a relevant item",
        arguments: RankingEmptyFixture.shared?.cases.filter { $0.weights == nil } ?? [])
    func ndcg(_ c: RankingEmptyFixture.Case) throws {
        let gain = try #require(RankingGain(rawValue: c.gain))
        let zero = try Metrics.ndcg(c.relevance, c.scores, group: c.group, k: c.k, gain: gain, empty: .zero)
        let skip = try Metrics.ndcg(c.relevance, c.scores, group: c.group, k: c.k, gain: gain, empty: .skip)
        let standard = try Metrics.ndcg(c.relevance, c.scores, group: c.group, k: c.k, gain: gain)
        #expect(statisticsClose(zero.value, c.zero), "zero \(String(describing: zero.value)) vs \(c.zero)")
        #expect(statisticsClose(skip.value, c.skip), "skip \(String(describing: skip.value)) vs \(c.skip)")
        #expect(standard == skip)
        let counted = Metrics.queriesWithoutRelevantItem(c.relevance, group: c.group)
        #expect(counted.empty == c.leftOut && counted.queries == c.queries)
    }

    @Test(
        "the top-k means with .zero are their .skip means scaled by the share of queries kept",
        arguments: RankingEmptyFixture.shared?.cases.filter { $0.weights == nil && $0.gain == "linear" } ?? [])
    func topK(_ c: RankingEmptyFixture.Case) throws {
        let kept = Double(c.queries - c.leftOut) / Double(c.queries)
        func mean(_ metric: String, _ empty: RankingEmpty) throws -> Double? {
            switch metric {
            case "hit_rate": try Metrics.hitRate(c.relevance, c.scores, group: c.group, k: c.k, empty: empty).value
            case "mrr": try Metrics.mrr(c.relevance, c.scores, group: c.group, k: c.k, empty: empty).value
            default: try Metrics.mapAtK(c.relevance, c.scores, group: c.group, k: c.k, empty: empty).value
            }
        }
        for metric in ["hit_rate", "mrr", "map_at_k"] {
            let skip = try #require(try mean(metric, .skip))
            let zero = try #require(try mean(metric, .zero))
            #expect(statisticsClose(zero, skip * kept), "\(metric): zero \(zero) vs \(skip) · \(kept)")
        }
    }

    @Test("with no relevant item anywhere, .skip is undefined and .zero is 0")
    func allEmpty() throws {
        let relevance: [Double] = [0, 0, 0, 0], scores = [0.4, 0.3, 0.2, 0.1], group = [1, 1, 2, 2]
        #expect(try Metrics.ndcg(relevance, scores, group: group).warning == .noRelevantItems)
        #expect(try Metrics.ndcg(relevance, scores, group: group, empty: .zero) == .defined(0))
        #expect(try Metrics.hitRate(relevance, scores, group: group, empty: .zero) == .defined(0))
        #expect(try Metrics.mrr(relevance, scores, group: group, empty: .zero) == .defined(0))
        #expect(try Metrics.mapAtK(relevance, scores, group: group, empty: .zero) == .defined(0))
        #expect(Metrics.queriesWithoutRelevantItem(relevance, group: group) == (2, 2))
        #expect(Metrics.queriesWithoutRelevantItem([0, 1], group: nil) == (0, 1))
        #expect(Metrics.queriesWithoutRelevantItem([0, 0], group: nil) == (1, 1))
    }
}
