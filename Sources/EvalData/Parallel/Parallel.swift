import Dispatch

/// Runs indexed jobs on a fixed number of worker threads.
///
/// Workers take the next job index from a shared counter, so a worker on a busy core
/// simply takes fewer jobs. Results land in their own slots: order never depends on timing.
package enum Parallel {
    /// `transform(i)` for every `i` in `0 ..< count`, in index order.
    package static func map<T>(_ count: Int, threads: Int, _ transform: (Int) -> T) -> [T] {
        let workers = min(max(threads, 1), count)
        if workers <= 1 { return (0..<count).map(transform) }
        let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        let next = JobCounter()
        withoutActuallyEscaping(transform) { transform in
            let box = ParallelSlots(slots: slots, transform: transform)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = next.take(below: count) {
                    box.slots.initializeElement(at: i, to: box.transform(i))
                }
            }
        }
        let result = Array(slots)
        slots.baseAddress?.deinitialize(count: count)
        slots.deallocate()
        return result
    }
}

/// Hands the job closure and result slots to worker threads; each slot is written once.
private struct ParallelSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T>
    let transform: (Int) -> T
}

/// A shared "next job" counter guarded by a semaphore (portable, and contention is per job).
private final class JobCounter: @unchecked Sendable {
    private var value = 0
    private let lock = DispatchSemaphore(value: 1)

    func take(below limit: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
