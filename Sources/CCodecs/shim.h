// The decompression libraries Evalbook reads Parquet pages (and later compressed CSV)
// with, all from Debian: libzstd-dev, libsnappy-dev, liblz4-dev, zlib1g-dev and
// libbrotli-dev. Only Sources/EvalData/Codecs/Codec.swift imports this module.
#include <stddef.h>
#include <stdint.h>
#include <zstd.h>
#include <zstd_errors.h>
#include <snappy-c.h>
#include <lz4.h>
#include <zlib.h>
#include <brotli/decode.h>

// zlib's init functions are macros (they pass the library's version and stream size
// for its own checks), which Swift cannot call; this is the function behind one.
static inline int evalbook_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
