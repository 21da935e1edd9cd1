/// A reusable buffer for one decoding job: decompressed pages, levels, values before
/// they are spread over the rows.
///
/// Grows to the largest size asked for and is reused page after page, so a column
/// chunk costs a few allocations, not one per page. Owned by a single job, never
/// shared; a pointer it hands out is valid until the next request or its release.
final class ParquetScratch {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int

    init() {
        capacity = 64
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// Room for at least `bytes` bytes (contents not kept), aligned for any trivial type.
    func bytes(_ bytes: Int) -> UnsafeMutableRawBufferPointer {
        if bytes > capacity {
            base.deallocate()
            capacity = max(bytes, capacity * 2)
            base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            HugePages.advise(base, bytes: capacity)
        }
        return UnsafeMutableRawBufferPointer(start: base, count: bytes)
    }

    /// Room for `count` values of `T` (a trivial type), uninitialised.
    func values<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let raw = bytes(max(count, 1) * MemoryLayout<T>.stride)
        return raw.bindMemory(to: T.self).baseAddress ?? base.bindMemory(to: T.self, capacity: 1)
    }
}
