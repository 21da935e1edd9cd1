/// Why a text is not JSON the reader accepts, with the 1-based line and column where it stopped.
package struct JSONSyntaxError: Error, Equatable, Sendable {
    /// What was wrong at that place.
    package enum Problem: Equatable, Sendable {
        /// The text is longer than the reader's limit, in bytes.
        case tooLarge(limit: Int)
        /// Arrays and objects nest deeper than the reader's limit.
        case tooDeep(limit: Int)
        /// The text ends inside a value: usually a truncated file.
        case unexpectedEnd
        /// `found` where the grammar wants `expected`.
        case unexpected(found: String, expected: String)
        case invalidEscape
        case invalidUTF8
        /// A raw control character inside a string (JSON wants them escaped).
        case controlCharacter
        /// A number beyond a `Double`'s range, such as `1e400`, or a literal of absurd length.
        case numberOutOfRange(String)
        /// One object names the same key twice, which would make its reading ambiguous.
        case duplicateKey(String)
        /// Text after the value.
        case trailingText
    }

    package var problem: Problem
    package var line: Int
    package var column: Int
}
