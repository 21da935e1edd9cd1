import EvalLang
import Testing

/// The registry behind `evalbook functions`, `:help` and every call of a builtin.
@Suite("Builtin registry")
struct BuiltinRegistryTests {
    /// The family headings of a catalogue, in the order they print.
    static func headings(_ catalogue: String) -> [String] {
        catalogue.split(separator: "\n").filter { $0.first != " " }.map(String.init)
    }

    /// A builtin that is never called, to register under a given name.
    static func stub(_ name: String, _ family: Family = .data) -> Builtin {
        Builtin(name, family: family, [], doc: "A test stub.", example: "\(name)()") { _, _ throws(RuntimeError) in
            .null
        }
    }

    @Test("registry has no duplicate names")
    func noDuplicates() throws {
        let registry = try BuiltinRegistry(families: BuiltinRegistry.registered)
        #expect(Set(registry.names).count == registry.names.count)
        #expect(BuiltinRegistry.shared.names.count == BuiltinRegistry.registered.joined().count)
    }

    @Test("a registry with a name registered twice reports each such name once")
    func duplicatesAreRefused() {
        let families = [
            [Self.stub("mean"), Self.stub("roc_auc")],
            [Self.stub("mean", .columnMaths), Self.stub("rmse"), Self.stub("mean"), Self.stub("roc_auc")],
        ]
        do {
            let registry = try BuiltinRegistry(families: families)
            Issue.record("a registry of \(registry.names) was built despite duplicate names")
        } catch {
            #expect(error.names == ["mean", "roc_auc"])
            #expect(error.description == "builtins registered more than once: mean, roc_auc")
        }
    }

    @Test("distinct names make a registry that finds each builtin")
    func distinctNames() throws {
        let registry = try BuiltinRegistry(families: [[Self.stub("b", .models)], [Self.stub("a")]])
        #expect(registry.names == ["a", "b"])
        #expect(registry["b"]?.family == .models)
        #expect(registry["c"] == nil)
    }

    @Test("every family appears once in the catalogue, in order")
    func familiesInOrder() {
        let headings = Self.headings(BuiltinRegistry.shared.catalogue())
        #expect(headings == Family.allCases.map(\.title))
    }

    @Test("the builtins are listed family by family")
    func builtinsGroupedByFamily() {
        let families = BuiltinRegistry.shared.all.map(\.family)
        let order = Family.allCases
        let positions = families.compactMap { order.firstIndex(of: $0) }
        #expect(positions == positions.sorted())
    }

    @Test("a filter keeps one heading per family it matches")
    func filteredHeadings() {
        #expect(Self.headings(BuiltinRegistry.shared.catalogue("concat")) == ["Data"])
        let matchingData = Self.headings(BuiltinRegistry.shared.catalogue("data"))
        #expect(matchingData.first == "Data")
        #expect(Set(matchingData).count == matchingData.count)
    }

    /// The losses and errors: every other metric is a score, better when larger.
    static let losses: Set<String> = [
        "log_loss", "brier", "mae", "mse", "rmse", "mape", "median_ae", "max_error", "msle", "rmsle", "pinball",
        "huber", "cross_entropy", "hamming_loss", "ece", "mce", "coverage_error", "ranking_loss",
    ]

    @Test("losses and errors rank smallest first, every other metric largest first")
    func metricDirections() {
        let metrics = BuiltinRegistry.shared.all.filter { $0.metric != nil }
        let lowerIsBetter = metrics.filter { $0.metric?.direction == .lowerIsBetter }.map(\.name)
        #expect(Set(lowerIsBetter) == Self.losses)
        for name in ["roc_auc", "average_precision", "accuracy", "f1", "precision", "recall", "r2", "ndcg", "lift"] {
            #expect(BuiltinRegistry.shared[name]?.metric?.direction == .higherIsBetter, "\(name)")
        }
        #expect(MetricTrait.lowerIsBetter.prefers(0.2, over: 0.3))
        #expect(MetricTrait.higherIsBetter.prefers(0.3, over: 0.2))
        #expect(!MetricTrait.higherIsBetter.prefers(0.3, over: 0.3))
    }

    @Test("metrics take the truth and a prediction first; figures, tables and checks are not metrics")
    func metricShapes() {
        for b in BuiltinRegistry.shared.all where b.metric != nil {
            #expect(b.parameters.prefix(2).allSatisfy { $0.role == .required }, "\(b.name)")
        }
        for name in ["plot_roc", "roc_curve", "confusion", "classification_report", "mean", "approx", "psi"] {
            let builtin = BuiltinRegistry.shared[name]
            #expect(builtin != nil && builtin?.metric == nil, "\(name)")
        }
    }

    @Test("approx and between explain a failed check with the values they were given")
    func checksExplainThemselves() {
        #expect(BuiltinRegistry.shared.all.filter(\.explainsFailedCheck).map(\.name) == ["approx", "between"])
        let approx = BuiltinRegistry.shared["approx"]
        let text = approx?.failedCheckExplanation(called: "approx", [(nil, .number(0.8512)), ("tol", .number(0.01))])
        #expect(text == "approx(0.8512, tol: 0.01) is false")
        #expect(BuiltinRegistry.shared["roc_auc"]?.failedCheckExplanation(called: "roc_auc", []) == nil)
    }
}
