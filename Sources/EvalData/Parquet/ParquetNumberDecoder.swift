/// Decodes a number column's pages into doubles, converting as `ParquetNumberSource` says.
///
/// Encodings: PLAIN, dictionary (the dictionary is converted once, then indices gather
/// from it), DELTA_BINARY_PACKED for integers, and BYTE_STREAM_SPLIT for fixed-width
/// values. Doubles are copied as they are; everything else converts in one loop per page.
struct ParquetNumberDecoder: ParquetValueDecoding {
    static var missingValue: Double { .nan }

    let source: ParquetNumberSource
    /// Bytes per FIXED_LEN_BYTE_ARRAY value.
    let typeLength: Int
    private var dictionary: [Double]?
    private let scratch = ParquetScratch()
    /// Set when a 64-bit integer beyond ±2^53 was rounded to the nearest double.
    private(set) var rounded = false

    init(source: ParquetNumberSource, typeLength: Int) {
        self.source = source
        self.typeLength = typeLength
    }

    var directWidth: Int? { source == .double ? 8 : nil }

    /// Bytes per value in PLAIN and BYTE_STREAM_SPLIT, or `nil` for length-prefixed values.
    private var width: Int? {
        switch source {
        case .int32, .uint32, .float: 4
        case .int64, .uint64, .double: 8
        case .int96: 12
        case .float16, .fixedDecimal: typeLength
        case .binaryDecimal: nil
        }
    }

    mutating func readDictionary(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetError.Kind) {
        // Checked before allocating: each value takes at least `width` bytes (4 for a length).
        let least = width ?? 4
        guard count <= data.count / max(least, 1) else {
            throw .valuesPastEnd(needed: count * least, available: data.count)
        }
        var values = [Double](repeating: 0, count: count)
        let far = try values.withUnsafeMutableBufferPointerTyped { (buffer) throws(ParquetError.Kind) -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return try plain(data, count: count, into: base)
        }
        if far { rounded = true }
        dictionary = values
    }

    mutating func decode(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<Double>
    ) throws(ParquetError.Kind) {
        guard count > 0 else { return }
        switch encoding {
        case .plain:
            if try plain(data, count: count, into: out) { rounded = true }
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw .missingDictionary }
            try dictionary.withUnsafeBufferPointerTyped { (values) throws(ParquetError.Kind) in
                try ParquetDictionaryIndices.forEachBatch(data, count: count, dictionaryCount: values.count) {
                    indices, at in
                    for i in 0..<indices.count { out[at + i] = values[Int(indices[i])] }
                }
            }
        case .deltaBinaryPacked:
            try delta(data, count: count, into: out)
        case .byteStreamSplit:
            guard let width else { throw unsupported(encoding) }
            let needed = count * width
            guard needed <= data.count else { throw .valuesPastEnd(needed: needed, available: data.count) }
            let joined = scratch.bytes(needed)
            for stream in 0..<width {
                let from = stream * count
                for i in 0..<count { joined[i * width + stream] = data[from + i] }
            }
            if try plain(UnsafeRawBufferPointer(joined), count: count, into: out) { rounded = true }
        default:
            throw unsupported(encoding)
        }
    }

    private func unsupported(_ encoding: ParquetEncoding) -> ParquetError.Kind {
        .unsupportedEncoding(encoding: encoding.name, type: "\(source)")
    }

    private mutating func delta(_ data: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Double>)
        throws(ParquetError.Kind)
    {
        let integers = scratch.values(Int64.self, count: count)
        switch source {
        case .int32(let scale):
            _ = try ParquetDeltaDecoder.decode(data, count: count, into: integers, is32: true)
            _ = scale.convert(count, into: out) { integers[$0] }
        case .uint32:
            _ = try ParquetDeltaDecoder.decode(data, count: count, into: integers, is32: true)
            for i in 0..<count { out[i] = Double(UInt32(truncatingIfNeeded: integers[i])) }
        case .int64(let scale):
            _ = try ParquetDeltaDecoder.decode(data, count: count, into: integers, is32: false)
            if scale.convert(count, into: out, { integers[$0] }) { rounded = true }
        case .uint64:
            _ = try ParquetDeltaDecoder.decode(data, count: count, into: integers, is32: false)
            for i in 0..<count {
                let v = UInt64(bitPattern: integers[i])
                if v > 1 << 53 { rounded = true }
                out[i] = Double(v)
            }
        default:
            throw unsupported(.deltaBinaryPacked)
        }
    }

    /// PLAIN values; returns whether a 64-bit integer was rounded.
    ///
    /// - Complexity: O(`count`).
    private func plain(_ data: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Double>)
        throws(ParquetError.Kind) -> Bool
    {
        guard count > 0 else { return false }
        if case .binaryDecimal(let scale) = source {
            var i = 0
            try ParquetByteArrayDecoder.forEach(data, encoding: .plain, count: count, scratch: scratch) { bytes in
                out[i] =
                    bytes.baseAddress.map {
                        ParquetNumberSource.bigEndianDecimal($0, count: bytes.count, scale: scale)
                    } ?? 0
                i += 1
            }
            return false
        }
        guard let width else { return false }
        let needed = count * width
        guard needed <= data.count, let p = data.baseAddress else {
            throw .valuesPastEnd(needed: needed, available: data.count)
        }
        switch source {
        case .double:
            // Parquet is little-endian, as are the machines Swift runs on.
            UnsafeMutableRawPointer(out).copyMemory(from: p, byteCount: needed)
        case .float:
            for i in 0..<count {
                out[i] = Double(
                    Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
            }
        case .int32(let scale):
            _ = scale.convert(count, into: out) {
                Int64(Int32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)))
            }
        case .uint32:
            for i in 0..<count {
                out[i] = Double(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            }
        case .int64(let scale):
            return scale.convert(count, into: out) {
                Int64(littleEndian: p.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))
            }
        case .uint64:
            var far = false
            for i in 0..<count {
                let v = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
                far = far || v > 1 << 53
                out[i] = Double(v)
            }
            return far
        case .int96:
            for i in 0..<count { out[i] = ParquetNumberSource.int96Seconds(p + 12 * i) }
        case .float16:
            for i in 0..<count { out[i] = ParquetNumberSource.float16(p + width * i) }
        case .fixedDecimal(let scale):
            for i in 0..<count {
                out[i] = ParquetNumberSource.bigEndianDecimal(p + width * i, count: width, scale: scale)
            }
        case .binaryDecimal:
            break
        }
        return false
    }
}
