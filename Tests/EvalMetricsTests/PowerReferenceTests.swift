import EvalMetrics
import Foundation
import Testing

/// `Fixtures/power_reference.json`, written by `scripts/reference/power_fixtures.py` from
/// statsmodels' NormalIndPower and TTestIndPower and scipy's noncentral t.
struct PowerFixture: Decodable, Sendable {
    struct NCTPoint: Decodable, Sendable, CustomTestStringConvertible {
        var t, df, nc, cdfIntegral: Double
        var cdf, sf: Double?
        var testDescription: String { "t=\(t) df=\(df) nc=\(nc)" }
    }

    struct PowerCase: Decodable, Sendable, CustomTestStringConvertible {
        var test, alternative: String
        var effectSize, n, alpha, ratio, power: Double
        var testDescription: String { "\(test) \(alternative) d=\(effectSize) n=\(n) alpha=\(alpha) ratio=\(ratio)" }
    }

    struct SolveN: Decodable, Sendable, CustomTestStringConvertible {
        var test, alternative: String
        var effectSize, alpha, power, ratio, nExact: Double
        var nStatsmodels: Double?
        var testDescription: String { "\(test) \(alternative) d=\(effectSize) power=\(power) ratio=\(ratio)" }
    }

    struct SolveEffect: Decodable, Sendable, CustomTestStringConvertible {
        var test, alternative: String
        var n, alpha, power, ratio, effectExact: Double
        var effectStatsmodels: Double?
        var testDescription: String { "\(test) \(alternative) n=\(n) power=\(power) ratio=\(ratio)" }
    }

    var generator: String
    var versions: [String: String]
    var nct: [NCTPoint]
    var power: [PowerCase]
    var solveN: [SolveN]
    var solveEffect: [SolveEffect]

    static func load() throws -> PowerFixture {
        guard
            let url = Bundle.module.url(forResource: "power_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PowerFixture.self, from: Data(contentsOf: url))
    }

    static let shared: PowerFixture? = try? load()
}

/// 1e-9 relative, or 1e-15 absolute: deep in a tail Boost's series (scipy's, and so
/// statsmodels') keep only their absolute accuracy.
func powerClose(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-9 * abs(expected) + 1e-15
}

@Suite("Power and sample size against statsmodels (z-test and t-test)")
struct PowerReferenceTests {
    @Test func fixtureLoads() throws {
        let fixture = try PowerFixture.load()
        #expect(fixture.generator == "scripts/reference/power_fixtures.py")
        #expect(fixture.versions["statsmodels"] != nil && fixture.versions["scipy"] != nil)
        #expect(fixture.nct.count >= 40 && fixture.power.count >= 100)
        #expect(fixture.solveN.filter { $0.test == "t" }.count >= 15)
        #expect(fixture.solveEffect.filter { $0.test == "t" }.count >= 15)
    }

