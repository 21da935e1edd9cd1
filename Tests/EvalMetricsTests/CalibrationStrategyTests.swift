import EvalMetrics
import Foundation
import Testing

/// `Fixtures/calibration_strategy_reference.json`, written by
/// `scripts/reference/calibration_strategy_fixtures.py` from scikit-learn's `calibration_curve`.
struct CalibrationStrategyFixture: Decodable, Sendable {
    struct Input: Decodable, Sendable {
        var y: [Double]
        var p: [Double]
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var bins: Int
        var strategy: String
        var probTrue: [Double]
        var probPred: [Double]
        var ece: Double
        var mce: Double
        var testDescription: String { name }
    }

    var generator: String
    var versions: [String: String]
    var inputs: [String: Input]
    var cases: [Case]

    static func load() throws -> CalibrationStrategyFixture {
        guard
            let url = Bundle.module.url(
                forResource: "calibration_strategy_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(CalibrationStrategyFixture.self, from: Data(contentsOf: url))
    }

    static let shared: CalibrationStrategyFixture? = try? load()
}

@Suite("ece and mce with uniform and quantile bins (scikit-learn)")
struct CalibrationStrategyTests {
    @Test func fixtureLoads() throws {
        let fixture = try CalibrationStrategyFixture.load()
        #expect(fixture.generator == "scripts/reference/calibration_strategy_fixtures.py")
        #expect(fixture.versions["sklearn"] != nil)
        #expect(fixture.cases.filter { $0.strategy == "quantile" }.count >= 10)
    }

    @Test(arguments: CalibrationStrategyFixture.shared?.cases ?? [])
    func errors(_ c: CalibrationStrategyFixture.Case) throws {
        let fixture = try #require(CalibrationStrategyFixture.shared)
        let input = try #require(fixture.inputs[c.input])
        let strategy = try #require(CalibrationStrategy(rawValue: c.strategy))
        let curve = try #require(
            try Metrics.calibration(input.y, input.p, bins: c.bins, strategy: strategy).value)
        #expect(curve.probTrue.count == c.probTrue.count)
        for (a, b) in zip(curve.probTrue, c.probTrue) { #expect(statisticsClose(a, b)) }
        for (a, b) in zip(curve.probPred, c.probPred) { #expect(statisticsClose(a, b)) }
        let ece = try Metrics.ece(input.y, input.p, bins: c.bins, strategy: strategy)
        let mce = try Metrics.mce(input.y, input.p, bins: c.bins, strategy: strategy)
        #expect(statisticsClose(ece.value, c.ece), "ece \(String(describing: ece.value)) vs \(c.ece)")
        #expect(statisticsClose(mce.value, c.mce), "mce \(String(describing: mce.value)) vs \(c.mce)")
    }

    @Test func uniformIsTheDefault() throws {
        let y: [Double] = [0, 0, 1, 0, 1, 1, 0, 1, 1, 1]
        let p = [0.05, 0.1, 0.1, 0.3, 0.35, 0.6, 0.62, 0.9, 0.95, 0.99]
        #expect(try Metrics.ece(y, p, bins: 5) == Metrics.ece(y, p, bins: 5, strategy: .uniform))
        #expect(try Metrics.mce(y, p, bins: 5) == Metrics.mce(y, p, bins: 5, strategy: .uniform))
        #expect(try Metrics.ece(y, p, bins: 5, strategy: .quantile) != Metrics.ece(y, p, bins: 5))
    }
}
