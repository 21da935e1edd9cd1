import EvalMetrics
import Foundation
import Testing

/// Equal to 1e-9 relative or 1e-12 absolute; the fixture writes +∞ as the largest double.
func catalogueClose(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case (let actual?, let expected?):
        if actual == expected { return true }
        if expected == .greatestFiniteMagnitude { return actual == .infinity }
        return isClose(actual, expected)
    default: return false
    }
}

@Suite("scikit-learn reference catalogue")
struct CatalogueFixtureTests {
    @Test func fixtureLoads() throws {
        let fixture = try CatalogueFixture.load()
        #expect(fixture.generator == "scripts/reference/metrics_catalogue_fixtures.py")
        #expect(fixture.versions["scikit-learn"] != nil)
        #expect(fixture.versions["scipy"] != nil)
        #expect(CatalogueFixture.cases.count == fixture.cases.count)
        #expect(fixture.cases.count >= 300)
    }

    @Test(arguments: CatalogueFixture.cases)
    func matchesReference(_ c: CatalogueCase) throws {
        let output = try evaluate(c)
        if let expected = c.expected {
            guard let result = output.scalar else {
                // A structured result the fixture marks undefined.
                #expect(expected == nil, "\(c.name): expected a scalar")
                #expect(output.arrays == nil && output.warning != nil, "\(c.name): expected undefined")
                return
            }
            if let expected {
                let value = try #require(
                    result.value, "\(c.name): nil, warning \(result.warning.map { "\($0)" } ?? "none")")
                #expect(isClose(value, expected), "\(c.name): got \(value), expected \(expected)")
                #expect(result.warning == nil)
            } else {
                #expect(result.value == nil, "\(c.name): expected undefined, got \(String(describing: result.value))")
                #expect(result.warning != nil)
            }
            return
        }
        let expectedArrays = try #require(c.arrays)
        let arrays = try #require(output.arrays, "\(c.name): undefined, \(output.warning.map { "\($0)" } ?? "")")
        #expect(Set(arrays.keys) == Set(expectedArrays.keys), "\(c.name)")
        for (key, expected) in expectedArrays {
            let actual = try #require(arrays[key], "\(c.name): no \(key)")
            #expect(actual.count == expected.count, "\(c.name).\(key): \(actual.count) vs \(expected.count)")
            for (i, pair) in zip(actual, expected).enumerated() where !catalogueClose(pair.0, pair.1) {
                Issue.record(
                    "\(c.name).\(key)[\(i)]: got \(String(describing: pair.0)), expected \(String(describing: pair.1))")
                break
            }
        }
    }

    /// Reversing the rows changes nothing beyond rounding: ties are grouped, not ordered.
    @Test(arguments: CatalogueFixture.cases)
    func rowOrderDoesNotMatter(_ c: CatalogueCase) throws {
        // Multilabel tables and grouped rankings have their own row structure.
        if c.metric.hasPrefix("ml_") || ["hamming_loss", "subset_accuracy"].contains(c.metric) {
            return
        }
        var reversed = c
        reversed.y.reverse()
        reversed.x.reverse()
        reversed.weights?.reverse()
        reversed.group?.reverse()
        if !c.table.isEmpty {
            let k = c.classes
            let rows = c.table.count / k
            reversed.table = (0..<rows).reversed().flatMap { r in c.table[(r * k)..<((r + 1) * k)] }
        }
        let forward = try evaluate(c)
        let backward = try evaluate(reversed)
        #expect(catalogueClose(backward.scalar?.value, forward.scalar?.value), "\(c.name)")
        for (key, values) in forward.arrays ?? [:] {
            let other = backward.arrays?[key] ?? []
            #expect(
                other.count == values.count && zip(other, values).allSatisfy { catalogueClose($0, $1) },
                "\(c.name).\(key)")
        }
    }
}
