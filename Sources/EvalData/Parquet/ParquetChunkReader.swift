/// Decodes one column chunk, page by page, into its rows of the table's final buffers.
///
/// For each page: decompress it (version 2 pages keep their levels uncompressed in
/// front), decode the definition levels, then hand the present values to the value
/// decoder. A page with no missing value is decoded straight into the final buffer;
/// otherwise its values go to scratch and are spread over the rows, missing rows
/// getting the decoder's missing value and a mark in the mask. Every page's row count
/// is checked against the rows left before anything is written.
///
/// The mask is written only from the first page with a missing row on (the rows
/// before it marked present then), so a chunk without missing values never touches
/// it; `ParquetRun` fills the rows of such chunks when another chunk has some.
struct ParquetChunkReader {
    let pages: ParquetChunkPages
    let codec: Codec?
    let maxDefinition: Int
    private let pageScratch: ParquetScratch
    private let valueScratch: ParquetScratch
    let levelScratch: ParquetScratch

    init(pages: ParquetChunkPages, codec: Codec?, maxDefinition: Int, workspace: ParquetWorkspace) {
        self.pages = pages
        self.codec = codec
        self.maxDefinition = maxDefinition
        pageScratch = workspace.page
        valueScratch = workspace.values
        levelScratch = workspace.levels
    }

    /// Decodes every page into `out[0 ..< rows]` (and `missing`, when the column may have
    /// missing values); returns whether any row was missing, and so the mask written.
    ///
    /// - Complexity: O(rows + the chunk's bytes, compressed and not).
    func read<D: ParquetValueDecoding>(
        into out: UnsafeMutablePointer<D.Element>, missing: UnsafeMutablePointer<Bool>?, rows: Int,
        decoder: inout D
    ) throws(ParquetError) -> Bool {
        var row = 0
        var anyMissing = false
        let chunk = pages.bytes
        for page in pages.pages {
            do throws(ParquetError.Kind) {
                switch page.kind {
                case .dictionaryPage:
                    let data = try pageData(page, in: chunk)
                    let header = page.header.dictionary
                    let encoding = header.map(\.encoding) ?? ParquetEncoding.plain.rawValue
                    guard
                        encoding == ParquetEncoding.plain.rawValue
                            || encoding == ParquetEncoding.plainDictionary.rawValue
                    else {
                        throw .unsupportedEncoding(encoding: ParquetEncoding.name(encoding), type: "dictionary")
                    }
                    try decoder.readDictionary(data, count: Int(header?.valueCount ?? 0))
                case .dataPage, .dataPageV2:
                    if let width = decoder.directWidth,
                        let count = try direct(
                            page, in: chunk, out: UnsafeMutableRawPointer(out), row: row, rows: rows, width: width)
                    {
                        if anyMissing, let missing { (missing + row).update(repeating: false, count: count) }
                        row += count
                        continue
                    }
                    let page = try dataPage(page, in: chunk)
                    guard page.count <= rows - row else {
                        throw .valueCountMismatch(found: Int64(row + page.count), expected: Int64(rows))
                    }
                    let marks = anyMissing ? missing.map { $0 + row } : nil
                    if try spread(page, into: out + row, missing: marks, decoder: &decoder), !anyMissing {
                        // The first missing row: the rows before are present, and from
                        // here on every page writes its part of the mask.
                        anyMissing = true
                        if let missing {
                            missing.update(repeating: false, count: row)
                            try markPage(page, missing: missing + row)
                        }
                    }
                    row += page.count
                case .indexPage:
                    break
                }
            } catch {
                throw ParquetError(file: "", page: page.number, offset: page.fileOffset, kind: error)
            }
        }
        guard row == rows else {
            throw ParquetError(file: "", kind: .valueCountMismatch(found: Int64(row), expected: Int64(rows)))
        }
        return anyMissing
    }

