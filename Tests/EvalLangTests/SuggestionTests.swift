import EvalLang
import Testing

@Suite("Did you mean")
struct SuggestionTests {
    @Test(
        "close names are suggested",
        arguments: [
            ("churnd", ["churned", "p"], "churned"),
            ("rocauc", ["roc_auc", "log_loss"], "roc_auc"),
            ("weight", ["weights", "by"], "weights"),
            ("MAE", ["mae", "mse"], "mae"),
        ])
    func suggests(_ name: String, _ candidates: [String], _ expected: String) {
        #expect(Suggestion.nearest(to: name, in: candidates) == expected)
    }

    @Test(
        "far names are not",
        arguments: [
            ("revenue", ["churned", "p"]),
            ("b", ["a"]),
            ("x", []),
        ])
    func noSuggestion(_ name: String, _ candidates: [String]) {
        #expect(Suggestion.nearest(to: name, in: candidates) == nil)
    }

    @Test("edit distance")
    func distance() {
        #expect(Suggestion.distance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(Suggestion.distance([], Array("abc".utf8)) == 3)
    }
}
