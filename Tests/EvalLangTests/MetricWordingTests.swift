import EvalMetrics
import Testing

@testable import EvalLang

/// Kernel errors and warnings are data; these are the words EvalLang gives them, in the
/// calling builtin's names (moved here from EvalMetrics with the words themselves).
@Suite("Metric wording")
struct MetricWordingTests {
    let binary = MetricNames(function: "f1", inputs: ["y", "yhat"])
    let probabilities = MetricNames(function: "log_loss", inputs: ["y", "p"])

    private func message(_ error: MetricError, _ names: MetricNames) -> String {
        error.words(names).message
    }

    @Test func errorsSayRowAndTheBuiltinsNames() {
        #expect(
            message(.lengthMismatch(.prediction, count: 10, expected: 12), probabilities)
                == "`p` has 10 values but `y` has 12")
        #expect(
            message(.lengthMismatch(.weights, count: 1, expected: 2), binary) == "`weights` has 1 value but `y` has 2")
        #expect(message(.empty, binary) == "`y` is empty, so there is nothing to compute the metric over")
        #expect(message(.missingValue(.prediction, row: 3), binary) == "`yhat` of `f1` has a missing value at row 3")
        #expect(
            message(.probabilityOutOfRange(row: 4, value: 1.5), probabilities)
                == "`p` must hold probabilities in [0, 1], but row 4 is 1.5")
        #expect(message(.notBinary(row: 0, value: 2), binary) == "`y` must hold binary labels 0 or 1, but row 0 is 2")
        #expect(
            message(.negativeWeight(row: 7, value: -0.25), binary)
                == "`weights` must not be negative, but row 7 is -0.25")
        #expect(
            message(.notBinary(row: 1, value: .infinity), binary)
                == "`y` must hold binary labels 0 or 1, but row 1 is inf")
        #expect(
            message(.invalidValue(.prediction, row: 3, value: 0.5, .binary), binary)
                == "`yhat` must hold 0 or 1, but row 3 is 0.5")
        #expect(
            message(.invalidValue(.truth, row: 0, value: 7, .classCode(classes: 5)), binary)
                == "`y` must hold class codes in 0...4, but row 0 is 7")
        #expect(
            message(.invalidParameter(.option(.alpha), value: 1.5, .closedUnit), binary)
                == "`alpha` must be in [0, 1], but is 1.5")
        #expect(
            message(.invalidParameter(.option(.k), value: 0, .atLeast(1)), binary) == "`k` must be at least 1, but is 0"
        )
    }

    @Test func helpSaysWhatToDo() {
        #expect(
            MetricError.notBinary(row: 0, value: 2).words(binary).help
                == "for other labels, say which is positive with `pos_label:`")
        #expect(
            MetricError.missingValue(.truth, row: 0).words(binary).help?.hasPrefix("drop or fill missing rows") == true)
        #expect(MetricError.empty.words(binary).help == nil)
    }

    @Test func samplesAndCountsTakeTheBuiltinsNames() {
        let ks = MetricNames(function: "ks_2samp", inputs: ["a", "b"])
        #expect(message(.tooFewValues(.sample(0), count: 0, needed: 1), ks) == "`a` needs at least 1 value, but has 0")
        let wasserstein = MetricNames(function: "wasserstein", inputs: ["a", "b"])
        #expect(
            message(.unequalLengths(.sampleWeights(1), count: 2, other: .sample(1), otherCount: 3), wasserstein)
                == "`b_weights` has 2 values but `b` has 3")
        let ab = MetricNames(function: "ab_test", inputs: ["conv_a", "n_a", "conv_b", "n_b"])
        #expect(
            message(.invalidParameter(.successes(0), value: 11, .wholeUpTo(10, of: .trials(0))), ab)
                == "`conv_a` must be a whole number in 0...10 (at most `n_a`), but is 11")
    }

    @Test func aGroupIsNamed() {
        var names = binary
        names.group = "EU"
        #expect(message(.missingValue(.truth, row: 2), names) == "`y` of `f1` has a missing value at row 2 (group EU)")
    }

    @Test func warningsNameClassesAsTheDataDoes() {
        let classes = ["billing", "technical"]
        #expect(MetricWarning.oneClass.words(binary) == "only one class present in y")
        #expect(
            MetricWarning.noPredictedPositive(.classCode(1)).words(binary, classes: classes)
                == "class `technical` is never predicted (`zero_division:` sets a value)")
        #expect(
            MetricWarning.noTruePositive(.row(3)).words(binary)
                == "row 3 has no true labels (`zero_division:` sets a value)")
        #expect(
            MetricWarning.sampleWeightsZero(sample: 0).words(MetricNames(function: "wasserstein", inputs: ["a", "b"]))
                == "`a_weights` sum to zero")
        #expect(
            MetricWarning.constantInput(first: true, second: true).words(
                MetricNames(function: "correlation", inputs: ["x", "y"]))
                == "x and y are constant, so the correlation is undefined")
    }
}
