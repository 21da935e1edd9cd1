import EvalData
import Foundation
import Testing

/// What a file's first bytes look like, and the footer's Thrift bounds as a user sees them.
@Suite("Parquet: file formats and footers")
struct ParquetFormatTests {
    @Test("sniffing names the common formats")
    func sniff() {
        let cases: [([UInt8], DataFileFormat)] = [
            (Array("PAR1".utf8) + [0, 0], .parquet),
            (Array("a,b\n1,2\n".utf8), .text),
            (Array("  {\"a\": 1}".utf8), .json),
            (Array("[1, 2]".utf8), .json),
            ([0x1F, 0x8B, 8, 0], .gzip),
            ([0x28, 0xB5, 0x2F, 0xFD, 0], .zstd),
            (Array("BZh9".utf8), .bzip2),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], .xz),
            ([0x50, 0x4B, 0x03, 0x04], .zip),
            (Array("ARROW1".utf8), .arrow),
            (Array("Obj".utf8) + [1], .avro),
            (Array("ORC".utf8), .orc),
            (Array("SQLite format 3".utf8) + [0], .sqlite),
            (Array("%PDF-1.7".utf8), .pdf),
            ([], .empty),
            ([0, 1, 2, 3, 0xFF], .binary),
            (Array("café,ü\n".utf8), .text),
        ]
        for (bytes, format) in cases { #expect(DataFileFormat.sniff(bytes) == format, "\(bytes)") }
        // A multi-byte character cut by the end of the prefix is still text.
        let long = Array(String(repeating: "é", count: 300).utf8)
        #expect(DataFileFormat.sniff(long) == .text)
    }

    /// A file whose footer is `metadata` (after `PAR1`).
    static func footer(_ metadata: [UInt8]) -> [UInt8] {
        let n = UInt32(metadata.count)
        return Array("PAR1".utf8) + metadata + (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
            + Array("PAR1".utf8)
    }

    static func metadataError(_ metadata: [UInt8]) throws -> ThriftError? {
        let path = try ParquetTestFile.write(Self.footer(metadata))
        guard case .failure(let e) = ParquetTest.read(path), case .badMetadata(let thrift) = e.kind else {
            Issue.record("expected malformed metadata")
            return nil
        }
        return thrift
    }

    @Test("the Thrift decoder bounds lengths, lists, integers and depth")
    func thriftBounds() throws {
        // Field 2 (schema) a list claiming 1,000 structures in 3 bytes.
        #expect(try Self.metadataError([0x29, 0xFC, 0xE8, 0x07, 0x00]) == .listTooLong(at: 1, count: 1000))
        // Field 6 (created_by) a string claiming 100 bytes.
        #expect(try Self.metadataError([0x68, 0x64, 0x00]) == .lengthPastEnd(at: 1, length: 100))
        // Field 3 (num_rows) a varint that never ends.
        #expect(try Self.metadataError([0x36] + [UInt8](repeating: 0xFF, count: 12)) == .varintTooLong(at: 1))
        // Structures inside structures, 40 deep.
        let deep = [UInt8](repeating: 0x1C, count: 40) + [UInt8](repeating: 0, count: 41)
        guard case .tooDeep? = try Self.metadataError(deep) else {
            Issue.record("expected too deep")
            return
        }
        // A type code the protocol does not have.
        #expect(try Self.metadataError([0x1D, 0x00]) == .unknownType(code: 13, at: 0))
        // A well-formed footer without the schema.
        #expect(
            try Self.metadataError([0x15, 0x02, 0x00]) == .missingField(structure: "FileMetaData", field: "schema"))
    }

    @Test("a malformed schema tree")
    func badSchema() throws {
        var t = ParquetTestFile.Thrift()
        t.element { t in
            t.list(2, type: 12, count: 1)
            t.element { t in
                t.string(4, "schema")
                t.i32(5, 3)
            }
            t.i64(3, 0)
            t.list(4, type: 12, count: 0)
        }
        let path = try ParquetTestFile.write(Self.footer(t.bytes))
        guard case .failure(let e) = ParquetTest.read(path), case .badSchema = e.kind else {
            Issue.record("expected a schema error")
            return
        }
    }
}
