import Dispatch
import Synchronization

/// Runs async transport work to completion from a synchronous caller.
///
/// The interpreter is synchronous and runs on its own worker thread (never an event
/// loop), so waiting there for the connection's answer is safe.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

/// The result of one blocking call, handed from the task to the waiting thread.
private final class ResultBox<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)

    func set(_ value: Result<T, any Error>) {
        result.withLock { $0 = value }
    }

    func get() throws -> T {
        guard let value = result.withLock({ $0 }) else { throw BlockingError.noResult }
        return try value.get()
    }
}

/// The task ended without a result (it cannot, but the waiting side does not trap).
enum BlockingError: Error, Sendable {
    case noResult
}
