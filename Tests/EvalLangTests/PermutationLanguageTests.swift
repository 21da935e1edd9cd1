import EvalData
import EvalLang
import Foundation
import Testing

/// `permutation_test` through the language against scipy's exact `permutation_test`, from
/// the fixture that `scripts/reference/permutation_fixtures.py` writes for EvalMetricsTests,
/// and the thread-count independence of the randomized test and of `bootstrap(strata:)`.
@Suite("permutation_test and bootstrap(strata:) through the language (scipy)")
struct PermutationLanguageTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var a: [Double]
        var b: [Double]
        var statisticName: String
        var alternative: String
        var splits: Int
        var statistic: Double
        var pValue: Double
        var testDescription: String { name }
    }

    struct Fixture: Decodable { var cases: [Case]; var random: [Case] }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EvalMetricsTests/Fixtures/permutation_reference.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? decoder.decode(Fixture.self, from: data)
    }()

    static let statistics = [
        "mean_difference": "(x, y) => mean(x) - mean(y)",
        "median_difference": "(x, y) => median(x) - median(y)",
        "welch_t": "(x, y) => t_test(x, y).statistic",
        "sd_ratio": "(x, y) => std(x) / std(y)",
    ]

    /// Runs `code` with `a` and `b` bound and returns the record it ends with.
    static func run(_ code: String, a: [Double], b: [Double], threads: Int = 2) -> Record? {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        interpreter.session.threads = threads
        interpreter.bind("a", .column(Column(numbers: a)))
        interpreter.bind("b", .column(Column(numbers: b)))
        let run = CellRun.run(SourceText(name: "<test>", text: code), on: &interpreter)
        guard run.failure == nil, case .value(.record(let r), _)? = run.results.last?.outcome else { return nil }
        return r
    }

    static func number(_ r: Record?, _ field: String) -> Double? {
        if case .number(let x)? = r?[field] { return x }
        return nil
    }

    @Test func fixtureLoads() {
        #expect((Self.fixture?.cases.count ?? 0) >= 40)
    }

    @Test(arguments: fixture?.cases ?? [])
    func exact(_ c: Case) throws {
        let f = try #require(Self.statistics[c.statisticName])
        let r = Self.run("permutation_test(\(f), a, b, alternative: \"\(c.alternative)\")", a: c.a, b: c.b)
        let statistic = try #require(Self.number(r, "statistic")), p = try #require(Self.number(r, "p_value"))
        #expect(abs(statistic - c.statistic) <= 1e-9 * abs(c.statistic) + 1e-12)
        #expect(abs(p - c.pValue) <= 1e-12, "p \(p) vs scipy \(c.pValue)")
        #expect(Self.number(r, "n") == Double(c.splits))
        if case .bool(let exact)? = r?["exact"] { #expect(exact) } else { Issue.record("no exact field") }
    }

    @Test(
        "a randomized test is seeded, the same on one thread as on two, and near scipy's exact p",
        arguments: fixture?.random ?? [])
    func randomized(_ c: Case) throws {
        let code = "permutation_test((x, y) => mean(x) - mean(y), a, b, n: 3000, seed: 9)"
        let one = Self.run(code, a: c.a, b: c.b, threads: 1), two = Self.run(code, a: c.a, b: c.b, threads: 2)
        let p = try #require(Self.number(two, "p_value"))
        #expect(Self.number(one, "p_value") == p)
        #expect(Self.number(two, "n") == 3000)
        let error = 2 * (c.pValue * (1 - c.pValue) / 3000).squareRoot()
        #expect(abs(p - c.pValue) <= 4 * error + 2.0 / 3000, "p \(p) vs exact \(c.pValue)")
    }

    @Test("bootstrap(strata:) is the same on one thread as on two, and resamples within strata")
    func stratifiedBootstrap() throws {
        // The statistic counts the rows of stratum 1: fixed by stratification, so every
        // resample gives the same count and the interval has no width.
        let code = """
            t = table(g: where(range(0, 40) < 15, 1, 0), v: range(0, 40) * 0.5)
            bootstrap(t => sum(t.g) + 0 * mean(t.v), t, strata: t.g, n: 300, seed: 4)
            """
        let one = Self.run(code, a: [], b: [], threads: 1), two = Self.run(code, a: [], b: [], threads: 2)
        #expect(Self.number(two, "low") == 15 && Self.number(two, "high") == 15)
        let mean = """
            t = table(g: where(range(0, 40) < 15, 1, 0), v: range(0, 40) * 0.5)
            bootstrap(t => mean(t.v), t, strata: t.g, n: 300, seed: 4)
            """
        let m1 = Self.run(mean, a: [], b: [], threads: 1), m2 = Self.run(mean, a: [], b: [], threads: 2)
        #expect(Self.number(m1, "low") == Self.number(m2, "low") && Self.number(m1, "high") == Self.number(m2, "high"))
        #expect(Self.number(one, "se") == Self.number(two, "se"))
    }
}
