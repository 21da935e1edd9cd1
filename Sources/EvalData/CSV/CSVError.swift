/// Why a CSV file could not be read, and where: file, physical line and field.
///
/// `line` is the 1-based physical line (a quoted field spanning lines reports the line
/// it starts on), or 0 when the error is about the file as a whole. `field` is the
/// 1-based position in the header, so it matches what a user sees in an editor even
/// when a projection reads fewer columns.
package struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Equatable, Sendable {
        /// The file could not be opened or read (missing, a directory, I/O error).
        case cannotRead(reason: String)
        /// No header row: the file is empty, or holds only a BOM or blank lines.
        case emptyFile
        /// The options are unusable, e.g. a quote or newline as the delimiter.
        case invalidOption(String)
        /// A header field is empty.
        case emptyHeader
        /// A header name appears twice.
        case duplicateHeader(String)
        /// A projected or typed column is not in the header.
        case unknownColumn(name: String, available: [String])
        /// The projection names one column twice.
        case duplicateColumn(String)
        /// A data row has a different number of fields than the header.
        case raggedRow(found: Int, expected: Int)
        /// A quoted field runs to the end of the file.
        case unterminatedQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// Text between a closing quote and the next delimiter or line end.
        case textAfterQuote
        /// A header name or string value is not valid UTF-8.
        case invalidUTF8
        /// A value does not parse as the column's forced type.
        case badValue(text: String, type: ColumnType)
        /// A string column has more distinct values than its codes can hold.
        case tooManyValues
        /// Lines end in a bare CR (classic Mac OS), which would otherwise read as one long header row.
        case carriageReturnLines
        /// A consistency check inside the reader failed; reported rather than trusted.
        case internalError(String)
    }

    package var file: String
    package var line: Int
    package var field: Int?
    package var fieldName: String?
    package var kind: Kind

    package init(file: String, line: Int, field: Int? = nil, fieldName: String? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.field = field
        self.fieldName = fieldName
        self.kind = kind
    }

    /// One line in compiler style, such as "data/x.csv:14: field 7 (`y_pred`): expected 7 fields, found 6".
    package var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        text += ": "
        if let field {
            text += "field \(field)"
            if let fieldName { text += " (`\(fieldName)`)" }
            text += ": "
        }
        return text + message
    }

    /// The explanation without the location.
    package var message: String {
        switch kind {
        case .cannotRead(let reason):
            return "cannot read file: \(reason)"
        case .emptyFile:
            return "file is empty: expected a header row"
        case .invalidOption(let what):
            return "invalid option: \(what)"
        case .emptyHeader:
            return "empty column name in the header"
        case .duplicateHeader(let name):
            return "duplicate column name `\(name)` in the header"
        case .unknownColumn(let name, let available):
            let list = available.map { "`\($0)`" }.joined(separator: ", ")
            return "no column `\(name)`; available: \(list)"
        case .duplicateColumn(let name):
            return "column `\(name)` is selected twice"
        case .raggedRow(let found, let expected):
            return "expected \(expected) fields, found \(found)"
        case .unterminatedQuote:
            return "quoted field is not closed before the end of the file"
        case .quoteInUnquotedField:
            return "quote inside an unquoted field (quote the whole field and double inner quotes)"
        case .textAfterQuote:
            return "unexpected text after a closing quote"
        case .invalidUTF8:
            return "invalid UTF-8"
        case .badValue(let text, let type):
            return "`\(text)` is not a \(type.rawValue) (the column's type is set to \(type.rawValue))"
        case .tooManyValues:
            return "more than \(Int32.max) distinct strings in one column"
        case .carriageReturnLines:
            return "lines end in a bare carriage return (CR), not LF or CRLF; convert the file to LF line endings"
        case .internalError(let what):
            return "internal error in the CSV reader: \(what)"
        }
    }
}
