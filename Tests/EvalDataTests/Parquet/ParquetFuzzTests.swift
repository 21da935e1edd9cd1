import EvalData
import Foundation
import Testing

/// Mutated fixture files, thousands of them, seeded: each read gives a table or a
/// `ParquetError`, never a crash or a hang.
///
/// Every fixture is mutated `perFile` times in one of five ways: bytes flipped
/// anywhere, bytes flipped in the footer (where the lengths and offsets are), a
/// length-like field lie (a large varint written over the bytes), a truncation, and a
/// range of bytes deleted or repeated (which shifts every offset after it). A debug
/// build asserts every column's invariants as it is made, so a read that "succeeds"
/// with a broken column fails too. Each read is timed: work is bounded by the bytes,
/// so even the slowest case stays far below `maxSeconds`.
@Suite("Parquet: fuzzed files")
struct ParquetFuzzTests {
    static let perFile = 150
    static let maxSeconds = 5.0

    /// The fixture files, and hand-built files whose pages take the paths fixtures
    /// rarely do (several PLAIN pages decompressed straight into the table).
    static let inputs: [String] = {
        guard let folder = ParquetFixture.folder,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".parquet") }.sorted() + built.keys.sorted()
    }()

    static let built: [String: [UInt8]] = {
        typealias Pages = ParquetPageTests
        let rows = Int64(Pages.expected.count)
        return [
            "built: pages v1 snappy": ParquetTestFile.build(
                [Pages.column(codec: 1, compress: { ParquetTestFile.snappy($0) }, v2: false)], rows: rows),
            "built: pages v1 zstd": ParquetTestFile.build(
                [Pages.column(codec: 6, compress: ParquetTestFile.zstd, v2: false)], rows: rows),
            "built: pages v2 gzip": ParquetTestFile.build(
                [Pages.column(codec: 2, compress: ParquetTestFile.zlib, v2: true)], rows: rows),
            "built: pages v2 lz4": ParquetTestFile.build(
                [Pages.column(codec: 7, compress: ParquetTestFile.lz4, v2: true)], rows: rows),
        ]
    }()

    /// SplitMix64: small, seeded, the same on every machine.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// One mutation of `bytes`.
    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var b = bytes
        guard !b.isEmpty else { return b }
        switch random.below(5) {
        case 0:
            for _ in 0...random.below(8) { b[random.below(b.count)] ^= UInt8(1 + random.below(255)) }
        case 1:
            // The footer: the last 12 bytes' length names its start.
            let length = b.count >= 8 ? Int(b[b.count - 8]) | Int(b[b.count - 7]) << 8 | Int(b[b.count - 6]) << 16 : 0
            let start = max(0, b.count - 8 - min(length, b.count))
            for _ in 0...random.below(4) { b[start + random.below(b.count - start)] ^= UInt8(1 + random.below(255)) }
        case 2:
            let lies: [[UInt8]] = [
                [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x08], [0xFE, 0xFF, 0x03], [0x7F], [0x00],
            ]
            let lie = lies[random.below(lies.count)]
            let at = random.below(b.count)
            for (k, v) in lie.enumerated() where at + k < b.count { b[at + k] = v }
        case 3:
            b = Array(b.prefix(random.below(b.count)))
        default:
            let at = random.below(b.count)
            let n = min(1 + random.below(64), b.count - at)
            if random.below(2) == 0 {
                b.removeSubrange(at..<(at + n))
            } else {
                b.insert(contentsOf: b[at..<(at + n)], at: at)
            }
        }
        return b
    }

    @Test("every mutation of a fixture reads as a table or a ParquetError", arguments: inputs)
    func mutations(_ name: String) throws {
        let original =
            try Self.built[name] ?? [UInt8](Data(contentsOf: URL(fileURLWithPath: ParquetFixture.path(name))))
        var random = Random(state: 20_261_201 ^ UInt64(truncatingIfNeeded: name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let path = try ParquetTestFile.write([], name: "fuzz.parquet")
        var errors = 0
        var slowest = 0.0
        for case_ in 0..<Self.perFile {
            let mutated = Self.mutate(original, &random)
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            let start = Date()
            // Half the reads ask for the first column only, so `columns:` paths are fuzzed too.
            let columns: [String]? =
                case_ % 2 == 0 ? nil : (try? ParquetReader.columnNames(path: path)).map { Array($0.prefix(1)) }
            switch ParquetTest.read(path, columns: columns) {
            case .success(let read):
                for column in read.table.columns {
                    #expect(column.invariantViolations.isEmpty, "\(name) case \(case_)")
                }
            case .failure:
                errors += 1
            }
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        #expect(slowest < Self.maxSeconds, "\(name): slowest case took \(slowest) s")
        // Most mutations are caught; a few (a flipped value byte) still read.
        #expect(errors > 0, "\(name): no mutation was refused")
    }
}
