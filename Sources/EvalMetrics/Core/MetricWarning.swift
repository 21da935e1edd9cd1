/// Why a result is undefined, or what a caller should know about how it was computed,
/// as data: EvalLang phrases each case for the user (kernels hold no user-facing words).
package enum MetricWarning: Equatable, Sendable {
    /// What an undefined precision, recall or F-score is about.
    package enum Subject: Equatable, Sendable {
        /// The whole input (a binary or averaged score).
        case all
        /// One class, by its code (position in the sorted labels).
        case classCode(Int)
        /// One column of a multilabel table.
        case label(Int)
        /// One row of a multilabel table (sample averaging).
        case row(Int)
    }

    // Rows, weights, classes and constant inputs.
    /// There are no rows at all (a `by:` group the data does not have).
    case noRows
    /// The sample weights sum to zero.
    case zeroWeights
    /// `y` holds only one of the two classes.
    case oneClass
    /// Every positive row has zero weight.
    case positivesWithoutWeight
    /// Every negative row has zero weight.
    case negativesWithoutWeight
    /// One class of `y` carries no weight at all.
    case classWithoutWeight
    /// `y` has no positive rows.
    case noPositives
    /// The truth is constant (zero total variance), which leaves r² undefined.
    case constantTruthR2
    /// The truth is constant, which leaves explained variance undefined.
    case constantTruthExplainedVariance
    /// The truth or the prediction is constant, which leaves the correlation (MCC) undefined.
    case constantPredictionOrTruth
    /// Truth and prediction share only one label, which leaves Cohen's kappa undefined.
    case oneSharedLabel
    /// The result overflowed to a non-finite number (infinite input values).
    case notFinite
    /// The weights of one sample of a two-sample statistic sum to zero (0 = first, 1 = second).
    case sampleWeightsZero(sample: Int)

    // Precision, recall and F-scores with a zero denominator (the `zero_division` rule).
    /// Nothing is predicted positive, so precision is undefined.
    case noPredictedPositive(Subject)
    /// Nothing is truly positive, so recall is undefined.
    case noTruePositive(Subject)
    /// Nothing is truly negative, so specificity is undefined.
    case noTrueNegative
    /// No true and no predicted positives, so the F-score is undefined.
    case noPositiveAtAll(Subject)

    // Ranking.
    /// No query (group) has a relevant item.
    case noRelevantItems
    /// Every query with a defined value carries zero weight.
    case noWeightedQuery
    /// A note: `count` of the `of` queries have no relevant item and were left out of
    /// the mean (the default `empty: .skip`).
    case queriesLeftOut(count: Int, of: Int)

    // Business.
    /// There are no scores to choose a threshold from.
    case noScores
    /// Acting on no one earns strictly more than every threshold.
    case actingOnNoOneIsBest

    // Experiments.
    /// Both groups converted nothing (pooled rate 0): no z statistic or p-value.
    case pooledRateZero
    /// Every trial converted in both groups (pooled rate 1): no z statistic or p-value.
    case pooledRateOne
    /// Group A converted nothing, so a lift relative to it is undefined.
    case zeroBaselineRate
    /// Both samples are constant: no t statistic, p-value or interval.
    case constantSamples
    /// Two observations leave no residual degrees of freedom: no p-value.
    case twoObservations
    /// A line through two points leaves no residual degrees of freedom.
    case twoPointFit
    /// The response of a fit is constant: no r, r² or p-value.
    case constantResponseFit
    /// The predictor of a fit is constant: no slope.
    case constantPredictorFit
    /// Input values too large (or too close together) for a finite result.
    case overflow
    /// A correlation with a constant input: which of the two are constant.
    case constantInput(first: Bool, second: Bool)
    /// A note: a t-test of the smallest size searched (per group A) already has the power.
    case sampleSizeAtMinimum(Double)
    /// No rate in [0, 1] lies as far from the baseline as the effect size says.
    case noRateForEffect

    // Distribution shift.
    /// Tied quantiles of the expected sample merged the requested bins into fewer.
    case mergedBins(requested: Int, kept: Int)
    /// Empty shares of some bins were floored so PSI stays finite.
    case flooredBins(floored: Int, of: Int, floor: Double)
}
