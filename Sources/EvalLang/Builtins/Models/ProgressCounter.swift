import Synchronization

/// Jobs finished so far (models, for `leaderboard`), counted from the worker threads.
final class ProgressCounter: Sendable {
    private let count = Mutex(0)

    /// Counts one more and reports the new count while holding the lock, so reports
    /// arrive in counting order even when workers finish at the same time.
    func step(_ report: (Int) -> Void) {
        count.withLock { value in
            value += 1
            report(value)
        }
    }
}
