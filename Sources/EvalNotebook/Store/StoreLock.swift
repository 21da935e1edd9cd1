import Foundation

/// An exclusive `flock(2)` on a report folder itself, held while a run publishes.
///
/// Locking the folder's own descriptor leaves no lock file behind. A class because it owns the descriptor, closed
/// when released or deinitialised; the kernel releases the lock of a process that dies, so a run killed while
/// holding it never blocks the next one.
final class StoreLock {
    private var descriptor: Int32

    /// Opens and locks the folder `path`, waiting for another run to finish publishing.
    init(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .cannotLock(path, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(fd)
                throw .cannotLock(path, errno: code)
            }
        }
        descriptor = fd
    }

    /// Unlocks and closes; later calls do nothing.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
