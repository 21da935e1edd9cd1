/// Why a metric could not be computed from its input (wrong input, not undefined results).
///
/// SPEC §5 separates two failure modes: input that is wrong (this type, raised as an
/// error) and input that is valid but leaves the metric undefined (a `MetricResult` with
/// a nil value and a warning). Indexes are 0-based, matching the cell language's `c[i]`.
package enum MetricError: Error, Equatable, Sendable {
    /// An argument's length differs from `y`'s; `name` is `yhat`, `p`, `scores` or `weights`.
    case lengthMismatch(name: String, count: Int, expected: Int)
    /// `y` has no values, so there is nothing to average.
    case empty
    /// A NaN (the column representation of a missing value) in the named argument.
    case missingValue(name: String, index: Int)
    /// A probability below 0 or above 1 (infinities included).
    case probabilityOutOfRange(index: Int, value: Double)
    /// A binary label in `y` that is neither 0 nor 1.
    case notBinary(index: Int, value: Double)
    /// A sample weight below zero.
    case negativeWeight(index: Int, value: Double)
    /// A value outside what the named argument allows, such as a prediction that is not
    /// 0 or 1, a class code outside `0..<k`, or a target at or below −1 for msle;
    /// `expected` is a phrase like "0 or 1" or "a class code in 0...4".
    case invalidValue(name: String, index: Int, value: Double, expected: String)
    /// An option outside its range, such as `alpha` above 1 or `k` below 1; `expected`
    /// is a phrase like "in [0, 1]" or "at least 1".
    case invalidParameter(name: String, value: Double, expected: String)
    /// A sample argument with fewer values than the statistic needs (an empty sample for
    /// `ks_2samp`, fewer than two values for a variance); `name` is the argument.
    case tooFewValues(name: String, count: Int, needed: Int)
    /// Two sample arguments that must have the same length but do not (`x` and `y` of a
    /// correlation, a sample and its weights).
    case unequalLengths(name: String, count: Int, other: String, otherCount: Int)

    /// One English sentence that says what is wrong and where.
    package var message: String {
        switch self {
        case .lengthMismatch(let name, let count, let expected):
            return "`\(name)` has \(count) \(Self.values(count)) but `y` has \(expected)"
        case .empty:
            return "`y` is empty, so there is nothing to compute the metric over"
        case .missingValue(let name, let index):
            return "`\(name)` has a missing value at index \(index)"
        case .probabilityOutOfRange(let index, let value):
            return "`p` must hold probabilities in [0, 1], but index \(index) is \(Self.format(value))"
        case .notBinary(let index, let value):
            return "`y` must hold binary labels 0 or 1, but index \(index) is \(Self.format(value))"
        case .negativeWeight(let index, let value):
            return "`weights` must not be negative, but index \(index) is \(Self.format(value))"
        case .invalidValue(let name, let index, let value, let expected):
            return "`\(name)` must hold \(expected), but index \(index) is \(Self.format(value))"
        case .invalidParameter(let name, let value, let expected):
            return "`\(name)` must be \(expected), but is \(Self.format(value))"
        case .tooFewValues(let name, let count, let needed):
            return "`\(name)` needs at least \(needed) \(Self.values(needed)), but has \(count)"
        case .unequalLengths(let name, let count, let other, let otherCount):
            return "`\(name)` has \(count) \(Self.values(count)) but `\(other)` has \(otherCount)"
        }
    }

    private static func values(_ count: Int) -> String {
        count == 1 ? "value" : "values"
    }

    /// Integral values print without a trailing `.0` so a label shows as `2`, not `2.0`.
    private static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
