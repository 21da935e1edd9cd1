/// Options of a Parquet read.
package struct ParquetOptions: Sendable {
    /// Top-level columns to load, in this order; `nil` loads every column.
    package var columns: [String]?
    /// Worker threads; the table is the same for any number.
    package var threads: Int = 2
    /// Runs after the footer is read and before any column chunk is: tests change the
    /// file here, to check that a file truncated or rewritten mid-read is an error.
    package var afterFooter: (@Sendable () -> Void)?

    package init(columns: [String]? = nil, threads: Int = 2) {
        self.columns = columns
        self.threads = threads
    }
}

/// A table read from Parquet, with what the read had to approximate.
package struct ParquetTable: Sendable {
    package var table: Table
    /// Columns holding 64-bit integers beyond ±2^53, which were rounded to the nearest double.
    package var roundedColumns: [String]
}

/// Reads flat Parquet files into `Table`s: what pyarrow, polars, DuckDB and Spark write.
///
/// The footer and page headers are decoded by a bounded Thrift reader; only the
/// column chunks of the selected columns are read from the file (with `pread`, see
/// `ParquetFile`). Each (row group, column) pair is one job, decoded in parallel
/// straight into the table's final buffers at the row group's rows, so the result is
/// the same for any thread count; string columns are dictionary-encoded from their
/// bytes, and their per-row-group dictionaries merged in row-group order. See
/// `ParquetColumnPlan` for how each Parquet type becomes a column, and `ParquetError`
/// for what a bad file reports.
package enum ParquetReader {
    /// Reads the file at `path`; errors name `path` as given.
    ///
    /// - Complexity: O(bytes of the selected column chunks + rows × columns).
    package static func read(path: String, options: ParquetOptions = ParquetOptions()) throws(ParquetError)
        -> ParquetTable
    {
        let file: ParquetFile
        switch ParquetFile.opening(path) {
        case .success(let f): file = f
        case .failure(let kind): throw ParquetError(file: path, kind: kind)
        }
        defer { file.release() }
        do throws(ParquetError) {
            let metadata: ParquetMetadata
            let dataEnd: Int
            do throws(ParquetError.Kind) {
                (metadata, dataEnd) = try ParquetFooter.read(file)
            } catch {
                throw ParquetError(file: path, kind: error)
            }
            var run = try ParquetRun(file: file, metadata: metadata, dataEnd: dataEnd, options: options)
            options.afterFooter?()
            let result = try run.decode()
            if let change = file.changeSinceOpen() { throw ParquetError(file: path, kind: change) }
            return result
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }

    /// The names of the file's top-level columns, flat or not, without reading any data.
    package static func columnNames(path: String) throws(ParquetError) -> [String] {
        let file: ParquetFile
        switch ParquetFile.opening(path) {
        case .success(let f): file = f
        case .failure(let kind): throw ParquetError(file: path, kind: kind)
        }
        defer { file.release() }
        do throws(ParquetError.Kind) {
            let (metadata, _) = try ParquetFooter.read(file)
            return try ParquetSchema(metadata.schema).fields.map(\.name)
        } catch {
            throw ParquetError(file: path, kind: error)
        }
    }
}
