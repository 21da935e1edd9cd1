import EvalModels
import Foundation
import Testing

@Suite("Model outputs")
struct ModelFormatTests {
    @Test func predictionColumns() {
        let p = ModelPrediction(rows: 2, width: 3, values: [0.1, 0.2, 0.7, 0.5, 0.25, 0.25])
        #expect(p.column(2) == [0.7, 0.25])
        #expect(ModelTask.multiclass(classes: 3).width == 3)
        #expect(
            ModelError(path: "m.json", reason: "the objective `rank:pairwise` is not supported").description
                == "cannot use model m.json: the objective `rank:pairwise` is not supported")
    }
}

@Suite("Whether a model's features carry names")
struct NamedFeatureTests {
    static func info(_ path: String) throws -> ModelInfo {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + path, withExtension: nil))
        return try Model.load(path: url.path, displayPath: path, loaders: ModelLoaders.all).info
    }

    @Test("models trained on arrays have made-up names; named ones keep theirs")
    func named() throws {
        #expect(try !Self.info("xgboost/binary_logistic.json").namedFeatures)
        #expect(try Self.info("xgboost/named_features.json").namedFeatures)
        #expect(try !Self.info("lightgbm/binary.txt").namedFeatures)
        #expect(try Self.info("lightgbm/multiclass4_named.txt").namedFeatures)
        #expect(try !Self.info("onnx/logreg_binary.onnx").namedFeatures)
    }
}
