/// A metric's value, or nil with the typed reason it is undefined.
///
/// SPEC §5's undefined-result rule: a metric that is undefined for its input returns null
/// with a warning that names the reason, never a silent 0, 1 or NaN. So `value` is nil
/// exactly when `warning` says why; a defined value carries no warning. Scalars are
/// `MetricResult<Double>`; curves, tables and reports use their own value types. The
/// words a user reads come from EvalLang, which phrases `warning`.
package struct MetricResult<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The result when defined.
    package var value: Value?
    /// Why `value` is nil; nil when the result is defined.
    package var warning: MetricWarning?

    package init(value: Value?, warning: MetricWarning?) {
        self.value = value
        self.warning = warning
    }

    /// A defined result.
    package static func defined(_ value: Value) -> MetricResult {
        MetricResult(value: value, warning: nil)
    }

    /// An undefined result with its reason.
    package static func undefined(_ reason: MetricWarning) -> MetricResult {
        MetricResult(value: nil, warning: reason)
    }
}

extension MetricResult where Value == Double {
    /// A defined metric; a non-finite value becomes undefined instead of leaking out.
    ///
    /// NaN inputs are rejected up front, but infinities can still overflow a sum
    /// (for example an infinite weight gives inf / inf), and SPEC §5 forbids a silent NaN.
    package static func defined(_ value: Double) -> MetricResult {
        if value.isFinite {
            return MetricResult(value: value, warning: nil)
        }
        return .undefined(.notFinite)
    }
}
