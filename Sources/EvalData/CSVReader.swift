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
    package static func parse(bytes: UnsafeRawBufferPointer, name: String, options: CSVOptions = CSVOptions()) throws(CSVError) -> Table {
        let delimiter = options.delimiter
        guard delimiter != CSVFieldScanner.quote, delimiter != CSVFieldScanner.lf, delimiter != CSVFieldScanner.cr else {
            throw CSVError(file: name, line: 0, kind: .invalidOption("the delimiter cannot be a quote, CR or LF"))
        }
        guard let raw = bytes.baseAddress, bytes.count > 0 else {
            throw CSVError(file: name, line: 0, kind: .emptyFile)
        }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = bytes.count
        let bom = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0

        let header: CSVHeader
        switch CSVHeader.read(base, from: bom, end: end, delimiter: delimiter) {
        case .success(let h): header = h
        case .failure(let e) where e.kind == .emptyFile:
            throw CSVError(file: name, line: 0, kind: .emptyFile)
        case .failure(let e):
            throw e.located(in: bytes, file: name, header: [])
        }
        let layout = try makeLayout(header, options: options, file: name)

        let threads = min(max(options.threads, 1), 64)
        let dataBytes = end - header.dataStart
        let chunkCount = max(1, options.chunkCount ?? CSVChunking.defaultCount(bytes: dataBytes, threads: threads))
        let ranges = CSVChunking.ranges(base, start: header.dataStart, end: end, count: chunkCount)

        // Phase 1: every chunk infers (or enforces) its own types.
        var results = CSVParallel.map(ranges.count, threads: threads) { k in
            CSVChunkParser.parseInferring(base, ranges[k], layout)
        }
        if let error = results.lazy.compactMap(\.error).first {
            throw error.located(in: bytes, file: name, header: header.names)
        }

        // Phase 2: the file's type per column, then re-read columns of chunks that disagree.
        let final = (0..<layout.slotCount).map { slot in
            layout.forced[slot] ?? results.reduce(CSVSlotType.unknown) { $0.joined(with: $1.parts[slot].type) }
        }
        let stale = results.map { r in
            (0..<layout.slotCount).map { s in r.parts[s].type != .unknown && r.parts[s].type != final[s] }
        }
        let redo = (0..<ranges.count).filter { stale[$0].contains(true) }
        let redone = CSVParallel.map(redo.count, threads: threads) { j in
            let k = redo[j]
            return CSVChunkParser.parse(base, ranges[k], layout, types: final.map { Optional($0) }, active: stale[k])
        }
        for (j, k) in redo.enumerated() {
            if let error = redone[j].error { throw error.located(in: bytes, file: name, header: header.names) }
            for s in 0..<layout.slotCount where stale[k][s] { results[k].parts[s] = redone[j].parts[s] }
        }

        // Phase 3: join chunks column by column.
        let rows = results.map(\.rows)
        let columns = CSVParallel.map(layout.slotCount, threads: threads) { s in
            CSVAssembler.column(results.map { $0.parts[s] }, rows: rows, type: final[s])
        }
        var table = Table()
        for s in 0..<layout.slotCount {
            let field = layout.fieldOfSlot[s]
            guard let column = columns[s] else {
                throw CSVError(file: name, line: 0, field: field + 1, fieldName: header.names[field], kind: .tooManyValues)
            }
            do {
                try table.append(name: header.names[field], column: column)
            } catch {
                // Unreachable: names are unique and non-empty, and every column has `rows` rows.
                throw CSVError(file: name, line: 0, kind: .cannotRead(reason: "internal error: \(error)"))
            }
        }
        return table
    }

    /// Maps header fields to output slots, applying the projection and forced types.
    private static func makeLayout(_ header: CSVHeader, options: CSVOptions, file: String) throws(CSVError) -> CSVLayout {
        let names = header.names
        var indexOf: [String: Int] = [:]
        for (i, n) in names.enumerated() { indexOf[n] = i }
        func unknown(_ name: String) -> CSVError {
            CSVError(file: file, line: header.line, kind: .unknownColumn(name: name, available: names))
        }
        var fieldOfSlot: [Int] = []
        if let selected = options.columns {
            var seen = Set<String>()
            for name in selected {
                guard let i = indexOf[name] else { throw unknown(name) }
                guard seen.insert(name).inserted else {
                    throw CSVError(file: file, line: header.line, kind: .duplicateColumn(name))
                }
                fieldOfSlot.append(i)
            }
        } else {
            fieldOfSlot = Array(names.indices)
        }
        // Report unknown type overrides in a stable (sorted) order.
        for name in options.types.keys.sorted() where indexOf[name] == nil { throw unknown(name) }
        var slotOfField = [Int](repeating: -1, count: names.count)
        for (s, f) in fieldOfSlot.enumerated() { slotOfField[f] = s }
        let forced = fieldOfSlot.map { f in options.types[names[f]].map(CSVSlotType.init) }
        return CSVLayout(
            fieldCount: names.count, slotOfField: slotOfField, fieldOfSlot: fieldOfSlot,
            delimiter: options.delimiter, forced: forced)
    }
}
