/// ai.onnx.ml TreeEnsembleClassifier / TreeEnsembleRegressor, evaluated as onnxruntime
/// does: float32 thresholds and comparisons, scores summed in float32, base values and
/// the binary special cases of `TreeAggregatorClassifier::FinalizeScores`.
struct TreeEnsemble: Sendable {
    enum Mode: Sendable { case leq, lt, gte, gt, eq, neq, leaf }
    enum Aggregate: Sendable { case sum, average, min, max }

    struct Node: Sendable {
        var mode: Mode
        var feature: Int
        var threshold: Float
        var trueChild: Int
        var falseChild: Int
        var missingTracksTrue: Bool
        /// (output column, weight) pairs when a leaf.
        var weights: [(Int, Float)]
    }

    var nodes: [Node]
    var roots: [Int]
    var outputs: Int
    var baseValues: [Float]
    var post: PostTransform
    var aggregate: Aggregate
    var isClassifier: Bool
    /// Classifier: one class id used by all leaves (onnxruntime's `binary_case_`).
    var binaryCase: Bool
    var weightsAllPositive: Bool
    var requiredFeatures: Int

    init(_ a: ONNXAttributes, classifier: Bool, outputs: Int) throws(ONNXRunError) {
        isClassifier = classifier
        self.outputs = outputs
        post = try PostTransform(a)
        let treeIds = a.ints("nodes_treeids"), nodeIds = a.ints("nodes_nodeids")
        let features = a.ints("nodes_featureids"), modes = a.strings("nodes_modes")
        var values = a.floats("nodes_values")
        if values.isEmpty, a.has("nodes_values_as_tensor") { values = a.floats("nodes_values_as_tensor") }
        let trues = a.ints("nodes_truenodeids"), falses = a.ints("nodes_falsenodeids")
        let missing = a.ints("nodes_missing_value_tracks_true")
        let n = treeIds.count
        guard n > 0 else { throw a.error("has no nodes") }
        guard
            [nodeIds.count, features.count, modes.count, values.count, trues.count, falses.count].allSatisfy({ $0 == n }
            ),
            missing.isEmpty || missing.count == n
        else { throw a.error("has node lists of different lengths") }

        var index: [Int: [Int: Int]] = [:]
        var rootList: [Int] = []
        for k in 0..<n {
            if index[treeIds[k]] == nil { rootList.append(k) }
            guard index[treeIds[k], default: [:]][nodeIds[k]] == nil else { throw a.error("has a duplicate node id") }
            index[treeIds[k], default: [:]][nodeIds[k]] = k
        }
        var built: [Node] = []
        built.reserveCapacity(n)
        var maxFeature = -1
        for k in 0..<n {
            let mode: Mode
            switch modes[k] {
            case "BRANCH_LEQ": mode = .leq
            case "BRANCH_LT": mode = .lt
            case "BRANCH_GTE": mode = .gte
            case "BRANCH_GT": mode = .gt
            case "BRANCH_EQ": mode = .eq
            case "BRANCH_NEQ": mode = .neq
            case "LEAF": mode = .leaf
            case let other: throw a.error("has the node mode `\(other)`, which is not supported")
            }
            var t = -1, f = -1
            if mode != .leaf {
                guard let ti = index[treeIds[k]]?[trues[k]], let fi = index[treeIds[k]]?[falses[k]] else {
                    throw a.error("has a branch to a node that does not exist")
                }
                guard features[k] >= 0 else { throw a.error("has a negative feature id") }
                t = ti; f = fi
                maxFeature = Swift.max(maxFeature, features[k])
            }
            built.append(
                Node(
                    mode: mode, feature: features[k], threshold: values[k], trueChild: t, falseChild: f,
                    missingTracksTrue: missing.isEmpty ? false : missing[k] != 0, weights: []))
        }
        let prefix = classifier ? "class" : "target"
        let lt = a.ints("\(prefix)_treeids"), ln = a.ints("\(prefix)_nodeids"), li = a.ints("\(prefix)_ids")
        let lw = a.floats("\(prefix)_weights")
        guard lt.count == ln.count, ln.count == li.count, li.count == lw.count else {
            throw a.error("has leaf weight lists of different lengths")
        }
        var usedIds = Set<Int>()
        for k in 0..<lt.count {
            guard let node = index[lt[k]]?[ln[k]] else { throw a.error("has a weight for a node that does not exist") }
            guard li[k] >= 0, li[k] < outputs else { throw a.error("has a weight for output \(li[k]) of \(outputs)") }
            built[node].weights.append((li[k], lw[k]))
            usedIds.insert(li[k])
        }
        nodes = built
        roots = rootList
        baseValues = a.floats("base_values")
        guard baseValues.isEmpty || baseValues.count == outputs || (classifier && outputs == 2 && baseValues.count == 1)
        else {
            throw a.error("has \(baseValues.count) base values for \(outputs) outputs")
        }
        binaryCase = classifier && outputs == 2 && usedIds.count == 1
        weightsAllPositive = lw.allSatisfy { $0 >= 0 }
        switch a.string("aggregate_function", "SUM") {
        case "SUM": aggregate = .sum
        case "AVERAGE": aggregate = .average
        case "MIN": aggregate = .min
        case "MAX": aggregate = .max
        case let other: throw a.error("has the aggregate_function `\(other)`, which is not supported")
        }
        requiredFeatures = maxFeature + 1
        // every tree must be acyclic: walk each from its root, bounding the depth
        for root in roots {
            var stack = [(root, 0)]
            while let (k, depth) = stack.popLast() {
                guard depth <= n else { throw a.error("has a tree with a cycle") }
                if nodes[k].mode != .leaf {
                    stack.append((nodes[k].trueChild, depth + 1))
                    stack.append((nodes[k].falseChild, depth + 1))
                }
            }
        }
    }

