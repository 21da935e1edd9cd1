import EvalMetrics
import Foundation
import Testing

/// A fixture number: JSON numbers, plus "inf" and "-inf" for the infinities JSON lacks.
struct ShiftNumber: Decodable, Sendable {
    var value: Double

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        switch try container.decode(String.self) {
        case "inf": value = .infinity
        case "-inf": value = -.infinity
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number")
        }
    }
}

/// A stored sample: a plain list, or a histogram on the grid (start + i) / scale.
enum ShiftSample: Decodable, Sendable {
    case values([ShiftNumber])
    case grid(scale: Double, start: Int, counts: [Int])

    private enum Keys: String, CodingKey { case scale, start, counts }

    init(from decoder: Decoder) throws {
        if let list = try? [ShiftNumber](from: decoder) {
            self = .values(list)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        self = .grid(
            scale: try container.decode(Double.self, forKey: .scale),
            start: try container.decode(Int.self, forKey: .start),
            counts: try container.decode([Int].self, forKey: .counts)
        )
    }

    /// The values, rebuilt exactly as the generator's `decode` does.
    var doubles: [Double] {
        switch self {
        case .values(let list):
            return list.map(\.value)
        case .grid(let scale, let start, let counts):
            var result = [Double]()
            for (offset, count) in counts.enumerated() where count > 0 {
                result += repeatElement(Double(start + offset) / scale, count: count)
            }
            return result
        }
    }
}

/// `Fixtures/shift_reference.json`, written by `scripts/reference/shift_fixtures.py`.
struct ShiftFixture: Decodable, Sendable {
    struct KS: Decodable, Sendable, CustomTestStringConvertible {
        var name, a, b, method: String
        var statistic, p_value, statistic_location: ShiftNumber
        var statistic_sign: Int
        var testDescription: String { name }
    }

    struct Tail: Decodable, Sendable, CustomTestStringConvertible {
        var n: Int
        var x, sf: ShiftNumber
        var testDescription: String { "n=\(n) x=\(x.value)" }
    }

    struct Wasserstein: Decodable, Sendable, CustomTestStringConvertible {
        var name, u, v: String
        var u_weights, v_weights: String?
        var expected: ShiftNumber
        var testDescription: String { name }
    }

    struct PSI: Decodable, Sendable, CustomTestStringConvertible {
        var name, expected, actual: String
        var bins: Int
        var value: Double
        var edges: [ShiftNumber]
        var expected_counts, actual_counts: [Int]
        var contributions: [ShiftNumber]
        var merged_bins: Int?
        var floored_bins: Int
        var testDescription: String { name }
    }

    var generator: String
    var versions: [String: String]
    var samples: [String: ShiftSample]
    var ks: [KS]
    var kstwo: [Tail]
    var smirnov: [Tail]
    var wasserstein: [Wasserstein]
    var psi: [PSI]

    static func load() throws -> ShiftFixture {
        guard
            let url = Bundle.module.url(
                forResource: "shift_reference", withExtension: "json", subdirectory: "Fixtures"
            )
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(ShiftFixture.self, from: Data(contentsOf: url))
    }

    /// The decoded fixture; nil on failure, which `fixtureLoads` reports.
    static let shared: ShiftFixture? = try? load()

    /// A named sample's values; empty for an unknown id, which then fails its case.
    static func sample(_ id: String?) -> [Double]? {
        guard let id else { return nil }
        return shared?.samples[id]?.doubles ?? []
    }
}

/// Equal to 1e-9 relative; a reference of exactly zero (or an infinity) must be matched
/// to within 1e-300 (or exactly).
func shiftClose(_ actual: Double, _ expected: Double) -> Bool {
    if expected == 0 { return abs(actual) <= 1e-300 }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= 1e-9 * abs(expected)
}

@Suite("Shift kernels against scipy 1.17.1 and the numpy PSI reference")
struct ShiftReferenceTests {
    @Test func fixtureLoads() throws {
        let fixture = try ShiftFixture.load()
        #expect(fixture.versions["scipy"] == "1.17.1")
        #expect(fixture.versions["numpy"] == "2.4.6")
        #expect(fixture.ks.count >= 90)
        #expect(fixture.ks.contains { $0.method == "exact" })
        #expect(fixture.ks.contains { $0.method == "asymp" && $0.name.hasPrefix("fallback") })
        #expect(!fixture.kstwo.isEmpty && !fixture.smirnov.isEmpty)
        #expect(!fixture.wasserstein.isEmpty && !fixture.psi.isEmpty)
    }

