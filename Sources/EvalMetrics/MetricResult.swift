/// A metric value, or nil with the reason it is undefined.
///
/// SPEC §5's undefined-result rule: a metric that is undefined for its input returns null
/// with a warning that names the reason, never a silent 0, 1 or NaN. So `value` is nil
/// exactly when `warning` says why; a defined value carries no warning.
package struct MetricResult: Equatable, Sendable {
    /// The metric, always finite when present.
    package var value: Double?
    /// Why `value` is nil; nil when the metric is defined.
    package var warning: String?

    package init(value: Double?, warning: String?) {
        self.value = value
        self.warning = warning
    }

    /// A defined metric; a non-finite value becomes undefined instead of leaking out.
    ///
    /// NaN inputs are rejected up front, but infinities can still overflow a sum
    /// (for example an infinite weight gives inf / inf), and SPEC §5 forbids a silent NaN.
    package static func defined(_ value: Double) -> MetricResult {
        if value.isFinite {
            return MetricResult(value: value, warning: nil)
        }
        return .undefined("the result is not a finite number because the input holds infinite values")
    }

    /// An undefined metric with the reason, phrased as a clause (no trailing period).
    package static func undefined(_ reason: String) -> MetricResult {
        MetricResult(value: nil, warning: reason)
    }
}

/// Warning texts shared across metrics, so the same condition reads the same everywhere.
package enum MetricWarning {
    package static let zeroWeights = "sample weights sum to zero"
    package static let oneClass = "only one class present in y"
    package static let constantY = "y is constant (zero total variance), so r2 is undefined"
    package static let noPositiveWeight = "all positive samples have zero weight, so roc_auc is undefined"
    package static let noNegativeWeight = "all negative samples have zero weight, so roc_auc is undefined"
    package static let noPredictedPositive =
        "precision is undefined because nothing is predicted positive (zero_division sets a value)"
    package static let noTruePositive =
        "recall is undefined because y has no positive samples (zero_division sets a value)"
    package static let noTrueNegative =
        "specificity is undefined because y has no negative samples (zero_division sets a value)"
    package static let noPositiveAtAll =
        "the F-score is undefined because there are no true and no predicted positives (zero_division sets a value)"
    package static let classWithoutWeight = "one class of y carries no weight"
    package static let positivesWithoutWeight = "all positive samples have zero weight"
    package static let negativesWithoutWeight = "all negative samples have zero weight"
    package static let noPositives = "y has no positive samples"
    package static let noRelevantItems = "no group has a relevant item, so ndcg is undefined"
    package static let constantPredictionOrTruth =
        "y or yhat is constant, so the correlation (mcc) is undefined"
    package static let kappaOneLabel =
        "y and yhat have only one label in common, so cohen_kappa is undefined"
    package static let constantYExplainedVariance =
        "y is constant (zero total variance), so explained_variance is undefined"
}
