/// Unpacks little-endian bit-packed integers (Parquet's bit order: first value in the
/// lowest bits of the first byte).
///
/// Callers check that the bits they ask for lie inside `data`; these functions read
/// eight bytes at a time only where eight remain, and byte by byte near the end.
enum ParquetBitUnpacker {
    /// The bytes that `count` values of `width` bits from bit `bitOffset` reach into.
    @inline(__always)
    static func bytesNeeded(bitOffset: Int, width: Int, count: Int) -> Int {
        (bitOffset + width * count + 7) >> 3
    }

    /// Up to eight bytes from `at`, zero past the end of `data`.
    @inline(__always)
    private static func word(_ data: UnsafeRawBufferPointer, _ base: UnsafeRawPointer, at: Int) -> UInt64 {
        if at + 8 <= data.count { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        var w: UInt64 = 0
        var k = 0
        while at + k < data.count, k < 8 {
            w |= UInt64(data[at + k]) << UInt64(8 * k)
            k += 1
        }
        return w
    }

    /// Unpacks `count` values of `width` bits (at most 32) into `out`.
    ///
    /// - Complexity: O(`count`).
    @inline(__always)
    static func unpack<T: FixedWidthInteger & UnsignedInteger>(
        _ data: UnsafeRawBufferPointer, bitOffset: Int, width: Int, count: Int, into out: UnsafeMutablePointer<T>
    ) {
        guard width > 0, count > 0, let base = data.baseAddress else {
            out.update(repeating: 0, count: max(count, 0))
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        var bit = bitOffset
        var i = 0
        // Fast path: a whole word can be read at the value's first byte.
        let fastEnd = data.count - 8
        while i < count, bit >> 3 <= fastEnd {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            out[i] = T(truncatingIfNeeded: (w >> UInt64(bit & 7)) & mask)
            bit += width
            i += 1
        }
        while i < count {
            out[i] = T(truncatingIfNeeded: (word(data, base, at: bit >> 3) >> UInt64(bit & 7)) & mask)
            bit += width
            i += 1
        }
    }

    /// Unpacks `count` values of `width` bits (at most 64) into `out`.
    ///
    /// - Complexity: O(`count`).
    static func unpack64(
        _ data: UnsafeRawBufferPointer, bitOffset: Int, width: Int, count: Int, into out: UnsafeMutablePointer<UInt64>
    ) {
        if width <= 32 { return unpack(data, bitOffset: bitOffset, width: width, count: count, into: out) }
        guard count > 0, let base = data.baseAddress else { return }
        let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) &- 1
        var bit = bitOffset
        for i in 0..<count {
            let byte = bit >> 3
            let shift = UInt64(bit & 7)
            var v = word(data, base, at: byte) >> shift
            // A value of up to 64 bits starting mid-byte spills into a ninth byte.
            if shift > 0, shift + UInt64(width) > 64 { v |= word(data, base, at: byte + 8) << (64 - shift) }
            out[i] = v & mask
            bit += width
        }
    }
}
