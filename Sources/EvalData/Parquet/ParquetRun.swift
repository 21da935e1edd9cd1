import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One read, after the footer: choose the columns, check the row groups against the
/// schema, decode every (row group, column) job in parallel, and assemble the table.
///
/// Job `k` is row group `k / columns`, column `k % columns`: a fixed assignment, so
/// every job writes the same rows whatever thread runs it. When jobs fail, the error
/// reported is the one of the lowest-numbered failing job (jobs above a known failure
/// are skipped, jobs below it still run), so it too is the same for any thread count.
struct ParquetRun {
    let file: ParquetFile
    let metadata: ParquetMetadata
    let dataEnd: Int
    let threads: Int
    let plans: [ParquetColumnPlan]
    let schema: ParquetSchema
    /// The first row of each row group, and the total at the end.
    let rowStarts: [Int]

    init(file: ParquetFile, metadata: ParquetMetadata, dataEnd: Int, options: ParquetOptions) throws(ParquetError) {
        self.file = file
        self.metadata = metadata
        self.dataEnd = dataEnd
        self.threads = min(max(options.threads, 1), 64)
        do throws(ParquetError.Kind) {
            schema = try ParquetSchema(metadata.schema)
        } catch {
            throw ParquetError(file: "", kind: error)
        }
        plans = try Self.plans(schema, columns: options.columns)
        var starts = [0]
        for (g, group) in metadata.rowGroups.enumerated() {
            guard group.rowCount >= 0, group.rowCount <= Int64(Int32.max) - Int64(starts[g]) else {
                throw ParquetError(file: "", rowGroup: g, kind: .tooManyRows(group.rowCount &+ Int64(starts[g])))
            }
            starts.append(starts[g] + Int(group.rowCount))
        }
        rowStarts = starts
        let total = starts[starts.count - 1]
        guard Int64(total) == metadata.rowCount else {
            throw ParquetError(file: "", kind: .rowCountMismatch(found: Int64(total), expected: metadata.rowCount))
        }
        try checkRowGroups()
        try checkMemory(rows: total)
    }

    /// The selected flat columns' plans, in the order asked for.
    private static func plans(_ schema: ParquetSchema, columns: [String]?) throws(ParquetError)
        -> [ParquetColumnPlan]
    {
        let names = columns ?? schema.fields.map(\.name)
        var chosen = Set<String>()
        var plans: [ParquetColumnPlan] = []
        for name in names {
            guard let field = schema.fields.first(where: { $0.name == name }) else {
                throw ParquetError(file: "", kind: .unknownColumn(name: name, available: schema.fields.map(\.name)))
            }
            guard chosen.insert(name).inserted else {
                let twice: ParquetError.Kind = columns == nil ? .duplicateName(name) : .duplicateColumn(name)
                throw ParquetError(file: "", kind: twice)
            }
            if let shape = field.nested {
                throw ParquetError(file: "", column: name, kind: .nestedColumn(shape: shape, flat: schema.flatNames))
            }
            guard !name.isEmpty else { throw ParquetError(file: "", kind: .badSchema("a column has no name")) }
            do throws(ParquetError.Kind) {
                let leaf = field.leaves.lowerBound
                plans.append(try ParquetColumnPlan(name: name, leafIndex: leaf, leaf: schema.leaves[leaf]))
            } catch {
                throw ParquetError(file: "", column: name, kind: error)
            }
        }
        return plans
    }

