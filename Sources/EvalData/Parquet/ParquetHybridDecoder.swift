/// Decodes Parquet's RLE / bit-packed hybrid: runs of one repeated value, or groups of
/// eight bit-packed values, each behind a varint header.
///
/// Used for definition levels, dictionary indices and RLE booleans. Every run is
/// checked against the bytes of its page: a run that needs bytes past the end is
/// `runPastEnd`, whatever its header says, and each header consumes at least a byte,
/// so decoding ends within the page's size. A repeated run longer than the values
/// still wanted is cut (writers pad the last bit-packed group to eight values).
struct ParquetHybridDecoder {
    private let data: UnsafeRawBufferPointer
    let width: Int
    /// Next run header.
    private var position: Int
    private var repeatLeft = 0
    private var repeatValue: UInt64 = 0
    private var packedLeft = 0
    /// Bit offset in `data` of the next packed value.
    private var packedBit = 0

    /// A decoder of `width`-bit values (`width` checked against `maximum`).
    init(_ data: UnsafeRawBufferPointer, width: Int, maximum: Int = 32) throws(ParquetError.Kind) {
        guard width >= 0, width <= maximum else { throw .bitWidthTooLarge(width: width, maximum: maximum) }
        self.data = data
        self.width = width
        self.position = 0
    }

    /// Where the next run would start: the end of the runs read so far.
    var consumed: Int { position }

    private mutating func nextRun() throws(ParquetError.Kind) {
        var header: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < data.count, shift < 64 else { throw .runPastEnd }
            let b = data[position]
            position += 1
            header |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        // Counts beyond any page are cut to a large Int; they are bounded by bytes below.
        let count = Int(clamping: header >> 1)
        if header & 1 == 0 {
            let valueBytes = (width + 7) / 8
            guard valueBytes <= data.count - position else { throw .runPastEnd }
            var v: UInt64 = 0
            for k in 0..<valueBytes { v |= UInt64(data[position + k]) << UInt64(8 * k) }
            position += valueBytes
            repeatValue = v
            repeatLeft = count
        } else {
            // `count` groups of eight values in `count * width` bytes. A run cut off by the
            // page's end keeps only the values whose bits are all there.
            packedBit = position * 8
            let available = data.count - position
            if width == 0 {
                packedLeft = min(count, 1 << 28) * 8
            } else if count <= available / width {
                packedLeft = count * 8
                position += count * width
            } else {
                packedLeft = available * 8 / width
                position = data.count
                if packedLeft == 0 { throw .runPastEnd }
            }
        }
    }

    /// Decodes the next `count` values into `out`.
    ///
    /// - Complexity: O(`count` + runs read).
    mutating func decode<T: FixedWidthInteger & UnsignedInteger>(into out: UnsafeMutablePointer<T>, count: Int)
        throws(ParquetError.Kind)
    {
        var done = 0
        while done < count {
            if repeatLeft > 0 {
                let k = min(repeatLeft, count - done)
                (out + done).update(repeating: T(truncatingIfNeeded: repeatValue), count: k)
                repeatLeft -= k
                done += k
            } else if packedLeft > 0 {
                let k = min(packedLeft, count - done)
                ParquetBitUnpacker.unpack(data, bitOffset: packedBit, width: width, count: k, into: out + done)
                packedBit += k * width
                packedLeft -= k
                done += k
            } else {
                try nextRun()
            }
        }
    }

    /// Whether the next `count` values are all `value`, in one repeated run; if so they
    /// are consumed, and nothing need be written (a column chunk without missing rows
    /// has one run of the top level per page).
    mutating func skipRun(of value: UInt64, count: Int) throws(ParquetError.Kind) -> Bool {
        if repeatLeft == 0, packedLeft == 0 { try nextRun() }
        guard repeatLeft >= count, repeatValue == value else { return false }
        repeatLeft -= count
        return true
    }

    /// Decodes `count` levels (at most `maximum` each) into `out`; returns how many equal `maximum`.
    ///
    /// - Complexity: O(`count` + runs read).
    mutating func decodeLevels(into out: UnsafeMutablePointer<UInt8>, count: Int, maximum: Int)
        throws(ParquetError.Kind) -> Int
    {
        var done = 0
        var full = 0
        let top = UInt8(truncatingIfNeeded: maximum)
        while done < count {
            if repeatLeft > 0 {
                let k = min(repeatLeft, count - done)
                guard repeatValue <= UInt64(maximum) else {
                    throw .levelAboveMaximum(level: Int(clamping: repeatValue), maximum: maximum)
                }
                (out + done).update(repeating: UInt8(truncatingIfNeeded: repeatValue), count: k)
                if repeatValue == UInt64(maximum) { full += k }
                repeatLeft -= k
                done += k
            } else if packedLeft > 0 {
                let k = min(packedLeft, count - done)
                ParquetBitUnpacker.unpack(data, bitOffset: packedBit, width: width, count: k, into: out + done)
                for i in done..<(done + k) {
                    let level = out[i]
                    guard level <= top else { throw .levelAboveMaximum(level: Int(level), maximum: maximum) }
                    full += level == top ? 1 : 0
                }
                packedBit += k * width
                packedLeft -= k
                done += k
            } else {
                try nextRun()
            }
        }
        return full
    }
}
