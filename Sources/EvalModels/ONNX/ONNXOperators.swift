/// One compiled graph node: what it computes and which values it reads and writes.
struct ONNXStep: Sendable {
    enum Op: Sendable {
        case identity, zipMap, sigmoid, matMul
        case cast(to: Int)
        case scaler(Scaler)
        case normalizer(Normalizer)
        case linear(LinearModel, labels: [Float])
        case trees(TreeEnsemble, labels: [Float])
        case argMax(axis: Int, keepDims: Bool, selectLast: Bool)
        case concat(axis: Int)
        case reshape(allowZero: Bool)
        case flatten(axis: Int)
        case softmax(axis: Int, legacy: Bool)
        case gemm(alpha: Float, beta: Float, transA: Bool, transB: Bool)
        case elementwise(Arithmetic)
    }

    enum Arithmetic: Sendable { case add, sub, mul, div }

    var opType: String
    var op: Op
    var inputs: [String]
    var outputs: [String]

    /// The ai.onnx.ml operators that make a model's prediction.
    var isPredictor: Bool {
        switch op {
        case .linear, .trees: true
        default: false
        }
    }

    init(_ node: ONNXNode, opset: Int64) throws(ONNXRunError) {
        opType = node.opType
        inputs = node.inputs
        outputs = node.outputs
        let a = ONNXAttributes(node)
        let ml = node.domain == "ai.onnx.ml"
        let standard = node.domain.isEmpty || node.domain == "ai.onnx"
        let unsupported = ONNXRunError(
            reason: "the operator `\(node.opType)`"
                + (ml || standard ? "" : " (domain `\(node.domain)`)") + " is not supported")
        if ml {
            let labelInts = a.ints("classlabels_int64s") + a.ints("classlabels_ints")
            let labelCount = labelInts.count + a.strings("classlabels_strings").count
            let labelValues = labelInts.isEmpty ? (0..<labelCount).map { Float($0) } : labelInts.map { Float($0) }
            switch node.opType {
            case "LinearClassifier":
                op = .linear(try LinearModel(a, classifier: true, labels: labelCount), labels: labelValues)
            case "LinearRegressor": op = .linear(try LinearModel(a, classifier: false, labels: 0), labels: [])
            case "TreeEnsembleClassifier":
                guard labelCount > 0 else { throw a.error("names no class labels") }
                op = .trees(try TreeEnsemble(a, classifier: true, outputs: labelCount), labels: labelValues)
            case "TreeEnsembleRegressor":
                op = .trees(
                    try TreeEnsemble(a, classifier: false, outputs: Swift.max(1, a.int("n_targets", 1))), labels: [])
            case "Scaler": op = .scaler(try Scaler(a))
            case "Normalizer": op = .normalizer(try Normalizer(a))
            case "ZipMap": op = .zipMap
            case "Cast": op = .cast(to: 1)
            default: throw unsupported
            }
            return
        }
        guard standard else { throw unsupported }
        switch node.opType {
        case "Identity": op = .identity
        case "Cast": op = .cast(to: a.int("to", 1))
        case "Sigmoid": op = .sigmoid
        case "MatMul": op = .matMul
        case "ArgMax":
            op = .argMax(
                axis: a.int("axis", 0), keepDims: a.int("keepdims", 1) != 0,
                selectLast: a.int("select_last_index", 0) != 0)
        case "Concat":
            guard a.has("axis") else { throw a.error("has no axis") }
            op = .concat(axis: a.int("axis", 0))
        case "Reshape": op = .reshape(allowZero: a.int("allowzero", 0) != 0)
        case "Flatten": op = .flatten(axis: a.int("axis", 1))
        case "Softmax": op = .softmax(axis: a.int("axis", opset >= 13 ? -1 : 1), legacy: opset < 13)
        case "Gemm":
            op = .gemm(
                alpha: a.float("alpha", 1), beta: a.float("beta", 1),
                transA: a.int("transA", 0) != 0, transB: a.int("transB", 0) != 0)
        case "Add": op = .elementwise(.add)
        case "Sub": op = .elementwise(.sub)
        case "Mul": op = .elementwise(.mul)
        case "Div": op = .elementwise(.div)
        default: throw unsupported
        }
    }

