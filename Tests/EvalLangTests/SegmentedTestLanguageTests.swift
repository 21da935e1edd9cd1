import EvalData
import EvalLang
import Foundation
import Testing

/// `ab_test(a, b, by:, correction:)` and `t_test(x, y, by:, correction:)` through the
/// language against statsmodels (per-segment `proportions_ztest`, scipy's Welch
/// `ttest_ind`, then `multipletests`), from the fixture that
/// `scripts/reference/multiple_testing_fixtures.py` writes for EvalMetricsTests.
@Suite("Per-segment tests with a correction (statsmodels, scipy)")
struct SegmentedTestLanguageTests {
    struct Segments: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var first: [Double]
        var second: [Double]
        var firstKey: [Double]
        var secondKey: [Double]
        var keys: [Int]
        var pValue: [Double]
        var pValueAll: Double
        var byMethod: [String: [Double]]
        var testDescription: String { name }
    }

    struct Raw: Decodable {
        var name: String
        var a, b, x, y, keyA, keyB, keyX, keyY: [Double]?
        var keys: [Int]
        var pValue: [Double]
        var pValueAll: Double
        var byMethod: [String: [Double]]
    }

    struct Fixture: Decodable { var segments: [Raw]; var tSegments: [Raw] }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EvalMetricsTests/Fixtures/multiple_testing_reference.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? decoder.decode(Fixture.self, from: data)
    }()

    static func cases(_ raws: [Raw]?, test: String) -> [Segments] {
        (raws ?? []).map { r in
            Segments(
                name: "\(test) \(r.name)", first: r.a ?? r.x ?? [], second: r.b ?? r.y ?? [],
                firstKey: r.keyA ?? r.keyX ?? [], secondKey: r.keyB ?? r.keyY ?? [], keys: r.keys, pValue: r.pValue,
                pValueAll: r.pValueAll, byMethod: r.byMethod)
        }
    }

    static let abCases = cases(fixture?.segments, test: "ab_test")
    static let tCases = cases(fixture?.tSegments, test: "t_test")

    @Test func fixtureLoads() {
        #expect(Self.abCases.count >= 2 && Self.tCases.count >= 1)
    }

    static func run(_ c: Segments, call: String) throws -> [String: [Value]] {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        interpreter.bind("a", .column(Column(numbers: c.first)))
        interpreter.bind("b", .column(Column(numbers: c.second)))
        interpreter.bind("ka", .column(Column(numbers: c.firstKey)))
        interpreter.bind("kb", .column(Column(numbers: c.secondKey)))
        var tables: [String: [Value]] = [:]
        for method in ["bonferroni", "holm", "fdr_bh", "fdr_by"] {
            let code = "s = \(call)(a, b, by: [ka, kb], correction: \"\(method)\")\n[s.group, s.p_value, s.p_adjusted]"
            let run = CellRun.run(SourceText(name: "<test>", text: code), on: &interpreter)
            #expect(run.failure == nil)
            guard case .value(.list(let parts), _)? = run.results.last?.outcome else {
                Issue.record("no result for \(method)")
                continue
            }
            tables[method] = parts
        }
        return tables
    }

    static func numbers(_ value: Value) -> [Double?] {
        guard case .column(let c) = value else { return [] }
        return (0..<c.count).map { i in
            if case .number(let x) = c[i] { return x }
            return nil
        }
    }

    static func check(_ c: Segments, _ tables: [String: [Value]]) {
        for (method, expected) in c.byMethod {
            guard let parts = tables[method], parts.count == 3 else {
                Issue.record("no table for \(method)")
                continue
            }
            let p = numbers(parts[1]), adjusted = numbers(parts[2])
            #expect(p.count == c.keys.count + 1)
            for (k, e) in c.pValue.enumerated() {
                #expect(abs((p[k] ?? .nan) - e) <= 1e-9 * e, "p[\(k)] \(String(describing: p[k])) vs \(e)")
            }
            let overall: Double = (p.last ?? nil) ?? .nan
            #expect(abs(overall - c.pValueAll) <= 1e-9 * c.pValueAll, "overall p \(overall) vs \(c.pValueAll)")
            for (k, e) in expected.enumerated() {
                #expect(
                    abs((adjusted[k] ?? .nan) - e) <= 1e-9 * e,
                    "\(method)[\(k)] \(String(describing: adjusted[k])) vs \(e)")
            }
            #expect(adjusted.last == .some(nil), "the overall row is not part of the family")
        }
    }

    @Test(arguments: abCases)
    func abTest(_ c: Segments) throws { Self.check(c, try Self.run(c, call: "ab_test")) }

    @Test(arguments: tCases)
    func tTest(_ c: Segments) throws { Self.check(c, try Self.run(c, call: "t_test")) }
}
