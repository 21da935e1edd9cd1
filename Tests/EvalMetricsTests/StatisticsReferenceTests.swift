import EvalMetrics
import Foundation
import Testing

/// `Fixtures/statistics_reference.json`, written by `scripts/reference/statistics_fixtures.py` from scipy and
/// statsmodels.
///
/// Keys are snake case in the file; null marks "undefined".
struct StatisticsFixture: Decodable, Sendable {
    struct NormalPoint: Decodable, Sendable { var x, cdf, sf: Double }
    struct NormalQuantile: Decodable, Sendable { var p, ppf, isf: Double }
    struct TPoint: Decodable, Sendable { var t, df, cdf, sf: Double }
    struct TQuantile: Decodable, Sendable { var p, df, ppf, isf: Double }
    struct BetaPoint: Decodable, Sendable { var a, b, x, cdf, sf: Double }
    struct BetaQuantile: Decodable, Sendable { var a, b, p, ppf, isf: Double }

    struct ABCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var convA, nA, convB, nB, level, rateA, rateB, difference, ciLow, ciHigh: Double
        var relativeLift, statistic, pValue: Double?
        var testDescription: String { name }
    }

    struct TTestCase: Decodable, Sendable, CustomTestStringConvertible {
        var name, x, y: String
        var equalVar: Bool
        var level, estimate: Double
        var statistic, pValue, df, ciLow, ciHigh: Double?
        var testDescription: String { name }
    }

    struct ProportionCase: Decodable, Sendable, CustomTestStringConvertible {
        var k, n, level, estimate, low, high: Double
        var method: String
        var testDescription: String { "\(method) k=\(k) n=\(n) level=\(level)" }
    }

    struct CohenHCase: Decodable, Sendable { var p1, p2, h: Double }

    struct PowerCase: Decodable, Sendable, CustomTestStringConvertible {
        var effectSize, n, alpha, ratio, power: Double
        var testDescription: String { "h=\(effectSize) n=\(n) alpha=\(alpha) ratio=\(ratio)" }
    }

    struct SampleSizeCase: Decodable, Sendable, CustomTestStringConvertible {
        var baseline, mde, alpha, power, ratio, effectSize, nAExact, nBExact: Double
        var nAStatsmodels: Double?
        var testDescription: String { "baseline=\(baseline) mde=\(mde) power=\(power) ratio=\(ratio)" }
    }

    struct CorrelationCase: Decodable, Sendable, CustomTestStringConvertible {
        var name, x, y, method: String
        var level: Double
        var estimate, pValue, ciLow, ciHigh: Double?
        var testDescription: String { name }
    }

    struct LinearFitCase: Decodable, Sendable, CustomTestStringConvertible {
        var name, x, y: String
        var slope, intercept, r, pValue, stderr, interceptStderr: Double
        var testDescription: String { name }
    }

    var generator: String
    var versions: [String: String]
    var inputs: [String: [Double]]
    var normal: [NormalPoint]
    var normalPpf: [NormalQuantile]
    var t: [TPoint]
    var tPpf: [TQuantile]
    var beta: [BetaPoint]
    var betaPpf: [BetaQuantile]
    var abTest: [ABCase]
    var tTest: [TTestCase]
    var proportionCi: [ProportionCase]
    var cohenH: [CohenHCase]
    var power: [PowerCase]
    var sampleSize: [SampleSizeCase]
    var correlation: [CorrelationCase]
    var linearFit: [LinearFitCase]

    static func load() throws -> StatisticsFixture {
        guard
            let url = Bundle.module.url(
                forResource: "statistics_reference", withExtension: "json", subdirectory: "Fixtures"
            )
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(StatisticsFixture.self, from: Data(contentsOf: url))
    }

    /// The fixture, or nil when it fails to load (then `fixtureLoads` fails loudly and
    /// the parameterized tests below have no arguments).
    static let shared: StatisticsFixture? = try? load()

    /// A named sample from `inputs`; a missing name is a broken fixture.
    func sample(_ id: String) throws -> [Double] {
        try #require(inputs[id], "fixture sample \(id) is missing")
    }
}

/// Equal to `relative` (1e-9) relative, or within `absolute` (1e-12) for values near zero;
/// nil must meet nil.
func statisticsClose(
    _ actual: Double?, _ expected: Double?, relative: Double = 1e-9, absolute: Double = 1e-12
) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case (let actual?, let expected?):
        let difference = abs(actual - expected)
        return difference <= absolute || difference <= relative * abs(expected)
    default: return false
    }
}

