/// Decodes DELTA_BINARY_PACKED integers, and the length and prefix streams of
/// DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY, which use it.
///
/// The stream is a header (block size, miniblocks per block, value count, first value)
/// then blocks: a minimum delta, one bit width per miniblock, and the miniblocks'
/// bit-packed deltas. Headers are checked (block size a multiple of 128, miniblocks of
/// a multiple of 32 values), bit widths are at most 64 (32 for INT32), and each
/// miniblock's bits must lie inside the page. Arithmetic wraps, as the format defines it.
enum ParquetDeltaDecoder {
    /// Blocks larger than this are refused (writers use 128 or 256 values).
    static let maxBlockSize = 1 << 16

    private struct Cursor {
        let data: UnsafeRawBufferPointer
        var position = 0

        mutating func varint() throws(ParquetError.Kind) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < data.count else { throw .badDelta("the stream ends inside its header") }
                guard shift < 64 else { throw .badDelta("an integer is longer than ten bytes") }
                let b = data[position]
                position += 1
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
            }
        }

        mutating func zigzag() throws(ParquetError.Kind) -> Int64 {
            let v = try varint()
            return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
        }
    }

    /// Decodes the stream's first `count` values into `out` (the stream must hold at
    /// least that many); returns the bytes the stream used, up to the end of the last
    /// miniblock read.
    ///
    /// `exact` requires the stream to hold exactly `count` values, as length streams do.
    ///
    /// - Complexity: O(`count` + blocks).
    static func decode(
        _ data: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Int64>, is32: Bool,
        exact: Bool = false
    ) throws(ParquetError.Kind) -> Int {
        var c = Cursor(data: data)
        let blockSize = try c.varint()
        let miniblocks = try c.varint()
        let total = try c.varint()
        var last = try c.zigzag()
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= UInt64(maxBlockSize) else {
            throw .badDelta("block size \(blockSize) is not a multiple of 128 up to \(maxBlockSize)")
        }
        guard miniblocks > 0, blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0 else {
            throw .badDelta("\(miniblocks) miniblocks do not divide a block of \(blockSize) into multiples of 32")
        }
        guard total >= UInt64(count), !exact || total == UInt64(count) else {
            throw .badDelta("the stream holds \(total) values where the page has \(count)")
        }
        guard count > 0 else { return c.position }
        let perMiniblock = Int(blockSize / miniblocks)
        let miniblockCount = Int(miniblocks)
        let maxWidth = is32 ? 32 : 64
        if is32 { last = Int64(Int32(truncatingIfNeeded: last)) }
        out[0] = last
        var produced = 1
        while produced < count {
            let minDelta = try c.zigzag()
            guard miniblockCount <= data.count - c.position else { throw .runPastEnd }
            let widths = c.position
            c.position += miniblockCount
            for m in 0..<miniblockCount where produced < count {
                let width = Int(data[widths + m])
                guard width <= maxWidth else { throw .bitWidthTooLarge(width: width, maximum: maxWidth) }
                let k = min(perMiniblock, count - produced)
                let start = c.position
                let needed = ParquetBitUnpacker.bytesNeeded(bitOffset: 0, width: width, count: k)
                guard needed <= data.count - start else { throw .runPastEnd }
                let miniblock = UnsafeRawBufferPointer(rebasing: data[start..<data.count])
                let target = out + produced
                target.withMemoryRebound(to: UInt64.self, capacity: k) { raw in
                    ParquetBitUnpacker.unpack64(miniblock, bitOffset: 0, width: width, count: k, into: raw)
                }
                if is32 {
                    for j in 0..<k {
                        last = Int64(Int32(truncatingIfNeeded: last &+ minDelta &+ target[j]))
                        target[j] = last
                    }
                } else {
                    for j in 0..<k {
                        last = last &+ minDelta &+ target[j]
                        target[j] = last
                    }
                }
                // A miniblock is padded to its full size; the last one may stop at the page's end.
                c.position = start + min(perMiniblock * width / 8, data.count - start)
                produced += k
            }
        }
        return c.position
    }
}
