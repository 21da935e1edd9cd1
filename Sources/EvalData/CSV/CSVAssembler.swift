#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finishes the final buffers once every chunk has been read with the column's final
/// type, and wraps them in `Column`s without copying values.
///
/// A chunk whose part is `unknown` (all missing there) gets its rows filled with the
/// type's placeholder. String chunks wrote codes into their own dictionaries; the
/// dictionaries are merged in chunk order, each in its own first-appearance order, which
/// is exactly the first-appearance order of the whole file whatever the chunking, and
/// each chunk's codes are then rewritten in place.
enum CSVAssembler {
    /// Per string slot, each chunk's code remapping (`nil` when it is the identity).
    typealias Remaps = [[[Int32]?]]

    /// Merges the dictionaries of every string slot; `nil` entry for non-string slots.
    ///
    /// Returns the merged dictionaries and remaps, or the slot whose codes overflowed.
    static func mergeDictionaries(
        _ results: [CSVChunkResult], types: [CSVSlotType]
    ) -> Result<([ByteDictionary?], Remaps), CSVSlotOverflow> {
        var dictionaries: [ByteDictionary?] = []
        var remaps: Remaps = []
        for (slot, type) in types.enumerated() {
            guard type == .string else {
                dictionaries.append(nil)
                remaps.append([])
                continue
            }
            var merged = ByteDictionary()
            var slotRemaps: [[Int32]?] = []
            for result in results {
                let part = result.parts[slot]
                guard part.type == .string else {
                    slotRemaps.append(nil)
                    continue
                }
                guard let remap = merged.merge(part.dictionary) else { return .failure(CSVSlotOverflow(slot: slot)) }
                let identity = remap.indices.allSatisfy { remap[$0] == Int32($0) }
                slotRemaps.append(identity ? nil : remap)
            }
            dictionaries.append(merged)
            remaps.append(slotRemaps)
        }
        return .success((dictionaries, remaps))
    }

    /// Closes the gaps that blank lines left between chunks: each chunk's rows move down to follow the previous
    /// chunk's actual rows.
    ///
    /// Returns the chunks at their new places.
    ///
    /// Chunks are moved in order and only ever downwards, so a move never overwrites rows
    /// that are still to be moved; without blank lines nothing moves.
    static func compact(
        _ chunks: [CSVChunk], results: [CSVChunkResult], types: [CSVSlotType], outputs: [CSVSlotOutput]
    ) -> [CSVChunk] {
        var next = 0
        var placed: [CSVChunk] = []
        for (k, chunk) in chunks.enumerated() {
            let rows = min(results[k].rows, chunk.rows)
            if chunk.firstRow != next, rows > 0 {
                for (slot, type) in types.enumerated() where results[k].parts[slot].type != .unknown {
                    let out = outputs[slot]
                    switch type.columnType {
                    case .number: move(out.numbers, from: chunk.firstRow, to: next, count: rows)
                    case .bool: move(out.bools, from: chunk.firstRow, to: next, count: rows)
                    case .string: move(out.codes, from: chunk.firstRow, to: next, count: rows)
                    }
                }
            }
            var moved = chunk
            moved.rows = rows
            moved.firstRow = next
            placed.append(moved)
            next += rows
        }
        return placed
    }

    private static func move<T>(_ base: UnsafeMutablePointer<T>, from: Int, to: Int, count: Int) {
        _ = memmove(base + to, base + from, count * MemoryLayout<T>.stride)
    }

    /// Fills placeholder rows of `unknown` parts and rewrites string codes, for one chunk.
    static func finish(
        chunk: CSVChunk, index k: Int, result: CSVChunkResult,
        types: [CSVSlotType], outputs: [CSVSlotOutput], remaps: Remaps
    ) {
        for (slot, type) in types.enumerated() {
            let out = outputs[slot].advanced(by: chunk.firstRow)
            let part = result.parts[slot]
            if part.type == .unknown {
                switch type.columnType {
                case .number: out.numbers.update(repeating: .nan, count: chunk.rows)
                case .bool: out.bools.update(repeating: false, count: chunk.rows)
                case .string: out.codes.update(repeating: -1, count: chunk.rows)
                }
                continue
            }
            guard type == .string, let remap = remaps[slot][k] else { continue }
            remap.withUnsafeBufferPointer { map in
                for r in 0..<chunk.rows {
                    let c = out.codes[r]
                    // Codes come from this chunk's dictionary, so `c` is in range; the
                    // check only keeps a broken invariant from reading out of bounds.
                    out.codes[r] = c >= 0 && Int(c) < map.count ? map[Int(c)] : -1
                }
            }
        }
    }

    /// The whole column's missing mask, or `nil` when no row is missing.
    static func missingMask(slot: Int, results: [CSVChunkResult], chunks: [CSVChunk], total: Int) -> [Bool]? {
        let any = results.indices.contains { k in
            let part = results[k].parts[slot]
            return part.type == .unknown ? chunks[k].rows > 0 : !part.missingRows.isEmpty
        }
        guard any else { return nil }
        var mask = [Bool](repeating: false, count: total)
        for (k, chunk) in chunks.enumerated() {
            let part = results[k].parts[slot]
            if part.type == .unknown {
                for i in chunk.firstRow..<(chunk.firstRow + chunk.rows) { mask[i] = true }
            } else {
                for r in part.missingRows where r < chunk.rows { mask[chunk.firstRow + r] = true }
            }
        }
        return mask
    }

    /// Wraps a slot's finished buffer in a `Column`.
    static func column(
        _ storage: CSVColumnStorage, rows: Int, type: CSVSlotType, missing: [Bool]?, dictionary: ByteDictionary?
    ) -> Column {
        switch type.columnType {
        case .number:
            return Column(numbers: storage.takeNumbers(count: rows), missing: missing)
        case .bool:
            return Column(bools: storage.takeBools(count: rows), missing: missing)
        case .string:
            return Column(
                codes: storage.takeCodes(count: rows), dictionary: dictionary?.strings() ?? [], missing: missing)
        }
    }
}

/// A string column whose distinct values overflowed `Int32` codes.
struct CSVSlotOverflow: Error {
    var slot: Int
}
