import EvalLang
import Foundation

/// `index.md`: one row per version, newest first, from each version's manifest
/// and metrics (SPEC §6).
struct ReportIndex {
    var store: ReportStore

    /// The table; a version whose manifest or metrics cannot be read still gets its row, with `?` and `—` for what
    /// is unknown, so one damaged version does not hide the others.
    func render() -> String {
        var out = "# Report versions\n\n"
        out += "| version | created | notebook | headline metrics | checks |\n"
        out += "| :--- | :--- | :--- | :--- | ---: |\n"
        for version in store.versions().reversed() {
            let base = "\(store.directory)/\(version)"
            let manifest = try? Manifest.read(base + "/manifest.json")
            let metrics = (try? MetricsFile.read(base + "/metrics.json")).map(headline) ?? []
            let created = manifest?.created ?? "?"
            let notebook = manifest?.notebook.sha256 ?? "?"
            let passed = manifest?.checks.passed ?? 0, failed = manifest?.checks.failed ?? 0
            let headline = metrics.prefix(4).map { "\($0.name) = \(NumberFormat.human($0.value))" }
                .joined(separator: ", ")
            out +=
                "| [\(version)](\(version)/report.md) | \(created) | `\(notebook.prefix(12))` | \(headline.isEmpty ? "—" : MarkdownText.tableCell(headline)) | \(passed) passed, \(failed) failed |\n"
        }
        return out
    }

    /// The numbers a row shows: top-level numbers of `metrics.json` in file order, except those equal to 0 or 1.
    ///
    /// evalbook 0.1.0 read metrics with JSONSerialization, which on Linux cannot tell 0 and 1 from `false` and
    /// `true`, so it left them out; the committed indexes were written that way. Keeping the rule keeps every row
    /// of an existing index the same when a new version rewrites it; dropping it is a deliberate change of rows.
    private func headline(_ metrics: MetricsFile) -> [(name: String, value: Double)] {
        metrics.numbers.filter { $0.value != 0 && $0.value != 1 }
    }
}
