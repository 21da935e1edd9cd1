/// Why compressed bytes could not be decompressed.
///
/// Readers keep it underneath their own error (a Parquet page, later a compressed CSV
/// file) and say where; this says what went wrong in the stream itself.
package struct DecompressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Equatable, Sendable {
        /// The data decompresses to more bytes than the `declared` size.
        case largerThanDeclared(declared: Int)
        /// The data decompresses to `actual` bytes, fewer than the `declared` size.
        case smallerThanDeclared(declared: Int, actual: Int)
        /// The stream itself says it holds `found` bytes, not the `declared` size.
        case sizeDisagrees(declared: Int, found: Int)
        /// The library rejected the data; `detail` is its own word for why, when it gives one.
        case corrupt(detail: String?)
        /// The data ends before the stream does.
        case truncated
        /// A stream of unknown size grew past `limit` bytes.
        case overLimit(limit: Int)
        /// The format does not record its size, so it needs one declared.
        case sizeRequired
        /// The library could not set up (out of memory).
        case cannotStart
    }

    package var codec: Codec
    package var kind: Kind

    package init(codec: Codec, kind: Kind) {
        self.codec = codec
        self.kind = kind
    }

    /// The reason, such as "ZSTD data decompresses to more than the declared 4,096 bytes".
    package var description: String {
        let name = codec.displayName
        switch kind {
        case .largerThanDeclared(let declared):
            return "\(name) data decompresses to more than the declared \(declared) bytes"
        case .smallerThanDeclared(let declared, let actual):
            return "\(name) data decompresses to \(actual) bytes, not the declared \(declared)"
        case .sizeDisagrees(let declared, let found):
            return "\(name) data says it holds \(found) bytes, not the declared \(declared)"
        case .corrupt(let detail):
            return "\(name) data is corrupt" + (detail.map { " (\($0))" } ?? "")
        case .truncated:
            return "\(name) data ends before its stream does"
        case .overLimit(let limit):
            return "\(name) data decompresses to more than \(limit) bytes"
        case .sizeRequired:
            return "\(name) data does not record its size"
        case .cannotStart:
            return "the \(name) decoder could not start (out of memory)"
        }
    }
}