    func leaf(_ root: Int, _ row: ArraySlice<Float>) -> Int {
        var k = root
        let base = row.startIndex
        while true {
            let node = nodes[k]
            if node.mode == .leaf { return k }
            let x = row[base + node.feature]
            let go: Bool
            switch node.mode {
            case .leaf: return k
            case .leq: go = x <= node.threshold
            case .lt: go = x < node.threshold
            case .gte: go = x >= node.threshold
            case .gt: go = x > node.threshold
            case .eq: go = x == node.threshold
            case .neq: go = x != node.threshold
            }
            k = go || (node.missingTracksTrue && x.isNaN) ? node.trueChild : node.falseChild
        }
    }

    /// Scores for one row: (output after post_transform, raw scores before it).
    func evaluate(_ row: ArraySlice<Float>) -> (out: [Float], raw: [Float]) {
        var score = [Float](repeating: 0, count: outputs)
        var has = [Bool](repeating: false, count: outputs)
        for root in roots {
            for (j, w) in nodes[leaf(root, row)].weights {
                switch aggregate {
                case .sum, .average: score[j] += w
                case .min: score[j] = has[j] ? Swift.min(score[j], w) : w
                case .max: score[j] = has[j] ? Swift.max(score[j], w) : w
                }
                has[j] = true
            }
        }
        if !isClassifier {
            for j in 0..<outputs {
                if aggregate == .average { score[j] /= Float(roots.count) }
                if baseValues.count == outputs { score[j] += baseValues[j] }
            }
            var out = score
            // onnxruntime applies no post_transform to a single-target regressor
            if outputs > 1 { post.apply(&out) }
            return (out, score)
        }
        if outputs > 2 {
            if baseValues.count == outputs { for j in 0..<outputs { score[j] += baseValues[j] } }
            var out = score
            post.apply(&out)
            return (out, score)
        }
        return binary(score, has)
    }

    private func binary(_ s: [Float], _ has: [Bool]) -> (out: [Float], raw: [Float]) {
        var s = s
        var single = false
        if baseValues.count == 2 {
            if has[1] {
                s[1] = baseValues[1] + s[0]
                s[0] = -s[1]
            } else {
                s[0] += baseValues[0]; s[1] += baseValues[1]
            }
        } else {
            if baseValues.count == 1 { s[0] += baseValues[0] }
            single = !has[1]
        }
        if !single {
            var out = s
            post.apply(&out)
            return (out, s)
        }
        let v = s[0]
        guard binaryCase else { return ([-v, v], [-v, v]) }
        if weightsAllPositive { return ([1 - v, v], [1 - v, v]) }
        if post == .logistic { return ([sigmoid(-v), sigmoid(v)], [-v, v]) }
        return ([-v, v], [-v, v])
    }
}