    /// Every row group has one chunk per leaf, and each selected chunk is the column
    /// the schema says, compressed with a codec Evalbook has.
    private func checkRowGroups() throws(ParquetError) {
        for (g, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.leaves.count else {
                throw ParquetError(
                    file: "", rowGroup: g,
                    kind: .chunkCountMismatch(found: group.columns.count, expected: schema.leaves.count))
            }
            for plan in plans {
                let chunk = group.columns[plan.leaf]
                func fail(_ kind: ParquetError.Kind) -> ParquetError {
                    ParquetError(file: "", rowGroup: g, column: plan.name, kind: kind)
                }
                guard chunk.path == schema.leaves[plan.leaf].path else {
                    throw fail(.chunkMismatch("it is for `\(chunk.path.joined(separator: "."))`"))
                }
                guard chunk.type == plan.physical.rawValue else {
                    let found = ParquetPhysicalType(rawValue: chunk.type)?.name ?? "type \(chunk.type)"
                    throw fail(.chunkMismatch("its type is \(found), the schema's \(plan.physical.name)"))
                }
                guard let compression = ParquetCompression(rawValue: chunk.codec) else {
                    throw fail(.unsupportedCodec("codec \(chunk.codec)"))
                }
                if compression == .lzo { throw fail(.unsupportedCodec("LZO")) }
            }
        }
    }

    /// Refuses a table larger than the machine's memory before allocating any of it.
    private func checkMemory(rows: Int) throws(ParquetError) {
        let perRow = plans.reduce(0) { sum, plan in
            let value = plan.columnType == .bool ? 1 : plan.columnType == .string ? 4 : 8
            return sum + value + (plan.maxDefinition > 0 ? 1 : 0)
        }
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return }
        let (available, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        let (needed, tooMany) = rows.multipliedReportingOverflow(by: perRow)
        if !overflow, tooMany || needed > available {
            throw ParquetError(file: "", kind: .tooLarge(bytes: tooMany ? Int.max : needed, available: available))
        }
    }

    /// What one job leaves besides the rows it wrote.
    private struct Outcome: Sendable {
        var anyMissing = false
        var rounded = false
        var dictionary: ByteDictionary?
    }

    /// Decodes every job and assembles the table.
    mutating func decode() throws(ParquetError) -> ParquetTable {
        let rows = rowStarts[rowStarts.count - 1]
        var buffers: [ParquetColumnBuffer] = []
        for plan in plans {
            guard let buffer = ParquetColumnBuffer(type: plan.columnType, rows: rows, optional: plan.maxDefinition > 0)
            else { throw ParquetError(file: "", column: plan.name, kind: .tooLarge(bytes: rows * 8, available: 0)) }
            buffers.append(buffer)
        }
        let outputs = buffers.map(\.output)
        let columns = plans.count
        let jobs = metadata.rowGroups.count * columns
        let failed = Atomic<Int>(Int.max)
        let pool = ParquetWorkspacePool()
        let (file, metadata, plans, rowStarts, dataEnd) = (
            self.file, self.metadata, self.plans, self.rowStarts, dataEnd
        )
        let results = Parallel.map(jobs, threads: threads) { k -> Result<Outcome, ParquetError> in
            // Skipped only above a failed job, which then reports first anyway.
            guard k < failed.load(ordering: .relaxed) else { return .success(Outcome()) }
            let (g, c) = (k / columns, k % columns)
            let plan = plans[c]
            let workspace = pool.take()
            defer { pool.give(workspace) }
            do throws(ParquetError) {
                return .success(
                    try Self.job(
                        file: file, chunk: metadata.rowGroups[g].columns[plan.leaf], plan: plan,
                        rows: rowStarts[g + 1] - rowStarts[g], first: rowStarts[g], output: outputs[c],
                        dataEnd: dataEnd, workspace: workspace))
            } catch {
                var located = error
                located.rowGroup = g
                located.column = plan.name
                _ = failed.min(k, ordering: .relaxed)
                return .failure(located)
            }
        }
        var outcomes: [Outcome] = []
        for result in results {
            switch result {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(let error): throw error
            }
        }
        return try assemble(buffers: buffers, outcomes: outcomes)
    }

