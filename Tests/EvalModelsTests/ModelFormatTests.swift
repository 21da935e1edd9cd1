import EvalModels
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
