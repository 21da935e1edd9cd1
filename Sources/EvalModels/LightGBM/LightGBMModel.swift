/// A LightGBM model saved as text (`Booster.save_model("m.txt")`).
///
/// Loading parses every tree up front and flattens the ensemble into contiguous arrays;
/// prediction walks them exactly as LightGBM's `Tree::NumericalDecision` and
/// `Tree::CategoricalDecision` do (see `LightGBMModel+Predict.swift`), summing leaf values
/// per class in tree order, then applying the objective's link (sigmoid with the
/// objective's `sigmoid:` parameter, softmax, or identity) unless `margin` is asked for.
///
/// Supported objectives: `binary`, `multiclass`, and the identity-link regressions
/// (`regression`, `regression_l1`, `huber`, `fair`, `quantile`, `mape`). Refused with a
/// `ModelError`: every other objective (ranking, `multiclassova`, `cross_entropy`,
/// `poisson`…), `regression … sqrt`, averaged-output (random forest) models and linear trees.
package struct LightGBMModel: ModelFormat {
    package let info: ModelInfo

    /// How raw scores become predictions.
    enum Link: Sendable, Equatable {
        case identity
        case sigmoid(Double)
        case softmax
    }

    let link: Link
    /// Outputs per row: 1, or `num_class` for multiclass.
    let classes: Int
    /// Columns the trees may read (`max_feature_idx + 1`).
    let featureCount: Int

    // The flattened ensemble. A child or root reference `r` is a node index when `r >= 0`
    // and the leaf `~r` otherwise; indices are global over all trees.
    /// Root reference of every tree, in file order; tree `t` adds to class `t % classes`.
    let treeRoots: [Int32]
    let nodeFeature: [Int32]
    let nodeThreshold: [Double]
    /// LightGBM's decision_type byte: bit 0 categorical, bit 1 default-left, bits 2–3
    /// missing type (0 none, 1 zero, 2 NaN).
    let nodeDecision: [UInt8]
    let nodeLeft: [Int32]
    let nodeRight: [Int32]
    /// For categorical nodes: the node's bitset, `catWords[catStart[n] ..< catStart[n] + catCount[n]]`.
    let catStart: [Int32]
    let catCount: [Int32]
    let catWords: [UInt32]
    let leafValue: [Double]

    /// Parses a model written by `Booster.save_model`; `path` names the file in errors.
    package static func load(_ text: String, path: String) throws(ModelError) -> LightGBMModel {
        var parser = LightGBMParser(text: text, path: path)
        return try parser.parse()
    }

    init(info: ModelInfo, link: Link, classes: Int, featureCount: Int, ensemble: FlatEnsemble) {
        self.info = info
        self.link = link
        self.classes = classes
        self.featureCount = featureCount
        self.treeRoots = ensemble.treeRoots
        self.nodeFeature = ensemble.nodeFeature
        self.nodeThreshold = ensemble.nodeThreshold
        self.nodeDecision = ensemble.nodeDecision
        self.nodeLeft = ensemble.nodeLeft
        self.nodeRight = ensemble.nodeRight
        self.catStart = ensemble.catStart
        self.catCount = ensemble.catCount
        self.catWords = ensemble.catWords
        self.leafValue = ensemble.leafValue
    }
}

/// The ensemble while it is being assembled from the file's trees.
struct FlatEnsemble {
    var treeRoots: [Int32] = []
    var nodeFeature: [Int32] = []
    var nodeThreshold: [Double] = []
    var nodeDecision: [UInt8] = []
    var nodeLeft: [Int32] = []
    var nodeRight: [Int32] = []
    var catStart: [Int32] = []
    var catCount: [Int32] = []
    var catWords: [UInt32] = []
    var leafValue: [Double] = []
}
