import EvalData
import Foundation
import Testing

/// Files that lie in exactly one way, each refused with an error naming where.
@Suite("Parquet: malformed files")
struct ParquetMalformedTests {
    typealias File = ParquetTestFile

    /// Levels of a 4-row page where row 2 is missing: one bit-packed group, 1 1 0 1.
    static let levelsWithMissing = File.framed([0x03, 0x0B])
    /// Levels of a 4-row page with every row present: one RLE run of 1.
    static let levelsAllPresent = File.framed(File.repeated(1, count: 4, width: 1))

    /// `x`, INT64, 4 rows: 1, 2, missing, 4, in one PLAIN page.
    static func plainColumn(codec: Int32 = 0, compress: ([UInt8]) -> [UInt8] = { $0 }) -> File.Column {
        let raw = levelsWithMissing + File.int64s([1, 2, 4])
        return File.Column(
            name: "x", type: 2, codec: codec,
            pages: [File.Page(payload: compress(raw), valueCount: 4, uncompressedSize: Int32(raw.count))])
    }

    /// `x` with a dictionary page [10, 20] and one RLE_DICTIONARY page of `indices`.
    static func dictionaryColumn(indices: [UInt8]) -> File.Column {
        File.Column(
            name: "x", type: 2,
            pages: [
                File.Page(kind: .dictionary, payload: File.int64s([10, 20]), valueCount: 2),
                File.Page(payload: levelsAllPresent + indices, valueCount: 4, encoding: 8),
            ])
    }

    static func read(_ bytes: [UInt8], columns: [String]? = nil) throws -> Result<ParquetTable, ParquetError> {
        ParquetTest.read(try File.write(bytes), columns: columns)
    }

    static func error(_ bytes: [UInt8], columns: [String]? = nil) throws -> ParquetError? {
        if case .failure(let e) = try read(bytes, columns: columns) { return e }
        Issue.record("expected an error, but the file was read")
        return nil
    }

    @Test("a hand-built file reads, uncompressed and through every codec's stored form")
    func handBuilt() throws {
        let variants: [(Int32, ([UInt8]) -> [UInt8])] = [
            (0, { $0 }), (1, { File.snappy($0) }), (2, File.zlib), (6, File.zstd), (7, File.lz4),
        ]
        for (codec, compress) in variants {
            let table = try Self.read(File.build([Self.plainColumn(codec: codec, compress: compress)], rows: 4)).get()
            let x = try #require(table.table.column(named: "x"))
            #expect((0..<4).map { x[$0] } == [.number(1), .number(2), .missing, .number(4)], "codec \(codec)")
        }
        let dictionary = try Self.read(
            File.build([Self.dictionaryColumn(indices: [1] + File.repeated(1, count: 4, width: 1))], rows: 4)
        ).get()
        #expect(dictionary.table.column(named: "x")?.numbers == [20, 20, 20, 20])
    }

    @Test("bad magic says what the file looks like")
    func badMagic() throws {
        let text = try Self.error(Array("id,score\n1,0.5\n2,0.25\n".utf8))
        #expect(text?.kind == .notParquet(looksLike: .text))
        #expect(text?.help == "read it with `read_csv`")
        #expect(try Self.error([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])?.kind == .notParquet(looksLike: .gzip))
        #expect(try Self.error([])?.kind == .notParquet(looksLike: .empty))
        let message = try Self.error(Array("{\"a\": 1}".utf8))?.message
        #expect(message == "not a Parquet file (no PAR1 at its start and end): it looks like JSON")
    }

    @Test("a truncated or lying footer")
    func truncatedFooter() throws {
        let good = File.build([Self.plainColumn()], rows: 4)
        #expect(try Self.error(Array(good.dropLast(5)))?.kind == .noFooter)
        #expect(try Self.error(Array(good.prefix(good.count / 2)))?.kind == .noFooter)
        var lying = good
        for i in (lying.count - 8)..<(lying.count - 4) { lying[i] = 0x7F }
        #expect(try Self.error(lying)?.kind == .badFooterLength(length: 0x7F7F_7F7F, fileSize: good.count))
        var garbage = good
        let length = Int(good[good.count - 8]) | Int(good[good.count - 7]) << 8
        for i in (good.count - 8 - length)..<(good.count - 8) { garbage[i] = 0xFF }
        guard case .badMetadata? = try Self.error(garbage)?.kind else {
            Issue.record("expected malformed metadata")
            return
        }
        var encrypted = good
        encrypted.replaceSubrange((good.count - 4)..<good.count, with: Array("PARE".utf8))
        #expect(try Self.error(encrypted)?.kind == .encrypted)
    }

