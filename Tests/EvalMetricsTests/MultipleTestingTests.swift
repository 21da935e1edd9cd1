import EvalMetrics
import Foundation
import Testing

/// `Fixtures/multiple_testing_reference.json`, written by
/// `scripts/reference/multiple_testing_fixtures.py` from statsmodels' `multipletests`.
struct MultipleTestingFixture: Decodable, Sendable {
    struct Adjusted: Decodable, Sendable {
        var adjusted: [Double]
        var reject: [Bool]
    }

    struct Family: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var p: [Double]
        var methods: [String: Adjusted]
        var testDescription: String { name }
    }

    var generator: String
    var versions: [String: String]
    var adjust: [Family]

    static func load() throws -> MultipleTestingFixture {
        guard
            let url = Bundle.module.url(
                forResource: "multiple_testing_reference", withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(MultipleTestingFixture.self, from: Data(contentsOf: url))
    }

    static let shared: MultipleTestingFixture? = try? load()
}

@Suite("adjust_p against statsmodels' multipletests")
struct MultipleTestingTests {
    @Test func fixtureLoads() throws {
        let fixture = try MultipleTestingFixture.load()
        #expect(fixture.generator == "scripts/reference/multiple_testing_fixtures.py")
        #expect(fixture.versions["statsmodels"] != nil)
        #expect(fixture.adjust.count >= 8)
        #expect(fixture.adjust.allSatisfy { $0.methods.count == PValueCorrection.allCases.count })
    }

    @Test(arguments: MultipleTestingFixture.shared?.adjust ?? [])
    func adjust(_ family: MultipleTestingFixture.Family) throws {
        for method in PValueCorrection.allCases {
            let expected = try #require(family.methods[method.rawValue])
            let adjusted = try Experiments.adjustP(family.p, method: method)
            #expect(adjusted.count == family.p.count)
            for (i, (a, e)) in zip(adjusted, expected.adjusted).enumerated() {
                #expect(statisticsProbabilityClose(a, e), "\(method.rawValue) [\(i)]: \(a) vs \(e)")
            }
            // statsmodels rejects exactly where the adjusted p-value is at most alpha.
            #expect(adjusted.map { $0 <= 0.05 } == expected.reject, "\(method.rawValue) reject")
        }
    }

    @Test func holmIsNeverAboveBonferroniAndBHNeverAboveHolm() throws {
        let p = [0.001, 0.01, 0.02, 0.03, 0.04, 0.2, 0.5]
        let bonferroni = try Experiments.adjustP(p, method: .bonferroni)
        let holm = try Experiments.adjustP(p, method: .holm)
        let bh = try Experiments.adjustP(p, method: .fdrBH)
        let by = try Experiments.adjustP(p, method: .fdrBY)
        for i in p.indices {
            #expect(holm[i] <= bonferroni[i] && bh[i] <= holm[i] && bh[i] <= by[i] && p[i] <= bh[i])
        }
    }

    @Test func wrongInput() {
        #expect(throws: MetricError.empty) { try Experiments.adjustP([], method: .holm) }
        #expect(throws: MetricError.missingValue(.truth, row: 1)) {
            try Experiments.adjustP([0.1, .nan], method: .holm)
        }
        #expect(throws: MetricError.invalidValue(.truth, row: 0, value: 1.5, .closedUnit)) {
            try Experiments.adjustP([1.5], method: .bonferroni)
        }
        #expect(throws: MetricError.invalidValue(.truth, row: 1, value: -0.1, .closedUnit)) {
            try Experiments.adjustP([0.2, -0.1], method: .fdrBH)
        }
    }
}
