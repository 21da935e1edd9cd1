import EvalMetrics
import Foundation
import Testing

/// `Fixtures/permutation_reference.json`, written by `scripts/reference/permutation_fixtures.py`
/// from scipy's exact `permutation_test`.
struct PermutationFixture: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var a: [Double]
        var b: [Double]
        var statisticName: String
        var alternative: String
        var splits: Int
        var statistic: Double
        var pValue: Double
        var null: [Double]?
        var testDescription: String { name }
    }

    var generator: String
    var versions: [String: String]
    var cases: [Case]
    var random: [Case]

    static func load() throws -> PermutationFixture {
        guard
            let url = Bundle.module.url(
                forResource: "permutation_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PermutationFixture.self, from: Data(contentsOf: url))
    }

    static let shared: PermutationFixture? = try? load()
}

/// The fixture's statistics, in Swift.
func permutationStatistic(_ name: String, _ x: [Double], _ y: [Double]) throws -> Double {
    func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    func median(_ v: [Double]) -> Double {
        let s = v.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
    func sd(_ v: [Double]) -> Double {
        let m = mean(v)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }
    switch name {
    case "mean_difference": return mean(x) - mean(y)
    case "median_difference": return median(x) - median(y)
    case "sd_ratio": return sd(x) / sd(y)
    default: return try #require(try Experiments.tTest(x: x, y: y).statistic)
    }
}

/// The alternative as scipy names it.
func scipyAlternative(_ name: String) -> TestAlternative {
    switch name {
    case "less": .smaller
    case "greater": .larger
    default: .twoSided
    }
}

@Suite("Permutation tests against scipy, and stratified bootstrap resamples")
struct PermutationTests {
    @Test func fixtureLoads() throws {
        let fixture = try PermutationFixture.load()
        #expect(fixture.generator == "scripts/reference/permutation_fixtures.py")
        #expect(fixture.versions["scipy"] != nil)
        #expect(fixture.cases.count >= 40 && fixture.cases.contains { $0.null != nil })
    }

    @Test(arguments: PermutationFixture.shared?.cases ?? [])
    func exact(_ c: PermutationFixture.Case) throws {
        let pooled = c.a + c.b
        let splits = try #require(Permutation.splits(c.a.count, c.b.count, limit: 9999))
        #expect(splits == c.splits)
        var null: [Double] = []
        for rank in 0..<splits {
            let chosen = Permutation.exactSplit(rank: rank, first: c.a.count, second: c.b.count)
            let x = pooled.indices.filter { chosen[$0] }.map { pooled[$0] }
            let y = pooled.indices.filter { !chosen[$0] }.map { pooled[$0] }
            null.append(try permutationStatistic(c.statisticName, x, y))
        }
        let observed = try permutationStatistic(c.statisticName, c.a, c.b)
        #expect(statisticsClose(observed, c.statistic))
        let p = Permutation.pValue(
            observed: observed, null: null, exact: true, alternative: scipyAlternative(c.alternative))
        #expect(abs(p - c.pValue) <= 1e-12, "p \(p) vs \(c.pValue)")
        if let expected = c.null {
            for (value, reference) in zip(null.sorted(), expected) {
                #expect(statisticsClose(value, reference, relative: 1e-9, absolute: 1e-12))
            }
        }
    }

    @Test("every split once, in itertools.combinations order")
    func enumeration() {
        func combinations(_ n: Int, _ k: Int) -> [[Int]] {
            guard k > 0 else { return [[]] }
            guard n >= k else { return [] }
            return (0..<n).flatMap { first in
                combinations(n - first - 1, k - 1).map { [first] + $0.map { $0 + first + 1 } }
            }
        }
        for (a, b) in [(1, 1), (2, 3), (4, 4), (1, 6), (5, 2), (3, 0)] {
            let expected = combinations(a + b, a)
            #expect(Permutation.splits(a, b, limit: 10_000) == expected.count)
            for (rank, subset) in expected.enumerated() {
                let chosen = Permutation.exactSplit(rank: rank, first: a, second: b)
                #expect(chosen.indices.filter { chosen[$0] } == subset)
            }
        }
        #expect(Permutation.splits(20, 20, limit: 9999) == nil)
        #expect(Permutation.splits(200, 300, limit: Int.max) == nil)
    }

    @Test("a random split is seeded, of the right size, and uniform over rows")
    func randomSplits() {
        let a = Permutation.randomSplit(resample: 7, first: 4, second: 6, seed: 3)
        #expect(a == Permutation.randomSplit(resample: 7, first: 4, second: 6, seed: 3))
        #expect(a != Permutation.randomSplit(resample: 8, first: 4, second: 6, seed: 3))
        var counts = [Int](repeating: 0, count: 10)
        for r in 0..<20_000 {
            let chosen = Permutation.randomSplit(resample: r, first: 4, second: 6, seed: 11)
            #expect(chosen.filter { $0 }.count == 4)
            for i in chosen.indices where chosen[i] { counts[i] += 1 }
        }
        // Each row is in the first sample with probability 0.4: 8000 ± 4.5 sd (sd ≈ 69).
        #expect(counts.allSatisfy { (7690...8310).contains($0) }, "\(counts)")
    }

    @Test(
        "a randomized test agrees with scipy's exact p-value within its Monte Carlo error",
        arguments: PermutationFixture.shared?.random ?? [])
    func randomized(_ c: PermutationFixture.Case) throws {
        let pooled = c.a + c.b, resamples = 4000
        let null = try (0..<resamples).map { r -> Double in
            let chosen = Permutation.randomSplit(resample: r, first: c.a.count, second: c.b.count, seed: 2026)
            return try permutationStatistic(
                c.statisticName, pooled.indices.filter { chosen[$0] }.map { pooled[$0] },
                pooled.indices.filter { !chosen[$0] }.map { pooled[$0] })
        }
        let observed = try permutationStatistic(c.statisticName, c.a, c.b)
        let p = Permutation.pValue(observed: observed, null: null, exact: false, alternative: .twoSided)
        let error = 2 * (c.pValue * (1 - c.pValue) / Double(resamples)).squareRoot()
        #expect(abs(p - c.pValue) <= 4 * error + 2 / Double(resamples), "p \(p) vs exact \(c.pValue)")
        #expect(p > 0)
    }

    /// Under the null hypothesis a randomized permutation test rejects at 5% about 5%
    /// of the time: 400 pairs of normal samples of 10, 199 resamples each.
    @Test func randomizedTestHoldsItsLevel() throws {
        var generator = Xoshiro256StarStar(seed: 77)
        func normal() -> Double {
            let u = max(generator.nextUnit(), 1e-300), v = generator.nextUnit()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        var rejected = 0
        for trial in 0..<400 {
            let pooled = (0..<20).map { _ in normal() }
            let null = try (0..<199).map { r -> Double in
                let chosen = Permutation.randomSplit(resample: r, first: 10, second: 10, seed: UInt64(trial))
                return try permutationStatistic(
                    "mean_difference", pooled.indices.filter { chosen[$0] }.map { pooled[$0] },
                    pooled.indices.filter { !chosen[$0] }.map { pooled[$0] })
            }
            let observed = try permutationStatistic(
                "mean_difference", Array(pooled[..<10]), Array(pooled[10...]))
            if Permutation.pValue(observed: observed, null: null, exact: false, alternative: .twoSided) <= 0.05 {
                rejected += 1
            }
        }
        // binomial(400, 0.05): 20 expected, 6...38 with near certainty.
        #expect((6...38).contains(rejected), "rejected \(rejected) of 400")
    }

    @Test("a stratified resample keeps every stratum's size and places")
    func strataKeepTheirRows() {
        let stratum = [0, 1, 0, 2, 1, 0, 2, 2, 2]
        let members = [[0, 2, 5], [1, 4], [3, 6, 7, 8]]
        for replicate in 0..<200 {
            let rows = Bootstrap.sample(stratum: stratum, members: members, replicate: replicate, seed: 5)
            #expect(rows.count == stratum.count)
            #expect(rows.indices.allSatisfy { stratum[rows[$0]] == stratum[$0] })
        }
        #expect(
            Bootstrap.sample(stratum: stratum, members: members, replicate: 3, seed: 5)
                == Bootstrap.sample(stratum: stratum, members: members, replicate: 3, seed: 5))
    }

    /// A stratified percentile interval of the overall mean covers the true mean about
    /// `level` of the time: strata of 30 and 20 rows with means 0 and 5, 400 trials.
    @Test func stratifiedBootstrapCoverage() {
        var generator = Xoshiro256StarStar(seed: 2027)
        func normal() -> Double {
            let u = max(generator.nextUnit(), 1e-300), v = generator.nextUnit()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        let stratum = (0..<50).map { $0 < 30 ? 0 : 1 }
        let members = [Array(0..<30), Array(30..<50)]
        let truth = (30 * 0.0 + 20 * 5.0) / 50
        var covered = 0
        for trial in 0..<400 {
            let values = stratum.map { $0 == 0 ? normal() : 5 + 2 * normal() }
            let means = (0..<300).map { r -> Double in
                let rows = Bootstrap.sample(stratum: stratum, members: members, replicate: r, seed: UInt64(trial))
                return rows.reduce(0) { $0 + values[$1] } / Double(rows.count)
            }
            if let s = Bootstrap.summary(means, level: 0.9), s.low <= truth, truth <= s.high { covered += 1 }
        }
        // About 0.88 at these sizes, as the plain bootstrap; binomial(400, 0.88) lies in 325...378.
        #expect((325...378).contains(covered), "covered \(covered) of 400")
    }
}
