#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string dictionary keyed by raw bytes: code ↔ byte slice, codes in first-appearance order.
///
/// Readers (CSV, Parquet) dictionary-encode string columns without a `String` per value:
/// each distinct value is copied once into `storage`, found again by hashing the field's
/// bytes in place. `String`s are made only for distinct values, at the very end.
struct ByteDictionary: Sendable {
    /// Distinct values end to end; value `c` spans `ends[c - 1] ..< ends[c]`.
    private(set) var storage: [UInt8] = []
    private(set) var ends: [Int] = []
    /// Hash of each value, kept so merging and growing never rehash bytes.
    private(set) var hashes: [UInt64] = []
    /// Open-addressing table of codes (-1 = empty); its size is a power of two.
    private var slots: [Int32] = [Int32](repeating: -1, count: 16)

    var count: Int { ends.count }

    /// A fast 64-bit hash of a byte slice: eight bytes per step, then a final mix.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, count n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        }
        h ^= h >> 32
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// The code of the value equal to the bytes, if present.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, count n: Int, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return storage.withUnsafeBufferPointer { stored -> Int32? in
            while true {
                let code = slots[index]
                if code < 0 { return nil }
                let c = Int(code)
                if hashes[c] == hash {
                    let start = c == 0 ? 0 : ends[c - 1]
                    if ends[c] - start == n, equal(stored.baseAddress, start, p, n) { return code }
                }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equal(_ stored: UnsafePointer<UInt8>?, _ start: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n > 0 else { return true }
        guard let stored else { return false }
        return memcmp(stored + start, p, n) == 0
    }

    /// Adds a value known to be absent; `nil` when codes would overflow `Int32`.
    mutating func insert(_ p: UnsafePointer<UInt8>, count n: Int, hash: UInt64) -> Int32? {
        guard ends.count < Int(Int32.max) else { return nil }
        let code = Int32(ends.count)
        storage.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        ends.append(storage.count)
        hashes.append(hash)
        if ends.count * 2 > slots.count {
            grow()
        } else {
            place(code, hash: hash)
        }
        return code
    }

    private mutating func place(_ code: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = code
    }

    /// Makes room for `values` values of `bytes` bytes in all, so a merge grows each
    /// buffer (and re-places the table) at most once.
    private mutating func reserve(_ values: Int, bytes: Int) {
        storage.reserveCapacity(bytes)
        ends.reserveCapacity(values)
        hashes.reserveCapacity(values)
        var size = slots.count
        while size < 2 * values + 2 { size *= 2 }
        guard size > slots.count else { return }
        slots = [Int32](repeating: -1, count: size)
        for c in 0..<ends.count { place(Int32(c), hash: hashes[c]) }
    }

    /// Doubles the table and re-places every code from its stored hash.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for c in 0..<ends.count { place(Int32(c), hash: hashes[c]) }
    }

    /// Calls `body` with the bytes of value `code`.
    func withValue<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = code == 0 ? 0 : ends[code - 1]
        return storage.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start..<ends[code]]))
        }
    }

    /// Merges `other` into this dictionary; returns each of its codes' new code, or `nil` on overflow.
    ///
    /// Existing codes keep their order, new ones follow in `other`'s.
    mutating func merge(_ other: ByteDictionary) -> [Int32]? {
        // Into an empty dictionary, `other` is the result as it is, codes unchanged
        // (the first chunk or row group of every column).
        if count == 0 {
            self = other
            return Array(0..<Int32(other.count))
        }
        reserve(count + other.count, bytes: storage.count + other.storage.count)
        var remap = [Int32](repeating: -1, count: other.count)
        let ok = other.storage.withUnsafeBufferPointer { bytes -> Bool in
            // No stored bytes means only empty values (the CSV reader never stores one, as
            // an empty field is missing there; Parquet may); their bytes are never read,
            // but a pointer is needed.
            withUnsafePointer(to: UInt8(0)) { empty in
                merge(other, from: bytes.baseAddress ?? empty, into: &remap)
            }
        }
        return ok ? remap : nil
    }

    /// Merges `other`'s values, whose bytes start at `base`, writing their new codes.
    private mutating func merge(_ other: ByteDictionary, from base: UnsafePointer<UInt8>, into remap: inout [Int32])
        -> Bool
    {
        for c in 0..<other.count {
            let start = c == 0 ? 0 : other.ends[c - 1]
            let n = other.ends[c] - start
            let h = other.hashes[c]
            if let code = find(base + start, count: n, hash: h) {
                remap[c] = code
            } else if let code = insert(base + start, count: n, hash: h) {
                remap[c] = code
            } else {
                return false
            }
        }
        return true
    }

    /// The distinct values as `String`s, in code order (bytes were validated on entry).
    func strings() -> [String] {
        (0..<count).map { c in withValue(c) { String(decoding: $0, as: UTF8.self) } }
    }
}
