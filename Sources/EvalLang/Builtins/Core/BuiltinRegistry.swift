/// Every builtin, registered once, in family order then definition order.
package struct BuiltinRegistry: Sendable {
    /// Two or more builtins registered under one name: a programming error, since a
    /// call could reach only one of them.
    package struct DuplicateNames: Error, Sendable, Equatable, CustomStringConvertible {
        /// Each name registered more than once, in registration order.
        package var names: [String]

        /// `builtins registered more than once: mean, roc_auc`.
        package var description: String {
            "builtins registered more than once: " + names.joined(separator: ", ")
        }
    }

    /// The builtins of every family, in registration order.
    package static let registered: [[Builtin]] = [
        DataBuiltins.all,
        ParquetBuiltins.all,
        ShapeBuiltins.all,
        TableBuiltins.all,
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
        WarehouseBuiltins.all,
    ]

    /// The registry of `registered`.
    ///
    /// The test "registry has no duplicate names" keeps `registered` free of
    /// duplicates; were one to slip through, users would still get a working
    /// registry (each name reaching its first definition) rather than a crash.
    package static let shared: BuiltinRegistry = {
        do { return try BuiltinRegistry(families: registered) } catch {
            return BuiltinRegistry(firstOfEachName: registered.flatMap { $0 })
        }
    }()

    package let all: [Builtin]
    private let byName: [String: Int]

    /// A registry of `families`, refusing names registered more than once.
    package init(families: [[Builtin]]) throws(DuplicateNames) {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for b in families.joined() where !seen.insert(b.name).inserted && !duplicates.contains(b.name) {
            duplicates.append(b.name)
        }
        guard duplicates.isEmpty else { throw DuplicateNames(names: duplicates) }
        self.init(firstOfEachName: Array(families.joined()))
    }

    /// Sorts `builtins` into family order, keeping definition order within a family,
    /// so the catalogue shows each family under one heading.
    private init(firstOfEachName builtins: [Builtin]) {
        all = builtins.enumerated().sorted { a, b in
            a.element.family.order != b.element.family.order
                ? a.element.family.order < b.element.family.order : a.offset < b.offset
        }.map(\.element)
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
            $0.name.lowercased().contains(needle) || $0.family.title.lowercased().contains(needle)
                || $0.doc.lowercased().contains(needle)
        }
    }

    /// The catalogue as text, grouped by family: signature, doc, example.
    package func catalogue(_ filter: String? = nil) -> String {
        var out = ""
        var family: Family?
        for b in matching(filter) {
            if b.family != family {
                if !out.isEmpty { out += "\n" }
                out += "\(b.family.title)\n"
                family = b.family
            }
            out += "  \(b.signature)\n      \(b.doc)\n      e.g. \(b.example)\n"
        }
        return out
    }
}
