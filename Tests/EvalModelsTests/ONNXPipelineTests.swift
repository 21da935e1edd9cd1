import EvalModels
import Foundation
import Testing

/// ONNX models of scikit-learn pipelines (imputer, scaler, one-hot and ordinal encoders,
/// column selection by index) and a hand-made graph of the remaining operators, against
/// onnxruntime's outputs recorded by scripts/reference/onnx_pipelines.py (versions in
/// onnx_pipelines_reference.json), row by row.
@Suite("ONNX pipelines with named numeric and string inputs")
struct ONNXPipelineTests {
    /// A column of the reference rows: numbers (null for missing) or strings.
    enum Values: Decodable {
        case numbers([Double?])
        case strings([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let strings = try? container.decode([String].self) {
                self = .strings(strings)
            } else {
                self = .numbers(try container.decode([Double?].self))
            }
        }
    }

    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        struct Input: Decodable, Sendable {
            var name: String
            var type: String
        }
        var name: String
        var file: String
        var task: String
        var inputs: [Input]
        var ops: [String]
        var classes: [String]?
        /// Null where onnxruntime gives NaN.
        var probabilities: [[Double?]]?
        var values: [Double?]?
        var testDescription: String { name }
    }

    struct Reference: Decodable {
        struct Unknown: Decodable {
            var file: String
            var category: String
            var input: String
        }
        var versions: [String: String]
        var rows: Int
        var columns: [String: Values]
        var models: [Entry]
        var unknownCategory: Unknown
    }

    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/onnx"))
        return try Data(contentsOf: url)
    }

    static func load() throws -> Reference {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Reference.self, from: try fixture("onnx_pipelines_reference.json"))
    }

    static let reference: Reference? = try? load()

    static func load(_ file: String) throws -> ONNXModel {
        try ONNXModel.load([UInt8](fixture(file)), path: file)
    }

    /// The reference rows as the model's feature columns.
    static func columns(for entry: Entry, _ reference: Reference) throws -> [FeatureColumn] {
        if entry.name == "pipeline_array" {
            // One float matrix: tenure, spend, then the plan and region codes.
            guard case .numbers(let tenure)? = reference.columns["tenure"],
                case .numbers(let spend)? = reference.columns["spend"],
                case .strings(let plan)? = reference.columns["plan"],
                case .strings(let region)? = reference.columns["region"]
            else { throw CocoaError(.coderValueNotFound) }
            let plans = ["basic": 0.0, "pro": 1, "team": 2, "gold": 3]
            let regions = ["eu": 0.0, "us": 1, "apac": 2, "latam": 3]
            return [
                .numbers(tenure.map { $0 ?? .nan }), .numbers(spend.map { $0 ?? .nan }),
                .numbers(plan.map { plans[$0] ?? .nan }), .numbers(region.map { regions[$0] ?? .nan }),
            ]
        }
        return try entry.inputs.map { input in
            switch try #require(reference.columns[input.name]) {
            case .strings(let v): return .strings(v)
            case .numbers(let v): return .numbers(v.map { $0 ?? .nan })
            }
        }
    }

    @Test func fixtureLoads() throws {
        let reference = try Self.load()
        #expect(reference.versions["onnxruntime"] != nil && reference.versions["skl2onnx"] != nil)
        #expect(reference.models.count >= 7)
        let ops = Set(reference.models.flatMap(\.ops))
        for op in [
            "ai.onnx.ml:Imputer", "ai.onnx.ml:OneHotEncoder", "ai.onnx.ml:LabelEncoder", ":Gather", ":Concat",
            ":Reshape", "ai.onnx.ml:ArrayFeatureExtractor", "ai.onnx.ml:CategoryMapper", ":Add", ":Sub", ":Mul",
            ":Div", ":Pow", ":Sqrt",
        ] {
            #expect(ops.contains(op), "no fixture uses \(op)")
        }
    }

    @Test(arguments: reference?.models ?? [])
    func matchesOnnxruntime(_ entry: Entry) throws {
        let reference = try #require(Self.reference)
        let model = try Self.load(entry.file)
        let columns = try Self.columns(for: entry, reference)
        if entry.name != "pipeline_array" {
            #expect(model.info.features == entry.inputs.map(\.name))
            #expect(model.info.namedFeatures)
            let types: [FeatureType] = entry.inputs.map {
                $0.type == "string" ? .string : $0.type == "int64" ? .integer : .number
            }
            #expect(model.info.featureTypes == types)
        } else {
            #expect(!model.info.namedFeatures && model.info.features.count == 4)
        }
        let prediction = try model.predict(columns: columns, margin: false)
        #expect(prediction.rows == reference.rows)
        let expected: [Double?]
        switch entry.task {
        case "binary":
            #expect(model.info.task == .binary && model.info.classLabels == entry.classes)
            expected = try #require(entry.probabilities).map { $0[1] }
        case "multiclass":
            let probabilities = try #require(entry.probabilities)
            #expect(model.info.task == .multiclass(classes: probabilities[0].count))
            expected = probabilities.flatMap { $0 }
        default:
            #expect(model.info.task == .regression)
            expected = try #require(entry.values)
        }
        try #require(prediction.values.count == expected.count)
        var mismatches = 0
        for (k, (got, want)) in zip(prediction.values, expected).enumerated() {
            // float32 outputs: 1e-6, relative above 1 (probabilities, absolute).
            if let want, abs(got - want) <= 1e-6 * max(abs(want), 1) { continue }
            if want == nil, got.isNaN { continue }
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("\(entry.name) value \(k): \(got) vs onnxruntime \(want.map { "\($0)" } ?? "NaN")")
            }
        }
        #expect(mismatches == 0)
    }

    @Test("a category a OneHotEncoder exported with handle_unknown=\"error\" never saw is an error naming it")
    func unknownCategory() throws {
        let reference = try #require(Self.reference)
        let unknown = reference.unknownCategory
        let model = try Self.load(unknown.file)
        let entry = try #require(reference.models.first { $0.name == "pipeline_logreg" })
        let columns = try Self.columns(for: entry, reference)
        do {
            _ = try model.predict(columns: columns, margin: false)
            Issue.record("an unknown category predicted")
        } catch {
            #expect(error.path == unknown.file)
            #expect(error.reason.contains("\"\(unknown.category)\""), "\(error.reason)")
        }
        // The numeric entry point gives NaN rather than a number for such a batch.
        let numeric: ModelPrediction = model.predict([[1], [2], [3], [4]], margin: false)
        let allMissing = numeric.values.allSatisfy { $0.isNaN }
        #expect(allMissing)
    }

    @Test("string inputs take strings: a number column for one gives no prediction")
    func numbersForStrings() throws {
        let model = try Self.load("pipeline_logreg.onnx")
        #expect(model.info.featureTypes == [.number, .number, .string, .string])
        #expect(throws: ModelError.self) {
            try model.predict(columns: [.numbers([1]), .numbers([2]), .numbers([3]), .numbers([4])], margin: false)
        }
    }
}
