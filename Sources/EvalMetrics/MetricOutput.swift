/// A structured metric result (a curve, a table, a report), or nil with the reason it is
/// undefined.
///
/// The array-valued counterpart of `MetricResult`: SPEC §5's undefined-result rule applies
/// to curves too (a ROC curve with one class present has no meaning), so `value` is nil
/// exactly when `warning` says why.
package struct MetricOutput<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The result when defined.
    package var value: Value?
    /// Why `value` is nil; nil when the result is defined.
    package var warning: String?

    package init(value: Value?, warning: String?) {
        self.value = value
        self.warning = warning
    }

    /// A defined result.
    package static func defined(_ value: Value) -> MetricOutput {
        MetricOutput(value: value, warning: nil)
    }

    /// An undefined result with the reason, phrased as a clause (no trailing period).
    package static func undefined(_ reason: String) -> MetricOutput {
        MetricOutput(value: nil, warning: reason)
    }
}
