import Foundation

/// Reads the JSON document of `Booster.save_model` into an `XGBoostModel`, checking the
/// type of every field it uses and the shape of every tree.
struct XGBoostParser {
    let path: String

    init(path: String) {
        self.path = path
    }

    private func fail(_ reason: String) -> ModelError {
        ModelError(path: path, reason: reason)
    }

    // MARK: typed access

    private func object(_ value: Any?, _ what: String) throws(ModelError) -> [String: Any] {
        guard let value else { throw fail("the field `\(what)` is missing") }
        guard let dict = value as? [String: Any] else { throw fail("the field `\(what)` is not a JSON object") }
        return dict
    }

    private func array(_ value: Any?, _ what: String) throws(ModelError) -> [Any] {
        guard let value else { throw fail("the field `\(what)` is missing") }
        guard let list = value as? [Any] else { throw fail("the field `\(what)` is not a JSON array") }
        return list
    }

    private func string(_ value: Any?, _ what: String) throws(ModelError) -> String {
        guard let value else { throw fail("the field `\(what)` is missing") }
        guard let text = value as? String else { throw fail("the field `\(what)` is not a string") }
        return text
    }

    /// A JSON number.
    private func number(_ value: Any, _ what: String) throws(ModelError) -> Double {
        if let n = value as? NSNumber { return n.doubleValue }
        throw fail("the field `\(what)` holds a non-number")
    }

    private func numbers(_ value: Any?, _ what: String) throws(ModelError) -> [Double] {
        var out: [Double] = []
        for element in try array(value, what) { out.append(try number(element, what)) }
        return out
    }

    private func integers(_ value: Any?, _ what: String) throws(ModelError) -> [Int] {
        var out: [Int] = []
        for element in try array(value, what) {
            let x = try number(element, what)
            guard x.rounded() == x, abs(x) < 9.0e15 else { throw fail("the field `\(what)` holds a non-integer") }
            out.append(Int(x))
        }
        return out
    }

