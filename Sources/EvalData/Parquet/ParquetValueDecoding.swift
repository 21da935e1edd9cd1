/// Decodes one column chunk's values of one kind (numbers, bools or string codes).
///
/// `ParquetChunkReader` owns the pages, decompression and definition levels, and asks
/// a decoder only for values: the dictionary page's, and each data page's present
/// values, densely, in the page's encoding. Errors are page-level; the reader adds
/// where.
protocol ParquetValueDecoding {
    associatedtype Element

    /// What a missing row holds (NaN, false, or code -1).
    static var missingValue: Element { get }

    /// Reads the dictionary page's `count` PLAIN values.
    mutating func readDictionary(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetError.Kind)

    /// Decodes the page's first `count` values into `out`.
    mutating func decode(
        _ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int, into out: UnsafeMutablePointer<Element>
    ) throws(ParquetError.Kind)

    /// Bytes per value when a PLAIN page's bytes are the output's bytes as they are
    /// (doubles), so a page may be decompressed straight into the output; otherwise `nil`.
    var directWidth: Int? { get }
}

extension ParquetValueDecoding {
    var directWidth: Int? { nil }
}

/// Dictionary indices of a data page: a bit width byte, then the RLE / bit-packed hybrid.
enum ParquetDictionaryIndices {
    /// Indices per batch; a batch lives on the stack.
    static let batch = 1024

    /// Calls `body(batch, offset)` with consecutive batches of the page's first `count`
    /// indices, each checked to be below `dictionaryCount`.
    ///
    /// - Complexity: O(`count` + runs).
    @inline(__always)
    static func forEachBatch(
        _ data: UnsafeRawBufferPointer, count: Int, dictionaryCount: Int,
        _ body: (UnsafeBufferPointer<UInt32>, Int) -> Void
    ) throws(ParquetError.Kind) {
        guard count > 0 else { return }
        guard data.count >= 1 else { throw .runPastEnd }
        var decoder = try ParquetHybridDecoder(
            UnsafeRawBufferPointer(rebasing: data[1...]), width: Int(data[0]), maximum: 32)
        var failure: ParquetError.Kind?
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: batch) { indices in
            guard let base = indices.baseAddress else { return }
            var done = 0
            while done < count {
                let k = min(batch, count - done)
                do throws(ParquetError.Kind) {
                    try decoder.decode(into: base, count: k)
                } catch {
                    failure = error
                    return
                }
                var largest: UInt32 = 0
                for i in 0..<k { largest = max(largest, base[i]) }
                guard Int(largest) < dictionaryCount else {
                    failure = .dictionaryIndexOutOfRange(index: Int(largest), count: dictionaryCount)
                    return
                }
                body(UnsafeBufferPointer(start: base, count: k), done)
                done += k
            }
        }
        if let failure { throw failure }
    }
}
