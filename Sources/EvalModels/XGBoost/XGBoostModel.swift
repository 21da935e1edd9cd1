import Foundation

/// An XGBoost model saved as JSON (`Booster.save_model("m.json")`).
///
/// Loading parses the whole document up front (`XGBoostModel+Parse.swift`) and flattens
/// every tree into one contiguous node array; prediction (`XGBoostModel+Predict.swift`)
/// walks it as XGBoost's CPU predictor does: a split sends a row left when
/// `Float(x) < split_condition` (both float32), a missing value (NaN) follows
/// `default_left`, and the leaf value is the leaf's `split_conditions` entry. Margins are
/// accumulated in float32 starting from the base margin, tree by tree in file order, into
/// the class named by `tree_info`; DART trees are scaled by their `weight_drop` first.
///
/// The base margin follows XGBoost 3.x: the stored `base_score` (a scalar string such as
/// `"5E-1"` or a vector string such as `"[5E-1]"`, one entry per class for multiclass) is
/// in probability space for `binary:logistic` and `reg:logistic` and becomes a margin by
/// the logit `-log(1/p - 1)`; for every other supported objective (including
/// `binary:logitraw` and the multiclass objectives) it is already a margin. Files written
/// by older XGBoost are read the way XGBoost 3.2 reads them.
///
/// Supported: boosters `gbtree` and `dart`; objectives `binary:logistic`,
/// `binary:logitraw`, `reg:squarederror`, `reg:logistic`, `multi:softprob` and
/// `multi:softmax`. `multi:softmax` predicts like `multi:softprob` — one probability
/// column per class — because Evalbook returns a probability table for multiclass models
/// (XGBoost's own `predict` would return the arg-max class id). Refused with a
/// `ModelError`: other objectives and boosters (`gblinear`), categorical splits, and
/// multi-target (vector-leaf) trees.
package struct XGBoostModel: ModelFormat {
    package let info: ModelInfo

    /// How margins become predictions.
    enum Link: Sendable, Equatable {
        case identity
        case sigmoid
        case softmax
    }

    /// One flattened tree node.
    ///
    /// Leaves have `feature == -1` and carry their value in `value`; splits carry the float32 threshold there.
    /// Child indices are global.
    struct Node: Sendable, Equatable {
        var feature: Int32
        var value: Float
        var left: Int32
        var right: Int32
        /// The child a missing value goes to: `left` when `default_left`, else `right`.
        var missing: Int32
    }

    let link: Link
    /// Output columns per row: 1, or the number of classes.
    let groups: Int
    /// Columns the trees may read (`num_feature`).
    let featureCount: Int
    /// The base margin per output column, already in margin space.
    let baseMargin: [Float]
    /// Root node index of every tree, in file order.
    let treeRoots: [Int32]
    /// The output column each tree adds to (`tree_info`).
    let treeGroup: [Int32]
    /// DART tree weights (`weight_drop`); nil for gbtree.
    let treeWeight: [Float]?
    let nodes: [Node]

    init(
        info: ModelInfo, link: Link, groups: Int, featureCount: Int, baseMargin: [Float],
        treeRoots: [Int32], treeGroup: [Int32], treeWeight: [Float]?, nodes: [Node]
    ) {
        self.info = info
        self.link = link
        self.groups = groups
        self.featureCount = featureCount
        self.baseMargin = baseMargin
        self.treeRoots = treeRoots
        self.treeGroup = treeGroup
        self.treeWeight = treeWeight
        self.nodes = nodes
    }

    /// Parses a model written by `Booster.save_model("….json")`; `path` names the file in errors.
    ///
    /// Every missing or ill-typed field is a `ModelError` naming the field.
    package static func load(_ data: Data, path: String) throws(ModelError) -> XGBoostModel {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ModelError(path: path, reason: "the file is not valid JSON (it may be truncated)")
        }
        var parser = XGBoostParser(path: path)
        return try parser.parse(root)
    }

    /// Parses a model from the bytes of its file; see `load(_:path:)` for `Data`.
    package static func load(_ bytes: [UInt8], path: String) throws(ModelError) -> XGBoostModel {
        try load(Data(bytes), path: path)
    }

    /// Whether `bytes` look like an XGBoost JSON model: a JSON object whose text mentions
    /// the `"learner"` key near the start.
    package static func recognises(_ bytes: [UInt8]) -> Bool {
        guard Model.firstByte(bytes) == UInt8(ascii: "{") else { return false }
        let head = bytes.prefix(4096)
        let key = Array("\"learner\"".utf8)
        guard head.count >= key.count else { return false }
        let start = head.startIndex
        for i in start...(head.endIndex - key.count) where head[i] == key[0] {
            if head[i..<(i + key.count)].elementsEqual(key) { return true }
        }
        return false
    }
}
