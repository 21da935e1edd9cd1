/// Why Thrift compact-protocol bytes (a Parquet footer or page header) could not be decoded.
///
/// Offsets count from the start of the structure being decoded: the footer's metadata,
/// or the page header.
package enum ThriftError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes end inside a value.
    case truncated(at: Int)
    /// A variable-length integer runs past ten bytes.
    case varintTooLong(at: Int)
    /// An integer does not fit the field's width.
    case valueOutOfRange(at: Int)
    /// A string or binary value claims more bytes than remain.
    case lengthPastEnd(at: Int, length: UInt64)
    /// A list claims more elements than its remaining bytes could hold.
    case listTooLong(at: Int, count: UInt64)
    /// Structures or lists nest deeper than any Parquet structure does.
    case tooDeep(at: Int)
    /// A type code that the compact protocol does not define.
    case unknownType(code: UInt8, at: Int)
    /// A name or other text is not valid UTF-8.
    case invalidUTF8(at: Int)
    /// A field Parquet requires is absent.
    case missingField(structure: String, field: String)

    package var description: String {
        switch self {
        case .truncated(let at):
            "the bytes end inside a value at byte \(at)"
        case .varintTooLong(let at):
            "an integer at byte \(at) is longer than ten bytes"
        case .valueOutOfRange(let at):
            "an integer at byte \(at) is out of range"
        case .lengthPastEnd(let at, let length):
            "a value at byte \(at) claims \(length) bytes, past the end"
        case .listTooLong(let at, let count):
            "a list at byte \(at) claims \(count) elements, more than its bytes can hold"
        case .tooDeep(let at):
            "structures nest too deeply at byte \(at)"
        case .unknownType(let code, let at):
            "unknown type code \(code) at byte \(at)"
        case .invalidUTF8(let at):
            "text at byte \(at) is not valid UTF-8"
        case .missingField(let structure, let field):
            "\(structure) has no `\(field)`, which Parquet requires"
        }
    }
}
