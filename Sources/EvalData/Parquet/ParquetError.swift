/// Why a Parquet file could not be read, and where: file, row group, column, page.
///
/// Row groups and pages count from 0, as pyarrow's `metadata.row_group(0)` does; a page
/// is numbered in its column chunk, dictionary page included, and `offset` is its
/// byte offset in the file. Location parts are `nil` when the error is about something
/// larger (the footer has no row group). `kind` keeps what went wrong typed; the words
/// are made only in `description`.
package struct ParquetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Error, Equatable, Sendable {
        // The file.
        case cannotRead(reason: String)
        case notARegularFile
        /// The file does not start and end with `PAR1`; `looksLike` is what its first bytes suggest.
        case notParquet(looksLike: DataFileFormat)
        /// `PARE` magic: an encrypted footer, which needs keys Evalbook does not have.
        case encrypted
        /// The file starts as Parquet but does not end with `PAR1`: cut short, or still being written.
        case noFooter
        case badFooterLength(length: Int, fileSize: Int)
        case badMetadata(ThriftError)
        /// The file's size or contents changed while it was read.
        case fileChanged(reason: String)
        /// The columns would need more memory than the machine has.
        case tooLarge(bytes: Int, available: Int)

        // The schema and the request.
        case badSchema(String)
        case unknownColumn(name: String, available: [String])
        case duplicateColumn(String)
        case duplicateName(String)
        /// A list, map, struct or repeated field; `flat` lists the columns `columns:` can load.
        case nestedColumn(shape: String, flat: [String])
        /// A type Evalbook has no column for, as the file spells it.
        case unsupportedType(String)

        // Row groups and column chunks.
        case chunkCountMismatch(found: Int, expected: Int)
        case chunkMismatch(String)
        case externalChunk(path: String)
        case chunkOutsideFile(offset: Int64, size: Int64, fileSize: Int)
        case rowCountMismatch(found: Int64, expected: Int64)
        case tooManyRows(Int64)
        case unsupportedCodec(String)

        // Pages.
        case badPageHeader(ThriftError)
        /// A page header claims `declared` bytes where `remaining` are left.
        case pageSize(declared: Int, remaining: Int)
        case decompression(DecompressError)
        case unsupportedEncoding(encoding: String, type: String)
        case dictionaryNotFirst
        case missingDictionary
        case dictionaryIndexOutOfRange(index: Int, count: Int)
        case bitWidthTooLarge(width: Int, maximum: Int)
        /// An RLE or bit-packed run needs bytes past the end of its page.
        case runPastEnd
        case levelAboveMaximum(level: Int, maximum: Int)
        case repetitionLevels
        /// The values need `needed` bytes where `available` remain.
        case valuesPastEnd(needed: Int, available: Int)
        /// The pages hold `found` values where the column chunk says `expected`.
        case valueCountMismatch(found: Int64, expected: Int64)
        case badDelta(String)
        case prefixTooLong(prefix: Int, previous: Int)
        case invalidUTF8
        case tooManyStrings
    }

    package var file: String
    package var rowGroup: Int?
    package var column: String?
    package var page: Int?
    package var offset: Int?
    package var kind: Kind

    package init(
        file: String, rowGroup: Int? = nil, column: String? = nil, page: Int? = nil, offset: Int? = nil, kind: Kind
    ) {
        self.file = file
        self.rowGroup = rowGroup
        self.column = column
        self.page = page
        self.offset = offset
        self.kind = kind
    }

    /// One line: "data/x.parquet: row group 2, column `score`, page 3 (byte 4,123): the reason".
    package var description: String {
        var parts: [String] = []
        if let rowGroup { parts.append("row group \(rowGroup)") }
        if let column { parts.append("column `\(column)`") }
        if let page {
            parts.append("page \(page)" + (offset.map { " (byte \($0))" } ?? ""))
        } else if let offset {
            parts.append("byte \(offset)")
        }
        let place = parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
        return "\(file): \(place)\(message)"
    }

    /// What to do about it, when there is something to do.
    package var help: String? {
        switch kind {
        case .nestedColumn(_, let flat) where !flat.isEmpty:
            let names = flat.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            return "load the flat columns with columns: [\(names)]"
        case .unknownColumn(_, let available) where !available.isEmpty:
            return "columns are " + available.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        case .notParquet(let format) where format.reader != nil && format != .parquet:
            return format.reader.map { "read it with `\($0)`" }
        default:
            return nil
        }
    }

    /// The reason without the location.
    package var message: String {
        switch kind {
        case .cannotRead(let reason): "cannot read file: \(reason)"
        case .notARegularFile: "not a regular file (Parquet is read from files, not pipes or devices)"
        case .notParquet(let format):
            "not a Parquet file (no PAR1 at its start and end): it looks like \(format.phrase)"
        case .encrypted: "the file is encrypted (PARE), which Evalbook cannot read"
        case .noFooter: "the file starts as Parquet but does not end with PAR1: it is truncated or still being written"
        case .badFooterLength(let length, let size):
            "the footer claims \(length) bytes, but the file has \(size)"
        case .badMetadata(let error): "the footer's metadata is malformed: \(error)"
        case .fileChanged(let reason): "the file changed while it was read (\(reason))"
        case .tooLarge(let bytes, let available):
            "the columns need \(bytes >> 20) MiB, more than the \(available >> 20) MiB of memory"
        case .badSchema(let what): "the schema is malformed: \(what)"
        case .unknownColumn(let name, _): "no column `\(name)`"
        case .duplicateColumn(let name): "column `\(name)` is selected twice"
        case .duplicateName(let name): "two columns are named `\(name)`"
        case .nestedColumn(let shape, _): "the column is nested (\(shape)); Evalbook reads flat columns only"
        case .unsupportedType(let type): "\(type) columns are not supported"
        case .chunkCountMismatch(let found, let expected):
            "the row group has \(found) column chunks, but the schema has \(expected) columns"
        case .chunkMismatch(let what): "the column chunk does not match the schema: \(what)"
        case .externalChunk(let path): "the column chunk is in another file (`\(path)`), which Evalbook does not follow"
        case .chunkOutsideFile(let offset, let size, let fileSize):
            "the column chunk claims bytes \(offset) to \(offset &+ size), outside the file's \(fileSize)"
        case .rowCountMismatch(let found, let expected): "\(found) rows where the file says \(expected)"
        case .tooManyRows(let rows): "\(rows) rows, more than the \(Int32.max) a table can hold"
        case .unsupportedCodec(let name): "compression \(name) is not supported"
        case .badPageHeader(let error): "the page header is malformed: \(error)"
        case .pageSize(let declared, let remaining):
            "the page header claims \(declared) bytes, but \(remaining) remain in the column chunk"
        case .decompression(let error): error.description
        case .unsupportedEncoding(let encoding, let type): "encoding \(encoding) is not supported for \(type) values"
        case .dictionaryNotFirst: "a dictionary page follows data pages"
        case .missingDictionary: "a dictionary-encoded page has no dictionary page before it"
        case .dictionaryIndexOutOfRange(let index, let count):
            "dictionary index \(index) is out of range for a dictionary of \(count) values"
        case .bitWidthTooLarge(let width, let maximum): "bit width \(width) is over the maximum of \(maximum)"
        case .runPastEnd: "an RLE or bit-packed run reaches past the end of the page"
        case .levelAboveMaximum(let level, let maximum):
            "definition level \(level) is above the column's maximum of \(maximum)"
        case .repetitionLevels: "the page has repetition levels, but the column is not repeated"
        case .valuesPastEnd(let needed, let available):
            "the values need \(needed) bytes, but the page has \(available)"
        case .valueCountMismatch(let found, let expected):
            "the pages hold \(found) values, but the column chunk says \(expected)"
        case .badDelta(let what): "malformed delta encoding: \(what)"
        case .prefixTooLong(let prefix, let previous):
            "a shared prefix of \(prefix) bytes is longer than the previous value's \(previous)"
        case .invalidUTF8: "a string is not valid UTF-8"
        case .tooManyStrings: "more than \(Int32.max) distinct strings in one column"
        }
    }
}
