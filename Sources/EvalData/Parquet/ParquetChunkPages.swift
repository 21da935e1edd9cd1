/// One column chunk's bytes, read from the file, and its pages, found and checked.
///
/// Loading walks the page headers without decompressing anything: each header must
/// decode within the bytes left, each page's size must fit in the chunk, and the data
/// pages' value counts must add up to the chunk's rows, before any page is decoded.
/// The bytes live in a job's workspace, valid until the job gives it back.
struct ParquetChunkPages {
    /// A page's header and where its data starts.
    struct Page: Sendable {
        var header: ParquetPageHeader
        /// The page's number in the chunk (from 0, every kind of page counted).
        var number: Int
        /// The offset of the page's data in `bytes`.
        var dataStart: Int
        /// The offset of the page's header in the file.
        var fileOffset: Int
        var kind: ParquetPageType
    }

    var bytes: UnsafeRawBufferPointer
    /// The dictionary and data pages in order (index pages and unknown kinds are left out).
    var pages: [Page]

    /// Reads and walks the chunk of `rows` values at `chunk`'s offsets.
    ///
    /// `dataEnd` is where the file's column data ends (the footer's start). Errors carry
    /// the page (when there is one) but not the file, row group or column, which the
    /// caller adds.
    static func load(
        _ file: ParquetFile, chunk: ParquetMetadata.ColumnChunk, rows: Int64, dataEnd: Int, into scratch: ParquetScratch
    ) throws(ParquetError) -> ParquetChunkPages {
        func fail(_ kind: ParquetError.Kind, page: Int? = nil, offset: Int? = nil) -> ParquetError {
            ParquetError(file: "", page: page, offset: offset, kind: kind)
        }
        if let path = chunk.filePath { throw fail(.externalChunk(path: path)) }
        guard chunk.valueCount == rows else {
            throw fail(.chunkMismatch("it holds \(chunk.valueCount) values for \(rows) rows"))
        }
        // A chunk of no rows needs no pages (writers point it anywhere, even at byte 0).
        if rows == 0 { return ParquetChunkPages(bytes: UnsafeRawBufferPointer(scratch.bytes(0)), pages: []) }
        var start = chunk.dataPageOffset
        // Some writers set the dictionary offset to 0 when there is none.
        if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        let size = chunk.compressedSize
        guard start >= 4, size >= 0, size <= Int64(dataEnd), start <= Int64(dataEnd) - size else {
            throw fail(.chunkOutsideFile(offset: start, size: size, fileSize: file.size))
        }
        let base = Int(start)
        let buffer = scratch.bytes(Int(size))
        if let failure = file.read(offset: base, into: buffer) { throw fail(failure, offset: base) }
        let all = UnsafeRawBufferPointer(buffer)
        var pages: [Page] = []
        var at = 0
        var values: Int64 = 0
        var number = 0
        var sawData = false
        while values < rows {
            let offset = base + at
            guard at < all.count else {
                throw fail(.valueCountMismatch(found: values, expected: rows), page: number, offset: offset)
            }
            let header: ParquetPageHeader
            let headerLength: Int
            do throws(ThriftError) {
                (header, headerLength) = try ParquetPageHeader.decode(UnsafeRawBufferPointer(rebasing: all[at...]))
            } catch {
                throw fail(.badPageHeader(error), page: number, offset: offset)
            }
            let remaining = all.count - at - headerLength
            guard header.compressedSize >= 0, Int(header.compressedSize) <= remaining else {
                throw fail(
                    .pageSize(declared: Int(header.compressedSize), remaining: remaining), page: number,
                    offset: offset)
            }
            guard header.uncompressedSize >= 0 else {
                throw fail(.pageSize(declared: Int(header.uncompressedSize), remaining: remaining), page: number)
            }
            let page = Page(
                header: header, number: number, dataStart: at + headerLength, fileOffset: offset,
                kind: ParquetPageType(rawValue: header.type) ?? .indexPage)
            do throws(ParquetError.Kind) {
                let count = try check(page, sawData: sawData)
                values += count
                guard values <= rows else { throw .valueCountMismatch(found: values, expected: rows) }
            } catch {
                throw fail(error, page: number, offset: offset)
            }
            if page.kind == .dataPage || page.kind == .dataPageV2 { sawData = true }
            if page.kind != .indexPage { pages.append(page) }
            at += headerLength + Int(header.compressedSize)
            number += 1
        }
        return ParquetChunkPages(bytes: all, pages: pages)
    }

    /// Checks a page's own header; returns how many values (rows) it holds.
    private static func check(_ page: Page, sawData: Bool) throws(ParquetError.Kind) -> Int64 {
        let header = page.header
        switch page.kind {
        case .dictionaryPage:
            guard !sawData else { throw .dictionaryNotFirst }
            guard let dictionary = header.dictionary, dictionary.valueCount >= 0 else {
                throw .badPageHeader(.missingField(structure: "PageHeader", field: "dictionary_page_header"))
            }
            return 0
        case .dataPage:
            guard let data = header.dataV1 else {
                throw .badPageHeader(.missingField(structure: "PageHeader", field: "data_page_header"))
            }
            guard data.valueCount >= 0 else { throw .valueCountMismatch(found: Int64(data.valueCount), expected: 0) }
            return Int64(data.valueCount)
        case .dataPageV2:
            guard let data = header.dataV2 else {
                throw .badPageHeader(.missingField(structure: "PageHeader", field: "data_page_header_v2"))
            }
            guard data.repetitionBytes == 0 else { throw .repetitionLevels }
            guard data.valueCount >= 0, data.rowCount == data.valueCount, data.nullCount >= 0,
                data.nullCount <= data.valueCount
            else {
                throw .chunkMismatch(
                    "a page has \(data.valueCount) values, \(data.nullCount) nulls and \(data.rowCount) rows")
            }
            let levels = Int(data.definitionBytes)
            guard data.definitionBytes >= 0, levels <= Int(header.compressedSize),
                levels <= Int(header.uncompressedSize)
            else { throw .pageSize(declared: levels, remaining: Int(header.compressedSize)) }
            return Int64(data.valueCount)
        case .indexPage:
            return 0
        }
    }
}
