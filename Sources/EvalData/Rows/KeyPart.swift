/// A hashable stand-in for one row's key values, for joins and grouping.
package enum KeyPart: Hashable, Sendable {
    case number(UInt64)
    case bool(Bool)
    case string(String)
    case missing

    package init(_ scalar: Scalar) {
        switch scalar {
        // +0.0 and -0.0 are one key, as equal numbers should be.
        case .number(let x): self = .number(x == 0 ? 0 : x.bitPattern)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .missing: self = .missing
        }
    }
}