    @Test("a page header lying about its size names the row group, column and page")
    func pageHeaderLies() throws {
        var column = Self.plainColumn()
        column.pages[0].compressedSize = 10_000
        let error = try #require(try Self.error(File.build([column], rows: 4)))
        guard case .pageSize(let declared, _) = error.kind else {
            Issue.record("expected a page size error, got \(error)")
            return
        }
        #expect(declared == 10_000)
        #expect(error.rowGroup == 0 && error.column == "x" && error.page == 0 && error.offset == 4)
        #expect(
            error.description.hasPrefix(
                "\(error.file): row group 0, column `x`, page 0 (byte 4): the page header claims 10000 bytes"))
    }

    @Test("data decompressing to more than the page header declares")
    func largerThanDeclared() throws {
        let raw = Self.levelsWithMissing + File.int64s([1, 2, 4])
        for (codec, compress, name) in [
            (Int32(1), { File.snappy($0) } as ([UInt8]) -> [UInt8], Codec.snappy),
            (2, File.zlib, .gzip), (6, File.zstd, .zstd), (7, File.lz4, .lz4Raw),
        ] {
            var column = File.Column(
                name: "x", type: 2, codec: codec,
                pages: [File.Page(payload: compress(raw), valueCount: 4, uncompressedSize: Int32(raw.count - 8))])
            column.codec = codec
            let error = try #require(try Self.error(File.build([column], rows: 4)))
            guard case .decompression(let inner) = error.kind else {
                Issue.record("\(name): expected a decompression error, got \(error)")
                continue
            }
            #expect(inner.codec == name)
            switch inner.kind {
            case .largerThanDeclared, .sizeDisagrees, .corrupt: break
            default: Issue.record("\(name): unexpected \(inner)")
            }
            #expect(error.page == 0 && error.column == "x")
        }
    }

    @Test("a dictionary index out of range")
    func dictionaryIndexOutOfRange() throws {
        let error = try #require(
            try Self.error(
                File.build([Self.dictionaryColumn(indices: [2] + File.repeated(3, count: 4, width: 2))], rows: 4)))
        #expect(error.kind == .dictionaryIndexOutOfRange(index: 3, count: 2))
        #expect(error.page == 1 && error.rowGroup == 0 && error.column == "x")
    }

    @Test("bit widths over the maximum: dictionary indices and delta miniblocks")
    func bitWidthTooLarge() throws {
        let indices = try #require(try Self.error(File.build([Self.dictionaryColumn(indices: [65, 0, 0])], rows: 4)))
        #expect(indices.kind == .bitWidthTooLarge(width: 65, maximum: 32))
        // DELTA_BINARY_PACKED: block 128 in 4 miniblocks, 4 values, first 7; widths 65, 0, 0, 0.
        let delta =
            File.varint(128) + File.varint(4) + File.varint(4) + File.varint(14) + File.varint(0) + [65, 0, 0, 0]
        let column = File.Column(
            name: "x", type: 2, pages: [File.Page(payload: Self.levelsAllPresent + delta, valueCount: 4, encoding: 5)])
        let error = try #require(try Self.error(File.build([column], rows: 4)))
        #expect(error.kind == .bitWidthTooLarge(width: 65, maximum: 64))
        #expect(error.page == 0)
    }

    @Test("RLE and bit-packed runs past the end of the page")
    func runPastEnd() throws {
        // Indices: width 2, a bit-packed run claiming 100 groups with no byte behind it.
        let indices = try #require(
            try Self.error(File.build([Self.dictionaryColumn(indices: [2] + File.varint(201))], rows: 4)))
        #expect(indices.kind == .runPastEnd)
        #expect(indices.page == 1)
        // Levels: a bit-packed run of 100 groups in a 2-byte level section.
        let levels = File.framed(File.varint(201) + [0xFF])
        let column = File.Column(
            name: "x", type: 2, pages: [File.Page(payload: levels + File.int64s([1, 2, 3, 4]), valueCount: 40)])
        let error = try #require(try Self.error(File.build([column], rows: 40)))
        #expect(error.kind == .runPastEnd)
    }

    @Test("a file truncated, or rewritten, while it is read")
    func changedWhileRead() throws {
        let path = try File.write(File.build([Self.plainColumn()], rows: 4))
        var options = ParquetOptions()
        options.afterFooter = { truncate(path, 10) }
        let truncated = #expect(throws: ParquetError.self) { try ParquetReader.read(path: path, options: options) }
        guard case .fileChanged? = truncated?.kind else {
            Issue.record("expected the file to be reported changed, got \(String(describing: truncated))")
            return
        }
        #expect(truncated?.column == "x" && truncated?.rowGroup == 0)

        let second = try File.write(File.build([Self.plainColumn()], rows: 4))
        var touch = ParquetOptions()
        touch.afterFooter = {
            var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, second, &times, 0)
        }
        let rewritten = #expect(throws: ParquetError.self) { try ParquetReader.read(path: second, options: touch) }
        #expect(rewritten?.kind == .fileChanged(reason: "it was modified"))
    }

    @Test("not a file, a column that is not there, a codec Debian lacks")
    func otherRefusals() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(ParquetTest.read(folder).failure?.kind == .cannotRead(reason: "is a directory"))
        #expect(ParquetTest.read("/dev/null").failure?.kind == .notARegularFile)
        let good = File.build([Self.plainColumn()], rows: 4)
        #expect(try Self.error(good, columns: ["y"])?.kind == .unknownColumn(name: "y", available: ["x"]))
        #expect(try Self.error(good, columns: ["x", "x"])?.kind == .duplicateColumn("x"))
        var lzo = Self.plainColumn()
        lzo.codec = 3
        #expect(try Self.error(File.build([lzo], rows: 4))?.kind == .unsupportedCodec("LZO"))
        #expect(try Self.read(good, columns: []).get().table.columnCount == 0)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
