import EvalData
import EvalLang
import Foundation
import Testing

/// `ndcg(…, empty: "zero")` through the language against scikit-learn's `ndcg_score`, weighted
/// cases included (the weighted mean over queries is the builtin's), from the fixture that
/// `scripts/reference/ranking_empty_fixtures.py` writes for EvalMetricsTests.
@Suite("ndcg's empty: option through the language (scikit-learn)")
struct RankingEmptyLanguageTests {
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
    }

    struct Fixture: Decodable, Sendable { var cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EvalMetricsTests/Fixtures/ranking_empty_reference.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let data = try? Data(contentsOf: url), let fixture = try? decoder.decode(Fixture.self, from: data)
        else { return [] }
        return fixture.cases
    }()

    @Test func fixtureLoads() {
        #expect(Self.cases.count >= 40)
        #expect(Self.cases.contains { $0.weights != nil })
    }

    @Test(arguments: cases)
    func ndcg(_ c: Case) throws {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        let items = c.relevance.count / c.queries
        interpreter.bind("rel", .column(Column(numbers: c.relevance)))
        interpreter.bind("s", .column(Column(numbers: c.scores)))
        interpreter.bind("q", .column(Column(numbers: c.relevance.indices.map { Double($0 / items) })))
        if let weights = c.weights {
            interpreter.bind("w", .column(Column(numbers: c.relevance.indices.map { weights[$0 / items] })))
        }
        let options =
            (c.k.map { ", k: \($0)" } ?? "") + ", gain: \"\(c.gain)\"" + (c.weights == nil ? "" : ", weights: w")
        let code = """
            zero = ndcg(rel, s, group: q, empty: "zero"\(options))
            skip = ndcg(rel, s, group: q, empty: "skip"\(options))
            plain = ndcg(rel, s, group: q\(options))
            """
        let run = CellRun.run(SourceText(name: "<test>", text: code), on: &interpreter)
        #expect(run.failure == nil)
        func number(_ name: String) -> Double? {
            if case .number(let x)? = interpreter.globals[name] { return x }
            return nil
        }
        let zero = try #require(number("zero")), skip = try #require(number("skip"))
        #expect(abs(zero - c.zero) <= 1e-9 * abs(c.zero) + 1e-12, "zero \(zero) vs \(c.zero)")
        #expect(abs(skip - c.skip) <= 1e-9 * abs(c.skip) + 1e-12, "skip \(skip) vs \(c.skip)")
        #expect(number("plain") == skip)
        // Only the implicit default warns, once, with the count of queries it left out.
        let warnings = run.results.flatMap(\.warnings).map(\.message)
        #expect(warnings.count == (c.leftOut > 0 ? 1 : 0))
        if c.leftOut > 0 {
            let have = c.leftOut == 1 ? "has" : "have"
            #expect(
                warnings.first?.hasPrefix("`ndcg`: \(c.leftOut) of \(c.queries) queries \(have) no relevant") == true)
        }
    }
}
