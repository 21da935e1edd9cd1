import EvalMetrics
import Foundation
import Testing

/// `Fixtures/business_reference.json`, from `scripts/reference/business_fixtures.py`.
struct BusinessFixture: Decodable, Sendable {
    struct Curve: Decodable, Sendable {
        var thresholds: [Double]
        var profit: [Double]
        var tp: [Double]
        var fp: [Double]
        var no_one: Double
    }

    struct Best: Decodable, Sendable {
        var threshold: Double
        var profit: Double
    }

    /// A payoff amount: one number, or one per row.
    enum Amount: Decodable, Sendable {
        case constant(Double)
        case perRow([Double])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Double.self) {
                self = .constant(value)
            } else {
                self = .perRow(try container.decode([Double].self))
            }
        }

        var amount: Payoff.Amount {
            switch self {
            case .constant(let x): .constant(x)
            case .perRow(let xs): .perRow(xs)
            }
        }
    }

    struct ProfitCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var y: [Double]
        var p: [Double]
        var weights: [Double]?
        var payoff: [String: Amount]
        var curve: Curve
        var best: Best?
        var profit_at_half: Double

        var testDescription: String { name }

        var amounts: Payoff {
            Payoff(
                tp: payoff["tp"]?.amount ?? .constant(0), fp: payoff["fp"]?.amount ?? .constant(0),
                fn: payoff["fn"]?.amount ?? .constant(0), tn: payoff["tn"]?.amount ?? .constant(0))
        }
    }

    struct ExpectedValueCase: Decodable, Sendable {
        var classes: Int
        var y: [Int]
        var yhat: [Int]
        var matrix: [Double]
        var weights: [Double]?
        var expected: Double
    }

    struct Stream: Decodable, Sendable {
        var seed: String
        var stream: UInt64
        var raw: [String]
        var bounded: [UInt64]
    }

    struct QuantileCase: Decodable, Sendable {
        var values: [Double]
        var level: Double
        var low: Double
        var high: Double
        var se: Double
    }

    var profit_cases: [ProfitCase]
    var expected_value_cases: [ExpectedValueCase]
    var streams: [Stream]
    var quantile_cases: [QuantileCase]

    static let shared: BusinessFixture = {
        guard
            let url = Bundle.module.url(
                forResource: "business_reference", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(BusinessFixture.self, from: data)
        else {
            return BusinessFixture(profit_cases: [], expected_value_cases: [], streams: [], quantile_cases: [])
        }
        return fixture
    }()
}

/// Relative closeness with an absolute floor for values near zero.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)
}

@Suite("Business metrics against the NumPy reference")
struct BusinessReferenceTests {
    @Test func fixtureLoaded() {
        #expect(BusinessFixture.shared.profit_cases.count == 8)
        #expect(BusinessFixture.shared.streams.count == 5)
    }

    @Test(arguments: BusinessFixture.shared.profit_cases)
    func profitCurve(_ c: BusinessFixture.ProfitCase) throws {
        let curve = try Metrics.profitCurve(c.y, c.p, payoff: c.amounts, weights: c.weights)
        #expect(curve.thresholds == c.curve.thresholds)
        #expect(curve.profit.count == c.curve.profit.count)
        for (a, b) in zip(curve.profit, c.curve.profit) {
            #expect(close(a, b), "profit \(a) vs \(b)")
        }
        for (a, b) in zip(curve.truePositives, c.curve.tp) { #expect(close(a, b)) }
        for (a, b) in zip(curve.falsePositives, c.curve.fp) { #expect(close(a, b)) }
        #expect(close(curve.noOne, c.curve.no_one))
        #expect(close(curve.everyone, c.curve.profit.last ?? c.curve.no_one))

        let best = try Metrics.bestThreshold(c.y, c.p, payoff: c.amounts, weights: c.weights)
        if let expected = c.best {
            #expect(best.threshold == expected.threshold)
            #expect(close(best.profit, expected.profit))
            #expect(best.warning == nil)
        } else {
            #expect(best.threshold == nil)
            #expect(best.warning != nil)
        }

        let yhat = c.p.map { $0 >= 0.5 ? 1.0 : 0.0 }
        let total = try Metrics.profit(c.y, yhat, payoff: c.amounts, weights: c.weights)
        #expect(close(try #require(total.value), c.profit_at_half))
    }

    @Test func expectedValue() throws {
        for c in BusinessFixture.shared.expected_value_cases {
            let result = try Metrics.expectedValue(
                c.y, c.yhat, classes: c.classes, matrix: c.matrix, weights: c.weights)
            #expect(close(try #require(result.value), c.expected))
        }
    }

    @Test func generatorStreams() {
        for s in BusinessFixture.shared.streams {
            guard let seed = UInt64(s.seed) else {
                Issue.record("bad seed \(s.seed)")
                continue
            }
            var g = Xoshiro256StarStar(seed: seed, stream: s.stream)
            #expect((0..<s.raw.count).map { _ in String(g.next()) } == s.raw)
            var h = Xoshiro256StarStar(seed: seed, stream: s.stream)
            let bounds: [UInt64] = [1, 2, 3, 10, 1000, (1 << 40) + 3]
            #expect(bounds.map { h.next(below: $0) } == s.bounded)
        }
    }

    @Test func percentileSummary() throws {
        for c in BusinessFixture.shared.quantile_cases {
            let summary = try #require(Bootstrap.summary(c.values, level: c.level))
            #expect(summary.low == c.low)
            #expect(summary.high == c.high)
            #expect(close(try #require(summary.standardError), c.se, relative: 1e-12))
        }
    }
}

@Suite("Business metric errors and bounds")
struct BusinessErrorTests {
    let y: [Double] = [1, 0, 1, 0]
    let p: [Double] = [0.9, 0.6, 0.4, 0.1]

    @Test func perRowAmountOfWrongLength() {
        let payoff = Payoff(tp: .perRow([1, 2]), fp: .constant(-1), fn: .constant(0), tn: .constant(0))
        #expect(throws: MetricError.lengthMismatch(.payoff(.truePositive), count: 2, expected: 4)) {
            try Metrics.profitCurve(y, p, payoff: payoff)
        }
    }

    @Test func missingAmount() {
        let payoff = Payoff(tp: .constant(1), fp: .perRow([1, .nan, 1, 1]), fn: .constant(0), tn: .constant(0))
        #expect(throws: MetricError.missingValue(.payoff(.falsePositive), row: 1)) {
            try Metrics.profitCurve(y, p, payoff: payoff)
        }
    }

