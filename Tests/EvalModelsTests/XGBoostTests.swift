import EvalModels
import Foundation
import Testing

/// XGBoost JSON models against the predictions XGBoost itself made for them
/// (scripts/reference/xgboost_models.py; versions in xgboost_reference.json).
@Suite("XGBoost models")
struct XGBoostTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var file: String
            var objective: String
            var booster: String
            var rounds: Int
            var features: [String]
            var predictions: [Double]
            var margins: [Double]
        }
        var versions: [String: String]
        var features: Int
        var rows: [[Double?]]
        var models: [Case]
    }

    static func fixture(_ name: String) throws -> Data {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        let url = try #require(
            Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures/xgboost"))
        return try Data(contentsOf: url)
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: fixture("xgboost_reference.json"))
    }

    /// One column per feature, NaN where the reference row has null.
    static func columns(_ reference: Reference) -> [[Double]] {
        (0..<reference.features).map { f in reference.rows.map { $0[f] ?? .nan } }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(b))
    }

    @Test(arguments: [
        "binary_logistic.json", "binary_logitraw.json", "reg_squarederror.json", "reg_logistic.json",
        "multi_softprob.json", "multi_softmax.json", "dart_binary.json", "named_features.json",
    ])
    func matchesXGBoost(file: String) throws {
        let reference = try Self.reference()
        let expected = try #require(reference.models.first { $0.file == file })
        let model = try XGBoostModel.load(Self.fixture(file), path: file)
        #expect(model.info.format == "xgboost")
        #expect(model.info.objective == expected.objective)
        #expect(model.info.features == expected.features)
        #expect(model.info.trees >= expected.rounds)
        let x = Self.columns(reference)
        let rows = reference.rows.count
        for (margin, want) in [(false, expected.predictions), (true, expected.margins)] {
            let got = model.predict(x, margin: margin)
            #expect(got.rows == rows)
            #expect(got.rows * got.width == want.count)
            var mismatches = 0
            for (i, (g, w)) in zip(got.values, want).enumerated() where !Self.close(g, w) {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(file) margin=\(margin) value \(i): \(g) vs xgboost \(w)") }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func tasksAndWidths() throws {
        let multi = try XGBoostModel.load(Self.fixture("multi_softmax.json"), path: "m.json")
        #expect(multi.info.task == .multiclass(classes: 4))
        let p = multi.predict(Self.columns(try Self.reference()), margin: false)
        for r in 0..<p.rows {
            let sum = (0..<p.width).reduce(0.0) { $0 + p.values[r * p.width + $1] }
            #expect(abs(sum - 1) < 1e-5)
        }
        #expect(try XGBoostModel.load(Self.fixture("binary_logitraw.json"), path: "m.json").info.task == .binary)
        #expect(try XGBoostModel.load(Self.fixture("reg_logistic.json"), path: "m.json").info.task == .regression)
        #expect(try XGBoostModel.load(Self.fixture("dart_binary.json"), path: "m.json").info.trees == 15)
    }

    /// Fixed blocks make the result independent of scheduling: a large input split over
    /// threads equals the same rows predicted one block at a time.
    @Test func blocksAreIndependent() throws {
        let model = try XGBoostModel.load(Self.fixture("multi_softprob.json"), path: "m.json")
        let base = Self.columns(try Self.reference())
        let copies = 60  // 12,000 rows: three blocks
        let big = base.map { column in Array((0..<copies).map { _ in column }.joined()) }
        let all = model.predict(big, margin: false)
        let one = model.predict(base, margin: false)
        #expect(all.values == Array((0..<copies).map { _ in one.values }.joined()))
    }

    static func loadError(_ text: String) -> ModelError? {
        do {
            _ = try XGBoostModel.load(Array(text.utf8), path: "bad.json")
            return nil
        } catch {
            return error
        }
    }

    static func edited(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let data = try fixture("binary_logistic.json")
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&root)
        let out = try JSONSerialization.data(withJSONObject: root)
        return try #require(String(data: out, encoding: .utf8))
    }

    @Test func unknownObjective() throws {
        let text = try Self.edited { root in
            var learner = root["learner"] as? [String: Any] ?? [:]
            learner["objective"] = ["name": "rank:pairwise"]
            root["learner"] = learner
        }
        let error = try #require(Self.loadError(text))
        #expect(error.path == "bad.json")
        #expect(error.reason == "the objective `rank:pairwise` is not supported")
    }

    @Test func truncatedAndNotJSON() throws {
        let full = try #require(String(data: try Self.fixture("binary_logistic.json"), encoding: .utf8))
        let truncated = try #require(Self.loadError(String(full.prefix(full.count / 2))))
        #expect(truncated.reason.contains("not valid JSON"))
        let notJSON = try #require(Self.loadError("tree\nversion=v4\n"))
        #expect(notJSON.reason.contains("not valid JSON"))
        let array = try #require(Self.loadError("[1, 2, 3]"))
        #expect(array.reason.contains("not an XGBoost model"))
    }

    @Test func wrongShape() throws {
        let noLearner = try #require(Self.loadError(#"{"version": [3, 2, 0]}"#))
        #expect(noLearner.reason == "the field `learner` is missing")

        let badTrees = try Self.edited { root in
            var learner = root["learner"] as? [String: Any] ?? [:]
            var booster = learner["gradient_booster"] as? [String: Any] ?? [:]
            var model = booster["model"] as? [String: Any] ?? [:]
            model["trees"] = "none"
            booster["model"] = model
            learner["gradient_booster"] = booster
            root["learner"] = learner
        }
        #expect(Self.loadError(badTrees)?.reason == "the field `gradient_booster.model.trees` is not a JSON array")

        let shortArrays = try Self.edited { root in
            var learner = root["learner"] as? [String: Any] ?? [:]
            var booster = learner["gradient_booster"] as? [String: Any] ?? [:]
            var model = booster["model"] as? [String: Any] ?? [:]
            var trees = model["trees"] as? [[String: Any]] ?? []
            trees[0]["split_conditions"] = [0.5]
            model["trees"] = trees
            booster["model"] = model
            learner["gradient_booster"] = booster
            root["learner"] = learner
        }
        #expect(Self.loadError(shortArrays)?.reason == "the node arrays of trees[0] have different lengths")

        let categorical = try Self.edited { root in
            var learner = root["learner"] as? [String: Any] ?? [:]
            var booster = learner["gradient_booster"] as? [String: Any] ?? [:]
            var model = booster["model"] as? [String: Any] ?? [:]
            var trees = model["trees"] as? [[String: Any]] ?? []
            let n = (trees[0]["split_type"] as? [Any])?.count ?? 0
            trees[0]["split_type"] = [1] + Array(repeating: 0, count: max(0, n - 1))
            model["trees"] = trees
            booster["model"] = model
            learner["gradient_booster"] = booster
            root["learner"] = learner
        }
        #expect(Self.loadError(categorical)?.reason == "trees[0] has categorical splits, which are not supported")

        let linear = try Self.edited { root in
            var learner = root["learner"] as? [String: Any] ?? [:]
            learner["gradient_booster"] = ["name": "gblinear", "model": [:] as [String: Any]]
            root["learner"] = learner
        }
        #expect(Self.loadError(linear)?.reason == "the booster `gblinear` is not supported (only gbtree and dart)")
    }

    @Test func recognisesJSONModels() throws {
        #expect(XGBoostModel.recognises(Array(try Self.fixture("dart_binary.json"))))
        #expect(!XGBoostModel.recognises(Array("tree\nversion=v4\n".utf8)))
        #expect(!XGBoostModel.recognises(Array(#"{"a": 1}"#.utf8)))
    }
}
