import EvalData
import Testing

/// Page layouts that take different paths through the reader: PLAIN doubles
/// decompressed straight into the table (version 1 and 2 pages), a page whose levels
/// mark a missing row falling back, and the deprecated BIT_PACKED levels.
@Suite("Parquet: page paths")
struct ParquetPageTests {
    typealias File = ParquetTestFile

    static func doubles(_ values: [Double]) -> [UInt8] {
        File.int64s(values.map { Int64(bitPattern: $0.bitPattern) })
    }

    /// Levels of `count` rows, all present except `missingRow`, as RLE runs.
    static func levels(count: Int, missingRow: Int?) -> [UInt8] {
        guard let m = missingRow else { return File.repeated(1, count: count, width: 1) }
        return File.repeated(1, count: m, width: 1) + File.repeated(0, count: 1, width: 1)
            + File.repeated(1, count: count - m - 1, width: 1)
    }

    /// Three pages: 3 rows, 3 rows, then 100 rows with row 50 missing.
    static let pages: [(values: [Double], missing: Int?)] = [
        ([1.5, -2, 3], nil), ([4, 5, 6.25], nil), ((0..<99).map { Double($0) / 8 }, 50),
    ]

    static var expected: [Scalar] {
        var out: [Scalar] = []
        for page in pages {
            var values = page.values.map(Scalar.number)
            if let m = page.missing { values.insert(.missing, at: m) }
            out += values
        }
        return out
    }

    static func column(codec: Int32, compress: @escaping ([UInt8]) -> [UInt8], v2: Bool) -> File.Column {
        let built = pages.map { page -> File.Page in
            let count = page.values.count + (page.missing == nil ? 0 : 1)
            let levels = Self.levels(count: count, missingRow: page.missing)
            let values = Self.doubles(page.values)
            if v2 {
                return File.Page(
                    kind: .v2, payload: levels + compress(values), valueCount: Int32(count),
                    uncompressedSize: Int32(levels.count + values.count), definitionBytes: Int32(levels.count),
                    nullCount: page.missing == nil ? 0 : 1)
            }
            let raw = File.framed(levels) + values
            return File.Page(payload: compress(raw), valueCount: Int32(count), uncompressedSize: Int32(raw.count))
        }
        return File.Column(name: "d", type: 5, codec: codec, pages: built)
    }

    @Test("PLAIN doubles read through every codec, version 1 and 2 pages, with and without missing rows")
    func directPages() throws {
        let codecs: [(Int32, ([UInt8]) -> [UInt8])] = [
            (0, { $0 }), (1, { File.snappy($0) }), (2, File.zlib), (6, File.zstd), (7, File.lz4),
        ]
        let rows = Int64(Self.expected.count)
        for (codec, compress) in codecs {
            for v2 in [false, true] {
                let path = try File.write(
                    File.build([Self.column(codec: codec, compress: compress, v2: v2)], rows: rows))
                let table = try ParquetTest.read(path).get().table
                let d = try #require(table.column(named: "d"))
                #expect((0..<d.count).map { d[$0] } == Self.expected, "codec \(codec), v2 \(v2)")
                #expect(d.missingCount == 1)
            }
        }
    }

    @Test("the deprecated BIT_PACKED levels, packed from the high bit")
    func bitPackedLevels() throws {
        // Levels 1 0 1 1 as bits from the high end: 1011 0000.
        let page = File.Page(payload: [0b1011_0000] + File.int64s([7, 8, 9]), valueCount: 4)
        let column = File.Column(name: "x", type: 2, pages: [page])
        let bytes = File.build([column], rows: 4)
        // The builder writes RLE (3) as the level encoding; patch it to BIT_PACKED (4):
        // num_values 4, encoding 0, definition_level_encoding 3 → 4.
        let rle: [UInt8] = [0x15, 0x08, 0x15, 0x00, 0x15, 0x06]
        var patched = bytes
        let at = try #require(Self.find(rle, in: bytes))
        patched[at + 5] = 0x08
        let table = try ParquetTest.read(try File.write(patched)).get().table
        let x = try #require(table.column(named: "x"))
        #expect((0..<4).map { x[$0] } == [.number(7), .missing, .number(8), .number(9)])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
