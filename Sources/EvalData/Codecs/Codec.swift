import CCodecs

/// A compression format, and the one place Evalbook calls the C decompression libraries.
///
/// Every call into zstd, snappy, lz4, zlib and brotli is in this file, so this is the
/// file to read to check that no library writes past a buffer: each is given the exact
/// capacity of its output, and each result is checked against the size the caller
/// declared (a Parquet page header says how large its page decompresses to; a reader
/// of whole compressed files gives a limit instead). Errors are `DecompressError`s.
/// What needs no library call (arrays of a declared or unknown size, Hadoop's LZ4
/// framing) is in `Codec+Sizes.swift`.
///
/// The libraries are Debian's `libzstd-dev`, `libsnappy-dev`, `liblz4-dev`,
/// `zlib1g-dev` and `libbrotli-dev`, through the `CCodecs` system-library target.
package enum Codec: String, Sendable, Equatable, CaseIterable {
    case snappy
    /// Deflate with a gzip (or zlib) header; concatenated gzip members are read in turn.
    case gzip
    case zstd
    /// An LZ4 block with no framing (Parquet's `LZ4_RAW`).
    case lz4Raw
    /// LZ4 blocks each behind big-endian sizes, as Hadoop writes them (Parquet's deprecated
    /// `LZ4`); a raw block is accepted too, as some writers put one under that name.
    case lz4Hadoop
    case brotli

    /// The name users see, as Parquet's metadata spells it.
    package var displayName: String {
        switch self {
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        case .lz4Hadoop: "LZ4"
        case .brotli: "BROTLI"
        }
    }

    /// Decompresses all of `input` into exactly `output.count` bytes, the declared size.
    ///
    /// Never writes outside `output`. Data that decompresses to a different size is an
    /// error, with whether it was larger or smaller.
    ///
    /// - Complexity: O(`input.count` + `output.count`).
    package func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError)
    {
        switch self {
        case .snappy: try Codec.snappy(input, into: output)
        case .gzip: try Codec.inflate(input, into: output)
        case .zstd: try Codec.zstd(input, into: output)
        case .lz4Raw: try Codec.lz4Block(input, into: output, codec: .lz4Raw)
        case .lz4Hadoop:
            if !Codec.lz4Hadoop(input, into: output) { try Codec.lz4Block(input, into: output, codec: .lz4Hadoop) }
        case .brotli: try Codec.brotli(input, into: output)
        }
    }

    // MARK: Exact sizes (the library calls)

    private static func snappy(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError)
    {
        try withBases(input, output) { (src, dst) throws(DecompressError) in
            let source = src.assumingMemoryBound(to: CChar.self)
            var length = 0
            guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK else {
                throw DecompressError(codec: .snappy, kind: .corrupt(detail: "no valid length"))
            }
            guard length == output.count else {
                throw DecompressError(codec: .snappy, kind: .sizeDisagrees(declared: output.count, found: length))
            }
            var produced = output.count
            guard
                snappy_uncompress(source, input.count, dst.assumingMemoryBound(to: CChar.self), &produced) == SNAPPY_OK
            else { throw DecompressError(codec: .snappy, kind: .corrupt(detail: nil)) }
            guard produced == output.count else {
                throw DecompressError(
                    codec: .snappy, kind: .smallerThanDeclared(declared: output.count, actual: produced))
            }
        }
    }

    private static func zstd(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError)
    {
        let result = withBases(input, output) { src, dst in
            ZSTD_decompress(dst, output.count, src, input.count)
        }
        if ZSTD_isError(result) != 0 {
            switch ZSTD_getErrorCode(result) {
            case ZSTD_error_dstSize_tooSmall:
                throw DecompressError(codec: .zstd, kind: .largerThanDeclared(declared: output.count))
            case ZSTD_error_srcSize_wrong:
                throw DecompressError(codec: .zstd, kind: .truncated)
            default:
                let name = ZSTD_getErrorName(result).map { String(cString: $0) }
                throw DecompressError(codec: .zstd, kind: .corrupt(detail: name))
            }
        }
        guard result == output.count else {
            throw DecompressError(codec: .zstd, kind: .smallerThanDeclared(declared: output.count, actual: result))
        }
    }

    static func lz4Block(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, codec: Codec
    ) throws(DecompressError) {
        guard let inCount = Int32(exactly: input.count), let outCount = Int32(exactly: output.count) else {
            throw DecompressError(codec: codec, kind: .corrupt(detail: "an LZ4 block is at most 2 GiB"))
        }
        let result = withBases(input, output) { src, dst in
            LZ4_decompress_safe(
                src.assumingMemoryBound(to: CChar.self), dst.assumingMemoryBound(to: CChar.self), inCount, outCount)
        }
        // LZ4 reports a negative result both for corrupt data and for too small an
        // output; it never writes past `outCount`.
        guard result >= 0 else {
            throw DecompressError(
                codec: codec, kind: .corrupt(detail: "or larger than the declared \(output.count) bytes"))
        }
        guard Int(result) == output.count else {
            throw DecompressError(codec: codec, kind: .smallerThanDeclared(declared: output.count, actual: Int(result)))
        }
    }

    /// The size a snappy stream says it decompresses to, or `nil` when it has none.
    static func snappyLength(_ input: UnsafeRawBufferPointer) -> Int? {
        var length = 0
        guard let base = input.baseAddress?.assumingMemoryBound(to: CChar.self),
            snappy_uncompressed_length(base, input.count, &length) == SNAPPY_OK
        else { return nil }
        return length
    }

    // MARK: Streams

    static func zstdStream(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError) -> Int?
    {
        guard let context = ZSTD_createDStream() else { throw DecompressError(codec: .zstd, kind: .cannotStart) }
        defer { ZSTD_freeDStream(context) }
        return try withBases(input, output) { (src, dst) throws(DecompressError) -> Int? in
            var inBuffer = ZSTD_inBuffer(src: src, size: input.count, pos: 0)
            var outBuffer = ZSTD_outBuffer(dst: dst, size: output.count, pos: 0)
            while true {
                let (inBefore, outBefore) = (inBuffer.pos, outBuffer.pos)
                let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                if ZSTD_isError(result) != 0 {
                    let name = ZSTD_getErrorName(result).map { String(cString: $0) }
                    throw DecompressError(codec: .zstd, kind: .corrupt(detail: name))
                }
                if result == 0, inBuffer.pos == inBuffer.size { return outBuffer.pos }
                if outBuffer.pos == outBuffer.size { return nil }
                // Room left and nothing moved: the stream wants input that is not there.
                if inBuffer.pos == inBefore, outBuffer.pos == outBefore {
                    throw DecompressError(codec: .zstd, kind: .truncated)
                }
            }
        }
    }

    static func inflateStream(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError) -> Int?
    {
        var stream = z_stream()
        // 15 + 32: the largest window, and a gzip or zlib header recognised automatically.
        guard evalbook_inflate_init(&stream, 15 + 32) == Z_OK else {
            throw DecompressError(codec: .gzip, kind: .cannotStart)
        }
        defer { inflateEnd(&stream) }
        return try withBases(input, output) { (src, dst) throws(DecompressError) -> Int? in
            let chunk = Int(UInt32.max)
            let source = src.assumingMemoryBound(to: UInt8.self)
            let target = dst.assumingMemoryBound(to: UInt8.self)
            var inAt = 0
            var outAt = 0
            // Once the output is full, one spare byte tells a stream that has more to give
            // from one that only has its trailer left.
            var spare: UInt8 = 0
            while true {
                let inStep = min(input.count - inAt, chunk)
                let outStep = min(output.count - outAt, chunk)
                stream.next_in = UnsafeMutablePointer(mutating: source + inAt)
                stream.avail_in = UInt32(truncatingIfNeeded: inStep)
                let status: Int32
                if outStep > 0 {
                    stream.next_out = target + outAt
                    stream.avail_out = UInt32(truncatingIfNeeded: outStep)
                    status = CCodecs.inflate(&stream, Z_NO_FLUSH)
                    outAt += outStep - Int(stream.avail_out)
                } else {
                    status = withUnsafeMutablePointer(to: &spare) { byte in
                        stream.next_out = byte
                        stream.avail_out = 1
                        return CCodecs.inflate(&stream, Z_NO_FLUSH)
                    }
                    if stream.avail_out == 0 { return nil }
                }
                let consumed = inStep - Int(stream.avail_in)
                inAt += consumed
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (as `cat a.gz b.gz` makes).
                    guard inAt < input.count else { return outAt }
                    guard inflateReset(&stream) == Z_OK else {
                        throw DecompressError(codec: .gzip, kind: .corrupt(detail: nil))
                    }
                case Z_OK, Z_BUF_ERROR:
                    // No progress with input exhausted: the stream stops short.
                    if inAt == input.count, status == Z_BUF_ERROR || (consumed == 0 && outStep == 0) {
                        throw DecompressError(codec: .gzip, kind: .truncated)
                    }
                default:
                    let detail = stream.msg.map { String(cString: $0) }
                    throw DecompressError(codec: .gzip, kind: .corrupt(detail: detail))
                }
            }
        }
    }

    static func brotliStream(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        throws(DecompressError) -> Int?
    {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else {
            throw DecompressError(codec: .brotli, kind: .cannotStart)
        }
        defer { BrotliDecoderDestroyInstance(state) }
        return try withBases(input, output) { (src, dst) throws(DecompressError) -> Int? in
            var availableIn = input.count
            var nextIn: UnsafePointer<UInt8>? = src.assumingMemoryBound(to: UInt8.self)
            var availableOut = output.count
            var nextOut: UnsafeMutablePointer<UInt8>? = dst.assumingMemoryBound(to: UInt8.self)
            let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            switch result {
            case BROTLI_DECODER_RESULT_SUCCESS:
                guard availableIn == 0 else {
                    throw DecompressError(codec: .brotli, kind: .corrupt(detail: "bytes after the end of the stream"))
                }
                return output.count - availableOut
            case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: return nil
            case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: throw DecompressError(codec: .brotli, kind: .truncated)
            default:
                let detail = BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state)).map { String(cString: $0) }
                throw DecompressError(codec: .brotli, kind: .corrupt(detail: detail))
            }
        }
    }

    /// Calls `body` with base addresses that exist even for empty buffers (a one-byte
    /// stand-in that no library is told it may touch: its count stays 0).
    private static func withBases<R, E: Error>(
        _ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer,
        _ body: (UnsafeRawPointer, UnsafeMutableRawPointer) throws(E) -> R
    ) throws(E) -> R {
        if let src = input.baseAddress, let dst = output.baseAddress { return try body(src, dst) }
        let standIn = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 16)
        defer { standIn.deallocate() }
        return try body(input.baseAddress ?? UnsafeRawPointer(standIn), output.baseAddress ?? standIn)
    }
}
