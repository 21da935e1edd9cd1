/// One chunk: its bytes and where its rows go in the final buffers.
struct CSVChunk: Sendable {
    var bytes: Range<Int>
    /// Rows reserved for the chunk (`CSVRowCounter.bound`); after parsing, its actual rows.
    var rows: Int
    /// Index of the chunk's first row in the final buffers.
    var firstRow: Int
}

/// What parsing a chunk produced besides the values: a part per slot and the first error.
struct CSVChunkResult: Sendable {
    /// Rows actually read: fewer than reserved when the chunk has blank lines.
    var rows = 0
    var parts: [CSVColumnPart] = []
    /// Slots whose inferred type broke mid-chunk and must be re-read as strings.
    var poisoned: [Bool] = []
    var error: CSVScanError?
}
