import EvalData
import Foundation
import Testing

/// `Codec` decompresses each format to exactly the declared size, or says why not.
@Suite("Codecs")
struct CodecTests {
    static let text = Array("evalbook reads parquet; evalbook reads parquet; evalbook reads parquet!".utf8)

    /// The text compressed by pyarrow 26 (`pa.compress(text, codec=…)`), so real
    /// compressed streams are decoded, not only the stored forms the tests write.
    static let compressed: [(Codec, String)] = [
        (.brotli, "1b460000045438244d856b3498ff166410458cd215e69de8c52520c4874bc5f4e7199600"),
        (.gzip, "1f8b08000000000002034b2d4bcc49cacfcf56284a4d4c295628482c2a2c4d2db1564825495c110001887fd047000000"),
        (.zstd, "28b52ffd2047050100c86576616c626f6f6b20726561647320706172717565743b20210100bce61c03"),
        (.snappy, "475c6576616c626f6f6b20726561647320706172717565743b20b618000021"),
        (.lz4Raw, "ff096576616c626f6f6b20726561647320706172717565743b20180017507175657421"),
    ]

    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let a = it.next(), let b = it.next(), let v = UInt8(String([a, b]), radix: 16) { out.append(v) }
        return out
    }

    static func decompress(_ codec: Codec, _ input: [UInt8], size: Int) -> Result<[UInt8], DecompressError> {
        input.withUnsafeBytes { raw in
            do throws(DecompressError) {
                return .success(try codec.decompress(raw, expectedSize: size))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test("real streams of every codec decompress to the text")
    func realStreams() throws {
        for (codec, hex) in Self.compressed {
            #expect(try Self.decompress(codec, Self.bytes(hex), size: Self.text.count).get() == Self.text, "\(codec)")
        }
    }

    @Test("a declared size other than the stream's is an error, whichever way it is off")
    func wrongSizes() {
        for (codec, hex) in Self.compressed {
            let input = Self.bytes(hex)
            let small = Self.decompress(codec, input, size: Self.text.count - 5)
            let large = Self.decompress(codec, input, size: Self.text.count + 5)
            #expect((try? small.get()) == nil, "\(codec) larger than declared")
            #expect((try? large.get()) == nil, "\(codec) smaller than declared")
            if case .failure(let e) = small, codec == .gzip || codec == .zstd || codec == .brotli {
                #expect(e.kind == .largerThanDeclared(declared: Self.text.count - 5), "\(codec)")
            }
            if case .failure(let e) = large, codec == .gzip || codec == .zstd || codec == .brotli {
                #expect(
                    e.kind == .smallerThanDeclared(declared: Self.text.count + 5, actual: Self.text.count), "\(codec)")
            }
        }
        let snappy = Self.decompress(.snappy, ParquetTestFile.snappy(Self.text), size: 10)
        #expect(snappy.failure?.kind == .sizeDisagrees(declared: 10, found: Self.text.count))
    }

    @Test("corrupt and truncated streams are errors")
    func corrupt() {
        for (codec, hex) in Self.compressed {
            var input = Self.bytes(hex)
            input[input.count / 2] ^= 0xFF
            input[input.count / 3] ^= 0x5A
            if case .success(let out) = Self.decompress(codec, input, size: Self.text.count) {
                // A flip inside a literal can still decode; it must not give the text back.
                #expect(out != Self.text || codec == .lz4Raw, "\(codec)")
            }
            let cut = Array(Self.bytes(hex).prefix(10))
            #expect((try? Self.decompress(codec, cut, size: Self.text.count).get()) == nil, "\(codec) truncated")
        }
        #expect(Self.decompress(.zstd, [], size: 4).failure != nil)
    }

    @Test("LZ4 in Hadoop's framing, and a raw block under the same name")
    func lz4Hadoop() throws {
        let block = ParquetTestFile.lz4(Self.text)
        let size = UInt32(Self.text.count)
        func bigEndian(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - 8 * $0)) } }
        let framed = bigEndian(size) + bigEndian(UInt32(block.count)) + block
        #expect(try Self.decompress(.lz4Hadoop, framed, size: Self.text.count).get() == Self.text)
        #expect(try Self.decompress(.lz4Hadoop, block, size: Self.text.count).get() == Self.text)
    }

    @Test("streams of unknown size grow up to a limit")
    func limit() throws {
        let big = [UInt8](repeating: 7, count: 200_000)
        let zlib = ParquetTestFile.zlib(big)
        let out = zlib.withUnsafeBytes { raw in
            Result { () throws(DecompressError) in try Codec.gzip.decompress(raw, limit: 1 << 20) }
        }
        #expect(try out.get() == big)
        let capped = zlib.withUnsafeBytes { raw in
            Result { () throws(DecompressError) in try Codec.gzip.decompress(raw, limit: 1000) }
        }
        #expect(capped.failure?.kind == .overLimit(limit: 1000))
        let zstd = ParquetTestFile.zstd(Array(big.prefix(100_000)))
        let z = zstd.withUnsafeBytes { raw in
            Result { () throws(DecompressError) in try Codec.zstd.decompress(raw, limit: 1 << 20) }
        }
        #expect(try z.get().count == 100_000)
        let lz4 = [UInt8]().withUnsafeBytes { raw in
            Result { () throws(DecompressError) in try Codec.lz4Raw.decompress(raw, limit: 10) }
        }
        #expect(lz4.failure?.kind == .sizeRequired)
    }
}
