import EvalMetrics
import Foundation
import Testing

/// The distribution kernels against scipy.stats values from the statistics fixture, plus
/// round trips that need no reference.
@Suite("Statistics distributions")
struct StatisticsDistributionTests {
    private var fixture: StatisticsFixture {
        get throws { try #require(StatisticsFixture.shared) }
    }

    @Test func normalMatchesScipy() throws {
        let fixture = try fixture
        #expect(fixture.normal.count >= 15)
        for c in fixture.normal {
            #expect(
                statisticsProbabilityClose(Normal.cdf(c.x), c.cdf),
                "cdf(\(c.x)) = \(Normal.cdf(c.x)), expected \(c.cdf)")
            #expect(
                statisticsProbabilityClose(Normal.sf(c.x), c.sf), "sf(\(c.x)) = \(Normal.sf(c.x)), expected \(c.sf)")
        }
        for c in fixture.normalPpf {
            #expect(
                statisticsClose(Normal.quantile(c.p), c.ppf), "ppf(\(c.p)) = \(Normal.quantile(c.p)), expected \(c.ppf)"
            )
            #expect(
                statisticsClose(Normal.upperQuantile(c.p), c.isf),
                "isf(\(c.p)) = \(Normal.upperQuantile(c.p)), expected \(c.isf)")
        }
    }

    /// AS 241 is accurate to about 1e-16: quantile and cdf invert each other across the whole range, tails
    /// included.
    ///
    /// Each tail is inverted from its own small probability; cdf(x) for x > 0 rounds toward 1 and would not
    /// identify x.
    @Test func normalQuantileRoundTrip() {
        var x = -37.0
        while x <= 0 {
            let back = Normal.quantile(Normal.cdf(x))
            #expect(abs(back - x) <= 1e-13 * max(1, abs(x)), "quantile(cdf(\(x))) = \(back)")
            let upper = Normal.upperQuantile(Normal.sf(-x))
            #expect(abs(upper + x) <= 1e-13 * max(1, abs(x)), "upperQuantile(sf(\(-x))) = \(upper)")
            x += 0.37
        }
        // The cdf's own condition number in the tail is about x² (37² near 1e-300).
        for p in [1e-300, 1e-50, 1e-10, 0.001, 0.3, 0.5, 0.7, 0.999] {
            let x = Normal.quantile(p)
            #expect(abs(Normal.cdf(x) - p) <= 1e-12 * p, "cdf(quantile(\(p)))")
        }
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0) == -.infinity && Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN && Normal.quantile(1.1).isNaN && Normal.quantile(.nan).isNaN)
    }

    @Test func studentTMatchesScipy() throws {
        let fixture = try fixture
        #expect(fixture.t.count >= 100)
        for c in fixture.t {
            let cdf = StudentT.cdf(c.t, df: c.df)
            let sf = StudentT.sf(c.t, df: c.df)
            #expect(statisticsProbabilityClose(cdf, c.cdf), "t.cdf(\(c.t), \(c.df)) = \(cdf), expected \(c.cdf)")
            #expect(statisticsProbabilityClose(sf, c.sf), "t.sf(\(c.t), \(c.df)) = \(sf), expected \(c.sf)")
        }
    }

    /// Quantiles against scipy.stats.t.ppf / t.isf, including df = 0.5 (quantiles near
    /// 1e23), df = 1 and 2 (closed forms) and df = 1e7 (nearly normal).
    @Test func studentTQuantileMatchesScipy() throws {
        let fixture = try fixture
        #expect(fixture.tPpf.count >= 100)
        for c in fixture.tPpf {
            let ppf = StudentT.quantile(c.p, df: c.df)
            let isf = StudentT.upperQuantile(c.p, df: c.df)
            #expect(statisticsClose(ppf, c.ppf), "t.ppf(\(c.p), \(c.df)) = \(ppf), expected \(c.ppf)")
            #expect(statisticsClose(isf, c.isf), "t.isf(\(c.p), \(c.df)) = \(isf), expected \(c.isf)")
        }
    }

    @Test(arguments: [0.3, 1.0, 2.0, 2.5, 7.0, 30.0, 1e4, 1e9])
    func studentTQuantileRoundTrip(df: Double) {
        for p in [1e-15, 1e-8, 0.001, 0.025, 0.2, 0.4999, 0.5, 0.6, 0.975] {
            let t = StudentT.quantile(p, df: df)
            #expect(abs(StudentT.cdf(t, df: df) - p) <= 1e-12 * p, "cdf(quantile(\(p), \(df)))")
        }
        #expect(StudentT.cdf(0, df: df) == 0.5)
        #expect(StudentT.sf(.infinity, df: df) == 0 && StudentT.cdf(-.infinity, df: df) == 0)
        #expect(StudentT.quantile(0, df: df) == -.infinity && StudentT.quantile(1, df: df) == .infinity)
    }

    @Test func studentTEdges() {
        #expect(StudentT.cdf(1, df: 0).isNaN && StudentT.cdf(1, df: -2).isNaN && StudentT.cdf(.nan, df: 3).isNaN)
        #expect(StudentT.quantile(0.3, df: .nan).isNaN && StudentT.quantile(1.5, df: 3).isNaN)
        // Infinite df is the normal distribution.
        #expect(StudentT.sf(2, df: .infinity) == Normal.sf(2))
        #expect(StudentT.quantile(0.025, df: .infinity) == Normal.quantile(0.025))
        // The Cauchy (df = 1) has closed forms: P(T > 1) = 1/4, and t.ppf(1e-300, 1) is finite.
        #expect(abs(StudentT.sf(1, df: 1) - 0.25) <= 1e-15)
        #expect(abs(StudentT.quantile(1e-300, df: 1) / -3.183098861837907e299 - 1) <= 1e-12)
    }

    @Test func incompleteBetaMatchesScipy() throws {
        let fixture = try fixture
        #expect(fixture.beta.count >= 50)
        for c in fixture.beta {
            let tails = SpecialFunctions.incompleteBeta(a: c.a, b: c.b, x: c.x, y: 1 - c.x)
            #expect(
                statisticsProbabilityClose(tails.lower, c.cdf),
                "I(\(c.x); \(c.a), \(c.b)) = \(tails.lower), expected \(c.cdf)")
            #expect(
                statisticsProbabilityClose(tails.upper, c.sf),
                "1 - I(\(c.x); \(c.a), \(c.b)) = \(tails.upper), expected \(c.sf)")
            #expect(statisticsProbabilityClose(SpecialFunctions.regularizedBeta(c.x, a: c.a, b: c.b), c.cdf))
        }
    }

    @Test func inverseBetaMatchesScipy() throws {
        let fixture = try fixture
        #expect(fixture.betaPpf.count >= 50)
        for c in fixture.betaPpf {
            let ppf = SpecialFunctions.inverseIncompleteBeta(a: c.a, b: c.b, lower: c.p, upper: 1 - c.p).x
            let isf = SpecialFunctions.inverseIncompleteBeta(a: c.a, b: c.b, lower: 1 - c.p, upper: c.p).x
            #expect(
                statisticsClose(ppf, c.ppf, absolute: 0), "beta.ppf(\(c.p), \(c.a), \(c.b)) = \(ppf), expected \(c.ppf)"
            )
            #expect(
                statisticsClose(isf, c.isf, absolute: 0), "beta.isf(\(c.p), \(c.a), \(c.b)) = \(isf), expected \(c.isf)"
            )
            #expect(statisticsClose(SpecialFunctions.inverseRegularizedBeta(c.p, a: c.a, b: c.b), c.ppf, absolute: 0))
        }
    }

    /// The inverse lands where the forward function gives back the probability, to the
    /// accuracy of the forward function, for shapes from 0.05 to 1e6.
    @Test(arguments: [
        (0.05, 0.05), (0.5, 3.0), (1.0, 1.0), (2.0, 0.3), (8.0, 8.0), (40.0, 0.5), (1e6, 2.0), (3e5, 4e5),
    ])
    func inverseBetaRoundTrip(a: Double, b: Double) {
        for p in [1e-12, 1e-4, 0.025, 0.3, 0.5, 0.8, 0.975, 1 - 1e-6] {
            let point = SpecialFunctions.inverseIncompleteBeta(a: a, b: b, lower: p, upper: 1 - p)
            #expect(abs(point.x + point.y - 1) <= 2e-16)
            let tails = SpecialFunctions.incompleteBeta(a: a, b: b, x: point.x, y: point.y)
            let (target, reached) = p <= 0.5 ? (p, tails.lower) : (1 - p, tails.upper)
            #expect(abs(reached - target) <= 1e-11 * target, "I(inverse(\(p)); \(a), \(b)) = \(reached)")
        }
    }

    @Test func incompleteBetaEdges() {
        #expect(SpecialFunctions.incompleteBeta(a: 2, b: 3, x: 0, y: 1) == (0, 1))
        #expect(SpecialFunctions.incompleteBeta(a: 2, b: 3, x: 1, y: 0) == (1, 0))
        #expect(SpecialFunctions.incompleteBeta(a: 0, b: 3, x: 0.5, y: 0.5).lower.isNaN)
        #expect(SpecialFunctions.incompleteBeta(a: 2, b: 3, x: 1.5, y: -0.5).lower.isNaN)
        #expect(SpecialFunctions.inverseIncompleteBeta(a: 2, b: 3, lower: 0, upper: 1) == (0, 1))
        #expect(SpecialFunctions.inverseIncompleteBeta(a: 2, b: 3, lower: 1, upper: 0) == (1, 0))
        #expect(SpecialFunctions.inverseIncompleteBeta(a: -1, b: 3, lower: 0.5, upper: 0.5).x.isNaN)
        // I_x(1, 1) = x and I_x(a, 1) = x^a exactly in closed form.
        #expect(abs(SpecialFunctions.regularizedBeta(0.3, a: 1, b: 1) - 0.3) <= 1e-15)
        #expect(abs(SpecialFunctions.regularizedBeta(0.7, a: 3.5, b: 1) / pow(0.7, 3.5) - 1) <= 1e-14)
        // Symmetry: I_x(a, b) = 1 − I_{1−x}(b, a).
        let left = SpecialFunctions.incompleteBeta(a: 4.5, b: 0.7, x: 0.2, y: 0.8)
        let right = SpecialFunctions.incompleteBeta(a: 0.7, b: 4.5, x: 0.8, y: 0.2)
        #expect(left.lower == right.upper && left.upper == right.lower)
    }

    @Test func logBetaAndGamma() {
        #expect(abs(SpecialFunctions.logGamma(5) - log(24)) <= 1e-15)
        #expect(abs(SpecialFunctions.logGamma(0.5) - 0.5 * log(Double.pi)) <= 1e-15)
        // B(2, 3) = 1/12; B(a, b) = B(b, a).
        #expect(abs(SpecialFunctions.logBeta(2, 3) + log(12)) <= 1e-15)
        #expect(SpecialFunctions.logBeta(0.3, 20) == SpecialFunctions.logBeta(20, 0.3))
        // Across the Stirling switch the branches agree with the direct sum.
        for (a, b) in [(7.5, 9.0), (12.0, 3.0), (20.0, 30.0), (100.0, 0.5)] {
            let direct = SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b)
            #expect(abs(SpecialFunctions.logBeta(a, b) - direct) <= 1e-13 * max(1, abs(direct)), "lnB(\(a), \(b))")
        }
        // ln B(1, n) = −ln n exactly, also for huge n where the direct sum loses digits.
        #expect(abs(SpecialFunctions.logBeta(1, 1e6) + log(1e6)) <= 1e-15 * log(1e6))
        #expect(
            abs(
                SpecialFunctions.logBeta(1e6, 1e6)
                    - (2 * SpecialFunctions.logGamma(1e6) - SpecialFunctions.logGamma(2e6))) <= 1e-8)
    }
}
