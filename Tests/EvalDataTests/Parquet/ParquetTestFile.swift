import EvalData
import Foundation

/// Builds small Parquet files byte by byte, so a test can make a page lie in exactly one way.
///
/// One row group; each column's pages are given as stored (already compressed), with
/// headers whose sizes and counts default to the truth and can be overridden.
enum ParquetTestFile {
    /// Thrift's compact protocol, the encoding of footers and page headers.
    struct Thrift {
        var bytes: [UInt8] = []
        private var last: [Int16] = [0]

        mutating func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

        mutating func field(_ id: Int16, _ type: UInt8) {
            let delta = id - (last.last ?? 0)
            if delta > 0, delta <= 15 {
                bytes.append(UInt8(delta) << 4 | type)
            } else {
                bytes.append(type)
                zigzag(Int64(id))
            }
            last[last.count - 1] = id
        }

        mutating func i32(_ id: Int16, _ v: Int32) {
            field(id, 5)
            zigzag(Int64(v))
        }

        mutating func i64(_ id: Int16, _ v: Int64) {
            field(id, 6)
            zigzag(v)
        }

        mutating func bool(_ id: Int16, _ v: Bool) { field(id, v ? 1 : 2) }

        mutating func binary(_ id: Int16, _ v: [UInt8]) {
            field(id, 8)
            varint(UInt64(v.count))
            bytes += v
        }

        mutating func string(_ id: Int16, _ v: String) { binary(id, Array(v.utf8)) }

        /// A structure field: `body` writes its fields.
        mutating func structure(_ id: Int16, _ body: (inout Thrift) -> Void) {
            field(id, 12)
            element(body)
        }

        /// A structure as a list element (no field header).
        mutating func element(_ body: (inout Thrift) -> Void) {
            last.append(0)
            body(&self)
            bytes.append(0)
            last.removeLast()
        }

        mutating func list(_ id: Int16, type: UInt8, count: Int) {
            field(id, 9)
            if count < 15 {
                bytes.append(UInt8(count) << 4 | type)
            } else {
                bytes.append(0xF0 | type)
                varint(UInt64(count))
            }
        }
    }

    /// One page as stored, with the header fields a test may make lie.
    struct Page {
        enum Kind { case v1, v2, dictionary }
        var kind: Kind = .v1
        var payload: [UInt8]
        var valueCount: Int32
        var encoding: Int32 = 0
        var uncompressedSize: Int32?
        var compressedSize: Int32?
        /// Version 2 pages: the uncompressed definition levels at the payload's start.
        var definitionBytes: Int32 = 0
        var nullCount: Int32 = 0
        var isCompressed = true

        func header() -> [UInt8] {
            var t = Thrift()
            t.element { t in
                t.i32(1, kind == .v1 ? 0 : kind == .dictionary ? 2 : 3)
                t.i32(2, uncompressedSize ?? Int32(payload.count))
                t.i32(3, compressedSize ?? Int32(payload.count))
                switch kind {
                case .v1:
                    t.structure(5) { t in
                        t.i32(1, valueCount)
                        t.i32(2, encoding)
                        t.i32(3, 3)
                        t.i32(4, 3)
                    }
                case .dictionary:
                    t.structure(7) { t in
                        t.i32(1, valueCount)
                        t.i32(2, encoding)
                    }
                case .v2:
                    t.structure(8) { t in
                        t.i32(1, valueCount)
                        t.i32(2, nullCount)
                        t.i32(3, valueCount)
                        t.i32(4, encoding)
                        t.i32(5, definitionBytes)
                        t.i32(6, 0)
                        t.bool(7, isCompressed)
                    }
                }
            }
            return t.bytes
        }
    }

    /// One flat column and its pages.
    struct Column {
        var name: String
        /// Physical type: 0 BOOLEAN, 1 INT32, 2 INT64, 5 DOUBLE, 6 BYTE_ARRAY.
        var type: Int32
        var optional = true
        var convertedType: Int32?
        var codec: Int32 = 0
        var pages: [Page]
    }

