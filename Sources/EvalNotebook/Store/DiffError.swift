import EvalLang

/// Why `evalbook diff` could not compare two versions.
package enum DiffError: Error, Equatable, Sendable {
    /// The folder has no `manifest.json`.
    case notAVersion(String)
    /// The `manifest.json` at the path is not a manifest this build reads.
    case unreadableManifest(String, SchemaError)
    /// The `metrics.json` at the path is missing or not a metrics file.
    case unreadableMetrics(String, SchemaError)
    /// A report folder given alone has fewer than the two versions a diff needs.
    case tooFewVersions(folder: String, count: Int)

    /// The finding: about a folder, or located in the file that could not be read.
    package var diagnostic: Diagnostic {
        switch self {
        case .notAVersion(let folder):
            Diagnostic(
                "\(folder) is not a report version: it has no manifest.json",
                help: "give two version folders such as reports/churn/v1 reports/churn/v2, or one report folder")
        case .unreadableManifest(let path, let error), .unreadableMetrics(let path, let error):
            error.diagnostic(file: path)
        case .tooFewVersions(let folder, let count):
            Diagnostic(
                "\(folder) has \(count) version\(count == 1 ? "" : "s"); a diff needs two",
                help: "run the notebook again after a change, or give two version folders")
        }
    }
}
