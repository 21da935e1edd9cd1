#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// RFC 4180 field scanning over raw bytes.
///
/// A field is either unquoted (ends at the delimiter, LF, or the end; a CR right before
/// the LF is dropped) or quoted (starts with `"`, may hold delimiters, newlines and
/// doubled quotes, and must be followed by the delimiter, CRLF, LF or the end). A quote
/// anywhere else is an error: being strict here is what lets chunk boundaries be found
/// by counting quotes (see `CSVChunking`).
struct CSVFieldScanner {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    let base: UnsafePointer<UInt8>
    /// One past the last byte this scanner may read.
    let end: Int
    let delimiter: UInt8

    /// The field starting at `pos`; on return `pos` is at the delimiter, LF or end.
    ///
    /// Sets `start`/`stop` to the content bounds (inside the quotes) and `escaped` when
    /// the content holds doubled quotes. Returns the error kind if the field is malformed.
    @inline(__always)
    func scan(_ pos: inout Int, start: inout Int, stop: inout Int, escaped: inout Bool) -> CSVError.Kind? {
        let delimiter = self.delimiter
        escaped = false
        if pos < end, base[pos] == Self.quote {
            pos += 1
            start = pos
            while true {
                guard let q = Self.find(Self.quote, base, from: pos, to: end) else {
                    return .unterminatedQuote
                }
                if q + 1 < end, base[q + 1] == Self.quote {
                    escaped = true
                    pos = q + 2
                    continue
                }
                stop = q
                pos = q + 1
                break
            }
            if pos < end {
                let c = base[pos]
                if c == Self.cr, pos + 1 == end || base[pos + 1] == Self.lf {
                    pos += 1
                } else if c != delimiter, c != Self.lf {
                    return .textAfterQuote
                }
            }
            return nil
        }
        start = pos
        while pos < end {
            let c = base[pos]
            if c == delimiter || c == Self.lf { break }
            if c == Self.quote { return .quoteInUnquotedField }
            pos += 1
        }
        stop = pos
        // A CR belongs to the line ending only right before the LF (or the end); elsewhere it is data.
        if stop > start, base[stop - 1] == Self.cr, pos == end || base[pos] == Self.lf { stop -= 1 }
        return nil
    }

    /// Index of the first `byte` in `from ..< to`, via `memchr` (vectorised by libc).
    @inline(__always)
    static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the line starting at `pos` is blank (LF, CRLF, or a lone CR at the end).
    @inline(__always)
    func blankLineLength(at pos: Int) -> Int? {
        let c = base[pos]
        if c == Self.lf { return 1 }
        if c == Self.cr {
            if pos + 1 == end { return 1 }
            if base[pos + 1] == Self.lf { return 2 }
        }
        return nil
    }
}