    @Test(arguments: ShiftFixture.shared?.ks ?? [])
    func ksTwoSample(_ c: ShiftFixture.KS) throws {
        let a = try #require(ShiftFixture.sample(c.a))
        let b = try #require(ShiftFixture.sample(c.b))
        let result = try Shift.ksTwoSample(a, b)
        #expect(
            shiftClose(result.statistic, c.statistic.value), "statistic \(result.statistic) vs \(c.statistic.value)")
        #expect(shiftClose(result.pValue, c.p_value.value), "p-value \(result.pValue) vs \(c.p_value.value)")
        #expect(result.method.rawValue == c.method)
        #expect(result.statisticLocation == c.statistic_location.value)
        #expect(result.statisticSign == c.statistic_sign)
    }

    @Test(arguments: ShiftFixture.shared?.kstwo ?? [])
    func kstwoSurvival(_ c: ShiftFixture.Tail) {
        let sf = Kolmogorov.twoSidedSurvival(n: Double(c.n), x: c.x.value)
        #expect(shiftClose(sf, c.sf.value), "kstwo.sf \(sf) vs \(c.sf.value)")
    }

    @Test(arguments: ShiftFixture.shared?.smirnov ?? [])
    func smirnovSurvival(_ c: ShiftFixture.Tail) {
        let sf = Kolmogorov.smirnovSurvival(n: c.n, x: c.x.value)
        #expect(shiftClose(sf, c.sf.value), "smirnov \(sf) vs \(c.sf.value)")
    }

    @Test(arguments: ShiftFixture.shared?.wasserstein ?? [])
    func wasserstein(_ c: ShiftFixture.Wasserstein) throws {
        let u = try #require(ShiftFixture.sample(c.u))
        let v = try #require(ShiftFixture.sample(c.v))
        let result = try Shift.wasserstein(
            u, v, uWeights: ShiftFixture.sample(c.u_weights), vWeights: ShiftFixture.sample(c.v_weights)
        )
        let value = try #require(result.value, "undefined: \(result.warning.map { "\($0)" } ?? "")")
        #expect(shiftClose(value, c.expected.value), "\(value) vs \(c.expected.value)")
        #expect(result.warning == nil)
    }

    @Test(arguments: ShiftFixture.shared?.psi ?? [])
    func psi(_ c: ShiftFixture.PSI) throws {
        let expected = try #require(ShiftFixture.sample(c.expected))
        let actual = try #require(ShiftFixture.sample(c.actual))
        let result = try Shift.psi(expected: expected, actual: actual, bins: c.bins)
        #expect(shiftClose(result.value, c.value), "psi \(result.value) vs \(c.value)")
        try #require(result.bins.count == c.edges.count + 1)
        #expect(result.bins.map(\.upper).dropLast() == c.edges.map(\.value)[...])
        #expect(result.bins.map(\.lower).dropFirst() == c.edges.map(\.value)[...])
        #expect(result.bins.first?.lower == -.infinity && result.bins.last?.upper == .infinity)
        #expect(result.bins.map(\.expectedCount) == c.expected_counts)
        #expect(result.bins.map(\.actualCount) == c.actual_counts)
        for (bin, contribution) in zip(result.bins, c.contributions) {
            #expect(
                shiftClose(bin.contribution, contribution.value),
                "contribution \(bin.contribution) vs \(contribution.value)")
            #expect(bin.expectedShare == Double(bin.expectedCount) / Double(expected.count))
            #expect(bin.actualShare == Double(bin.actualCount) / Double(actual.count))
        }
        let merged = result.warnings.filter { if case .mergedBins = $0 { true } else { false } }
        let floored = result.warnings.filter { if case .flooredBins = $0 { true } else { false } }
        if let bins = c.merged_bins {
            #expect(
                merged == [.mergedBins(requested: c.bins, kept: bins)])
        } else {
            #expect(merged.isEmpty)
        }
        if c.floored_bins > 0 {
            #expect(floored == [.flooredBins(floored: c.floored_bins, of: result.bins.count, floor: 1e-4)])
        } else {
            #expect(floored.isEmpty)
        }
        #expect(result.warnings.count == merged.count + floored.count)
    }
}
