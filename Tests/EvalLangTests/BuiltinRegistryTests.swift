import EvalLang
import Testing

/// The registry behind `evalbook functions`, `:help` and every call of a builtin.
@Suite("Builtin registry")
struct BuiltinRegistryTests {
    /// The family headings of a catalogue, in the order they print.
    static func headings(_ catalogue: String) -> [String] {
        catalogue.split(separator: "\n").filter { $0.first != " " }.map(String.init)
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
}
