/// The parts of `Codec` that call no C: buffers of a declared or unknown size, Hadoop's
/// LZ4 framing, and the exact-size checks of stream formats. Every library call they
/// make goes through `Codec.swift`.
extension Codec {
    /// Decompresses all of `input` into a new array of exactly `expectedSize` bytes.
    ///
    /// - Complexity: O(`input.count` + `expectedSize`).
    package func decompress(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws(DecompressError) -> [UInt8] {
        guard expectedSize >= 0 else { throw DecompressError(codec: self, kind: .sizeRequired) }
        var failure: DecompressError?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 1)) { buffer, count in
            do throws(DecompressError) {
                try decompress(
                    input,
                    into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<expectedSize])))
                count = expectedSize
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Decompresses a whole stream whose size is not known beforehand, up to `limit` bytes.
    ///
    /// For files (a `.csv.gz`, say): GZIP, ZSTD and BROTLI streams end themselves, and
    /// SNAPPY records its size; LZ4 blocks do not, so they need `decompress(_:expectedSize:)`.
    ///
    /// - Complexity: O(`input.count` + the output's size).
    package func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(DecompressError) -> [UInt8] {
        switch self {
        case .snappy:
            guard let length = Codec.snappyLength(input) else {
                throw DecompressError(codec: self, kind: .corrupt(detail: nil))
            }
            guard length <= limit else { throw DecompressError(codec: self, kind: .overLimit(limit: limit)) }
            return try decompress(input, expectedSize: length)
        case .lz4Raw, .lz4Hadoop:
            throw DecompressError(codec: self, kind: .sizeRequired)
        case .gzip, .zstd, .brotli:
            var size = min(max(input.count * 4, 1 << 16), limit)
            // Grow by doubling until the stream ends inside the buffer or passes the limit.
            while true {
                var failure: DecompressError?
                var ended = false
                let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                    do throws(DecompressError) {
                        let produced = try Codec.stream(self, input, into: UnsafeMutableRawBufferPointer(buffer))
                        count = produced ?? 0
                        ended = produced != nil
                    } catch {
                        failure = error
                        count = 0
                    }
                }
                if let failure { throw failure }
                if ended { return out }
                guard size < limit else { throw DecompressError(codec: self, kind: .overLimit(limit: limit)) }
                size = size > limit / 2 ? limit : size * 2
            }
        }
    }

    /// Hadoop's framing: blocks of (big-endian decompressed size, compressed size, LZ4 block).
    ///
    /// Returns false when the input is not in that framing or does not fill `output`
    /// exactly, so the caller can try a raw block instead.
    static func lz4Hadoop(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        var inAt = 0
        var outAt = 0
        func bigEndian32(_ at: Int) -> Int {
            (0..<4).reduce(0) { ($0 << 8) | Int(input[at + $1]) }
        }
        while input.count - inAt >= 8 {
            let decompressed = bigEndian32(inAt)
            let compressed = bigEndian32(inAt + 4)
            inAt += 8
            guard compressed <= input.count - inAt, decompressed <= output.count - outAt else { return false }
            let block = UnsafeRawBufferPointer(rebasing: input[inAt..<(inAt + compressed)])
            let target = UnsafeMutableRawBufferPointer(rebasing: output[outAt..<(outAt + decompressed)])
            do throws(DecompressError) {
                try lz4Block(block, into: target, codec: .lz4Hadoop)
            } catch {
                return false
            }
            inAt += compressed
            outAt += decompressed
        }
        return inAt == input.count && outAt == output.count
    }

    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError)
    {
        switch try stream(.gzip, input, into: output) {
        case output.count?: return
        case let produced?:
            throw DecompressError(codec: .gzip, kind: .smallerThanDeclared(declared: output.count, actual: produced))
        case nil:
            throw DecompressError(codec: .gzip, kind: .largerThanDeclared(declared: output.count))
        }
    }

    static func brotli(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError)
    {
        switch try stream(.brotli, input, into: output) {
        case output.count?: return
        case let produced?:
            throw DecompressError(codec: .brotli, kind: .smallerThanDeclared(declared: output.count, actual: produced))
        case nil:
            throw DecompressError(codec: .brotli, kind: .largerThanDeclared(declared: output.count))
        }
    }

    /// Runs a self-terminating stream into `output`: the bytes produced when the stream
    /// ended within it, or `nil` when it would produce more than `output` holds.
    static func stream(
        _ codec: Codec, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    )
        throws(DecompressError) -> Int?
    {
        switch codec {
        case .gzip: try Codec.inflateStream(input, into: output)
        case .brotli: try Codec.brotliStream(input, into: output)
        default: try Codec.zstdStream(input, into: output)
        }
    }
}
