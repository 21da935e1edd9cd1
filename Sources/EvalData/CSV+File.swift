#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read into one heap buffer with `read(2)`.
///
/// Reading (rather than `mmap`) costs one copy from the page cache but cannot crash
/// with SIGBUS if the file is truncated while being parsed, which matters more for a
/// tool that promises no input can crash it.
struct CSVFileBytes {
    /// Why a file could not be loaded, as the OS says it.
    struct Failure: Error {
        var reason: String
    }

    private let base: UnsafeMutableRawPointer?
    private let count: Int

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Frees the buffer; the value must not be used afterwards.
    func release() { base?.deallocate() }

    static func load(_ path: String) -> Result<CSVFileBytes, Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(reason: lastError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(reason: lastError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(reason: "is a directory")) }
        // Regular files report their size; pipes and the like report 0 and grow as read.
        var capacity = max(Int(info.st_size), 0) + 1
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
        return .success(CSVFileBytes(base: buffer, count: filled))
    }

    private static func lastError() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
