import EvalMetrics
import Testing

/// SPEC §5 for the catalogue: undefined results are nil with a reason, and
/// `zero_division` turns a zero division into a chosen number.
@Suite("undefined results are nil with a warning (catalogue)")
struct CatalogueUndefinedTests {
    @Test func binaryZeroDivision() throws {
        let y = [0.0, 1, 0, 1]
        let none = [0.0, 0, 0, 0]
        let precision = try Metrics.precision(y, none)
        #expect(precision.value == nil)
        #expect(precision.warning == .noPredictedPositive(.all))
        #expect(try Metrics.precision(y, none, zeroDivision: 1) == .defined(1))
        #expect(try Metrics.precision(y, none, zeroDivision: 0) == .defined(0))
        // F1 is defined (0) when precision is undefined but recall is 0.
        #expect(try Metrics.f1(y, none) == .defined(0))
        let recall = try Metrics.recall(none, y)
        #expect(recall.value == nil)
        #expect(recall.warning == .noTruePositive(.all))
        let f1 = try Metrics.f1(none, none)
        #expect(f1.value == nil)
        #expect(f1.warning == .noPositiveAtAll(.all))
        #expect(try Metrics.f1(none, none, zeroDivision: 1) == .defined(1))
        let specificity = try Metrics.specificity([1, 1], [0, 1])
        #expect(specificity.value == nil)
        #expect(specificity.warning == .noTrueNegative)
        // β = 0 is precision and β = ∞ recall, zero-division rules included.
        #expect(try Metrics.fbeta(y, none, beta: 0).value == nil)
        #expect(try Metrics.fbeta(y, [0, 1, 1, 1], beta: 0) == Metrics.precision(y, [0, 1, 1, 1]))
        #expect(try Metrics.fbeta(y, [0, 1, 1, 1], beta: .infinity) == Metrics.recall(y, [0, 1, 1, 1]))
    }

    @Test func agreementUndefined() throws {
        let mcc = try Metrics.mcc([0, 1, 0, 1], [1, 1, 1, 1])
        #expect(mcc.value == nil)
        #expect(mcc.warning == .constantPredictionOrTruth)
        let kappa = try Metrics.cohenKappa([1, 1, 1], [1, 1, 1])
        #expect(kappa.value == nil)
        #expect(kappa.warning == .oneSharedLabel)
        let balanced = try Metrics.balancedAccuracy([1, 1, 1], [0, 1, 1])
        #expect(balanced == .undefined(.oneClass))
        // A class present only on zero-weight rows has no recall.
        let weightless = try Metrics.balancedAccuracy([0, 1, 1], [0, 1, 0], weights: [0, 1, 1])
        #expect(weightless.value == nil)
        let ev = try Metrics.explainedVariance([3, 3, 3], [1, 2, 3])
        #expect(ev.value == nil)
        #expect(ev.warning == .constantTruthExplainedVariance)
    }

    @Test func multiclassZeroDivision() throws {
        // Class 2 is never predicted; class 3 is predicted but never true; 4 occurs nowhere.
        let y = [0, 1, 2, 0, 1, 2]
        let yhat = [0, 1, 1, 0, 3, 0]
        let rows = try Metrics.perClass(y, yhat, classes: 5)
        #expect(rows.map(\.label) == [0, 1, 2, 3])
        #expect(rows[2].precision.value == nil)
        #expect(rows[2].precision.warning == .noPredictedPositive(.classCode(2)))
        #expect(rows[3].recall.value == nil)
        #expect(rows[3].recall.warning == .noTruePositive(.classCode(3)))
        #expect(rows[3].support == 0)
        let macro = try Metrics.precision(y, yhat, classes: 5)
        #expect(macro.value == nil)
        #expect(macro.warning == .noPredictedPositive(.classCode(2)))
        #expect(try Metrics.precision(y, yhat, classes: 5, zeroDivision: 0).value != nil)
        // Weighted recall: class 3 has zero support, so it cannot spoil the average.
        #expect(try Metrics.recall(y, yhat, classes: 5, average: .weighted).value != nil)
        // Micro is accuracy, always defined with weight.
        #expect(try Metrics.f1(y, yhat, classes: 5, average: .micro) == Metrics.accuracy(y, yhat, classes: 5))
        let zero = try Metrics.f1(y, yhat, classes: 5, average: .micro, weights: [0, 0, 0, 0, 0, 0])
        #expect(zero == .undefined(.zeroWeights))
        let report = try Metrics.classificationReport(y, yhat, classes: 5)
        #expect(report.macro.precision.value == nil)
        #expect(report.accuracy.value == 3.0 / 6.0)
        #expect(report.weighted.support == 6)
    }

    @Test func scoresUndefined() throws {
        let zeros = [0.0, 0, 0]
        let scores = [0.2, 0.5, 0.9]
        #expect(try Metrics.averagePrecision(zeros, scores) == .undefined(.noPositives))
        #expect(try Metrics.prAuc(zeros, scores).value == nil)
        #expect(try Metrics.ks([1, 1, 1], scores) == .undefined(.oneClass))
        #expect(try Metrics.rocCurve(zeros, scores).value == nil)
        #expect(try Metrics.rocCurve(zeros, scores).warning == .oneClass)
        #expect(try Metrics.prCurve(zeros, scores).value == nil)
        #expect(try Metrics.gainCurve(zeros, scores).value == nil)
        #expect(try Metrics.lift(zeros, scores, at: 0.5).value == nil)
        // Both classes present, but every positive weighs nothing.
        let sweep = try Metrics.scoreSweep([0, 1, 0], scores, weights: [1, 0, 2])
        #expect(sweep.rocAuc() == .undefined(.positivesWithoutWeight))
        #expect(sweep.averagePrecision().value == nil)
        let noNegative = try Metrics.scoreSweep([0, 1, 1], scores, weights: [0, 1, 2])
        #expect(noNegative.ks() == .undefined(.negativesWithoutWeight))
        // Only positives: average precision is defined (and perfect).
        #expect(try Metrics.averagePrecision([1, 1, 1], scores) == .defined(1))
    }
}
