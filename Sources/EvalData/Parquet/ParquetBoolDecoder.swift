/// Decodes a BOOLEAN column's pages: PLAIN (one bit each, low bit first), RLE (the
/// hybrid at width 1 behind a 4-byte length, as version 2 pages write them), or a
/// dictionary.
struct ParquetBoolDecoder: ParquetValueDecoding {
    static var missingValue: Bool { false }

    private var dictionary: [Bool]?
    private let scratch = ParquetScratch()

    mutating func readDictionary(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetError.Kind) {
        guard count <= data.count * 8 else { throw .valuesPastEnd(needed: (count + 7) / 8, available: data.count) }
        var values = [Bool](repeating: false, count: count)
        try values.withUnsafeMutableBufferPointerTyped { (buffer) throws(ParquetError.Kind) in
            guard let base = buffer.baseAddress else { return }
            try Self.plain(data, count: count, into: base)
        }
        dictionary = values
    }

    mutating func decode(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<Bool>
    ) throws(ParquetError.Kind) {
        guard count > 0 else { return }
        switch encoding {
        case .plain:
            try Self.plain(data, count: count, into: out)
        case .rle:
            guard data.count >= 4 else { throw .valuesPastEnd(needed: 4, available: data.count) }
            let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
            guard length <= data.count - 4 else { throw .valuesPastEnd(needed: 4 + length, available: data.count) }
            var decoder = try ParquetHybridDecoder(
                UnsafeRawBufferPointer(rebasing: data[4..<(4 + length)]), width: 1, maximum: 1)
            let bits = scratch.values(UInt8.self, count: count)
            try decoder.decode(into: bits, count: count)
            // A repeated run stores its value in a whole byte; anything but 0 is true.
            for i in 0..<count { out[i] = bits[i] != 0 }
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw .missingDictionary }
            try dictionary.withUnsafeBufferPointerTyped { (values) throws(ParquetError.Kind) in
                try ParquetDictionaryIndices.forEachBatch(data, count: count, dictionaryCount: values.count) {
                    indices, at in
                    for i in 0..<indices.count { out[at + i] = values[Int(indices[i])] }
                }
            }
        default:
            throw .unsupportedEncoding(encoding: encoding.name, type: "BOOLEAN")
        }
    }

    private static func plain(_ data: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Bool>)
        throws(ParquetError.Kind)
    {
        let needed = (count + 7) / 8
        guard needed <= data.count else { throw .valuesPastEnd(needed: needed, available: data.count) }
        for i in 0..<count { out[i] = (data[i >> 3] >> UInt8(i & 7)) & 1 != 0 }
    }
}
