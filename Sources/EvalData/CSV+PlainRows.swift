/// Finds field separators (the delimiter and LF) 64 bytes at a time, as a bitmap.
///
/// In a chunk without quote bytes every delimiter or LF ends a field, so field ends can
/// be found ahead of parsing: eight SWAR compares build a 64-bit map, and each field end
/// is then a trailing-zero count. The next field's position no longer waits for the
/// previous number to be parsed, which was the row loop's critical path.
struct CSVSeparatorScanner {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let delimiterBytes: UInt64
    private var blockStart: Int
    private var mask: UInt64

    init(base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8) {
        self.base = base
        self.end = end
        self.delimiterBytes = UInt64(delimiter) &* 0x0101_0101_0101_0101
        self.blockStart = start
        self.mask = 0
        mask = block(at: start)
    }

    /// The next separator's offset, or `end` when there is none.
    @inline(__always)
    mutating func next() -> Int {
        while mask == 0 {
            blockStart += 64
            if blockStart >= end { return end }
            mask = block(at: blockStart)
        }
        let i = mask.trailingZeroBitCount
        mask &= mask &- 1
        return blockStart + i
    }

    /// Bit i set when byte `at + i` is a separator (bytes at or past `end` are not).
    @inline(__always)
    private func block(at start: Int) -> UInt64 {
        guard start + 64 <= end else { return tail(at: start) }
        let raw = UnsafeRawPointer(base + start)
        var bits: UInt64 = 0
        for k in 0..<8 {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))
            bits |= Self.compress(Self.zeroBytes(word ^ delimiterBytes) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)) << UInt64(k * 8)
        }
        return bits
    }

    private func tail(at start: Int) -> UInt64 {
        var bits: UInt64 = 0
        let delimiter = UInt8(truncatingIfNeeded: delimiterBytes)
        for i in 0..<min(64, end - start) where base[start + i] == delimiter || base[start + i] == CSVFieldScanner.lf {
            bits |= 1 << UInt64(i)
        }
        return bits
    }

    /// High bit set in exactly the bytes of `x` that are zero (no false positives: the
    /// low seven bits are added without carrying out of the byte).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// Gathers the high bit of each byte into the low eight bits, byte i to bit i.
    @inline(__always)
    private static func compress(_ highBits: UInt64) -> UInt64 {
        ((highBits >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}

extension CSVChunkParser {
    /// The row loop for a chunk without quote bytes; the same rules as `rows`, but field
    /// ends come from `CSVSeparatorScanner`, and plain numbers are parsed with their
    /// bounds known (`FastFloat.parsePlain`).
    static func plainRows(
        _ base: UnsafePointer<UInt8>, _ chunk: CSVChunk, _ layout: CSVLayout,
        _ slotOfField: UnsafeBufferPointer<Int>, _ builders: UnsafeMutableBufferPointer<CSVColumnBuilder>,
        _ fast: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    ) -> (rows: Int, error: CSVScanError?) {
        let end = chunk.bytes.upperBound
        let readableEnd = chunk.readableEnd
        let fieldCount = layout.fieldCount
        var separators = CSVSeparatorScanner(base: base, start: chunk.bytes.lowerBound, end: end, delimiter: layout.delimiter)
        var pos = chunk.bytes.lowerBound
        var row = 0
        var field = 0
        var rowStart = pos
        // A value error waits for the row's end: a ragged row explains it better.
        var pending: CSVScanError?
        while pos < end {
            let sep = separators.next()
            let lineEnd = sep == end || base[sep] == CSVFieldScanner.lf
            var stop = sep
            if lineEnd, stop > pos, base[stop - 1] == CSVFieldScanner.cr { stop -= 1 }
            if field == 0 {
                // A line that is empty, or only a CR, is blank: skip it.
                if lineEnd, stop == pos {
                    pos = sep + 1
                    continue
                }
                rowStart = pos
                guard row < chunk.rows else {
                    return (row, CSVScanError(offset: rowStart, field: nil, kind: .internalError("more rows than counted")))
                }
            }
            if field < fieldCount, case let slot = slotOfField[field], slot >= 0 {
                if let numbers = fast[field],
                   let v = FastFloat.parsePlain(base + pos, count: stop - pos, readable: readableEnd - pos) {
                    numbers[row] = v
                } else if pending == nil {
                    if !builders[slot].append(base + pos, count: stop - pos, escaped: false, row: row) {
                        pending = CSVScanError(offset: pos, field: field, kind: builders[slot].failure ?? .invalidUTF8)
                    }
                    fast[field] = builders[slot].plainNumberOutput()
                }
            }
            field += 1
            pos = sep + 1
            if lineEnd {
                if field != fieldCount {
                    let named = field < fieldCount ? field : fieldCount
                    return (row, CSVScanError(offset: rowStart, field: named, kind: .raggedRow(found: field, expected: fieldCount)))
                }
                if let pending { return (row, pending) }
                row += 1
                field = 0
            }
        }
        return (row, nil)
    }
}
