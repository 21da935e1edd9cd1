/// Which header fields are read into which output columns, and with what forced types.
struct CSVLayout: Sendable {
    /// Fields per row, from the header.
    var fieldCount: Int
    /// Output column (slot) of each header field, or -1 when the field is projected away.
    var slotOfField: [Int]
    /// Header index of each slot, for error messages.
    var fieldOfSlot: [Int]
    var delimiter: UInt8
    /// A forced type per slot, or `nil` to infer.
    var forced: [CSVSlotType?]

    var slotCount: Int { fieldOfSlot.count }
}

/// One chunk's parse: a part per slot, its row count and its first error.
struct CSVChunkResult: Sendable {
    var rows = 0
    var parts: [CSVColumnPart] = []
    /// Slots whose inferred type broke mid-chunk and must be re-read as strings.
    var poisoned: [Bool] = []
    var error: CSVScanError?
}

/// Parses the rows of one chunk (a byte range starting and ending at row boundaries).
enum CSVChunkParser {
    /// Inference pass: reads every slot; any slot poisoned on the way is re-read as `string`.
    static func parseInferring(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ layout: CSVLayout) -> CSVChunkResult {
        let all = [Bool](repeating: true, count: layout.slotCount)
        var first = parse(base, range, layout, types: layout.forced, active: all)
        guard first.poisoned.contains(true) else { return first }
        let types = first.poisoned.map { $0 ? CSVSlotType.string : nil }
        let second = parse(base, range, layout, types: types, active: first.poisoned)
        for slot in 0..<layout.slotCount where first.poisoned[slot] {
            first.parts[slot] = second.parts[slot]
        }
        // The first pass stopped storing poisoned slots, so an error of theirs can only
        // show up in the second; the earlier of the two is the chunk's first error.
        if let e2 = second.error, first.error.map({ e2.offset < $0.offset }) ?? true {
            first.error = e2
        }
        first.poisoned = [Bool](repeating: false, count: layout.slotCount)
        return first
    }

    /// One pass over the chunk with the given per-slot types (`nil` infers); inactive
    /// slots are tokenized but not stored.
    static func parse(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ layout: CSVLayout,
        types: [CSVSlotType?], active: [Bool]
    ) -> CSVChunkResult {
        let slotCount = layout.slotCount
        let capacity = estimatedRows(base, range)
        let builders = UnsafeMutableBufferPointer<CSVColumnBuilder>.allocate(capacity: max(slotCount, 1))
        for s in 0..<slotCount {
            let forced = layout.forced[s] != nil
            builders.initializeElement(
                at: s, to: CSVColumnBuilder(type: types[s], forced: forced, active: active[s], capacity: capacity))
        }
        defer {
            builders.baseAddress?.deinitialize(count: slotCount)
            builders.deallocate()
        }
        var result = CSVChunkResult()
        let outcome = layout.slotOfField.withUnsafeBufferPointer { slotOfField in
            rows(base, range, layout, slotOfField, builders)
        }
        result.rows = outcome.rows
        result.error = outcome.error
        result.parts = (0..<slotCount).map { builders[$0].part }
        result.poisoned = (0..<slotCount).map { builders[$0].poisoned }
        return result
    }

    /// The row loop: tokenizes fields and hands projected ones to their builders.
    private static func rows(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ layout: CSVLayout,
        _ slotOfField: UnsafeBufferPointer<Int>, _ builders: UnsafeMutableBufferPointer<CSVColumnBuilder>
    ) -> (rows: Int, error: CSVScanError?) {
        let scanner = CSVFieldScanner(base: base, end: range.upperBound, delimiter: layout.delimiter)
        let end = range.upperBound
        let delimiter = layout.delimiter
        let fieldCount = layout.fieldCount
        var pos = range.lowerBound
        var row = 0
        while pos < end {
            if let skip = scanner.blankLineLength(at: pos) {
                pos += skip
                continue
            }
            let rowStart = pos
            var field = 0
            // A value error waits for the row's end: a ragged row explains it better.
            var pending: CSVScanError?
            while true {
                let fieldOffset = pos
                // Fast path: a plain number into a number column, tokenized and parsed in one pass.
                if field < fieldCount, case let slot = slotOfField[field], slot >= 0, builders[slot].takesNumbers,
                   let v = FastFloat.parseField(base, &pos, end: end, delimiter: delimiter) {
                    builders[slot].appendNumber(v)
                    field += 1
                    if pos < end, base[pos] == delimiter {
                        pos += 1
                        continue
                    }
                    if pos < end { pos += 1 }
                    break
                }
                var start = pos, stop = pos, escaped = false
                if let kind = scanner.scan(&pos, start: &start, stop: &stop, escaped: &escaped) {
                    return (row, CSVScanError(offset: fieldOffset, field: field, kind: kind))
                }
                if field < fieldCount {
                    let slot = slotOfField[field]
                    if slot >= 0, pending == nil,
                       !builders[slot].append(base + start, count: stop - start, escaped: escaped, row: row) {
                        pending = CSVScanError(offset: fieldOffset, field: field, kind: builders[slot].failure ?? .invalidUTF8)
                    }
                }
                field += 1
                if pos < end, base[pos] == delimiter {
                    pos += 1
                    continue
                }
                if pos < end { pos += 1 }  // the LF
                break
            }
            if field != fieldCount {
                // Name the first missing field, or the first extra one.
                let named = field < fieldCount ? field : fieldCount
                return (row, CSVScanError(offset: rowStart, field: named, kind: .raggedRow(found: field, expected: fieldCount)))
            }
            if let pending { return (row, pending) }
            row += 1
        }
        return (row, nil)
    }

    /// Rows expected in the chunk, from the newline density of its first 64 KiB,
    /// so builders reserve once instead of growing through copies.
    private static func estimatedRows(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        let sample = min(range.count, 1 << 16)
        guard sample > 0 else { return 0 }
        var newlines = 0
        for i in range.lowerBound..<(range.lowerBound + sample) where base[i] == CSVFieldScanner.lf {
            newlines += 1
        }
        let perRow = Double(sample) / Double(max(newlines, 1))
        return Int(Double(range.count) / perRow * 1.02) + 16
    }
}