    @Test(arguments: PowerFixture.shared?.nct ?? [])
    func noncentralT(_ c: PowerFixture.NCTPoint) {
        let cdf = NoncentralT.cdf(c.t, df: c.df, nc: c.nc)
        let sf = NoncentralT.sf(c.t, df: c.df, nc: c.nc)
        #expect(powerClose(cdf, c.cdfIntegral), "cdf \(cdf) vs integral \(c.cdfIntegral)")
        if let expected = c.cdf { #expect(powerClose(cdf, expected), "cdf \(cdf) vs nctdtr \(expected)") }
        if let expected = c.sf { #expect(powerClose(sf, expected), "sf \(sf) vs nct.sf \(expected)") }
    }

    @Test(arguments: PowerFixture.shared?.power ?? [])
    func power(_ c: PowerFixture.PowerCase) throws {
        let test = try #require(PowerTest(rawValue: c.test))
        let alternative = try #require(TestAlternative(rawValue: c.alternative))
        let p = try Experiments.power(
            effectSize: c.effectSize, n: c.n, alpha: c.alpha, ratio: c.ratio, test: test, alternative: alternative)
        #expect(powerClose(p, c.power), "power \(p) vs \(c.power)")
    }

    @Test(arguments: PowerFixture.shared?.solveN ?? [])
    func sampleSize(_ c: PowerFixture.SolveN) throws {
        let test = try #require(PowerTest(rawValue: c.test))
        let alternative = try #require(TestAlternative(rawValue: c.alternative))
        let r = try Experiments.sampleSize(
            effectSize: c.effectSize, alpha: c.alpha, power: c.power, ratio: c.ratio, test: test,
            alternative: alternative)
        #expect(statisticsClose(r.nA, c.nExact), "nA \(r.nA) vs exact \(c.nExact)")
        #expect(statisticsClose(r.nB, c.nExact * c.ratio))
        if let statsmodels = c.nStatsmodels {
            #expect(abs(r.nA - statsmodels) <= 1e-5 + 1e-9 * statsmodels, "nA \(r.nA) vs solve_power \(statsmodels)")
        }
        let achieved = try Experiments.power(
            effectSize: c.effectSize, n: r.nA, alpha: c.alpha, ratio: c.ratio, test: test, alternative: alternative)
        #expect(abs(achieved - c.power) <= 1e-12, "power at nA is \(achieved)")
        #expect(r.nARoundedUp == r.nA.rounded(.up) && r.warnings.isEmpty)
    }

    @Test(arguments: PowerFixture.shared?.solveEffect ?? [])
    func detectableEffect(_ c: PowerFixture.SolveEffect) throws {
        let test = try #require(PowerTest(rawValue: c.test))
        let alternative = try #require(TestAlternative(rawValue: c.alternative))
        let d = try Experiments.detectableEffect(
            n: c.n, alpha: c.alpha, power: c.power, ratio: c.ratio, test: test, alternative: alternative)
        #expect(statisticsClose(d, c.effectExact), "effect \(d) vs exact \(c.effectExact)")
        if let statsmodels = c.effectStatsmodels {
            #expect(abs(d - statsmodels) <= 1e-5, "effect \(d) vs solve_power \(statsmodels)")
        }
    }

    @Test("the z forms agree: sample_size of a baseline and mde is the effect-size form on Cohen's h")
    func proportionsAreCohenH() throws {
        let byRate = try Experiments.sampleSize(baseline: 0.034, mde: 0.004, alternative: .larger)
        let h = try Experiments.cohenH(0.034 + 0.004, 0.034)
        let byEffect = try Experiments.sampleSize(effectSize: h, alternative: .larger)
        #expect(byRate == byEffect)
        let lift = try #require(try Experiments.lift(baseline: 0.034, effectSize: h).value)
        #expect(abs(lift - 0.004) <= 1e-15, "lift \(lift)")
        #expect(try Experiments.lift(baseline: 0.99, effectSize: 1).warning == .noRateForEffect)
    }

    @Test("wrong input for power calculations is an error naming the option")
    func wrongInput() {
        #expect(throws: MetricError.invalidParameter(.option(.effectSize), value: -0.2, .positiveForLarger)) {
            try Experiments.sampleSize(effectSize: -0.2, alternative: .larger)
        }
        #expect(throws: MetricError.invalidParameter(.option(.mde), value: 0.01, .negativeForSmaller)) {
            try Experiments.sampleSize(baseline: 0.1, mde: 0.01, alternative: .smaller)
        }
        #expect(throws: MetricError.invalidParameter(.option(.n), value: 1, .positiveDegreesOfFreedom(minimum: 1))) {
            try Experiments.power(effectSize: 0.5, n: 1, test: .t)
        }
        #expect(throws: MetricError.invalidParameter(.option(.effectSize), value: 0, .nonZero)) {
            try Experiments.sampleSize(effectSize: 0, test: .t)
        }
        #expect(throws: MetricError.invalidParameter(.option(.power), value: 0.04, .greaterThanAlpha(0.05))) {
            try Experiments.detectableEffect(n: 100, power: 0.04)
        }
    }

    @Test("a t-test whose smallest size already has the power says so")
    func tinySize() throws {
        let r = try Experiments.sampleSize(effectSize: 40, power: 0.8, test: .t)
        #expect(r.nA == 2 && r.warnings == [.sampleSizeAtMinimum(2)])
    }
}