    @Test func infiniteConstant() {
        let payoff = Payoff(tp: .constant(.infinity), fp: .constant(0), fn: .constant(0), tn: .constant(0))
        #expect(throws: MetricError.invalidParameter(.payoff(.truePositive), value: .infinity, .finite)) {
            try Metrics.profit(y, [1, 0, 1, 0], payoff: payoff)
        }
    }

    @Test func predictionsMustBeDecisions() {
        let payoff = Payoff(tp: .constant(1), fp: .constant(0), fn: .constant(0), tn: .constant(0))
        #expect(throws: MetricError.invalidValue(.prediction, row: 0, value: 0.9, .binary)) {
            try Metrics.profit(y, p, payoff: payoff)
        }
    }

    @Test func actingOnNoOneWins() throws {
        // Every flag costs: the best choice is to act on no one, which has no threshold.
        let payoff = Payoff(tp: .constant(-5), fp: .constant(-10), fn: .constant(0), tn: .constant(0))
        let best = try Metrics.bestThreshold(y, p, payoff: payoff)
        #expect(best.threshold == nil)
        #expect(best.profit == 0)
        #expect(best.warning == .actingOnNoOneIsBest)
    }

    @Test func tiesPickTheLargestThreshold() throws {
        // Flagging the 0.6 row earns nothing extra, so 0.9 and 0.6 tie: the larger wins.
        let payoff = Payoff(tp: .constant(10), fp: .constant(0), fn: .constant(0), tn: .constant(0))
        let best = try Metrics.bestThreshold(y, p, payoff: payoff)
        #expect(best.threshold == 0.4)
        let flat = Payoff(tp: .constant(10), fp: .constant(0), fn: .constant(10), tn: .constant(0))
        #expect(try Metrics.bestThreshold(y, p, payoff: flat).threshold == 0.9)
    }

    @Test func expectedValueMatrixShape() {
        #expect(throws: MetricError.self) {
            try Metrics.expectedValue([0, 1], [1, 1], classes: 2, matrix: [1, 2, 3])
        }
    }

    @Test func bootstrapSamplesAreReproducibleAndIndependentOfOrder() {
        let a = Bootstrap.sample(rows: 50, replicate: 3, seed: 9)
        let b = Bootstrap.sample(rows: 50, replicate: 3, seed: 9)
        let c = Bootstrap.sample(rows: 50, replicate: 4, seed: 9)
        #expect(a == b)
        #expect(a != c)
        #expect(a.allSatisfy { (0..<50).contains($0) })
    }

    /// The percentile interval of the mean covers the true mean about `level` of the
    /// time: 400 samples of 60 normal values, 300 resamples each.
    @Test func bootstrapCoverage() {
        var generator = Xoshiro256StarStar(seed: 2026)
        var covered = 0
        let trials = 400
        for trial in 0..<trials {
            // Box-Muller normals with mean 10, sd 2.
            let values = (0..<60).map { _ -> Double in
                let u = max(generator.nextUnit(), 1e-300), v = generator.nextUnit()
                return 10 + 2 * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
            }
            let means = (0..<300).map { r -> Double in
                let rows = Bootstrap.sample(rows: values.count, replicate: r, seed: UInt64(trial))
                return rows.reduce(0) { $0 + values[$1] } / Double(rows.count)
            }
            if let s = Bootstrap.summary(means, level: 0.9), s.low <= 10, 10 <= s.high {
                covered += 1
            }
        }
        // Percentile intervals undercover slightly at n = 60; 0.9 nominal gives about
        // 0.88. A binomial(400, 0.88) count lies in 325...378 with near certainty.
        #expect((325...378).contains(covered), "covered \(covered) of \(trials)")
    }
}
