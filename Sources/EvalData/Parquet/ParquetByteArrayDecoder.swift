/// Walks the BYTE_ARRAY values of a page: PLAIN (length-prefixed), DELTA_LENGTH_BYTE_ARRAY
/// (all lengths, then all bytes) and DELTA_BYTE_ARRAY (a shared prefix with the previous
/// value, then a suffix).
///
/// Hands each value's bytes to a closure without copying, except DELTA_BYTE_ARRAY,
/// whose values are rebuilt in one reused buffer. Every length is checked against the
/// bytes left before it is used.
enum ParquetByteArrayDecoder {
    /// Calls `body` with each of the first `count` values of `data`.
    ///
    /// - Complexity: O(`count` + bytes of the values).
    static func forEach(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int, scratch: ParquetScratch,
        _ body: (UnsafeRawBufferPointer) throws(ParquetError.Kind) -> Void
    ) throws(ParquetError.Kind) {
        switch encoding {
        case .plain:
            var at = 0
            for _ in 0..<count {
                guard data.count - at >= 4 else { throw .valuesPastEnd(needed: at + 4, available: data.count) }
                let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                at += 4
                guard length <= data.count - at else {
                    throw .valuesPastEnd(needed: at + length, available: data.count)
                }
                try body(UnsafeRawBufferPointer(rebasing: data[at..<(at + length)]))
                at += length
            }
        case .deltaLengthByteArray:
            let lengths = scratch.values(Int64.self, count: count)
            let used = try ParquetDeltaDecoder.decode(data, count: count, into: lengths, is32: true, exact: true)
            try suffixes(data, from: used, lengths: lengths, count: count, body)
        case .deltaByteArray:
            try prefixed(data, count: count, scratch: scratch, body)
        default:
            throw .unsupportedEncoding(encoding: encoding.name, type: "BYTE_ARRAY")
        }
    }

    /// The concatenated values after a length stream.
    private static func suffixes(
        _ data: UnsafeRawBufferPointer, from start: Int, lengths: UnsafePointer<Int64>, count: Int,
        _ body: (UnsafeRawBufferPointer) throws(ParquetError.Kind) -> Void
    ) throws(ParquetError.Kind) {
        var at = start
        for i in 0..<count {
            let length = lengths[i]
            guard length >= 0, length <= Int64(data.count - at) else {
                throw .valuesPastEnd(needed: at &+ Int(clamping: length), available: data.count)
            }
            let n = Int(length)
            try body(UnsafeRawBufferPointer(rebasing: data[at..<(at + n)]))
            at += n
        }
    }

    /// DELTA_BYTE_ARRAY: prefix lengths, then the suffixes as DELTA_LENGTH_BYTE_ARRAY.
    ///
    /// Rebuilt values are bounded: together they may not exceed 256 times the page's
    /// bytes (plus 16 MiB), so prefixes cannot make a small page cost quadratic work.
    private static func prefixed(
        _ data: UnsafeRawBufferPointer, count: Int, scratch: ParquetScratch,
        _ body: (UnsafeRawBufferPointer) throws(ParquetError.Kind) -> Void
    ) throws(ParquetError.Kind) {
        let lengths = scratch.values(Int64.self, count: 2 * count)
        let prefixes = lengths + count
        let prefixBytes = try ParquetDeltaDecoder.decode(data, count: count, into: prefixes, is32: true, exact: true)
        let rest = UnsafeRawBufferPointer(rebasing: data[prefixBytes..<data.count])
        let used = try ParquetDeltaDecoder.decode(rest, count: count, into: lengths, is32: true, exact: true)
        var value: [UInt8] = []
        var budget = 256 * data.count + (16 << 20)
        var i = 0
        try suffixes(rest, from: used, lengths: lengths, count: count) { (suffix) throws(ParquetError.Kind) in
            let prefix = prefixes[i]
            i += 1
            guard prefix >= 0, prefix <= Int64(value.count) else {
                throw .prefixTooLong(prefix: Int(clamping: prefix), previous: value.count)
            }
            value.removeLast(value.count - Int(prefix))
            value.append(contentsOf: suffix)
            budget -= value.count
            guard budget >= 0 else { throw .badDelta("shared prefixes expand far beyond the page's size") }
            try value.withUnsafeBytesTyped { (bytes) throws(ParquetError.Kind) in try body(bytes) }
        }
    }
}