    /// Reads and decodes one column chunk into its rows.
    private static func job(
        file: ParquetFile, chunk: ParquetMetadata.ColumnChunk, plan: ParquetColumnPlan, rows: Int, first: Int,
        output: ParquetColumnOutput, dataEnd: Int, workspace: ParquetWorkspace
    ) throws(ParquetError) -> Outcome {
        let pages = try ParquetChunkPages.load(
            file, chunk: chunk, rows: Int64(rows), dataEnd: dataEnd, into: workspace.chunk)
        let codec = ParquetCompression(rawValue: chunk.codec)?.codec
        let reader = ParquetChunkReader(
            pages: pages, codec: codec, maxDefinition: plan.maxDefinition, workspace: workspace)
        let missing = output.missing.map { $0 + first }
        var outcome = Outcome()
        switch plan.target {
        case .number(let source):
            var decoder = ParquetNumberDecoder(source: source, typeLength: plan.typeLength)
            let out = output.values.assumingMemoryBound(to: Double.self) + first
            outcome.anyMissing = try reader.read(into: out, missing: missing, rows: rows, decoder: &decoder)
            outcome.rounded = decoder.rounded
        case .bool:
            var decoder = ParquetBoolDecoder()
            let out = output.values.assumingMemoryBound(to: Bool.self) + first
            outcome.anyMissing = try reader.read(into: out, missing: missing, rows: rows, decoder: &decoder)
        case .string(let form):
            var decoder = ParquetStringDecoder(typeLength: plan.typeLength)
            let out = output.values.assumingMemoryBound(to: Int32.self) + first
            outcome.anyMissing = try reader.read(into: out, missing: missing, rows: rows, decoder: &decoder)
            if form == .utf8, !decoder.valuesAreUTF8() { throw ParquetError(file: "", kind: .invalidUTF8) }
            outcome.dictionary = decoder.values
        }
        return outcome
    }

    /// Merges string dictionaries in row-group order, rewrites codes, and wraps the buffers.
    private func assemble(buffers: [ParquetColumnBuffer], outcomes: [Outcome]) throws(ParquetError) -> ParquetTable {
        let columns = plans.count
        var table = Table()
        var rounded: [String] = []
        for (c, plan) in plans.enumerated() {
            let mine = stride(from: c, to: outcomes.count, by: max(columns, 1)).map { outcomes[$0] }
            var strings: [String] = []
            if plan.columnType == .string {
                var merged = ByteDictionary()
                var collected: [[Int32]?] = []
                for outcome in mine {
                    guard let part = outcome.dictionary, let remap = merged.merge(part) else {
                        throw ParquetError(file: "", column: plan.name, kind: .tooManyStrings)
                    }
                    let identity = remap.indices.allSatisfy { remap[$0] == Int32($0) }
                    collected.append(identity ? nil : remap)
                }
                let codes = buffers[c].output.values.assumingMemoryBound(to: Int32.self)
                let shared = ParquetColumnOutput(values: UnsafeMutableRawPointer(codes), missing: nil)
                let (rowStarts, remaps) = (self.rowStarts, collected)
                Parallel.forEach(remaps.count, threads: threads) { g in
                    guard let remap = remaps[g] else { return }
                    let out = shared.values.assumingMemoryBound(to: Int32.self)
                    remap.withUnsafeBufferPointer { map in
                        for r in rowStarts[g]..<rowStarts[g + 1] {
                            let code = out[r]
                            // Codes come from this row group's dictionary; the check only
                            // keeps a broken invariant from reading out of bounds.
                            out[r] = code >= 0 && Int(code) < map.count ? map[Int(code)] : -1
                        }
                    }
                }
                if case .string(let form) = plan.target {
                    strings = (0..<merged.count).map { c in merged.withValue(c) { form.text($0) } }
                }
            }
            if mine.contains(where: \.rounded) { rounded.append(plan.name) }
            let anyMissing = mine.contains(where: \.anyMissing)
            if anyMissing, let mask = buffers[c].output.missing {
                // Chunks without a missing row left their part of the mask untouched.
                for (g, outcome) in mine.enumerated() where !outcome.anyMissing {
                    (mask + rowStarts[g]).update(repeating: false, count: rowStarts[g + 1] - rowStarts[g])
                }
            }
            let column = buffers[c].column(anyMissing: anyMissing, dictionary: strings)
            do throws(TableError) {
                try table.append(name: plan.name, column: column)
            } catch {
                throw ParquetError(file: "", column: plan.name, kind: .duplicateName(plan.name))
            }
        }
        return ParquetTable(table: table, roundedColumns: rounded)
    }
}
