import EvalLang

/// Why `evalbook replay` could not start: the folder is not a version it can re-run.
///
/// What a replay finds (changed inputs, a differing output, a notebook that no longer runs) is its result, not an
/// error; see `ReportReplay.Result`.
package enum ReplayError: Error, Equatable, Sendable {
    /// The folder has no `manifest.json`.
    case notAVersion(String)
    /// The folder's `manifest.json` at the path is not a manifest this build reads.
    case unreadableManifest(String, SchemaError)
    /// The folder has no readable `notebook.md`.
    case noNotebook(String)

    /// The finding: about the folder, or located in its manifest.
    package var diagnostic: Diagnostic {
        switch self {
        case .notAVersion(let folder):
            Diagnostic(
                "\(folder) is not a report version: it has no manifest.json",
                help: "give a version folder such as reports/churn/v3, or a report folder for its latest version")
        case .unreadableManifest(let path, let error):
            error.diagnostic(file: path)
        case .noNotebook(let folder):
            Diagnostic("\(folder) has no notebook.md to replay")
        }
    }
}