    /// XGBoost writes most scalar parameters as strings ("3", "5E-1").
    private func integerParameter(_ value: Any?, _ what: String) throws(ModelError) -> Int {
        let text = try string(value, what)
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw fail("the field `\(what)` is not an integer: `\(text)`")
        }
        return n
    }

    /// `base_score`: a scalar string ("5E-1") or a vector string ("[5E-1,2E-1]").
    private func baseScore(_ value: Any?) throws(ModelError) -> [Double] {
        let text = try string(value, "learner.learner_model_param.base_score").trimmingCharacters(in: .whitespaces)
        var body = Substring(text)
        if body.hasPrefix("[") {
            guard body.hasSuffix("]") else { throw fail("the base_score `\(text)` is not understood") }
            body = body.dropFirst().dropLast()
        }
        var out: [Double] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) {
            guard let x = Double(part.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                throw fail("the base_score `\(text)` is not understood")
            }
            out.append(x)
        }
        return out
    }

    // MARK: the document

    mutating func parse(_ root: Any) throws(ModelError) -> XGBoostModel {
        guard let top = root as? [String: Any] else {
            throw fail("the JSON document is not an XGBoost model (expected an object)")
        }
        let learner = try object(top["learner"], "learner")

        let objectiveObject = try object(learner["objective"], "learner.objective")
        let objective = try string(objectiveObject["name"], "learner.objective.name")
        let param = try object(learner["learner_model_param"], "learner.learner_model_param")
        let numFeature = try integerParameter(param["num_feature"], "learner.learner_model_param.num_feature")
        let numClass = try integerParameter(param["num_class"], "learner.learner_model_param.num_class")
        if let targets = param["num_target"] {
            let n = try integerParameter(targets, "learner.learner_model_param.num_target")
            guard n <= 1 else { throw fail("multi-target models (num_target \(n)) are not supported") }
        }
        guard numFeature >= 0, numFeature < 1 << 30 else {
            throw fail("the feature count \(numFeature) is not understood")
        }

        let link: XGBoostModel.Link
        let task: ModelTask
        var groups = 1
        var logisticBase = false
        switch objective {
        case "binary:logistic": link = .sigmoid; task = .binary; logisticBase = true
        case "binary:logitraw": link = .identity; task = .binary
        case "reg:logistic": link = .sigmoid; task = .regression; logisticBase = true
        case "reg:squarederror": link = .identity; task = .regression
        case "multi:softprob", "multi:softmax":
            guard numClass >= 2 else { throw fail("the multiclass model has num_class \(numClass)") }
            link = .softmax; task = .multiclass(classes: numClass); groups = numClass
        default:
            throw fail("the objective `\(objective)` is not supported")
        }

        // Base margin, one per output column, moved to margin space as XGBoost 3 does.
        let scores = try baseScore(param["base_score"])
        guard scores.count == 1 || scores.count == groups else {
            throw fail("the base_score has \(scores.count) entries for \(groups) output columns")
        }
        var baseMargin: [Float] = []
        for g in 0..<groups {
            let p = Float(scores.count == 1 ? scores[0] : scores[g])
            if logisticBase {
                guard p > 0, p < 1 else {
                    throw fail("the base_score \(p) is not a probability in (0, 1) for `\(objective)`")
                }
                baseMargin.append(-logf(1 / p - 1))
            } else {
                baseMargin.append(p)
            }
        }

        // Feature names.
        var features: [String] = []
        if let namesValue = learner["feature_names"] {
            for element in try array(namesValue, "learner.feature_names") {
                guard let name = element as? String else {
                    throw fail("the field `learner.feature_names` holds a non-string")
                }
                features.append(name)
            }
        }
        let named = !features.isEmpty
        if features.isEmpty {
            features = (0..<numFeature).map { "f\($0)" }
        } else if features.count != numFeature {
            throw fail("there are \(features.count) feature names for \(numFeature) features")
        }

        // The booster.
        let booster = try object(learner["gradient_booster"], "learner.gradient_booster")
        let boosterName = try string(booster["name"], "learner.gradient_booster.name")
        let model: [String: Any]
        var weights: [Float]?
        switch boosterName {
        case "gbtree":
            model = try object(booster["model"], "learner.gradient_booster.model")
        case "dart":
            let inner = try object(booster["gbtree"], "learner.gradient_booster.gbtree")
            model = try object(inner["model"], "learner.gradient_booster.gbtree.model")
            weights = try numbers(booster["weight_drop"], "learner.gradient_booster.weight_drop").map { Float($0) }
        default:
            throw fail("the booster `\(boosterName)` is not supported (only gbtree and dart)")
        }
        let treesValue = try array(model["trees"], "gradient_booster.model.trees")
        let treeInfo = try integers(model["tree_info"], "gradient_booster.model.tree_info")
        guard treeInfo.count == treesValue.count else {
            throw fail("tree_info has \(treeInfo.count) entries for \(treesValue.count) trees")
        }
        if let weights, weights.count != treesValue.count {
            throw fail("weight_drop has \(weights.count) entries for \(treesValue.count) trees")
        }

        var nodes: [XGBoostModel.Node] = []
        var roots: [Int32] = []
        var treeGroup: [Int32] = []
        for (t, value) in treesValue.enumerated() {
            let group = treeInfo[t]
            guard group >= 0, group < groups else { throw fail("tree \(t) adds to output \(group) of \(groups)") }
            roots.append(Int32(nodes.count))
            treeGroup.append(Int32(group))
            try appendTree(value, index: t, featureCount: numFeature, to: &nodes)
            guard nodes.count < Int(Int32.max) else { throw fail("the model has too many nodes") }
        }

        let info = ModelInfo(
            format: "xgboost", objective: objective, task: task, features: features, namedFeatures: named,
            trees: roots.count)
        return XGBoostModel(
            info: info, link: link, groups: groups, featureCount: numFeature, baseMargin: baseMargin,
            treeRoots: roots, treeGroup: treeGroup, treeWeight: weights, nodes: nodes)
    }

    /// Checks one tree and appends its nodes with child indices made global.
    private func appendTree(
        _ value: Any, index t: Int, featureCount: Int,
        to nodes: inout [XGBoostModel.Node]
    ) throws(ModelError) {
        let name = "trees[\(t)]"
        let tree = try object(value, name)
        if let param = tree["tree_param"] as? [String: Any], let size = param["size_leaf_vector"] {
            let n = try integerParameter(size, "\(name).tree_param.size_leaf_vector")
            guard n <= 1 else {
                throw fail("\(name) has vector leaves (size_leaf_vector \(n)); multi-target trees are not supported")
            }
        }
        let left = try integers(tree["left_children"], "\(name).left_children")
        let right = try integers(tree["right_children"], "\(name).right_children")
        let splitIndex = try integers(tree["split_indices"], "\(name).split_indices")
        let condition = try numbers(tree["split_conditions"], "\(name).split_conditions")
        let defaultLeft = try integers(tree["default_left"], "\(name).default_left")
        let n = left.count
        guard n > 0 else { throw fail("\(name) has no nodes") }
        guard right.count == n, splitIndex.count == n, condition.count == n, defaultLeft.count == n else {
            throw fail("the node arrays of \(name) have different lengths")
        }
        if let types = tree["split_type"] {
            if try integers(types, "\(name).split_type").contains(where: { $0 != 0 }) {
                throw fail("\(name) has categorical splits, which are not supported")
            }
        }
        if let categorical = tree["categories_nodes"], !(try array(categorical, "\(name).categories_nodes")).isEmpty {
            throw fail("\(name) has categorical splits, which are not supported")
        }

        // Every node reachable from the root exactly once: no cycles, no shared children.
        var seen = [Bool](repeating: false, count: n)
        var stack = [0]
        seen[0] = true
        while let i = stack.popLast() {
            if left[i] == -1 {
                guard right[i] == -1 else { throw fail("node \(i) of \(name) has one child") }
                continue
            }
            for child in [left[i], right[i]] {
                guard child > 0, child < n else {
                    throw fail("node \(i) of \(name) has a child \(child) outside the tree")
                }
                guard !seen[child] else { throw fail("node \(child) of \(name) is reached twice") }
                seen[child] = true
                stack.append(child)
            }
            guard splitIndex[i] >= 0, splitIndex[i] < featureCount else {
                throw fail("node \(i) of \(name) splits on feature \(splitIndex[i]) of \(featureCount)")
            }
            guard !condition[i].isNaN else { throw fail("node \(i) of \(name) has a NaN split condition") }
        }

        let offset = nodes.count
        for i in 0..<n {
            if !seen[i] {
                // A deleted node: never reached, kept only so indices stay aligned.
                nodes.append(.init(feature: -1, value: 0, left: -1, right: -1, missing: -1))
            } else if left[i] == -1 {
                nodes.append(.init(feature: -1, value: Float(condition[i]), left: -1, right: -1, missing: -1))
            } else {
                let l = Int32(offset + left[i]), r = Int32(offset + right[i])
                nodes.append(
                    .init(
                        feature: Int32(splitIndex[i]), value: Float(condition[i]), left: l, right: r,
                        missing: defaultLeft[i] != 0 ? l : r))
            }
        }
    }
}
