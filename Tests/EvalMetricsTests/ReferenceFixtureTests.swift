import EvalMetrics
import Foundation
import Testing

/// One scikit-learn reference case from `Fixtures/metrics_reference.json`.
struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var metric: String
    var y: [Double]
    var yhat: [Double]
    var weights: [Double]?
    var expected: Double?

    var testDescription: String { name }
}

/// The decoded fixture file, written by `scripts/reference/metrics_fixtures.py`.
struct ReferenceFixture: Decodable, Sendable {
    var generator: String
    var versions: [String: String]
    var cases: [ReferenceCase]

    /// Loads the bundled fixture; a load failure surfaces in `fixtureLoads`.
    static func load() throws -> ReferenceFixture {
        guard
            let url = Bundle.module.url(
                forResource: "metrics_reference", withExtension: "json", subdirectory: "Fixtures"
            )
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    /// The cases for parameterised tests; empty on failure so `fixtureLoads` reports it.
    static let cases: [ReferenceCase] = (try? load().cases) ?? []
}

/// Runs the metric a fixture case names.
func evaluate(_ c: ReferenceCase) throws -> MetricResult<Double> {
    switch c.metric {
    case "mae": return try Metrics.mae(c.y, c.yhat, weights: c.weights)
    case "mse": return try Metrics.mse(c.y, c.yhat, weights: c.weights)
    case "rmse": return try Metrics.rmse(c.y, c.yhat, weights: c.weights)
    case "r2": return try Metrics.r2(c.y, c.yhat, weights: c.weights)
    case "accuracy": return try Metrics.accuracy(c.y, c.yhat, weights: c.weights)
    case "log_loss": return try Metrics.logLoss(c.y, c.yhat, weights: c.weights)
    case "roc_auc": return try Metrics.rocAuc(c.y, c.yhat, weights: c.weights)
    default: throw CocoaError(.featureUnsupported)
    }
}

/// Equal to 1e-9 relative, or 1e-12 absolute where the reference is near zero.
func isClose(_ actual: Double, _ expected: Double) -> Bool {
    let difference = abs(actual - expected)
    return difference <= 1e-12 || difference <= 1e-9 * abs(expected)
}

@Suite("scikit-learn reference fixture")
struct ReferenceFixtureTests {
    @Test func fixtureLoads() throws {
        let fixture = try ReferenceFixture.load()
        #expect(fixture.generator == "scripts/reference/metrics_fixtures.py")
        #expect(fixture.versions["scikit-learn"] != nil)
        #expect(fixture.cases.count >= 40)
        let metrics = Set(fixture.cases.map(\.metric))
        #expect(metrics == ["mae", "mse", "rmse", "r2", "accuracy", "log_loss", "roc_auc"])
        // Every metric is covered both without and with weights.
        for metric in metrics {
            let cases = fixture.cases.filter { $0.metric == metric }
            #expect(cases.contains { $0.weights == nil }, "\(metric) lacks an unweighted case")
            #expect(cases.contains { $0.weights != nil }, "\(metric) lacks a weighted case")
        }
    }

    @Test(arguments: ReferenceFixture.cases)
    func matchesReference(_ c: ReferenceCase) throws {
        let result = try evaluate(c)
        if let expected = c.expected {
            let value = try #require(
                result.value, "\(c.name): nil, warning \(result.warning.map { "\($0)" } ?? "none")")
            #expect(isClose(value, expected), "\(c.name): got \(value), expected \(expected)")
            #expect(result.warning == nil)
        } else {
            #expect(result.value == nil, "\(c.name): expected undefined, got \(String(describing: result.value))")
            #expect(result.warning != nil)
        }
    }

    /// Reversing the rows must not change a value beyond rounding: order only decides
    /// which ties come first, and ties are grouped.
    @Test(arguments: ReferenceFixture.cases.filter { $0.expected != nil })
    func rowOrderDoesNotMatter(_ c: ReferenceCase) throws {
        var reversed = c
        reversed.y.reverse()
        reversed.yhat.reverse()
        reversed.weights?.reverse()
        let forward = try #require(try evaluate(c).value)
        let backward = try #require(try evaluate(reversed).value)
        #expect(isClose(backward, forward), "\(c.name): \(backward) vs \(forward)")
    }

    /// Same input, same bits: sums and the sort run in a fixed order.
    @Test func deterministic() throws {
        for c in ReferenceFixture.cases {
            #expect(try evaluate(c) == evaluate(c), "\(c.name)")
        }
    }
}
