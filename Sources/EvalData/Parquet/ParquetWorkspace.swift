import Synchronization

/// The buffers one decoding job works in: the column chunk's bytes, decompressed pages,
/// levels, and values before they are spread over the rows.
///
/// Jobs borrow a workspace from a `ParquetWorkspacePool` and give it back, so a read
/// allocates (and the kernel faults in) these buffers once per thread, not once per
/// column chunk: fresh memory was most of the time of a large read.
///
/// `@unchecked Sendable` because the pool hands a workspace from thread to thread and
/// its scratch buffers are raw memory the compiler cannot check. It is safe because the
/// pool gives each workspace to one job at a time (under its lock), and a job uses it
/// only until it gives it back.
final class ParquetWorkspace: @unchecked Sendable {
    let chunk = ParquetScratch()
    let page = ParquetScratch()
    let values = ParquetScratch()
    let levels = ParquetScratch()
}

/// Workspaces free for the next job.
final class ParquetWorkspacePool: Sendable {
    private let free = Mutex<[ParquetWorkspace]>([])

    /// A free workspace, or a new one.
    func take() -> ParquetWorkspace {
        free.withLock { $0.popLast() } ?? ParquetWorkspace()
    }

    /// Returns a workspace for later jobs.
    func give(_ workspace: ParquetWorkspace) {
        free.withLock { $0.append(workspace) }
    }
}
