import EvalMetrics
import Testing

/// Wrong input throws the matching `MetricError`; valid input that leaves a quantity
/// undefined gives nil with a warning (SPEC §5), for every experiment statistic.
@Suite("Statistics errors and undefined results")
struct StatisticsErrorTests {
    // MARK: ab_test

    @Test func abTestRejectsBadCounts() {
        func ab(_ ca: Double, _ na: Double, _ cb: Double, _ nb: Double, level: Double = 0.95) throws(MetricError) {
            _ = try Experiments.abTest(conversionsA: ca, nA: na, conversionsB: cb, nB: nb, level: level)
        }
        let whole = MetricRequirement.wholeAtLeastOne
        #expect(throws: MetricError.invalidParameter(.trials(0), value: 0, whole)) { try ab(0, 0, 1, 10) }
        #expect(throws: MetricError.invalidParameter(.trials(1), value: -5, whole)) { try ab(1, 10, 0, -5) }
        #expect(throws: MetricError.invalidParameter(.trials(1), value: 10.5, whole)) {
            try ab(1, 10, 1, 10.5)
        }
        #expect(
            throws: MetricError.invalidParameter(
                .successes(0), value: -1, .wholeUpTo(10, of: .trials(0)))
        ) { try ab(-1, 10, 1, 10) }
        #expect(
            throws: MetricError.invalidParameter(
                .successes(0), value: 11, .wholeUpTo(10, of: .trials(0)))
        ) { try ab(11, 10, 1, 10) }
        #expect(
            throws: MetricError.invalidParameter(
                .successes(1), value: 2.5, .wholeUpTo(20, of: .trials(1)))
        ) { try ab(1, 10, 2.5, 20) }
        #expect(throws: MetricError.missingValue(.successes(0), row: 0)) { try ab(.nan, 10, 1, 10) }
        #expect(throws: MetricError.missingValue(.trials(1), row: 0)) { try ab(1, 10, 1, .nan) }
        #expect(throws: MetricError.invalidParameter(.trials(0), value: .infinity, .finite)) {
            try ab(1, .infinity, 1, 10)
        }
        for level in [0.0, 1.0, 1.5, -0.2] {
            #expect(throws: MetricError.invalidParameter(.option(.level), value: level, .openUnit)) {
                try ab(1, 10, 2, 10, level: level)
            }
        }
        #expect(throws: MetricError.missingValue(.option(.level), row: 0)) { try ab(1, 10, 2, 10, level: .nan) }
    }

    @Test func abTestPooledRateZeroOrOne() throws {
        let none = try Experiments.abTest(conversionsA: 0, nA: 100, conversionsB: 0, nB: 200)
        #expect(none.statistic == nil && none.pValue == nil && none.relativeLift == nil)
        #expect(none.warnings == [MetricWarning.zeroBaselineRate, MetricWarning.pooledRateZero])
        #expect(none.difference == 0 && none.ciLow == 0 && none.ciHigh == 0)

        let all = try Experiments.abTest(conversionsA: 50, nA: 50, conversionsB: 80, nB: 80)
        #expect(all.statistic == nil && all.pValue == nil)
        #expect(all.relativeLift == 0)
        #expect(all.warnings == [MetricWarning.pooledRateOne])
        #expect(all.ciLow == 0 && all.ciHigh == 0)
    }

    @Test func abTestZeroBaselineHasNoLift() throws {
        let r = try Experiments.abTest(conversionsA: 0, nA: 500, conversionsB: 7, nB: 500)
        #expect(r.relativeLift == nil)
        #expect(r.warnings == [MetricWarning.zeroBaselineRate])
        #expect(r.statistic != nil && r.pValue != nil)
        #expect(r.difference == 7.0 / 500)
    }

    // MARK: t_test

    @Test func tTestRejectsBadSamples() {
        let y = [1.0, 2.0, 3.0]
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 1, needed: 2)) {
            try Experiments.tTest(x: [1], y: y)
        }
        #expect(throws: MetricError.tooFewValues(.sample(1), count: 0, needed: 2)) {
            try Experiments.tTest(x: y, y: [])
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 2)) { try Experiments.tTest(x: y, y: [1, 2, .nan]) }
        #expect(throws: MetricError.invalidValue(.sample(0), row: 1, value: -.infinity, .finite)) {
            try Experiments.tTest(x: [1, -.infinity], y: y)
        }
        #expect(throws: MetricError.invalidParameter(.option(.level), value: 1, .openUnit)) {
            try Experiments.tTest(x: y, y: y, level: 1)
        }
    }

    @Test(arguments: [false, true])
    func tTestBothConstantIsUndefined(equalVariance: Bool) throws {
        let r = try Experiments.tTest(x: [2, 2, 2], y: [5, 5, 5, 5], equalVariance: equalVariance)
        #expect(r.statistic == nil && r.pValue == nil && r.ciLow == nil && r.ciHigh == nil)
        #expect(r.estimate == -3 && r.meanX == 2 && r.meanY == 5)
        // Student's df is n_x + n_y − 2 regardless; Welch's is 0/0 without variance.
        #expect(r.df == (equalVariance ? 5 : nil))
        #expect(r.warnings == [MetricWarning.constantSamples])
    }

    @Test func tTestConstantValuesAreExactlyConstant() throws {
        // 0.1 × 3 sums to 0.30000000000000004; the mean must still be exactly 0.1, so the
        // samples read as constant rather than as a variance of 1e-34.
        let r = try Experiments.tTest(x: [0.1, 0.1, 0.1], y: [0.1, 0.1, 0.1])
        #expect(r.statistic == nil && r.estimate == 0)
        let one = try Experiments.tTest(x: [0.1, 0.1, 0.1], y: [0.3, 0.5, 0.2])
        #expect(one.statistic != nil && one.df == 2)
    }

    // MARK: proportion_ci, cohen_h

    @Test func proportionIntervalRejectsBadCounts() {
        #expect(throws: MetricError.invalidParameter(.trials(nil), value: 0, .wholeAtLeastOne)) {
            try Experiments.proportionInterval(successes: 0, trials: 0)
        }
        #expect(
            throws: MetricError.invalidParameter(.successes(nil), value: 6, .wholeUpTo(5, of: .trials(nil)))
        ) {
            try Experiments.proportionInterval(successes: 6, trials: 5)
        }
        #expect(
            throws: MetricError.invalidParameter(
                .successes(nil), value: 1.5, .wholeUpTo(5, of: .trials(nil)))
        ) {
            try Experiments.proportionInterval(successes: 1.5, trials: 5, method: .clopperPearson)
        }
        #expect(throws: MetricError.missingValue(.successes(nil), row: 0)) {
            try Experiments.proportionInterval(successes: .nan, trials: 5)
        }
        #expect(throws: MetricError.invalidParameter(.option(.level), value: 0, .openUnit)) {
            try Experiments.proportionInterval(successes: 1, trials: 5, level: 0)
        }
    }

    @Test(arguments: ProportionMethod.allCases)
    func proportionIntervalStaysInUnitRange(method: ProportionMethod) throws {
        for (k, n) in [(0.0, 1.0), (1.0, 1.0), (0.0, 3.0), (3.0, 3.0), (1.0, 1e9)] {
            let r = try Experiments.proportionInterval(successes: k, trials: n, level: 0.99, method: method)
            #expect(0 <= r.low && r.low <= r.estimate && r.estimate <= r.high && r.high <= 1, "\(method) \(k)/\(n)")
        }
        #expect(ProportionMethod(rawValue: "agresti_coull") == .agrestiCoull)
        #expect(ProportionMethod(rawValue: "clopper_pearson") == .clopperPearson)
    }

    @Test func cohenHRejectsNonProportions() throws {
        #expect(throws: MetricError.invalidParameter(.sample(0), value: 1.2, .proportion)) {
            try Experiments.cohenH(1.2, 0.5)
        }
        #expect(throws: MetricError.invalidParameter(.sample(1), value: -0.1, .proportion)) {
            try Experiments.cohenH(0.5, -0.1)
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 0)) { try Experiments.cohenH(0.5, .nan) }
        #expect(try Experiments.cohenH(1, 0) == Double.pi)
    }

    // MARK: power, sample_size

    @Test func powerRejectsBadParameters() throws {
        #expect(throws: MetricError.invalidParameter(.option(.n), value: 0, .greaterThan(0))) {
            try Experiments.power(effectSize: 0.2, n: 0)
        }
        #expect(throws: MetricError.invalidParameter(.option(.alpha), value: 1, .openUnit)) {
            try Experiments.power(effectSize: 0.2, n: 10, alpha: 1)
        }
        #expect(throws: MetricError.invalidParameter(.option(.ratio), value: 0, .greaterThan(0))) {
            try Experiments.power(effectSize: 0.2, n: 10, ratio: 0)
        }
        #expect(throws: MetricError.missingValue(.option(.effectSize), row: 0)) {
            try Experiments.power(effectSize: .nan, n: 10)
        }
        #expect(
            throws: MetricError.invalidParameter(.option(.effectSize), value: .infinity, .finite)
        ) {
            try Experiments.power(effectSize: .infinity, n: 10)
        }
        // No effect: the power is the size of the test; the sign of h does not matter.
        #expect(abs(try Experiments.power(effectSize: 0, n: 50, alpha: 0.05) - 0.05) <= 1e-15)
        #expect(try Experiments.power(effectSize: -0.3, n: 40) == (try Experiments.power(effectSize: 0.3, n: 40)))
    }

    @Test func sampleSizeRejectsBadParameters() {
        #expect(
            throws: MetricError.invalidParameter(.option(.mde), value: 0, .nonZero)
        ) {
            try Experiments.sampleSize(baseline: 0.1, mde: 0)
        }
        #expect(
            throws: MetricError.invalidParameter(.option(.mde), value: 0.3, .effectWithinUnit)
        ) {
            try Experiments.sampleSize(baseline: 0.8, mde: 0.3)
        }
        #expect(throws: MetricError.invalidParameter(.option(.baseline), value: 1.5, .proportion)) {
            try Experiments.sampleSize(baseline: 1.5, mde: 0.1)
        }
        #expect(throws: MetricError.invalidParameter(.option(.power), value: 0.04, .greaterThanAlpha(0.05))) {
            try Experiments.sampleSize(baseline: 0.1, mde: 0.01, alpha: 0.05, power: 0.04)
        }
        #expect(throws: MetricError.invalidParameter(.option(.power), value: 1, .openUnit)) {
            try Experiments.sampleSize(baseline: 0.1, mde: 0.01, power: 1)
        }
        #expect(throws: MetricError.invalidParameter(.option(.ratio), value: -1, .greaterThan(0))) {
            try Experiments.sampleSize(baseline: 0.1, mde: 0.01, ratio: -1)
        }
    }

    /// The rounded-up sizes are the smallest whole groups that reach the target power.
    @Test(arguments: [(0.1, 0.01, 1.0), (0.3, -0.05, 2.0), (0.02, 0.005, 0.5), (0.5, 0.5, 1.0)])
    func sampleSizeRoundsUpToEnoughPower(baseline: Double, mde: Double, ratio: Double) throws {
        let r = try Experiments.sampleSize(baseline: baseline, mde: mde, alpha: 0.05, power: 0.8, ratio: ratio)
        #expect(r.nB == r.nA * ratio)
        let reached = try Experiments.power(effectSize: r.effectSize, n: r.nARoundedUp, alpha: 0.05, ratio: ratio)
        let short = try Experiments.power(effectSize: r.effectSize, n: r.nARoundedUp - 1, alpha: 0.05, ratio: ratio)
        #expect(reached >= 0.8 && short < 0.8)
        // Astronomically small effects give astronomically large, but finite, sizes.
        let tiny = try Experiments.sampleSize(baseline: 0.5, mde: 1e-9)
        #expect(tiny.nA > 1e17 && tiny.nARoundedUp.isFinite)
    }

    // MARK: correlation

    @Test(arguments: CorrelationMethod.allCases)
    func correlationRejectsBadSamples(method: CorrelationMethod) {
        #expect(throws: MetricError.unequalLengths(.sample(0), count: 3, other: .sample(1), otherCount: 4)) {
            try Experiments.correlation([1, 2, 3], [1, 2, 3, 4], method: method)
        }
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 1, needed: 2)) {
            try Experiments.correlation([1], [2], method: method)
        }
        #expect(throws: MetricError.missingValue(.sample(0), row: 1)) {
            try Experiments.correlation([1, .nan, 3], [1, 2, 3], method: method)
        }
        #expect(throws: MetricError.invalidValue(.sample(1), row: 0, value: .infinity, .finite)) {
            try Experiments.correlation([1, 2, 3], [.infinity, 2, 3], method: method)
        }
        #expect(throws: MetricError.invalidParameter(.option(.level), value: 2, .openUnit)) {
            try Experiments.correlation([1, 2, 3], [1, 3, 2], method: method, level: 2)
        }
    }

    @Test(arguments: CorrelationMethod.allCases)
    func correlationConstantInputIsUndefined(method: CorrelationMethod) throws {
        let r = try Experiments.correlation([3, 3, 3, 3], [1, 2, 3, 4], method: method)
        #expect(r.estimate == nil && r.pValue == nil && r.ciLow == nil && r.ciHigh == nil && r.n == 4)
        #expect(r.warnings == [MetricWarning.constantInput(first: true, second: false)])
        let both = try Experiments.correlation([1, 1], [2, 2], method: method)
        #expect(both.warnings == [MetricWarning.constantInput(first: true, second: true)])
    }

    @Test func correlationWithTwoPairs() throws {
        // Pearson follows scipy: r = ±1 exactly, p = 1, interval [−1, 1].
        let pearson = try Experiments.correlation([1, 2], [5, 3])
        #expect(pearson.estimate == -1 && pearson.pValue == 1 && pearson.ciLow == -1 && pearson.ciHigh == 1)
        #expect(pearson.warnings.isEmpty)
        // Spearman's t-test has 0 df: scipy's NaN p-value is nil with a warning here.
        let spearman = try Experiments.correlation([1, 2], [5, 3], method: .spearman)
        #expect(spearman.estimate == -1 && spearman.pValue == nil && spearman.ciLow == nil)
        #expect(spearman.warnings == [MetricWarning.twoObservations])
    }

    @Test func perfectCorrelation() throws {
        let line = try Experiments.correlation([1, 2, 3, 4, 5], [3, 5, 7, 9, 11])
        #expect(line.estimate == 1 && line.pValue == 0 && line.ciLow == 1 && line.ciHigh == 1)
        let reversed = try Experiments.correlation([1, 2, 3, 4], [9, 4, 1, 0], method: .spearman)
        #expect(reversed.estimate == -1 && reversed.pValue == 0)
    }

    // MARK: linear_fit

    @Test func linearFitRejectsBadSamples() {
        #expect(throws: MetricError.unequalLengths(.sample(0), count: 2, other: .sample(1), otherCount: 3)) {
            try Experiments.linearFit([1, 2], [1, 2, 3])
        }
        #expect(throws: MetricError.tooFewValues(.sample(0), count: 1, needed: 2)) {
            try Experiments.linearFit([1], [1])
        }
        #expect(throws: MetricError.missingValue(.sample(1), row: 0)) {
            try Experiments.linearFit([1, 2], [.nan, 1])
        }
    }

    @Test func linearFitConstantXIsUndefined() throws {
        let r = try Experiments.linearFit([2, 2, 2], [1, 5, 3])
        #expect(r.slope == nil && r.intercept == nil && r.r == nil && r.rSquared == nil)
        #expect(r.pValue == nil && r.stderr == nil && r.interceptStderr == nil && r.n == 3)
        #expect(r.warnings == [MetricWarning.constantPredictorFit])
    }

    @Test func linearFitConstantYIsAFlatExactLine() throws {
        let r = try Experiments.linearFit([1, 2, 4, 7], [0.1, 0.1, 0.1, 0.1])
        #expect(r.slope == 0 && r.intercept == 0.1 && r.stderr == 0 && r.interceptStderr == 0)
        #expect(r.r == nil && r.rSquared == nil && r.pValue == nil)
        #expect(r.warnings == [MetricWarning.constantResponseFit])
    }

    @Test func linearFitThroughTwoPoints() throws {
        let r = try Experiments.linearFit([1, 3], [2, 6])
        #expect(r.slope == 2 && r.intercept == 0 && r.r == 1 && r.rSquared == 1)
        #expect(r.pValue == nil && r.stderr == nil && r.interceptStderr == nil)
        #expect(r.warnings == [MetricWarning.twoPointFit])
    }

    @Test func linearFitPerfectLineMatchesScipyGuard() throws {
        // scipy's 1e-20 guard makes a perfect 3-point fit p = 9.00316316157106e-11, not 0.
        let r = try Experiments.linearFit([1, 2, 3], [2, 4, 6])
        #expect(r.slope == 2 && r.r == 1 && r.stderr == 0)
        #expect(statisticsProbabilityClose(r.pValue, 9.00316316157106e-11))
    }

    // MARK: extreme inputs

    /// Huge counts, values near overflow and tiny effects finish quickly and give finite
    /// numbers or nil with a warning, never NaN or infinity.
    @Test func extremeInputsStayFiniteOrWarn() throws {
        for method in ProportionMethod.allCases {
            let r = try Experiments.proportionInterval(successes: 5e14, trials: 1e15, level: 0.99, method: method)
            #expect(r.low.isFinite && r.high.isFinite && r.low < 0.5 && r.high > 0.5, "\(method)")
            let edge = try Experiments.proportionInterval(successes: 1, trials: 1e15, method: method)
            #expect(edge.low >= 0 && edge.high < 1e-13, "\(method)")
        }
        let ab = try Experiments.abTest(conversionsA: 1, nA: 1e15, conversionsB: 3, nB: 1e15)
        #expect(ab.statistic?.isFinite == true && ab.pValue?.isFinite == true)

        let huge = [1e300, -1e300, 5e299, 2e299]
        let t = try Experiments.tTest(x: huge, y: [1, 2, 3])
        #expect(t.statistic == nil && t.warnings == [MetricWarning.overflow])
        let correlation = try Experiments.correlation(huge, [1, 2, 3, 4])
        #expect(correlation.estimate?.isFinite == true)
        let overflowing = try Experiments.correlation([1e308, 1e308, -1e308], [1, 2, 4])
        #expect(overflowing.estimate == nil && overflowing.warnings == [MetricWarning.overflow])

        // Welch df near 1e12 (one sample almost constant) and a t statistic of 1e8.
        let spread = try Experiments.tTest(x: [0, 1e-8, 2e-8, 3e-8], y: [100, 100, 100, 100 + 1e-8])
        #expect(spread.pValue == 0 || spread.pValue?.isFinite == true)
        #expect(try Experiments.power(effectSize: 1e-6, n: 1e300) == 1)
        #expect(abs(try Experiments.power(effectSize: 0.5, n: 10, ratio: 1e-300) - 0.05) <= 1e-12)
    }

    // MARK: determinism

    @Test func resultsAreDeterministic() throws {
        let x = (0..<700).map { Double(($0 * 37) % 101) / 7 }
        let y = (0..<700).map { Double(($0 * 53) % 89) / 3 }
        #expect(try Experiments.tTest(x: x, y: y) == (try Experiments.tTest(x: x, y: y)))
        #expect(
            try Experiments.correlation(x, y, method: .spearman)
                == (try Experiments.correlation(x, y, method: .spearman)))
        #expect(try Experiments.linearFit(x, y) == (try Experiments.linearFit(x, y)))
    }
}
