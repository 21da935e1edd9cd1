import Synchronization

/// A request to stop the running evaluation (Ctrl-C in the REPL).
///
/// The flag is an atomic so that a signal handler may set it; the interpreter
/// polls it between evaluation steps and stops with `RuntimeError.interrupted`,
/// leaving the session's bindings as they were before the statement.
package enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Asks the running evaluation to stop; safe to call from a signal handler.
    package static func request() {
        flag.store(true, ordering: .relaxed)
    }

    package static func clear() {
        flag.store(false, ordering: .relaxed)
    }

    package static var isRequested: Bool {
        flag.load(ordering: .relaxed)
    }
}