    /// Runs the step, writing its outputs into `values`; a predictor also returns its raw scores.
    func run(_ values: inout [String: ONNXTensor]) throws(ONNXRunError) -> ONNXTensor? {
        func input(_ k: Int) throws(ONNXRunError) -> ONNXTensor {
            guard k < inputs.count, !inputs[k].isEmpty, let t = values[inputs[k]] else {
                throw ONNXRunError(reason: "the operator `\(opType)` is missing its input \(k + 1)")
            }
            return t
        }
        var results: [ONNXTensor]
        var raw: ONNXTensor? = nil
        switch op {
        case .identity, .zipMap: results = [try input(0)]
        case .cast(let to):
            var x = try input(0)
            switch to {
            case 2, 3, 4, 5, 6, 7, 12, 13: x.data = x.data.map { $0.isFinite ? $0.rounded(.towardZero) : $0 }
            case 9: x.data = x.data.map { $0 != 0 ? 1 : 0 }
            default: break
            }
            results = [x]
        case .sigmoid:
            var x = try input(0)
            x.data = x.data.map { sigmoid($0) }
            results = [x]
        case .scaler(let s): results = [try s.apply(try input(0))]
        case .normalizer(let n): results = [try n.apply(try input(0))]
        case .linear(let m, let labels):
            let (out, scores) = try rowwise(try input(0), opType, needs: m.features, width: m.width, m.evaluate)
            raw = scores
            results = m.isClassifier ? [labelTensor(out, labels), out] : [out]
        case .trees(let t, let labels):
            let (out, scores) = try rowwise(
                try input(0), opType, needs: t.requiredFeatures, width: t.outputs, t.evaluate)
            raw = scores
            results = t.isClassifier ? [labelTensor(out, labels), out] : [out]
        case .argMax(let axis, let keepDims, let selectLast):
            results = [try argMax(try input(0), axis: axis, keepDims: keepDims, selectLast: selectLast)]
        case .concat(let axis):
            var parts: [ONNXTensor] = []
            for k in inputs.indices { parts.append(try input(k)) }
            results = [try concat(parts, axis: axis)]
        case .reshape(let allowZero): results = [try reshape(try input(0), try input(1), allowZero: allowZero)]
        case .flatten(let axis): results = [try flatten(try input(0), axis: axis)]
        case .softmax(let axis, let legacy): results = [try softmax(try input(0), axis: axis, legacy: legacy)]
        case .matMul: results = [try matMul(try input(0), try input(1))]
        case .gemm(let alpha, let beta, let transA, let transB):
            let c: ONNXTensor? = inputs.count > 2 && !inputs[2].isEmpty ? try input(2) : nil
            results = [
                try gemm(try input(0), try input(1), c, alpha: alpha, beta: beta, transA: transA, transB: transB)
            ]
        case .elementwise(let kind): results = [try broadcast(try input(0), try input(1), kind)]
        }
        for (name, value) in zip(outputs, results) where !name.isEmpty { values[name] = value }
        return raw
    }

    /// The label of each row's largest score (labels as numbers; string labels by index).
    private func labelTensor(_ scores: ONNXTensor, _ labels: [Float]) -> ONNXTensor {
        let n = scores.shape[0], w = scores.shape[1]
        var out = [Float](repeating: 0, count: n)
        for i in 0..<n {
            var best = 0
            for j in 1..<Swift.max(1, w) where scores.data[i * w + j] > scores.data[i * w + best] { best = j }
            out[i] = best < labels.count ? labels[best] : Float(best)
        }
        return ONNXTensor(shape: [n], data: out)
    }
}
