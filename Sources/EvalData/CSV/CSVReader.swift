/// Reads CSV files into `Table`s: bytes in, typed columns out, never a `String` per field.
///
/// The first non-blank row is the header. Blank lines anywhere are skipped (as pandas
/// does). A UTF-8 BOM is ignored, CRLF and LF both end rows, and the last row may lack
/// a newline. Column types are inferred over all rows (see `CSVTokens`) unless forced.
///
/// Work is split into chunks at row boundaries and parsed in parallel; each chunk infers
/// its own types, the file's type per column is the join over chunks, and chunks that
/// disagree with it re-read just those columns. Output is identical for any thread count.
package enum CSVReader {
    /// Reads the file at `path`; errors name `path` as given.
    package static func read(path: String, options: CSVOptions = CSVOptions()) throws(CSVError) -> Table {
        let file: CSVFileBytes
        switch CSVFileBytes.load(path) {
        case .success(let bytes): file = bytes
        case .failure(let error): throw CSVError(file: path, line: 0, kind: .cannotRead(reason: error.reason))
        }
        defer { file.release() }
        return try parse(bytes: file.buffer, name: path, options: options)
    }

    /// Parses CSV bytes held in memory; `name` is used in error messages.
    package static func parse(bytes: UnsafeRawBufferPointer, name: String, options: CSVOptions = CSVOptions())
        throws(CSVError) -> Table
    {
        let delimiter = options.delimiter
        guard delimiter != CSVFieldScanner.quote, delimiter != CSVFieldScanner.lf, delimiter != CSVFieldScanner.cr
        else {
            throw CSVError(file: name, line: 0, kind: .invalidOption("the delimiter cannot be a quote, CR or LF"))
        }
        guard let raw = bytes.baseAddress, bytes.count > 0 else {
            throw CSVError(file: name, line: 1, kind: .emptyFile)
        }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = bytes.count
        let bom = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0

        // A file with CRs and no LF at all has CR-only line endings: without this check it reads as a header and
        // zero rows, silently.
        let scanned = UnsafeRawBufferPointer(rebasing: bytes[bom..<end])
        if scanned.firstIndex(of: CSVFieldScanner.lf) == nil, scanned.contains(CSVFieldScanner.cr) {
            throw CSVError(file: name, line: 1, kind: .carriageReturnLines)
        }
        let header: CSVHeader
        switch CSVHeader.read(base, from: bom, end: end, delimiter: delimiter) {
        case .success(let h): header = h
        case .failure(let e) where e.kind == .emptyFile:
            throw CSVError(file: name, line: 1, kind: .emptyFile)
        case .failure(let e):
            throw e.located(in: bytes, file: name, header: [])
        }
        let layout = try CSVLayout(header: header, options: options, file: name)

        let threads = min(max(options.threads, 1), 64)
        var run = try CSVRun(
            base: base, bytes: bytes, name: name, header: header, layout: layout,
            threads: threads, chunkCount: options.chunkCount)
        try run.parseChunks()
        try run.settleTypes()
        return try run.assemble()
    }
}