/// Equal to 1e-9 relative with no absolute floor: for probabilities, where a p-value of
/// 1e-50 must not pass against 1e-40 just because both are near zero.
func statisticsProbabilityClose(_ actual: Double?, _ expected: Double?) -> Bool {
    statisticsClose(actual, expected, relative: 1e-9, absolute: 0)
}

@Suite("Statistics reference fixture (scipy, statsmodels)")
struct StatisticsReferenceTests {
    @Test func fixtureLoads() throws {
        let fixture = try StatisticsFixture.load()
        #expect(fixture.generator == "scripts/reference/statistics_fixtures.py")
        #expect(fixture.versions["scipy"] != nil)
        #expect(fixture.versions["statsmodels"] != nil)
        #expect(fixture.versions["numpy"] != nil)
        #expect(fixture.abTest.count >= 25)
        #expect(fixture.tTest.count >= 30)
        #expect(fixture.proportionCi.count >= 100)
        #expect(fixture.power.count >= 20 && fixture.sampleSize.count >= 10)
        #expect(fixture.correlation.count >= 30 && fixture.linearFit.count >= 5)
        #expect(fixture.cohenH.count >= 10)
    }

    @Test(arguments: StatisticsFixture.shared?.abTest ?? [])
    func abTest(_ c: StatisticsFixture.ABCase) throws {
        let r = try Experiments.abTest(conversionsA: c.convA, nA: c.nA, conversionsB: c.convB, nB: c.nB, level: c.level)
        #expect(statisticsClose(r.rateA, c.rateA) && statisticsClose(r.rateB, c.rateB))
        #expect(statisticsClose(r.difference, c.difference))
        #expect(statisticsClose(r.relativeLift, c.relativeLift), "lift \(String(describing: r.relativeLift))")
        #expect(
            statisticsClose(r.statistic, c.statistic),
            "z \(String(describing: r.statistic)) vs \(String(describing: c.statistic))")
        #expect(
            statisticsProbabilityClose(r.pValue, c.pValue),
            "p \(String(describing: r.pValue)) vs \(String(describing: c.pValue))")
        #expect(
            statisticsClose(r.ciLow, c.ciLow) && statisticsClose(r.ciHigh, c.ciHigh), "ci [\(r.ciLow), \(r.ciHigh)]")
        #expect(r.level == c.level)
        // A warning exactly for each undefined field.
        #expect(r.warnings.count == (c.statistic == nil ? 1 : 0) + (c.relativeLift == nil ? 1 : 0))
    }

    @Test(arguments: StatisticsFixture.shared?.tTest ?? [])
    func tTest(_ c: StatisticsFixture.TTestCase) throws {
        let fixture = try #require(StatisticsFixture.shared)
        let x = try fixture.sample(c.x)
        let y = try fixture.sample(c.y)
        let r = try Experiments.tTest(x: x, y: y, equalVariance: c.equalVar, level: c.level)
        #expect(
            statisticsClose(r.statistic, c.statistic),
            "t \(String(describing: r.statistic)) vs \(String(describing: c.statistic))")
        #expect(
            statisticsProbabilityClose(r.pValue, c.pValue),
            "p \(String(describing: r.pValue)) vs \(String(describing: c.pValue))")
        #expect(statisticsClose(r.df, c.df), "df \(String(describing: r.df)) vs \(String(describing: c.df))")
        #expect(statisticsClose(r.estimate, c.estimate))
        #expect(
            statisticsClose(r.ciLow, c.ciLow), "low \(String(describing: r.ciLow)) vs \(String(describing: c.ciLow))")
        #expect(
            statisticsClose(r.ciHigh, c.ciHigh),
            "high \(String(describing: r.ciHigh)) vs \(String(describing: c.ciHigh))")
        #expect(statisticsClose(r.meanX - r.meanY, c.estimate))
        #expect(r.warnings.isEmpty)
    }

    @Test(arguments: StatisticsFixture.shared?.proportionCi ?? [])
    func proportionInterval(_ c: StatisticsFixture.ProportionCase) throws {
        let method = try #require(ProportionMethod(rawValue: c.method))
        let r = try Experiments.proportionInterval(successes: c.k, trials: c.n, level: c.level, method: method)
        #expect(r.estimate == c.estimate)
        #expect(statisticsClose(r.low, c.low), "low \(r.low) vs \(c.low)")
        #expect(statisticsClose(r.high, c.high), "high \(r.high) vs \(c.high)")
        #expect(r.method == method && r.level == c.level)
    }

    @Test func cohenH() throws {
        let fixture = try #require(StatisticsFixture.shared)
        for c in fixture.cohenH {
            let h = try Experiments.cohenH(c.p1, c.p2)
            #expect(statisticsClose(h, c.h), "h(\(c.p1), \(c.p2)) = \(h), expected \(c.h)")
        }
    }

    @Test(arguments: StatisticsFixture.shared?.power ?? [])
    func power(_ c: StatisticsFixture.PowerCase) throws {
        let p = try Experiments.power(effectSize: c.effectSize, n: c.n, alpha: c.alpha, ratio: c.ratio)
        #expect(statisticsProbabilityClose(p, c.power), "power \(p) vs \(c.power)")
    }

    @Test(arguments: StatisticsFixture.shared?.sampleSize ?? [])
    func sampleSize(_ c: StatisticsFixture.SampleSizeCase) throws {
        let r = try Experiments.sampleSize(
            baseline: c.baseline, mde: c.mde, alpha: c.alpha, power: c.power, ratio: c.ratio)
        #expect(statisticsClose(r.effectSize, c.effectSize))
        // The exact root of statsmodels' own power function (brentq to 4 ulps).
        #expect(statisticsClose(r.nA, c.nAExact), "nA \(r.nA) vs exact \(c.nAExact)")
        #expect(statisticsClose(r.nB, c.nBExact), "nB \(r.nB) vs exact \(c.nBExact)")
        // solve_power itself: its brentq stops at xtol = 1e-5, and scipy documents the
        // result as within xtol + rtol·|root| of the true root; 1e-12 relative covers
        // our own last bits.
        if let statsmodels = c.nAStatsmodels {
            #expect(abs(r.nA - statsmodels) <= 1e-5 + 1e-12 * statsmodels, "nA \(r.nA) vs solve_power \(statsmodels)")
        }
        // The solved size reaches the target power to 1e-12.
        let achieved = try Experiments.power(effectSize: r.effectSize, n: r.nA, alpha: c.alpha, ratio: c.ratio)
        #expect(abs(achieved - c.power) <= 1e-12, "power at nA is \(achieved)")
        #expect(r.nARoundedUp == r.nA.rounded(.up) && r.nBRoundedUp == r.nB.rounded(.up))
    }

    @Test(arguments: StatisticsFixture.shared?.correlation ?? [])
    func correlation(_ c: StatisticsFixture.CorrelationCase) throws {
        let fixture = try #require(StatisticsFixture.shared)
        let method = try #require(CorrelationMethod(rawValue: c.method))
        let r = try Experiments.correlation(
            try fixture.sample(c.x), try fixture.sample(c.y), method: method, level: c.level)
        #expect(
            statisticsClose(r.estimate, c.estimate),
            "r \(String(describing: r.estimate)) vs \(String(describing: c.estimate))")
        #expect(
            statisticsProbabilityClose(r.pValue, c.pValue),
            "p \(String(describing: r.pValue)) vs \(String(describing: c.pValue))")
        #expect(
            statisticsClose(r.ciLow, c.ciLow), "low \(String(describing: r.ciLow)) vs \(String(describing: c.ciLow))")
        #expect(
            statisticsClose(r.ciHigh, c.ciHigh),
            "high \(String(describing: r.ciHigh)) vs \(String(describing: c.ciHigh))")
        #expect(r.warnings.isEmpty)
    }

    @Test(arguments: StatisticsFixture.shared?.linearFit ?? [])
    func linearFit(_ c: StatisticsFixture.LinearFitCase) throws {
        let fixture = try #require(StatisticsFixture.shared)
        let x = try fixture.sample(c.x)
        let r = try Experiments.linearFit(x, try fixture.sample(c.y))
        #expect(statisticsClose(r.slope, c.slope), "slope \(String(describing: r.slope))")
        #expect(statisticsClose(r.intercept, c.intercept), "intercept \(String(describing: r.intercept))")
        #expect(statisticsClose(r.r, c.r), "r \(String(describing: r.r))")
        #expect(statisticsClose(r.rSquared, c.r * c.r))
        #expect(statisticsProbabilityClose(r.pValue, c.pValue), "p \(String(describing: r.pValue)) vs \(c.pValue)")
        #expect(statisticsClose(r.stderr, c.stderr), "stderr \(String(describing: r.stderr))")
        #expect(
            statisticsClose(r.interceptStderr, c.interceptStderr),
            "intercept stderr \(String(describing: r.interceptStderr))")
        #expect(r.n == x.count && r.warnings.isEmpty)
    }
}
