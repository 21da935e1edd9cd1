extension ParquetChunkReader {
    /// Decompresses a PLAIN page of fixed-width values without missing rows straight into
    /// the output; returns its row count, or `nil` when the page takes the ordinary path.
    ///
    /// Saves a copy of every page's values (the largest cost of a read after the
    /// decompression itself). A version 2 page's values are compressed apart from its
    /// levels, so they decompress into their rows. A version 1 page compresses its
    /// levels in front of the values: its `prefix` bytes (the page's size less its
    /// values') decompress into the end of the previous page's rows, which are saved
    /// first and put back after, so only pages after a job's first qualify. A page
    /// whose levels turn out to mark a missing row is left to the ordinary path, which
    /// decodes it again and writes every one of its rows.
    func direct(
        _ page: ParquetChunkPages.Page, in chunk: UnsafeRawBufferPointer, out: UnsafeMutableRawPointer, row: Int,
        rows: Int, width: Int
    ) throws(ParquetError.Kind) -> Int? {
        guard let codec else { return nil }
        let header = page.header
        let start = page.dataStart
        let stored = UnsafeRawBufferPointer(rebasing: chunk[start..<(start + Int(header.compressedSize))])
        if page.kind == .dataPageV2, let v2 = header.dataV2 {
            let count = Int(v2.valueCount)
            let levels = Int(v2.definitionBytes)
            guard v2.isCompressed, v2.encoding == ParquetEncoding.plain.rawValue, v2.nullCount == 0,
                count <= rows - row, Int(header.uncompressedSize) - levels == count * width
            else { return nil }
            if maxDefinition > 0 {
                let bytes = UnsafeRawBufferPointer(rebasing: stored[0..<levels])
                var decoder = try ParquetHybridDecoder(bytes, width: 1, maximum: 8)
                guard maxDefinition == 1, count > 0, try decoder.skipRun(of: 1, count: count) else { return nil }
            }
            let target = UnsafeMutableRawBufferPointer(start: out + row * width, count: count * width)
            try decompress(UnsafeRawBufferPointer(rebasing: stored[levels...]), codec: codec, into: target)
            return count
        }
        guard page.kind == .dataPage, let v1 = header.dataV1, v1.encoding == ParquetEncoding.plain.rawValue else {
            return nil
        }
        let count = Int(v1.valueCount)
        let total = Int(header.uncompressedSize)
        let prefix = total - count * width
        guard count <= rows - row, prefix >= 0, prefix <= 64, prefix <= row * width,
            (maxDefinition == 0) == (prefix == 0)
        else { return nil }
        let target = UnsafeMutableRawBufferPointer(start: out + row * width - prefix, count: total)
        guard prefix > 0 else {
            try decompress(stored, codec: codec, into: target)
            return count
        }
        // RLE levels are a 4-byte length and at least one run: anything shorter is not them.
        guard maxDefinition == 1, v1.definitionEncoding == ParquetEncoding.rle.rawValue, prefix > 4 else {
            return nil
        }
        let spare = levelScratch.bytes(2 * prefix)
        let saved = UnsafeMutableRawBufferPointer(rebasing: spare[0..<prefix])
        let levels = UnsafeMutableRawBufferPointer(rebasing: spare[prefix..<(2 * prefix)])
        saved.copyMemory(from: UnsafeRawBufferPointer(rebasing: target[0..<prefix]))
        defer { target.baseAddress?.copyMemory(from: UnsafeRawPointer(saved.baseAddress ?? out), byteCount: prefix) }
        try decompress(stored, codec: codec, into: target)
        levels.copyMemory(from: UnsafeRawBufferPointer(rebasing: target[0..<prefix]))
        let length = Int(UInt32(littleEndian: UnsafeRawBufferPointer(levels).loadUnaligned(as: UInt32.self)))
        guard length == prefix - 4 else { return nil }
        var decoder = try ParquetHybridDecoder(UnsafeRawBufferPointer(rebasing: levels[4...]), width: 1, maximum: 8)
        // A run of the top level over every row: no row is missing, the values are in place.
        guard count > 0, try decoder.skipRun(of: 1, count: count) else { return nil }
        return count
    }
}
