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

    package struct DiffError: Error, Sendable {
        package var message: String
    }

    package init(old: String, new: String) throws(DiffError) {
        guard let a = ManifestFile.read(old + "/manifest.json") else {
            throw DiffError(message: "\(old) is not a report version (no readable manifest.json)")
        }
        guard let b = ManifestFile.read(new + "/manifest.json") else {
            throw DiffError(message: "\(new) is not a report version (no readable manifest.json)")
        }
        self.old = old
        self.new = new
        let before = Self.flatMetrics(old + "/metrics.json"), after = Self.flatMetrics(new + "/metrics.json")
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
        let failedBefore = Set(a.failures.map(condition)), failedAfter = b.failures.map(condition)
        nowFailing = failedAfter.filter { !failedBefore.contains($0) }
        let failedAfterSet = Set(failedAfter)
        nowPassing = a.failures.map(condition).filter { !failedAfterSet.contains($0) }
        var params: [Change] = []
        let oldParams = Dictionary(a.params.map { ($0.name, $0.value.inlineText) }, uniquingKeysWith: { x, _ in x })
        let newParams = Dictionary(b.params.map { ($0.name, $0.value.inlineText) }, uniquingKeysWith: { x, _ in x })
        for name in (Set(oldParams.keys).union(newParams.keys)).sorted() where oldParams[name] != newParams[name] {
            params.append(Change(name: name, old: oldParams[name] ?? "—", new: newParams[name] ?? "—"))
        }
        if a.seed != b.seed { params.append(Change(name: "seed", old: String(a.seed), new: String(b.seed))) }
        self.params = params
        let oldInputs = Dictionary(a.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { x, _ in x })
        let newInputs = Dictionary(b.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { x, _ in x })
        inputs = Set(oldInputs.keys).union(newInputs.keys).sorted().compactMap { path in
            oldInputs[path] == newInputs[path]
                ? nil
                : Change(
                    name: path, old: oldInputs[path].map { String($0.prefix(12)) } ?? "—",
                    new: newInputs[path].map { String($0.prefix(12)) } ?? "—")
        }
        notebookChanged = a.notebookSHA256 != b.notebookSHA256
    }

    /// Every number in a `metrics.json`, flattened: `name`, `name.field`, `name[i]`.
    static func flatMetrics(_ path: String) -> [(String, Double?)] {
        guard let data = FileManager.default.contents(atPath: path),
            let json = try? JSONDecoder().decode([String: JSONValue].self, from: data)
        else { return [] }
        var out: [(String, Double?)] = []
        func walk(_ name: String, _ value: JSONValue) {
            switch value {
            case .number(let x): out.append((name, x))
            case .null: out.append((name, nil))
            case .bool(let b): out.append((name, b ? 1 : 0))
            case .list(let items): for (i, item) in items.enumerated() { walk("\(name)[\(i)]", item) }
            case .object(let fields):
                for (key, item) in fields.sorted(by: { $0.key < $1.key }) { walk("\(name).\(key)", item) }
            case .string: break
            }
        }
        // Sorted by name: decoded JSON objects have no reliable order.
        for (key, value) in json.sorted(by: { $0.key < $1.key }) { walk(key, value) }
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
