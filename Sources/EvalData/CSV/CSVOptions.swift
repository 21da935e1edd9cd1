/// How `CSVReader` reads a file: delimiter, projection, type overrides and parallelism.
///
/// The defaults read a comma-separated file with a header row, infer every column's
/// type from all of its values, and parse on two threads. The output never depends on
/// `threads` or `chunkCount`: chunks are parsed independently and joined in file order.
package struct CSVOptions: Sendable, Equatable {
    /// The byte that separates fields; `,` by default, also `;`, `\t`, `|`.
    ///
    /// A quote (`"`), CR or LF cannot be a delimiter; `CSVReader` rejects them.
    package var delimiter: UInt8 = UInt8(ascii: ",")

    /// Projection: only these columns, in this order.
    ///
    /// `nil` keeps every column.
    ///
    /// Columns left out are still tokenized (rows must stay rectangular) but never
    /// converted, so projecting is cheaper than reading everything and dropping.
    package var columns: [String]? = nil

    /// Forced column types, by header name, instead of inference.
    ///
    /// A value that does not parse as the forced type is an error that names its line
    /// and field; missing tokens are still missing in every type.
    package var types: [String: ColumnType] = [:]

    /// Worker threads for parsing; values below 1 mean 1.
    package var threads: Int = 2

    /// Testing hook: the number of chunks to split the rows into.
    ///
    /// `nil` picks a count from the file size and `threads`. Tests set it to prove
    /// that the result is the same for any chunking.
    package var chunkCount: Int? = nil

    package init(
        delimiter: UInt8 = UInt8(ascii: ","),
        columns: [String]? = nil,
        types: [String: ColumnType] = [:],
        threads: Int = 2
    ) {
        self.delimiter = delimiter
        self.columns = columns
        self.types = types
        self.threads = threads
    }
}
