#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open Parquet file, read with `pread` at the offsets the footer names.
///
/// Not memory-mapped, on purpose: a mapped file that another process truncates raises
/// SIGBUS on the next read of a vanished page, which no check can prevent. `pread`
/// instead returns fewer bytes, which is reported as the file having changed; and
/// reading only the column chunks asked for is what makes `columns:` cheap anyway
/// (a copy from the page cache costs about what mapping and faulting in would). The
/// size and modification time are taken at open and compared again after the read, so
/// a file rewritten in place while read is reported too. Only regular files are read.
///
/// `Sendable`: the descriptor is shared by parallel jobs, and `pread` (which takes its
/// own offset) is safe to call on one descriptor from several threads.
struct ParquetFile: Sendable {
    let descriptor: Int32
    /// The size in bytes at open.
    let size: Int
    private let modified: (seconds: Int, nanoseconds: Int)

    private init(descriptor: Int32, size: Int, modified: (seconds: Int, nanoseconds: Int)) {
        self.descriptor = descriptor
        self.size = size
        self.modified = modified
    }

    /// Opens a regular file for reading.
    static func opening(_ path: String) -> Result<ParquetFile, ParquetError.Kind> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cannotRead(reason: lastError())) }
        guard let info = status(fd) else {
            let reason = lastError()
            close(fd)
            return .failure(.cannotRead(reason: reason))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(info.st_mode & S_IFMT == S_IFDIR ? .cannotRead(reason: "is a directory") : .notARegularFile)
        }
        return .success(ParquetFile(descriptor: fd, size: Int(info.st_size), modified: Self.modified(info)))
    }

    /// Closes the descriptor; the value must not be used afterwards.
    func release() {
        _ = close(descriptor)
    }

    /// Exactly `count` bytes at `offset`, or why not (the file ending early means it changed).
    ///
    /// The caller has checked the range against `size`.
    func read(offset: Int, count: Int) -> Result<[UInt8], ParquetError.Kind> {
        var failure: ParquetError.Kind?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 1)) { buffer, filled in
            failure = read(
                offset: offset,
                into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
            filled = failure == nil ? count : 0
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    /// Fills `buffer` with the bytes at `offset`; `nil` on success, otherwise why not.
    func read(offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> ParquetError.Kind? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var done = 0
        while done < count {
            let n = pread(descriptor, base + done, count - done, off_t(offset + done))
            if n > 0 {
                done += n
            } else if n == 0 {
                return .fileChanged(reason: "it ends at byte \(offset + done), before byte \(offset + count)")
            } else if errno != EINTR {
                return .cannotRead(reason: lastError())
            }
        }
        return nil
    }

    /// An error when the file's size or modification time differs from what they were at open.
    func changeSinceOpen() -> ParquetError.Kind? {
        guard let info = Self.status(descriptor) else { return .cannotRead(reason: lastError()) }
        if Int(info.st_size) != size {
            return .fileChanged(reason: "its size went from \(size) to \(info.st_size) bytes")
        }
        if Self.modified(info) != modified { return .fileChanged(reason: "it was modified") }
        return nil
    }

    private static func status(_ fd: Int32) -> stat? {
        var info = stat()
        return fstat(fd, &info) == 0 ? info : nil
    }

    private static func modified(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Darwin)
            (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
        #else
            (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        #endif
    }

    private func lastError() -> String { Self.lastError() }

    private static func lastError() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
