import EvalMetrics
import Foundation
import Testing

/// Wrong input, undefined results and warnings of the distribution-shift kernels.
@Suite("Shift kernels: errors and warnings")
struct ShiftErrorTests {
    // MARK: ks_2samp

    @Test func ksEmptySampleNamesIt() {
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 0, needed: 1)) {
            try Shift.ksTwoSample([], [1, 2])
        }
        #expect(throws: MetricError.tooFewValues(.sample(1), count: 0, needed: 1)) {
            try Shift.ksTwoSample([1, 2], [])
        }
        // Both empty: `a` is reported, the same input always giving the same error.
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 0, needed: 1)) {
            try Shift.ksTwoSample([], [])
        }
    }

    @Test func ksMissingValueNamesSampleAndIndex() {
        #expect(throws: MetricError.missingValue(.sample(0), row: 2)) {
            try Shift.ksTwoSample([1, 2, .nan], [1, 2])
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 0)) {
            try Shift.ksTwoSample([1, 2], [.nan, 3])
        }
    }

    @Test func ksIsDeterministicAndOrderFree() throws {
        let a = (0..<300).map { Double(($0 * 7919) % 1000) / 10 }
        let b = (0..<257).map { Double(($0 * 104_729) % 1000) / 9 }
        let first = try Shift.ksTwoSample(a, b)
        #expect(try Shift.ksTwoSample(a, b) == first)
        #expect(try Shift.ksTwoSample(a.reversed(), b.shuffledDeterministically()) == first)
        // Swapping the samples flips the sign and keeps the p-value.
        let swapped = try Shift.ksTwoSample(b, a)
        #expect(swapped.statistic == first.statistic && swapped.pValue == first.pValue)
        #expect(swapped.statisticSign == -first.statisticSign)
    }

    @Test func ksIdenticalSamplesGivePValueOne() throws {
        let values = [3.0, 1, 4, 1, 5, 9, 2, 6]
        let result = try Shift.ksTwoSample(values, values)
        #expect(result == KSResult(statistic: 0, pValue: 1, method: .exact, statisticLocation: 1, statisticSign: 1))
    }

    @Test func ksMethodFollowsTheAutoRule() throws {
        let small = try Shift.ksTwoSample(Array(repeating: 0, count: 10_000), [1])
        #expect(small.method == .exact)
        let large = try Shift.ksTwoSample(Array(repeating: 0, count: 10_001), [1])
        #expect(large.method == .asymp)
        // Equal sizes whose exact count rounds to 1 + ulp fall back, as scipy does.
        let fallback = try Shift.ksTwoSample([0, 1, 2, 3, 4], [0, 1, 2, 3, 100])
        #expect(fallback.method == .asymp && fallback.pValue == 1 && fallback.statistic == 0.2)
    }

    // MARK: wasserstein

    @Test func wassersteinWeightLengths() {
        #expect(throws: MetricError.unequalLengths(.sampleWeights(0), count: 1, other: .sample(0), otherCount: 2)) {
            try Shift.wasserstein([1, 2], [3], uWeights: [1])
        }
        #expect(throws: MetricError.unequalLengths(.sampleWeights(1), count: 3, other: .sample(1), otherCount: 1)) {
            try Shift.wasserstein([1, 2], [3], vWeights: [1, 1, 1])
        }
    }

    @Test func wassersteinEmptyAndMissing() {
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 0, needed: 1)) {
            try Shift.wasserstein([], [3])
        }
        #expect(throws: MetricError.tooFewValues(.sample(1), count: 0, needed: 1)) {
            try Shift.wasserstein([3], [])
        }
        #expect(throws: MetricError.missingValue(.sample(0), row: 1)) {
            try Shift.wasserstein([1, .nan], [3])
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 0)) {
            try Shift.wasserstein([1], [.nan])
        }
        #expect(throws: MetricError.missingValue(.sampleWeights(0), row: 0)) {
            try Shift.wasserstein([1], [2], uWeights: [.nan])
        }
        #expect(throws: MetricError.missingValue(.sampleWeights(1), row: 1)) {
            try Shift.wasserstein([1], [2, 3], vWeights: [1, .nan])
        }
    }

    @Test func wassersteinNegativeWeight() {
        // The error names which sample's weights are negative.
        #expect(throws: MetricError.invalidValue(.sampleWeights(0), row: 1, value: -2, .nonNegative)) {
            try Shift.wasserstein([1, 2], [3], uWeights: [1, -2])
        }
        #expect(throws: MetricError.invalidValue(.sampleWeights(1), row: 0, value: -0.5, .nonNegative)) {
            try Shift.wasserstein([1, 2], [3], vWeights: [-0.5])
        }
    }

    @Test func wassersteinUndefinedResults() throws {
        let zeroU = try Shift.wasserstein([1, 2], [3], uWeights: [0, 0])
        #expect(zeroU == .undefined(.sampleWeightsZero(sample: 0)))
        let zeroV = try Shift.wasserstein([1, 2], [3], vWeights: [0])
        #expect(zeroV == .undefined(.sampleWeightsZero(sample: 1)))
        let infinite = try Shift.wasserstein([1, .infinity], [3])
        #expect(infinite.value == nil)
        #expect(infinite.warning == .notFinite)
    }

    @Test func wassersteinSimpleValues() throws {
        #expect(try Shift.wasserstein([0, 1, 3], [5, 6, 8]).value == 5)
        #expect(try Shift.wasserstein([2], [2]).value == 0)
        // Integer weights are repetitions.
        let weighted = try Shift.wasserstein([1, 2], [4], uWeights: [3, 1])
        let repeated = try Shift.wasserstein([1, 1, 1, 2], [4])
        #expect(weighted.value == repeated.value)
    }

    // MARK: psi

    @Test(arguments: [1, 0, -3, Shift.psiMaxBins + 1])
    func psiRejectsBins(_ bins: Int) {
        #expect(
            throws: MetricError.invalidParameter(
                .option(.bins), value: Double(bins), .integer(2...1000000)
            )
        ) {
            try Shift.psi(expected: [1, 2, 3], actual: [1, 2], bins: bins)
        }
    }

    @Test func psiEmptyMissingAndInfinite() {
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 0, needed: 1)) {
            try Shift.psi(expected: [], actual: [1])
        }
        #expect(throws: MetricError.tooFewValues(.sample(1), count: 0, needed: 1)) {
            try Shift.psi(expected: [1], actual: [])
        }
        #expect(throws: MetricError.missingValue(.sample(0), row: 1)) {
            try Shift.psi(expected: [1, .nan], actual: [1])
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 2)) {
            try Shift.psi(expected: [1, 2], actual: [1, 2, .nan])
        }
        #expect(
            throws: MetricError.invalidValue(
                .sample(0), row: 0, value: -.infinity, .finite
            )
        ) {
            try Shift.psi(expected: [-.infinity, 2], actual: [1])
        }
    }

    @Test func psiFloorsEmptyBinsAndSaysSo() throws {
        // Edge: the median of 1…4 is 2.5, so actual's values all fall in the lower bin.
        let result = try Shift.psi(expected: [1, 2, 3, 4], actual: [1, 1, 1, 1], bins: 2)
        #expect(result.bins.map(\.upper) == [2.5, .infinity])
        #expect(result.bins.map(\.actualShare) == [1, 0])
        let expected = (1 - 0.5) * log(1 / 0.5) + (1e-4 - 0.5) * log(1e-4 / 0.5)
        #expect(shiftClose(result.value, expected))
        #expect(
            result.warnings == [.flooredBins(floored: 1, of: 2, floor: 1e-4)])
    }

    @Test func psiMergesTiedEdgesAndSaysSo() throws {
        let result = try Shift.psi(expected: [1, 1, 1, 1, 1, 1, 2, 3], actual: [1, 2, 3], bins: 4)
        // Quantiles at 1/4, 2/4 and 3/4 are 1, 1 and 1.25: two distinct edges, three bins.
        #expect(result.bins.map(\.upper) == [1, 1.25, .infinity])
        #expect(
            result.warnings.first == .mergedBins(requested: 4, kept: 3))
    }

    @Test func psiBinsAreRightClosed() throws {
        // The median of 1, 2, 3 is exactly 2: the value 2 belongs to the lower bin.
        let result = try Shift.psi(expected: [1, 2, 3], actual: [2, 2, 3], bins: 2)
        #expect(result.bins.map(\.expectedCount) == [2, 1])
        #expect(result.bins.map(\.actualCount) == [2, 1])
        #expect(result.bins[0].lower == -.infinity && result.bins[0].upper == 2)
    }

    @Test func psiCleanInputHasNoWarnings() throws {
        let expected = (0..<100).map { Double($0) }
        let result = try Shift.psi(expected: expected, actual: expected.map { $0 + 0.5 }, bins: 10)
        #expect(result.warnings.isEmpty)
        #expect(result.bins.count == 10)
        #expect(result.value > 0)
        let same = try Shift.psi(expected: expected, actual: expected)
        #expect(same.value == 0 && same.warnings.isEmpty)
    }

    @Test func psiInfiniteActualFallsInOuterBins() throws {
        let result = try Shift.psi(expected: [1, 2, 3, 4], actual: [-.infinity, .infinity], bins: 2)
        #expect(result.bins.map(\.actualCount) == [1, 1])
        #expect(result.value.isFinite)
    }
}

extension Array {
    /// A fixed permutation (odd positions first), for order-independence checks.
    fileprivate func shuffledDeterministically() -> [Element] {
        enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            + enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }
}
