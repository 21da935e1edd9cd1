/// Every builtin, registered once, in family order then definition order.
package struct BuiltinRegistry: Sendable {
    package static let shared = BuiltinRegistry(families: [
        DataBuiltins.all,
        TableBuiltins.all,
        ShapeBuiltins.all,
        ColumnMathBuiltins.all,
        RegressionBuiltins.all,
        ClassificationBuiltins.all,
        LabelMetricBuiltins.all,
        ClassTableBuiltins.all,
        CurveBuiltins.all,
        RankingBuiltins.all,
        MultilabelBuiltins.all,
        BusinessBuiltins.all,
        ExperimentBuiltins.all,
        ResamplingBuiltins.all,
        ShiftBuiltins.all,
        CheckBuiltins.all,
        FigureBuiltins.all,
        ModelBuiltins.all,
    ])

    package let all: [Builtin]
    private let byName: [String: Int]

    init(families: [[Builtin]]) {
        all = families.flatMap { $0 }
        var index: [String: Int] = [:]
        for (i, b) in all.enumerated() where index[b.name] == nil { index[b.name] = i }
        byName = index
    }

    package subscript(name: String) -> Builtin? {
        byName[name].map { all[$0] }
    }

    package var names: [String] { all.map(\.name) }

    /// Builtins whose name, family or doc contains `filter` (case-insensitive).
    package func matching(_ filter: String?) -> [Builtin] {
        guard let filter, !filter.isEmpty else { return all }
        let needle = filter.lowercased()
        return all.filter {
            $0.name.lowercased().contains(needle) || $0.family.lowercased().contains(needle)
                || $0.doc.lowercased().contains(needle)
        }
    }

    /// The catalogue as text, grouped by family: signature, doc, example.
    package func catalogue(_ filter: String? = nil) -> String {
        var out = ""
        var family = ""
        for b in matching(filter) {
            if b.family != family {
                if !out.isEmpty { out += "\n" }
                out += "\(b.family)\n"
                family = b.family
            }
            out += "  \(b.signature)\n      \(b.doc)\n      e.g. \(b.example)\n"
        }
        return out
    }
}
