import EvalModels
import Foundation
import Testing

/// ONNX models exported by skl2onnx, against onnxruntime's outputs recorded by
/// scripts/reference/onnx_models.py (versions in onnx_reference.json).
@Suite("ONNX models")
struct ONNXTests {
    struct Reference: Decodable {
        struct Entry: Decodable {
            var name: String
            var file: String
            var task: String
            var classes: [String]?
            var probabilities: [[Double]]?
            var values: [Double]?
        }
        var features: Int
        var inputs: [[Double]]
        var models: [Entry]
    }

    static func fixture(_ name: String, _ ext: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/onnx"))
        return try Data(contentsOf: url)
    }

    static let reference: Reference? = {
        guard let data = try? fixture("onnx_reference", "json") else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let modelNames = [
        "logreg_binary", "logreg_multiclass", "linear_regression", "decision_tree", "random_forest",
        "gradient_boosting", "gradient_boosting_multiclass", "random_forest_regressor",
        "gradient_boosting_regressor", "standard_ops", "tree_modes",
    ]

    static func load(_ name: String) throws -> ONNXModel {
        try ONNXModel.load([UInt8](fixture(name, "onnx")), path: "\(name).onnx")
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= max(1e-6, 1e-5 * abs(b))
    }

    @Test(arguments: modelNames)
    func matchesOnnxruntime(_ name: String) throws {
        let reference = try #require(Self.reference)
        let entry = try #require(reference.models.first { $0.name == name })
        let model = try Self.load(name)
        let columns = (0..<reference.features).map { j in reference.inputs.map { $0[j] } }
        #expect(model.info.format == "onnx")
        #expect(model.info.features == (0..<reference.features).map { "f\($0)" })
        let prediction = model.predict(columns, margin: false)
        #expect(prediction.rows == reference.inputs.count)
        var expected: [Double]
        switch entry.task {
        case "binary":
            #expect(model.info.task == .binary)
            #expect(model.info.classLabels == entry.classes)
            expected = try #require(entry.probabilities).map { $0[1] }
        case "multiclass":
            let probabilities = try #require(entry.probabilities)
            #expect(model.info.task == .multiclass(classes: probabilities[0].count))
            #expect(model.info.classLabels == entry.classes)
            expected = probabilities.flatMap { $0 }
        default:
            #expect(model.info.task == .regression)
            expected = try #require(entry.values)
        }
        try #require(prediction.values.count == expected.count)
        var mismatches = 0
        for (k, (got, want)) in zip(prediction.values, expected).enumerated() where !Self.close(got, want) {
            mismatches += 1
            if mismatches <= 3 { Issue.record("\(name) value \(k): \(got) vs onnxruntime \(want)") }
        }
        #expect(mismatches == 0)
    }

    @Test func describesModels() throws {
        let forest = try Self.load("random_forest")
        #expect(forest.info.objective == "TreeEnsembleClassifier")
        #expect(forest.info.trees == 5)
        let linear = try Self.load("linear_regression")
        #expect(linear.info.objective == "LinearRegressor")
        #expect(linear.info.trees == 0)
        #expect(linear.info.classLabels == nil)
        let multi = try Self.load("logreg_multiclass")
        #expect(multi.info.objective == "LinearClassifier")
        #expect(multi.info.classLabels == ["0", "1", "2"])
    }

    /// Margins are the scores before the predictor's post_transform.
    @Test(arguments: ["logreg_binary", "gradient_boosting"])
    func binaryMarginsAreLogOdds(_ name: String) throws {
        let reference = try #require(Self.reference)
        let model = try Self.load(name)
        let columns = (0..<reference.features).map { j in reference.inputs.map { $0[j] } }
        let p = model.predict(columns, margin: false).values
        let m = model.predict(columns, margin: true).values
        try #require(p.count == m.count)
        for (pk, mk) in zip(p, m) { #expect(Self.close(1 / (1 + exp(-mk)), pk)) }
    }

    @Test func multiclassMarginsAreSoftmaxInputs() throws {
        let reference = try #require(Self.reference)
        let model = try Self.load("logreg_multiclass")
        let columns = (0..<reference.features).map { j in reference.inputs.map { $0[j] } }
        let p = model.predict(columns, margin: false)
        let m = model.predict(columns, margin: true)
        #expect(m.width == 3)
        for i in 0..<m.rows {
            let row = (0..<3).map { m.values[i * 3 + $0] }
            let top = row.max() ?? 0
            let e = row.map { exp($0 - top) }
            let s = e.reduce(0, +)
            for j in 0..<3 { #expect(Self.close(e[j] / s, p.values[i * 3 + j])) }
        }
    }

    @Test func emptyBatch() throws {
        let model = try Self.load("decision_tree")
        let p = model.predict(Array(repeating: [], count: 6), margin: false)
        #expect(p.rows == 0 && p.width == 3 && p.values.isEmpty)
    }

    func loadError(_ bytes: [UInt8], path: String = "bad.onnx") -> ModelError? {
        do {
            _ = try ONNXModel.load(bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func truncatedFile() throws {
        let bytes = [UInt8](try Self.fixture("gradient_boosting", "onnx"))
        for cut in [bytes.count / 2, bytes.count - 1, 40, 3] {
            let error = try #require(loadError(Array(bytes[..<cut])))
            #expect(error.path == "bad.onnx")
            #expect(error.reason.hasPrefix("the file is not"), "\(error.reason)")
        }
        let error = try #require(loadError(Array(bytes[..<(bytes.count / 2)])))
        #expect(error.reason.contains("truncated"), "\(error.reason)")
    }

    @Test func randomBytes() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [1, 16, 100, 1000, 5000] {
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            let error = try #require(loadError(bytes))
            #expect(error.reason.hasPrefix("the file is not"), "\(error.reason)")
        }
        #expect(loadError([])?.reason == "the file is not an ONNX model (it has no graph)")
    }

    @Test func unsupportedOperator() throws {
        let bytes = [UInt8](try Self.fixture("unsupported_einsum", "onnx"))
        let error = try #require(loadError(bytes, path: "einsum.onnx"))
        #expect(error == ModelError(path: "einsum.onnx", reason: "the operator `Einsum` is not supported"))
        #expect(ONNXModel.recognises(bytes))
    }
}
