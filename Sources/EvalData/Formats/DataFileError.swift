/// Why a data file could not be read, kept typed per reader.
///
/// The language reports every reader's error through this one type, so a new reader
/// adds a case here and its words stay in its own error's `description`.
package enum DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case csv(CSVError)
    case parquet(ParquetError)
    /// `load` found neither Parquet nor text: the file's first bytes look like `looksLike`.
    case unrecognized(file: String, looksLike: DataFileFormat)
    /// `load` could not open the file to look at it.
    case cannotRead(file: String, reason: String)

    /// The file the error is about, as the notebook named it.
    package var file: String {
        switch self {
        case .csv(let e): e.file
        case .parquet(let e): e.file
        case .unrecognized(let file, _), .cannotRead(let file, _): file
        }
    }

    /// The same error naming the file as `name` (the path as the notebook wrote it).
    package func naming(_ name: String) -> DataFileError {
        switch self {
        case .csv(var e):
            e.file = name
            return .csv(e)
        case .parquet(var e):
            e.file = name
            return .parquet(e)
        case .unrecognized(_, let format): return .unrecognized(file: name, looksLike: format)
        case .cannotRead(_, let reason): return .cannotRead(file: name, reason: reason)
        }
    }

    package var description: String {
        switch self {
        case .csv(let e): e.description
        case .parquet(let e): e.description
        case .unrecognized(let file, let format):
            "\(file): neither Parquet nor text (CSV): it looks like \(format.phrase)"
        case .cannotRead(let file, let reason): "\(file): cannot read file: \(reason)"
        }
    }

    /// What to do about it, when the reader knows.
    package var help: String? {
        switch self {
        case .parquet(let e): e.help
        case .unrecognized(_, let format) where format == .gzip || format == .zstd:
            "decompress it first; read_csv and read_parquet read uncompressed CSV and Parquet"
        default: nil
        }
    }
}
