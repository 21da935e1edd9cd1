/// One element read out of a column, for display and for scalar code paths.
package enum Scalar: Sendable, Equatable {
    case number(Double)
    case bool(Bool)
    case string(String)
    case missing
}
