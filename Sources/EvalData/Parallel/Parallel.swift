import Dispatch
import Synchronization

/// Runs indexed jobs on a fixed number of worker threads.
///
/// Workers take the next job index from a shared atomic counter, so a worker on a busy
/// core simply takes fewer jobs. Each result is stored under its job's index, so the
/// output is in index order and never depends on timing or on the number of threads.
///
/// Jobs are `@Sendable` and results `Sendable`: the compiler checks that the work
/// shares nothing mutable between threads. Callers choose the jobs (fixed chunks of
/// rows, replicates or models), which is what keeps results deterministic.
package enum Parallel {
    /// `transform(i)` for every `i` in `0 ..< count`, in index order.
    ///
    /// Runs on the calling thread when `threads` or `count` is at most 1.
    ///
    /// - Complexity: `count` calls of `transform`, spread over `min(threads, count)`
    ///   workers, plus one short lock per job to store its result.
    package static func map<T: Sendable>(
        _ count: Int, threads: Int, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        let workers = min(max(threads, 1), count)
        if workers <= 1 { return (0..<count).map(transform) }
        let next = Atomic<Int>(0)
        let slots = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                // Relaxed is enough: the counter only hands out distinct indices, and the
                // mutex orders the results' memory.
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let result = transform(i)
                slots.withLock { $0[i] = result }
            }
        }
        // Every index below `count` was taken exactly once, so every slot is filled.
        let results = slots.withLock { slots in slots.compactMap { $0 } }
        assert(results.count == count, "Parallel.map: a job left its slot empty")
        return results
    }

    /// Runs `body(i)` for every `i` in `0 ..< count`, for jobs that write only their own
    /// part of a shared output.
    ///
    /// - Complexity: as `map`.
    package static func forEach(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        _ = map(count, threads: threads, body)
    }
}