    /// A data page ready for values: its row count, levels and value bytes.
    private struct DataPage {
        var count: Int
        var encoding: ParquetEncoding
        var values: UnsafeRawBufferPointer
        /// One level per row, or `nil` when the column has no levels.
        var levels: UnsafeMutablePointer<UInt8>?
        var present: Int
    }

    private func dataPage(_ page: ParquetChunkPages.Page, in chunk: UnsafeRawBufferPointer)
        throws(ParquetError.Kind) -> DataPage
    {
        let header = page.header
        let raw: Int32
        var values: UnsafeRawBufferPointer
        let count: Int
        var levelBytes: UnsafeRawBufferPointer?
        // Version 1 levels sit in front of the values, RLE behind a 4-byte length (or
        // BIT_PACKED); version 2 levels have their own bytes, their length in the header.
        var levelsFramed = false
        var levelsBitPacked = false
        let isV2 = page.kind == .dataPageV2
        if isV2, let v2 = header.dataV2 {
            raw = v2.encoding
            count = Int(v2.valueCount)
            let levelLength = Int(v2.definitionBytes)
            let start = page.dataStart
            let end = start + Int(header.compressedSize)
            levelBytes = UnsafeRawBufferPointer(rebasing: chunk[start..<(start + levelLength)])
            let stored = UnsafeRawBufferPointer(rebasing: chunk[(start + levelLength)..<end])
            if let codec, v2.isCompressed {
                let size = Int(header.uncompressedSize) - levelLength
                values = try decompress(stored, codec: codec, size: size)
            } else {
                values = stored
            }
        } else if let v1 = header.dataV1 {
            raw = v1.encoding
            count = Int(v1.valueCount)
            values = try pageData(page, in: chunk)
            if maxDefinition > 0 {
                guard
                    v1.definitionEncoding == ParquetEncoding.rle.rawValue
                        || v1.definitionEncoding == ParquetEncoding.bitPacked.rawValue
                else {
                    throw .unsupportedEncoding(
                        encoding: ParquetEncoding.name(v1.definitionEncoding), type: "definition level")
                }
                levelsFramed = v1.definitionEncoding == ParquetEncoding.rle.rawValue
                levelsBitPacked = !levelsFramed
                levelBytes = values
            }
        } else {
            throw .badPageHeader(.missingField(structure: "PageHeader", field: "data_page_header"))
        }
        guard let encoding = ParquetEncoding(rawValue: raw) else {
            throw .unsupportedEncoding(encoding: ParquetEncoding.name(raw), type: "data")
        }
        guard maxDefinition > 0, let levelBytes else {
            return DataPage(count: count, encoding: encoding, values: values, levels: nil, present: count)
        }
        let levels = levelScratch.values(UInt8.self, count: count)
        let (present, used, wrote) = try Self.decodeLevels(
            levelBytes, framed: levelsFramed, bitPacked: levelsBitPacked, count: count, maximum: maxDefinition,
            into: levels)
        if !isV2 { values = UnsafeRawBufferPointer(rebasing: values[used...]) }
        return DataPage(
            count: count, encoding: encoding, values: values, levels: wrote ? levels : nil, present: present)
    }

