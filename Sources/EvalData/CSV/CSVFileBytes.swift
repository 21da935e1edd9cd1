#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file's bytes in memory: memory-mapped when large, otherwise read.
///
/// Mapping a file that is already in the page cache costs a few milliseconds, where
/// `read(2)` into fresh memory costs a copy plus a page fault per 4 KiB (about 0.2 s
/// for 250 MB on the reference machine). The price of mapping is that a file truncated
/// by another process *while* it is parsed raises SIGBUS; small files, which are most
/// notebook inputs, are read instead, and so are pipes and anything `mmap` refuses.
struct CSVFileBytes {
    /// Why a file could not be loaded, as the OS says it.
    struct Failure: Error {
        var reason: String
    }

    /// Files at least this large are mapped rather than read.
    static let mapThreshold = 4 << 20

    private let base: UnsafeMutableRawPointer?
    private let count: Int
    private let mapped: Bool

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Unmaps or frees the bytes; the value must not be used afterwards.
    func release() {
        guard let base else { return }
        if mapped {
            munmap(base, count)
        } else {
            base.deallocate()
        }
    }

    static func load(_ path: String) -> Result<CSVFileBytes, Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(reason: lastError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(reason: lastError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(reason: "is a directory")) }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG, size >= mapThreshold, let mapped = map(fd, size: size) {
            return .success(mapped)
        }
        return readAll(fd, sizeHint: max(size, 0))
    }

    /// Maps a regular file read-only; `nil` if the OS refuses (then the caller reads).
    private static func map(_ fd: Int32, size: Int) -> CSVFileBytes? {
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE  // fault everything in at once, not page by page
        #else
            let flags = MAP_PRIVATE
        #endif
        let failed = UnsafeMutableRawPointer(bitPattern: -1)
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != failed else { return nil }
        // The parse reads front to back, chunk by chunk.
        _ = madvise(p, size, MADV_SEQUENTIAL)
        return CSVFileBytes(base: p, count: size, mapped: true)
    }

    /// Reads until end of file, growing the buffer when `sizeHint` was short (pipes report 0).
    private static func readAll(_ fd: Int32, sizeHint: Int) -> Result<CSVFileBytes, Failure> {
        var capacity = sizeHint + 1
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var filled = 0
        while true {
            if filled == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(fd, buffer + filled, capacity - filled)
            if n > 0 {
                filled += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                let reason = lastError()
                buffer.deallocate()
                return .failure(Failure(reason: reason))
            }
        }
        return .success(CSVFileBytes(base: buffer, count: filled, mapped: false))
    }

    private static func lastError() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
