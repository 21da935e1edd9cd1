/// Splitting the data rows into chunks at row boundaries, and running chunks in parallel.
///
/// Rows end at an LF outside quotes. Because `CSVFieldScanner` only accepts quotes that
/// open a field, close it, or are doubled inside it, "outside quotes" is the same as
/// "after an even number of quote bytes". So a boundary near any target offset is found
/// by counting quotes up to it (a vectorisable byte count) and then hopping to the first
/// LF at even parity, with no sequential parse of the rows in between. If the file is
/// malformed, boundaries after the first error may be wrong, but every chunk up to and
/// including the one holding the first error parses exactly as a sequential read would,
/// and the reader reports the earliest chunk's error — so errors do not depend on chunking.
enum CSVChunking {
    /// Number of chunks for `bytes` of data on `threads` threads.
    ///
    /// A few chunks per thread keep both cores busy when one is shared with other work;
    /// small inputs stay in one chunk because merging has a fixed cost.
    static func defaultCount(bytes: Int, threads: Int) -> Int {
        guard threads > 1 else { return 1 }
        return max(1, min(4 * threads, bytes / (256 << 10)))
    }

    /// Up to `count` non-empty ranges covering `start ..< end`, each ending at a row boundary.
    ///
    /// `quoted` says whether the bytes contain a quote at all; without one, quote counting is skipped.
    static func ranges(_ base: UnsafePointer<UInt8>, start: Int, end: Int, count: Int, quoted: Bool) -> [Range<Int>] {
        guard end > start else { return [] }
        let count = max(1, min(count, end - start))
        var cuts: [Int] = [start]
        var parity = 0  // quotes seen in `start ..< pos`, modulo 2
        var pos = start
        for k in 1..<max(count, 1) {
            let target = start + Int((Double(end - start) * Double(k) / Double(count)).rounded(.down))
            guard let last = cuts.last, target > last, target > pos else { continue }
            if quoted { parity ^= quotes(base, from: pos, to: target) & 1 }
            pos = target
            let cut = boundary(base, from: &pos, end: end, parity: &parity)
            if let last = cuts.last, cut > last, cut < end { cuts.append(cut) }
            if cut >= end { break }
        }
        cuts.append(end)
        var result: [Range<Int>] = []
        for i in 0..<(cuts.count - 1) where cuts[i] < cuts[i + 1] {
            result.append(cuts[i]..<cuts[i + 1])
        }
        return result
    }

    /// The offset just after the first LF at or after `pos` that lies outside quotes.
    private static func boundary(_ base: UnsafePointer<UInt8>, from pos: inout Int, end: Int, parity: inout Int) -> Int
    {
        while pos < end {
            if parity == 0 {
                let newline = CSVFieldScanner.find(CSVFieldScanner.lf, base, from: pos, to: end) ?? end
                if let q = CSVFieldScanner.find(CSVFieldScanner.quote, base, from: pos, to: newline) {
                    parity = 1
                    pos = q + 1
                    continue
                }
                pos = min(newline + 1, end)
                return pos
            }
            guard let q = CSVFieldScanner.find(CSVFieldScanner.quote, base, from: pos, to: end) else {
                pos = end
                return end
            }
            parity = 0
            pos = q + 1
        }
        return end
    }

    /// Number of quote bytes in `from ..< to`.
    private static func quotes(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        CSVRowCounter.count(CSVFieldScanner.quote, base, from: from, to: to)
    }
}