    /// The whole file: magic, pages, footer, footer length, magic.
    static func build(_ columns: [Column], rows: Int64) -> [UInt8] {
        var file = Array("PAR1".utf8)
        var chunks: [(offset: Int64, dictionary: Int64?, size: Int64)] = []
        for column in columns {
            let start = Int64(file.count)
            var dictionary: Int64?
            var data: Int64?
            for page in column.pages {
                if page.kind == .dictionary {
                    dictionary = dictionary ?? Int64(file.count)
                } else {
                    data = data ?? Int64(file.count)
                }
                file += page.header() + page.payload
            }
            chunks.append((data ?? start, dictionary, Int64(file.count) - start))
        }
        var t = Thrift()
        t.element { t in
            t.i32(1, 1)
            t.list(2, type: 12, count: columns.count + 1)
            t.element { t in
                t.string(4, "schema")
                t.i32(5, Int32(columns.count))
            }
            for column in columns {
                t.element { t in
                    t.i32(1, column.type)
                    t.i32(3, column.optional ? 1 : 0)
                    t.string(4, column.name)
                    if let converted = column.convertedType { t.i32(6, converted) }
                }
            }
            t.i64(3, rows)
            t.list(4, type: 12, count: 1)
            t.element { t in
                t.list(1, type: 12, count: columns.count)
                for (column, chunk) in zip(columns, chunks) {
                    t.element { t in
                        t.i64(2, chunk.offset)
                        t.structure(3) { t in
                            t.i32(1, column.type)
                            t.list(2, type: 5, count: 1)
                            t.zigzag(0)
                            t.list(3, type: 8, count: 1)
                            t.varint(UInt64(column.name.utf8.count))
                            t.bytes += Array(column.name.utf8)
                            t.i32(4, column.codec)
                            t.i64(5, rows)
                            t.i64(6, chunk.size)
                            t.i64(7, chunk.size)
                            t.i64(9, chunk.offset)
                            if let d = chunk.dictionary { t.i64(11, d) }
                        }
                    }
                }
                t.i64(2, chunks.reduce(0) { $0 + $1.size })
                t.i64(3, rows)
            }
        }
        file += t.bytes
        let length = UInt32(t.bytes.count)
        file += (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
        file += Array("PAR1".utf8)
        return file
    }

    // MARK: Payloads

    static func int64s(_ values: [Int64]) -> [UInt8] {
        values.flatMap { v in (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    }

    static func int32s(_ values: [Int32]) -> [UInt8] {
        values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    }

    static func varint(_ v: UInt64) -> [UInt8] {
        var t = Thrift()
        t.varint(v)
        return t.bytes
    }

    /// An RLE run of `count` copies of `value` in the hybrid encoding, `width` bits wide.
    static func repeated(_ value: UInt64, count: Int, width: Int) -> [UInt8] {
        varint(UInt64(count) << 1) + (0..<((width + 7) / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// Definition levels of a version 1 page: RLE behind their 4-byte length.
    static func framed(_ levels: [UInt8]) -> [UInt8] {
        int32s([Int32(levels.count)]) + levels
    }

    /// A snappy stream of literals only (valid, not compressed): the length, then
    /// literal elements of up to 60 bytes.
    static func snappy(_ data: [UInt8], claimedLength: Int? = nil) -> [UInt8] {
        var out = varint(UInt64(claimedLength ?? data.count))
        var at = 0
        while at < data.count {
            let n = min(60, data.count - at)
            out.append(UInt8(n - 1) << 2)
            out += data[at..<(at + n)]
            at += n
        }
        return out
    }

    /// A zlib stream of stored deflate blocks (valid, not compressed), with its Adler-32.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var at = 0
        repeat {
            let n = min(65_535, data.count - at)
            let final: UInt8 = at + n == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[at..<(at + n)]
            at += n
        } while at < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = (b << 16) | a
        out += (0..<4).map { UInt8(truncatingIfNeeded: adler >> (24 - 8 * $0)) }
        return out
    }

    /// A zstd frame of one raw block (valid, not compressed), without a content size.
    static func zstd(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
        // Frame header: single segment off, no checksum, no content size; window 1 MiB.
        out += [0x00, 0x50]
        let header = UInt32(data.count) << 3 | 1
        out += (0..<3).map { UInt8(truncatingIfNeeded: header >> (8 * $0)) }
        return out + data
    }

    /// An LZ4 block of literals only (valid, not compressed).
    static func lz4(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        if data.count < 15 {
            out.append(UInt8(data.count) << 4)
        } else {
            out.append(0xF0)
            var rest = data.count - 15
            while rest >= 255 {
                out.append(255)
                rest -= 255
            }
            out.append(UInt8(rest))
        }
        return out + data
    }

    /// Writes bytes to a fresh file in a temporary folder; returns its path.
    static func write(_ bytes: [UInt8], name: String = "test.parquet") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-parquet-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