    /// Decodes definition levels; returns how many rows are present, the bytes used, and
    /// whether `levels` was written (not when every row is present).
    ///
    /// Version 1 pages frame RLE levels with a 4-byte length; version 2 pages give the
    /// length in the header. The deprecated BIT_PACKED levels are packed from the high bit.
    private static func decodeLevels(
        _ bytes: UnsafeRawBufferPointer, framed: Bool, bitPacked: Bool, count: Int, maximum: Int,
        into levels: UnsafeMutablePointer<UInt8>
    ) throws(ParquetError.Kind) -> (Int, Int, Bool) {
        let width = Int.bitWidth - maximum.leadingZeroBitCount
        if bitPacked {
            let needed = (count * width + 7) / 8
            guard needed <= bytes.count else { throw .valuesPastEnd(needed: needed, available: bytes.count) }
            var present = 0
            for i in 0..<count {
                var level = 0
                for b in 0..<width {
                    let bit = i * width + b
                    level = (level << 1) | Int((bytes[bit >> 3] >> (7 - UInt8(bit & 7))) & 1)
                }
                guard level <= maximum else { throw .levelAboveMaximum(level: level, maximum: maximum) }
                levels[i] = UInt8(truncatingIfNeeded: level)
                present += level == maximum ? 1 : 0
            }
            return (present, needed, true)
        }
        var start = 0
        var length = bytes.count
        if framed {
            guard bytes.count >= 4 else { throw .valuesPastEnd(needed: 4, available: bytes.count) }
            length = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
            start = 4
            guard length <= bytes.count - 4 else {
                throw .valuesPastEnd(needed: 4 + length, available: bytes.count)
            }
        }
        var decoder = try ParquetHybridDecoder(
            UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), width: width, maximum: 8)
        if count > 0, try decoder.skipRun(of: UInt64(maximum), count: count) { return (count, start + length, false) }
        let present = try decoder.decodeLevels(into: levels, count: count, maximum: maximum)
        return (present, start + length, true)
    }

    /// Decodes a page's values and spreads them over its rows; returns whether a row was missing.
    private func spread<D: ParquetValueDecoding>(
        _ page: DataPage, into out: UnsafeMutablePointer<D.Element>, missing: UnsafeMutablePointer<Bool>?,
        decoder: inout D
    ) throws(ParquetError.Kind) -> Bool {
        guard let levels = page.levels, page.present < page.count else {
            try decoder.decode(page.values, encoding: page.encoding, count: page.count, into: out)
            missing?.update(repeating: false, count: page.count)
            return false
        }
        let dense = valueScratch.values(D.Element.self, count: page.present)
        try decoder.decode(page.values, encoding: page.encoding, count: page.present, into: dense)
        let top = UInt8(truncatingIfNeeded: maxDefinition)
        var j = 0
        for i in 0..<page.count {
            if levels[i] == top {
                out[i] = dense[j]
                j += 1
            } else {
                out[i] = D.missingValue
            }
        }
        if let missing {
            for i in 0..<page.count { missing[i] = levels[i] != top }
        }
        return true
    }

    /// Writes the mask of a page whose levels `spread` has just used.
    private func markPage(_ page: DataPage, missing: UnsafeMutablePointer<Bool>) throws(ParquetError.Kind) {
        guard let levels = page.levels else { return missing.update(repeating: false, count: page.count) }
        let top = UInt8(truncatingIfNeeded: maxDefinition)
        for i in 0..<page.count { missing[i] = levels[i] != top }
    }

    /// A dictionary or version 1 data page's bytes, decompressed if the chunk is compressed.
    private func pageData(_ page: ParquetChunkPages.Page, in chunk: UnsafeRawBufferPointer)
        throws(ParquetError.Kind) -> UnsafeRawBufferPointer
    {
        let start = page.dataStart
        let stored = UnsafeRawBufferPointer(rebasing: chunk[start..<(start + Int(page.header.compressedSize))])
        guard let codec else { return stored }
        return try decompress(stored, codec: codec, size: Int(page.header.uncompressedSize))
    }

    private func decompress(_ stored: UnsafeRawBufferPointer, codec: Codec, size: Int)
        throws(ParquetError.Kind) -> UnsafeRawBufferPointer
    {
        guard size >= 0 else { throw .pageSize(declared: size, remaining: 0) }
        let target = pageScratch.bytes(size)
        try decompress(stored, codec: codec, into: target)
        return UnsafeRawBufferPointer(target)
    }

    func decompress(_ stored: UnsafeRawBufferPointer, codec: Codec, into target: UnsafeMutableRawBufferPointer)
        throws(ParquetError.Kind)
    {
        do throws(DecompressError) {
            try codec.decompress(stored, into: target)
        } catch {
            throw .decompression(error)
        }
    }
}
