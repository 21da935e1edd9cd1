import EvalLang
import Foundation

/// `evalbook diff OLD NEW` (SPEC §6): what changed between two report versions —
/// every metric with its absolute and relative change, the checks that flipped, and
/// the params, seed, notebook and inputs that changed.
package struct ReportDiff: Sendable {
    package struct MetricChange: Sendable, Equatable {
        package var name: String
        package var old: Double?
        package var new: Double?

        package var change: Double? {
            guard let old, let new else { return nil }
            return new - old
        }

        /// nil when the old value is 0 (a relative change is undefined there).
        package var relative: Double? {
            guard let old, let new, old != 0 else { return nil }
            return (new - old) / abs(old)
        }
    }

    package struct Change: Sendable, Equatable {
        package var name: String
        package var old: String
        package var new: String
    }

    package var old: String
    package var new: String
    package var metrics: [MetricChange]
    package var nowFailing: [String]
    package var nowPassing: [String]
    package var params: [Change]
    package var inputs: [Change]
    package var notebookChanged: Bool

    /// The last two versions of the report folder `folder`, oldest first.
    package static func lastTwo(in folder: String) throws(DiffError) -> (old: String, new: String) {
        let versions = ReportStore(directory: folder).versions()
        guard versions.count >= 2 else { throw .tooFewVersions(folder: folder, count: versions.count) }
        return (folder + "/" + versions[versions.count - 2], folder + "/" + versions[versions.count - 1])
    }

    package init(old: String, new: String) throws(DiffError) {
        let a = try Self.manifest(in: old), b = try Self.manifest(in: new)
        self.old = old
        self.new = new
        let before = Self.flat(try Self.metrics(in: old)), after = Self.flat(try Self.metrics(in: new))
        var names = before.map(\.0)
        for (name, _) in after where !names.contains(name) { names.append(name) }
        let oldValues = Dictionary(before, uniquingKeysWith: { x, _ in x }),
            newValues = Dictionary(after, uniquingKeysWith: { x, _ in x })
        metrics = names.map { MetricChange(name: $0, old: oldValues[$0] ?? nil, new: newValues[$0] ?? nil) }
        // A check is named by its condition; the detail in brackets changes with the values.
        func condition(_ summary: String) -> String {
            let text = summary.hasPrefix("failed: ") ? String(summary.dropFirst(8)) : summary
            return text.components(separatedBy: " (").first ?? text
        }
        let failuresBefore = a.checks.failures.map { condition($0.check) },
            failuresAfter = b.checks.failures.map { condition($0.check) }
        let failedBefore = Set(failuresBefore), failedAfter = Set(failuresAfter)
        nowFailing = failuresAfter.filter { !failedBefore.contains($0) }
        nowPassing = failuresBefore.filter { !failedAfter.contains($0) }
        var params: [Change] = []
        let oldParams = a.params.mapValues(\.value.inlineText), newParams = b.params.mapValues(\.value.inlineText)
        for name in (Set(oldParams.keys).union(newParams.keys)).sorted() where oldParams[name] != newParams[name] {
            params.append(Change(name: name, old: oldParams[name] ?? "—", new: newParams[name] ?? "—"))
        }
        if a.seed != b.seed { params.append(Change(name: "seed", old: String(a.seed), new: String(b.seed))) }
        self.params = params
        // An input whose hash could not be recorded compares as an empty hash, as replay does.
        let oldInputs = Dictionary(a.inputs.map { ($0.path, $0.sha256 ?? "") }, uniquingKeysWith: { x, _ in x })
        let newInputs = Dictionary(b.inputs.map { ($0.path, $0.sha256 ?? "") }, uniquingKeysWith: { x, _ in x })
        inputs = Set(oldInputs.keys).union(newInputs.keys).sorted().compactMap { path in
            oldInputs[path] == newInputs[path]
                ? nil
                : Change(
                    name: path, old: oldInputs[path].map { String($0.prefix(12)) } ?? "—",
                    new: newInputs[path].map { String($0.prefix(12)) } ?? "—")
        }
        notebookChanged = a.notebook.sha256 != b.notebook.sha256
    }

    private static func manifest(in folder: String) throws(DiffError) -> Manifest {
        let path = folder + "/manifest.json"
        do { return try Manifest.read(path) } catch {
            throw error == .notFound ? .notAVersion(folder) : .unreadableManifest(path, error)
        }
    }

    private static func metrics(in folder: String) throws(DiffError) -> MetricsFile {
        let path = folder + "/metrics.json"
        do { return try MetricsFile.read(path) } catch { throw .unreadableMetrics(path, error) }
    }

    /// Every number of a metrics file, flattened in file order: `name`, `name.field`, `name[i]`; bools count as 1
    /// and 0, nulls as missing, text is left out.
    static func flat(_ metrics: MetricsFile) -> [(String, Double?)] {
        var out: [(String, Double?)] = []
        func walk(_ name: String, _ value: JSON) {
            switch value {
            case .number(let x): out.append((name, x))
            case .integer(let n): out.append((name, Double(n)))
            case .null: out.append((name, nil))
            case .bool(let b): out.append((name, b ? 1 : 0))
            case .array(let items): for (i, item) in items.enumerated() { walk("\(name)[\(i)]", item) }
            case .object(let fields): for (key, item) in fields { walk("\(name).\(key)", item) }
            case .string: break
            }
        }
        for (key, value) in metrics.values { walk(key, value) }
        return out
    }

    /// The diff as JSON, for scripts.
    package func json() -> String {
        func number(_ x: Double?) -> JSON { x.map { .number($0) } ?? .null }
        func changes(_ list: [Change]) -> JSON {
            .array(
                list.map { .object([("name", .string($0.name)), ("old", .string($0.old)), ("new", .string($0.new))]) })
        }
        return JSON.object([
            ("old", .string(old)), ("new", .string(new)),
            (
                "metrics",
                .array(
                    metrics.map {
                        .object([
                            ("name", .string($0.name)), ("old", number($0.old)), ("new", number($0.new)),
                            ("change", number($0.change)), ("relative", number($0.relative)),
                        ])
                    })
            ),
            ("now_failing", .array(nowFailing.map(JSON.string))), ("now_passing", .array(nowPassing.map(JSON.string))),
            ("params", changes(params)), ("inputs", changes(inputs)), ("notebook_changed", .bool(notebookChanged)),
        ]).text() + "\n"
    }

    /// The diff as GitHub-flavoured Markdown.
    package func markdown() -> String {
        var out = "# \(old) → \(new)\n\n"
        let changed = metrics.filter { $0.old != $0.new }
        out += "## Metrics (\(changed.count) of \(metrics.count) changed)\n\n"
        if metrics.isEmpty {
            out += "No metrics.\n\n"
        } else {
            out += "| metric | old | new | change | relative |\n| :--- | ---: | ---: | ---: | ---: |\n"
            for m in metrics {
                let relative =
                    m.relative.map { (($0 >= 0 ? "+" : "") + NumberFormat.human(($0 * 1000).rounded() / 10)) + "%" }
                    ?? "—"
                let change = m.change.map { ($0 > 0 ? "+" : "") + NumberFormat.human($0) } ?? "—"
                out +=
                    "| \(m.name) | \(m.old.map(NumberFormat.human) ?? "—") | \(m.new.map(NumberFormat.human) ?? "—") | \(change) | \(relative) |\n"
            }
            out += "\n"
        }
        out += "## Checks\n\n"
        if nowFailing.isEmpty && nowPassing.isEmpty { out += "No check changed.\n\n" }
        for c in nowFailing { out += "- now failing: `\(c)`\n" }
        for c in nowPassing { out += "- now passing: `\(c)`\n" }
        if !(nowFailing.isEmpty && nowPassing.isEmpty) { out += "\n" }
        out += "## Provenance\n\n"
        out += notebookChanged ? "- the notebook changed\n" : "- same notebook\n"
        for p in params { out += "- \(p.name == "seed" ? "seed" : "param `\(p.name)`"): \(p.old) → \(p.new)\n" }
        for i in inputs { out += "- input `\(i.name)`: \(i.old) → \(i.new)\n" }
        if params.isEmpty { out += "- same params and seed\n" }
        if inputs.isEmpty { out += "- same inputs\n" }
        return out
    }
}
