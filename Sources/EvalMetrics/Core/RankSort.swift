/// The one sort that ranking metrics share: a stable descending argsort of scores.
///
/// SPEC §8 wants AUC, curves, profit sweeps and thresholds to share one O(n log n) sort.
/// Large inputs use an LSD radix sort on an order-preserving `UInt64` image of each
/// double: linear time, no comparison closures, and stable by construction, so ties keep
/// ascending row order exactly like numpy's `argsort(stable=True, descending=True)`.
/// Small inputs use a comparison sort on (key, row), which yields the identical order.
package enum RankSort {
    /// Below this many rows the radix sort's fixed histogram cost outweighs its gain.
    static let radixThreshold = 256
    /// Digit width in bits; 2¹¹ counters fit in L1 and 64 bits take six passes.
    private static let digitBits = 11
    private static let radix = 1 << digitBits
    private static let passes = (64 + digitBits - 1) / digitBits

    /// Row indices of `values` ordered by descending value, ties in ascending row order.
    ///
    /// `-0.0` ties with `0.0`, as their comparison does. NaN never traps; callers reject
    /// it first, and where it slips through it sorts at a fixed place given by its bits.
    package static func descendingOrder(_ values: [Double]) -> [Int] {
        sorted(values).rows
    }

    /// The descending order together with each sorted row's `descendingKey`.
    ///
    /// Scans that group ties compare neighbouring keys, which sit next to each other in
    /// memory, instead of fetching `values[rows[k + 1]]` from a random place.
    package static func sorted(_ values: [Double]) -> (rows: [Int], keys: [UInt64]) {
        if values.count <= radixThreshold {
            return comparisonSort(values)
        }
        return radixSort(values)
    }

    /// A key whose unsigned ascending order is the doubles' descending order.
    ///
    /// Flipping all bits of a negative double and only the sign bit of a non-negative one
    /// makes unsigned order match numeric order; complementing that reverses it.
    @inline(__always)
    package static func descendingKey(_ value: Double) -> UInt64 {
        let normalised = value == 0 ? 0.0 : value
        let bits = normalised.bitPattern
        let signBit: UInt64 = 1 << 63
        let ascending = bits & signBit != 0 ? ~bits : bits | signBit
        return ~ascending
    }

    /// Reference order by comparisons; key then row makes every element distinct, so
    /// the result does not depend on the standard library's sort being stable.
    static func comparisonSort(_ values: [Double]) -> (rows: [Int], keys: [UInt64]) {
        var pairs = values.indices.map { (key: descendingKey(values[$0]), row: $0) }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        return (pairs.map(\.row), pairs.map(\.key))
    }

    /// A key and the row it came from, moved together so each pass writes one stream.
    private struct Entry {
        var key: UInt64
        var row: Int
    }

    /// LSD radix sort of the keys carrying their row numbers; passes where every key has
    /// the same digit are skipped, which is common for the high bits of scores in [0, 1].
    static func radixSort(_ values: [Double]) -> (rows: [Int], keys: [UInt64]) {
        let n = values.count
        var entries = values.indices.map { Entry(key: descendingKey(values[$0]), row: $0) }
        let counts = histograms(entries)
        var spare = [Entry](repeating: Entry(key: 0, row: 0), count: n)
        var offsets = [Int](repeating: 0, count: radix)
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            let digitCounts = counts[(pass * radix)..<((pass + 1) * radix)]
            if digitCounts.contains(n) {
                continue
            }
            var running = 0
            for (digit, count) in digitCounts.enumerated() {
                offsets[digit] = running
                running += count
            }
            scatter(entries, into: &spare, shift: shift, offsets: &offsets)
            swap(&entries, &spare)
        }
        return (entries.map(\.row), entries.map(\.key))
    }

    /// Every pass's digit histogram, from one read of the keys.
    private static func histograms(_ entries: [Entry]) -> [Int] {
        var counts = [Int](repeating: 0, count: passes * radix)
        counts.withUnsafeMutableBufferPointer { counts in
            for entry in entries {
                for pass in 0..<passes {
                    counts[pass * radix + digit(entry.key, UInt64(pass * digitBits))] += 1
                }
            }
        }
        return counts
    }

    /// One stable counting-sort pass by the digit at `shift`.
    ///
    /// Buffer pointers drop the per-element uniqueness and bounds checks that dominate
    /// this loop. Every index is in range by construction: a digit is below `radix`, and
    /// `offsets` come from exact counts of the same keys, so slots stay below `n`.
    private static func scatter(
        _ entries: [Entry], into spare: inout [Entry], shift: UInt64, offsets: inout [Int]
    ) {
        entries.withUnsafeBufferPointer { entries in
            spare.withUnsafeMutableBufferPointer { spare in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    for entry in entries {
                        let d = digit(entry.key, shift)
                        let slot = offsets[d]
                        spare[slot] = entry
                        offsets[d] = slot + 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func digit(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key >> shift) & UInt64(radix - 1))
    }
}
