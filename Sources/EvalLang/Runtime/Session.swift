import EvalData
import EvalSQL
import OrderedCollections

/// A warning raised while running a statement (an undefined metric, say).
package struct Warning: Sendable, Equatable {
    package var message: String
    package var span: SourceSpan
}

/// A file a notebook read, for the manifest.
package struct InputFile: Sendable, Equatable {
    /// The path as the notebook wrote it, relative to the project root.
    package var path: String
    /// The resolved absolute path that was read.
    package var resolvedPath: String
}

/// Everything a run may touch besides its bindings: params, seed, the file
/// policy, and what it has read and warned about so far.
package struct Session: Sendable {
    package var params: OrderedDictionary<String, Value>
    package var seed: UInt64
    package var files: FileAccess
    package private(set) var inputs: [InputFile] = []
    package var warnings: [Warning] = []
    /// Threads for parallel kernels; results never depend on it.
    package var threads: Int = 2
    /// The last score sweep, shared by curve metrics of the same inputs.
    package var sweepCache: SweepCache?
    /// How many sweeps (sorts of scores) this session has built: a cell asking
    /// several curve metrics of the same inputs should add one.
    package var sweepsBuilt = 0
    /// Where long work reports how far it got ("leaderboard: 120 of 300 models"); the executable prints it on
    /// stderr when that is a terminal.
    ///
    /// Called from any thread.
    package var progress: (@Sendable (String) -> Void)?
    /// The named connections `connect("NAME")` may open; none unless the executable gives them.
    package var connections: Connections?
    /// Every statement sent to an engine, in order, for the manifest and replay.
    package var sqlLog: [SQLExecution] = []
    /// The most rows `collect` pulls from a relation (`collect(t, limit:)` raises it for one call).
    package var collectLimit = 1_000_000

    package init(params: OrderedDictionary<String, Value> = [:], seed: UInt64 = 0, files: FileAccess) {
        self.params = params
        self.seed = seed
        self.files = files
    }

    package mutating func warn(_ message: String, at span: SourceSpan) {
        warnings.append(Warning(message: message, span: span))
    }

    package mutating func recordInput(path: String, resolvedPath: String) {
        if !inputs.contains(where: { $0.resolvedPath == resolvedPath }) {
            inputs.append(InputFile(path: path, resolvedPath: resolvedPath))
        }
    }
}
