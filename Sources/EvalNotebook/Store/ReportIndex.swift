import EvalLang
import Foundation

/// `index.md`: one row per version, newest first, from each version's manifest
/// and metrics (SPEC §6).
struct ReportIndex {
    var store: ReportStore

    func render() -> String {
        var out = "# Report versions\n\n"
        out += "| version | created | notebook | headline metrics | checks |\n"
        out += "| :--- | :--- | :--- | :--- | ---: |\n"
        for version in store.versions().reversed() {
            let base = "\(store.directory)/\(version)"
            let manifest = object(at: base + "/manifest.json")
            let metrics = orderedNumbers(at: base + "/metrics.json")
            let created = manifest?["created"] as? String ?? "?"
            let notebook = (manifest?["notebook"] as? [String: Any])?["sha256"] as? String ?? "?"
            let checks = manifest?["checks"] as? [String: Any]
            let passed = (checks?["passed"] as? NSNumber)?.intValue ?? 0
            let failed = (checks?["failed"] as? NSNumber)?.intValue ?? 0
            let headline = metrics.prefix(4).map { "\($0.0) = \(NumberFormat.human($0.1))" }.joined(separator: ", ")
            out +=
                "| [\(version)](\(version)/report.md) | \(created) | `\(notebook.prefix(12))` | \(headline.isEmpty ? "—" : MarkdownRenderer.escapeCell(headline)) | \(passed) passed, \(failed) failed |\n"
        }
        return out
    }

    private func object(at path: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Top-level number entries of metrics.json, in file order (JSONSerialization
    /// forgets key order, so the order comes from the text).
    private func orderedNumbers(at path: String) -> [(String, Double)] {
        guard let object = object(at: path),
            let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) })
        else { return [] }
        var result: [(String, Double)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("  \"") {
            guard let end = line.dropFirst(3).firstIndex(of: "\"") else { continue }
            let key = String(line[line.index(line.startIndex, offsetBy: 3)..<end])
            if let n = object[key] as? NSNumber, !(object[key] is Bool) { result.append((key, n.doubleValue)) }
        }
        return result
    }
}
