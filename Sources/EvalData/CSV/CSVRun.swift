/// One read of one buffer, phase by phase, after the header and layout are known.
///
/// 1. `init` splits the data into chunks, bounds each chunk's rows, and reserves the
///    final column buffers so every chunk knows where its rows go.
/// 2. `parseChunks` parses all chunks in parallel; each infers (or enforces) its types.
/// 3. `settleTypes` joins the chunks' types per column and re-reads the columns of
///    chunks that disagree with the result.
/// 4. `assemble` closes gaps left by blank lines, merges string dictionaries, fills
///    placeholders, and wraps the buffers in columns.
///
/// Errors are reported from the earliest chunk that has one, which is the first error
/// in the file whatever the chunking (see `CSVChunking`).
struct CSVRun {
    let base: UnsafePointer<UInt8>
    /// `base` as the parallel jobs may share it.
    let input: CSVSharedBytes
    let bytes: UnsafeRawBufferPointer
    let name: String
    let header: CSVHeader
    let layout: CSVLayout
    let threads: Int
    private(set) var chunks: [CSVChunk] = []
    private var storages: [CSVColumnStorage] = []
    private var outputs: [CSVSlotOutput] = []
    private var results: [CSVChunkResult] = []
    private var types: [CSVSlotType] = []

    init(
        base: UnsafePointer<UInt8>, bytes: UnsafeRawBufferPointer, name: String, header: CSVHeader,
        layout: CSVLayout, threads: Int, chunkCount: Int?
    ) throws(CSVError) {
        self.base = base
        self.input = CSVSharedBytes(base: base)
        self.bytes = bytes
        self.name = name
        self.header = header
        self.layout = layout
        self.threads = threads
        let start = header.dataStart
        let end = bytes.count
        let count = max(1, chunkCount ?? CSVChunking.defaultCount(bytes: end - start, threads: threads))
        // One look for a quote: a file without any takes the simpler paths throughout.
        let quoted = CSVFieldScanner.find(CSVFieldScanner.quote, base, from: start, to: end) != nil
        let ranges = CSVChunking.ranges(base, start: start, end: end, count: count, quoted: quoted)
        let input = self.input
        let bounds = Parallel.map(ranges.count, threads: threads) {
            CSVRowCounter.bound(input.base, ranges[$0], quoted: quoted)
        }
        var total = 0
        for (range, rows) in zip(ranges, bounds) {
            chunks.append(CSVChunk(bytes: range, rows: rows, firstRow: total))
            total += rows
        }
        for slot in 0..<layout.slotCount {
            guard let storage = CSVColumnStorage(rows: total, type: layout.forced[slot]) else {
                throw CSVError(file: name, line: 0, kind: .internalError("could not allocate column buffers"))
            }
            storages.append(storage)
        }
        outputs = storages.map(\.output)
    }

    /// Phase 1: every chunk parses with its own inference.
    mutating func parseChunks() throws(CSVError) {
        let (input, chunks, layout, outputs) = (self.input, self.chunks, self.layout, self.outputs)
        results = Parallel.map(chunks.count, threads: threads) { k in
            CSVChunkParser.parseInferring(input.base, chunks[k], layout, outputs)
        }
        if let error = results.lazy.compactMap(\.error).first { throw located(error) }
    }

    /// Phase 2: the file's type per column is the join over chunks (or the forced type);
    /// chunks that read a column as another type re-read just that column.
    mutating func settleTypes() throws(CSVError) {
        let (input, chunks, layout, outputs, results) = (
            self.input, self.chunks, self.layout, self.outputs, self.results
        )
        let slots = 0..<layout.slotCount
        let types = slots.map { slot in
            layout.forced[slot] ?? results.reduce(CSVSlotType.unknown) { $0.joined(with: $1.parts[slot].type) }
        }
        self.types = types
        let stale = results.map { r in slots.map { s in r.parts[s].type != .unknown && r.parts[s].type != types[s] } }
        let redo = chunks.indices.filter { stale[$0].contains(true) }
        let redone = Parallel.map(redo.count, threads: threads) { j in
            CSVChunkParser.parse(
                input.base, chunks[redo[j]], layout, outputs, types: types.map { Optional($0) },
                active: stale[redo[j]])
        }
        for (j, k) in redo.enumerated() {
            if let error = redone[j].error { throw located(error) }
            for s in slots where stale[k][s] { self.results[k].parts[s] = redone[j].parts[s] }
        }
    }

    /// Phase 3: final row positions, merged dictionaries, placeholders, then columns.
    mutating func assemble() throws(CSVError) -> Table {
        chunks = CSVAssembler.compact(chunks, results: results, types: types, outputs: outputs)
        let total = chunks.reduce(0) { $0 + $1.rows }
        let dictionaries: [ByteDictionary?]
        let remaps: CSVAssembler.Remaps
        switch CSVAssembler.mergeDictionaries(results, types: types) {
        case .success(let merged):
            (dictionaries, remaps) = merged
        case .failure(let overflow):
            let field = layout.fieldOfSlot[overflow.slot]
            throw CSVError(file: name, line: 0, field: field + 1, fieldName: header.names[field], kind: .tooManyValues)
        }
        let (chunks, results, types, outputs) = (self.chunks, self.results, self.types, self.outputs)
        Parallel.forEach(chunks.count, threads: threads) { k in
            CSVAssembler.finish(
                chunk: chunks[k], index: k, result: results[k], types: types, outputs: outputs, remaps: remaps)
        }
        var table = Table()
        for slot in 0..<layout.slotCount {
            let missing = CSVAssembler.missingMask(slot: slot, results: results, chunks: chunks, total: total)
            let column = CSVAssembler.column(
                storages[slot], rows: total, type: types[slot], missing: missing, dictionary: dictionaries[slot])
            do {
                try table.append(name: header.names[layout.fieldOfSlot[slot]], column: column)
            } catch {
                // Unreachable: names are unique and non-empty, and every column has `total` rows.
                throw CSVError(file: name, line: 0, kind: .internalError("\(error)"))
            }
        }
        return table
    }

    /// A scan error with its line counted and its field named.
    private func located(_ error: CSVScanError) -> CSVError {
        error.located(in: bytes, file: name, header: header.names)
    }
}
