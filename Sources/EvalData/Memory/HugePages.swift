#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks Linux to back large fresh buffers with 2 MiB pages.
///
/// Each 4 KiB page of a new buffer costs a fault when first written, which for the
/// hundreds of megabytes of a large file was a fifth of the read time. A hint only:
/// it changes no contents, and the kernel may ignore it (elsewhere it does nothing).
enum HugePages {
    /// Advises the whole 2 MiB pages inside `bytes` bytes from `base`.
    static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
            let huge = 2 << 20
            guard let base, bytes >= 2 * huge else { return }
            let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    static func advise<T>(_ base: UnsafeMutablePointer<T>?, count: Int) {
        advise(base.map { UnsafeMutableRawPointer($0) }, bytes: count * MemoryLayout<T>.stride)
    }
}
