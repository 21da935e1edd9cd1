/// Decodes a string column's pages into codes of a byte dictionary, never a `String` per value.
///
/// Codes are assigned in order of first appearance in the chunk: a dictionary page's
/// values get codes only when a row first uses them (so an unused entry costs
/// nothing, and the chunk's codes merge across row groups into the file's
/// first-appearance order, as the CSV reader's do). PLAIN and delta-encoded values
/// are hashed in place and looked up. Bytes stay bytes here: checking UTF-8, or
/// writing binary as hex, happens once per distinct value (see `ParquetTextForm`).
struct ParquetStringDecoder: ParquetValueDecoding {
    static var missingValue: Int32 { -1 }

    /// The chunk's distinct values, by code.
    private(set) var values = ByteDictionary()
    /// Bytes per value for FIXED_LEN_BYTE_ARRAY columns; 0 for BYTE_ARRAY.
    let typeLength: Int
    private var entryBytes: [UInt8] = []
    /// Entry `i` spans `entryEnds[i] ..< entryEnds[i + 1]` of `entryBytes`.
    private var entryEnds: [Int] = [0]
    /// The code of each entry, -1 until a row uses it.
    private var entryCodes: [Int32] = []
    private var hasDictionary = false
    private let scratch = ParquetScratch()

    init(typeLength: Int) {
        self.typeLength = typeLength
    }

    /// The code of a value, adding it if new.
    @inline(__always)
    private mutating func code(_ bytes: UnsafeRawBufferPointer) throws(ParquetError.Kind) -> Int32 {
        let p = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        return try withUnsafePointer(to: UInt8(0)) { (empty) throws(ParquetError.Kind) -> Int32 in
            let base = p ?? empty
            let hash = ByteDictionary.hash(base, count: bytes.count)
            if let code = values.find(base, count: bytes.count, hash: hash) { return code }
            guard let code = values.insert(base, count: bytes.count, hash: hash) else { throw .tooManyStrings }
            return code
        }
    }

    mutating func readDictionary(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetError.Kind) {
        let least = typeLength > 0 ? typeLength : 4
        guard count <= data.count / least else { throw .valuesPastEnd(needed: count * least, available: data.count) }
        entryBytes = []
        entryEnds = [0]
        entryEnds.reserveCapacity(count + 1)
        var collected: [UInt8] = []
        var ends: [Int] = [0]
        try forEachValue(data, encoding: .plain, count: count) { (bytes) throws(ParquetError.Kind) in
            collected.append(contentsOf: bytes)
            ends.append(collected.count)
        }
        entryBytes = collected
        entryEnds = ends
        entryCodes = [Int32](repeating: -1, count: count)
        hasDictionary = true
    }

    mutating func decode(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<Int32>
    ) throws(ParquetError.Kind) {
        guard count > 0 else { return }
        switch encoding {
        case .plainDictionary, .rleDictionary:
            guard hasDictionary else { throw .missingDictionary }
            var failure: ParquetError.Kind?
            let entries = entryCodes.count
            try ParquetDictionaryIndices.forEachBatch(data, count: count, dictionaryCount: entries) { indices, at in
                for i in 0..<indices.count {
                    let index = Int(indices[i])
                    var c = entryCodes[index]
                    if c < 0 {
                        do throws(ParquetError.Kind) { c = try entryCode(index) } catch {
                            failure = failure ?? error
                            c = 0
                        }
                    }
                    out[at + i] = c
                }
            }
            if let failure { throw failure }
        default:
            var i = 0
            try forEachValue(data, encoding: encoding, count: count) { (bytes) throws(ParquetError.Kind) in
                out[i] = try code(bytes)
                i += 1
            }
        }
    }

    /// The code of dictionary entry `index`, given on its first use.
    private mutating func entryCode(_ index: Int) throws(ParquetError.Kind) -> Int32 {
        let (start, end) = (entryEnds[index], entryEnds[index + 1])
        let c = try entryBytes.withUnsafeBytesTyped { (all) throws(ParquetError.Kind) -> Int32 in
            try code(UnsafeRawBufferPointer(rebasing: all[start..<end]))
        }
        entryCodes[index] = c
        return c
    }

    /// Each value's bytes: length-prefixed or delta-encoded BYTE_ARRAY, or fixed-length slices.
    private func forEachValue(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int,
        _ body: (UnsafeRawBufferPointer) throws(ParquetError.Kind) -> Void
    ) throws(ParquetError.Kind) {
        guard typeLength > 0 else {
            return try ParquetByteArrayDecoder.forEach(data, encoding: encoding, count: count, scratch: scratch, body)
        }
        let needed = count * typeLength
        guard needed <= data.count else { throw .valuesPastEnd(needed: needed, available: data.count) }
        switch encoding {
        case .plain:
            for i in 0..<count {
                try body(UnsafeRawBufferPointer(rebasing: data[(i * typeLength)..<((i + 1) * typeLength)]))
            }
        case .byteStreamSplit:
            let joined = scratch.bytes(needed)
            for stream in 0..<typeLength {
                for i in 0..<count { joined[i * typeLength + stream] = data[stream * count + i] }
            }
            for i in 0..<count {
                try body(UnsafeRawBufferPointer(rebasing: joined[(i * typeLength)..<((i + 1) * typeLength)]))
            }
        default:
            throw .unsupportedEncoding(encoding: encoding.name, type: "FIXED_LEN_BYTE_ARRAY")
        }
    }

    /// Whether every distinct value is valid UTF-8 (ASCII is checked eight bytes at a time).
    ///
    /// - Complexity: O(bytes of the distinct values).
    func valuesAreUTF8() -> Bool {
        (0..<values.count).allSatisfy { c in
            values.withValue(c) { bytes in
                var i = 0
                let n = bytes.count
                guard let base = bytes.baseAddress else { return true }
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                while i < n, base[i] < 0x80 { i += 1 }
                return i == n || String(validating: bytes, as: UTF8.self) != nil
            }
        }
    }
}
