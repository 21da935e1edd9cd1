/// How a value shows in a report or terminal: a line of text, or a table.
///
/// Renderers (Markdown, HTML, the REPL) draw these; they never look inside values.
package enum Display: Sendable, Equatable {
    case text(String)
    case table(DisplayTable)
}

/// Rows of already formatted cells, with alignment and how many rows were left out.
package struct DisplayTable: Sendable, Equatable {
    package var columns: [String]
    /// Numbers are right-aligned.
    package var rightAligned: [Bool]
    package var rows: [[String]]
    /// Rows of the value not shown here (`… N more rows`).
    package var omittedRows: Int = 0
    /// A sentence shown above the table: a readout's verdict, with its numbers beneath.
    package var headline: String?

    package init(columns: [String], rightAligned: [Bool], rows: [[String]], omittedRows: Int = 0) {
        self.columns = columns
        self.rightAligned = rightAligned
        self.rows = rows
        self.omittedRows = omittedRows
    }
}
