import EvalModels
import Foundation
import Testing

/// LightGBM text models against the predictions LightGBM itself made for them
/// (`scripts/reference/lightgbm_models.py`).
@Suite("LightGBM text models")
struct LightGBMTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var file: String
            var features: [String]
            var columns: [[Double?]]
            var predict: [Double]
            var raw: [Double]
            var width: Int
        }
        var versions: [String: String]
        var models: [String: Case]
    }

    static func fixture(_ name: String, _ ext: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/lightgbm"))
        return try Data(contentsOf: url)
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: fixture("lightgbm_reference", "json"))
    }

    static func model(_ name: String) throws -> LightGBMModel {
        let text = String(decoding: try fixture(name, "txt"), as: UTF8.self)
        return try LightGBMModel.load(text, path: "\(name).txt")
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(b))
    }

    static let names = [
        "binary", "binary_sigmoid", "regression", "regression_l1", "zero_as_missing",
        "multiclass3", "multiclass4_named", "categorical", "no_missing",
    ]

    @Test(arguments: names)
    func matchesLightGBM(_ name: String) throws {
        let ref = try #require(try Self.reference().models[name])
        let model = try Self.model(name)
        #expect(model.info.format == "lightgbm")
        #expect(model.info.features == ref.features)
        #expect(model.info.task.width == ref.width)
        let columns = ref.columns.map { $0.map { $0 ?? .nan } }
        #expect(columns.joined().contains { $0.isNaN })
        for (margin, expected) in [(false, ref.predict), (true, ref.raw)] {
            let p = model.predict(columns, margin: margin)
            #expect(p.width == ref.width)
            #expect(p.rows == columns[0].count)
            #expect(p.values.count == expected.count)
            let bad = zip(p.values, expected).enumerated().filter { !Self.close($0.element.0, $0.element.1) }
            #expect(
                bad.isEmpty,
                "\(name) margin=\(margin): \(bad.count) values differ, first \(bad.prefix(3).map { "\($0.offset): \($0.element)" })"
            )
        }
    }

    @Test func describesModels() throws {
        let multi = try Self.model("multiclass4_named")
        #expect(multi.info.objective == "multiclass")
        #expect(multi.info.task == .multiclass(classes: 4))
        #expect(multi.info.features == ["age", "income", "tenure", "score", "visits"])
        #expect(multi.info.trees == 40)
        let binary = try Self.model("binary")
        #expect(binary.info.objective == "binary")
        #expect(binary.info.task == .binary)
        #expect(binary.info.trees == 25)
        #expect(try Self.model("regression_l1").info.task == .regression)
    }

    @Test func blocksAndThreadsDoNotChangeResults() throws {
        let ref = try #require(try Self.reference().models["categorical"])
        let model = try Self.model("categorical")
        // Many rows (several blocks) built by repeating the reference rows.
        let columns = ref.columns.map { col in Array(repeating: col.map { $0 ?? .nan }, count: 13).flatMap { $0 } }
        let all = model.predict(columns, margin: false)
        let small = model.predict(ref.columns.map { $0.map { $0 ?? .nan } }, margin: false)
        #expect(all.values == Array(repeating: small.values, count: 13).flatMap { $0 })
        #expect(model.predict(columns.map { _ in [] }, margin: false).rows == 0)
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try fixture(name, "txt"), as: UTF8.self)
    }

    static func reason(_ text: String) -> String? {
        do {
            _ = try LightGBMModel.load(text, path: "m.txt")
            return nil
        } catch {
            #expect(error.path == "m.txt")
            return error.reason
        }
    }

    @Test func refusesUnknownObjective() throws {
        let text = try Self.text("regression").replacingOccurrences(
            of: "objective=regression", with: "objective=lambdarank")
        #expect(
            Self.reason(text)
                == "the objective `lambdarank` is not supported (binary, multiclass and regression objectives are)")
        let ova = try Self.text("binary").replacingOccurrences(
            of: "objective=binary sigmoid:1", with: "objective=multiclassova num_class:1 sigmoid:1")
        #expect(Self.reason(ova)?.contains("`multiclassova` is not supported") == true)
    }

    @Test func refusesLinearTrees() throws {
        let text = try Self.text("regression").replacingOccurrences(of: "is_linear=0", with: "is_linear=1")
        #expect(Self.reason(text) == "tree 0: linear trees (`is_linear=1`) are not supported")
    }

    @Test func refusesTruncatedFiles() throws {
        let text = try Self.text("binary")
        let cut = String(text.prefix(text.count / 2))
        let reason = try #require(Self.reason(cut))
        #expect(reason.contains("tree"), "\(reason)")
        // Cut exactly between trees: every tree is whole but the end marker is gone.
        let range = try #require(text.range(of: "\n\nTree=3\n"))
        #expect(
            Self.reason(String(text[..<range.lowerBound]) + "\n")
                == "the file ends after 3 tree(s) without `end of trees` (truncated?)")
        // Cut in the middle of a number list.
        let mid = try #require(text.range(of: "leaf_value="))
        let reason2 = try #require(Self.reason(String(text[..<text.index(mid.upperBound, offsetBy: 30)])))
        #expect(reason2.hasPrefix("tree 0: `leaf_value` has"), "\(reason2)")
    }

    @Test func refusesGarbage() throws {
        #expect(Self.reason("") == "this is not a LightGBM text model (the first line is not `tree`)")
        #expect(Self.reason("{\"learner\": {}}") == "this is not a LightGBM text model (the first line is not `tree`)")
        #expect(Self.reason("tree\nversion=v4\n") == "the header's `num_class` is missing or not a positive integer")
        let text = try Self.text("binary")
        #expect(
            Self.reason(text.replacingOccurrences(of: "left_child=", with: "left_kid="))
                == "tree 0: the `left_child` field is missing")
        #expect(
            Self.reason(text.replacingOccurrences(of: "\nthreshold=", with: "\nthreshold=x"))?.hasPrefix(
                "tree 0: `threshold` holds `x") == true)
        #expect(
            Self.reason(text.replacingOccurrences(of: "left_child=", with: "left_child=0 "))?.hasPrefix(
                "tree 0: `left_child` has") == true)
    }

    @Test func recordsVersions() throws {
        #expect(try Self.reference().versions["lightgbm"] == "4.7.0")
    }
}
