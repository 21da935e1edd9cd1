/// Bounding the rows of a chunk before parsing it, so parsers write straight into
/// the final column buffers at known offsets instead of into per-chunk arrays that
/// would later be copied (which doubled the memory touched, the dominant cost).
///
/// The bound follows the parser's rules for well-formed input: a row is a non-blank
/// line, and a line ends at an LF outside quotes. Without quotes the bound counts
/// blank lines too; with quotes it is exact. For malformed input the parser may
/// disagree after the first error, but it stops there and never writes past the bound.
enum CSVRowCounter {
    /// At least the number of rows in the chunk.
    ///
    /// `quoted` false promises the range holds no quote, which saves looking for one.
    static func bound(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, quoted: Bool) -> Int {
        guard !range.isEmpty else { return 0 }
        if !quoted
            || CSVFieldScanner.find(CSVFieldScanner.quote, base, from: range.lowerBound, to: range.upperBound) == nil
        {
            let lines = countUnquoted(base, range)
            // Lines this short are mostly blank: count exactly, so that a file of empty
            // lines does not reserve buffers for rows it does not have.
            if lines * 2 <= range.count { return lines }
        }
        return countQuoted(base, range)
    }

    /// Whether a line starting at `i` is blank (the parser's `blankLineLength` rule).
    @inline(__always)
    private static func blank(_ base: UnsafePointer<UInt8>, _ i: Int, end: Int) -> Bool {
        let c = base[i]
        return c == CSVFieldScanner.lf
            || (c == CSVFieldScanner.cr && (i + 1 == end || base[i + 1] == CSVFieldScanner.lf))
    }

    /// No quotes: every LF ends a line, so the line count bounds the row count; blank
    /// lines (rare) make it an over-estimate that the reader closes up after parsing.
    private static func countUnquoted(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        // Line starts: the first byte, plus one after each LF that is not the last byte.
        1 + countNewlines(base, from: range.lowerBound, to: range.upperBound - 1)
    }

    /// LF bytes in `from ..< to`, at close to memory speed.
    static func countNewlines(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        count(CSVFieldScanner.lf, base, from: from, to: to)
    }

    /// Occurrences of `byte` in `from ..< to`.
    ///
    /// The inner loop sums into a byte over at most 255 bytes, so it cannot overflow and
    /// the compiler vectorises it with one byte lane per input byte; wrapping arithmetic
    /// only, because an overflow check is a side exit that stops vectorisation.
    static func count(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var total = 0
        var i = from
        while i < to {
            let stop = min(i &+ 255, to)
            var block: UInt8 = 0
            while i < stop {
                block &+= base[i] == byte ? 1 : 0
                i &+= 1
            }
            total &+= Int(block)
        }
        return total
    }

    /// With quotes: hop between LFs and quotes; an LF inside a quoted stretch does not end the row.
    ///
    /// Blank lines are skipped, so the count is exact.
    private static func countQuoted(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        let end = range.upperBound
        var rows = 0
        var i = range.lowerBound
        while i < end {
            if blank(base, i, end: end) {
                i += base[i] == CSVFieldScanner.cr && i + 1 < end ? 2 : 1
                continue
            }
            rows += 1
            while true {
                let newline = CSVFieldScanner.find(CSVFieldScanner.lf, base, from: i, to: end) ?? end
                guard let q = CSVFieldScanner.find(CSVFieldScanner.quote, base, from: i, to: newline) else {
                    i = newline + 1
                    break
                }
                guard let close = CSVFieldScanner.find(CSVFieldScanner.quote, base, from: q + 1, to: end) else {
                    i = end
                    break
                }
                i = close + 1
            }
        }
        return rows
    }
}
