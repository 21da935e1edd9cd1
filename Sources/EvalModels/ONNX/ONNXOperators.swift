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
        /// Max, Min, Sum and Mean of any number of broadcast inputs.
        case variadic(Arithmetic, mean: Bool)
        case unary(ONNXUnary)
        case gather(axis: Int)
        case arrayFeatureExtractor
        /// Axes from the attribute (opset < 13), or nil to read them from input 2.
        case unsqueeze(axes: [Int]?)
        case squeeze(axes: [Int]?, fromInput: Bool)
        case imputer(Imputer)
        case oneHot(OneHotEncoder)
        case lookup(LookupTable)
    }

    enum Arithmetic: Sendable { case add, sub, mul, div, pow, max, min }

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
            case "Imputer": op = .imputer(try Imputer(a))
            case "OneHotEncoder": op = .oneHot(try OneHotEncoder(a))
            case "LabelEncoder": op = .lookup(try LookupTable(labelEncoder: a))
            case "CategoryMapper": op = .lookup(try LookupTable(categoryMapper: a))
            case "ArrayFeatureExtractor": op = .arrayFeatureExtractor
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
        case "Pow": op = .elementwise(.pow)
        case "Max": op = .variadic(.max, mean: false)
        case "Min": op = .variadic(.min, mean: false)
        case "Sum": op = .variadic(.add, mean: false)
        case "Mean": op = .variadic(.add, mean: true)
        case "Neg": op = .unary(.neg)
        case "Abs": op = .unary(.abs)
        case "Sqrt": op = .unary(.sqrt)
        case "Exp": op = .unary(.exp)
        case "Log": op = .unary(.log)
        case "Reciprocal": op = .unary(.reciprocal)
        case "Floor": op = .unary(.floor)
        case "Ceil": op = .unary(.ceil)
        case "Gather": op = .gather(axis: a.int("axis", 0))
        case "Unsqueeze": op = .unsqueeze(axes: opset < 13 ? a.ints("axes") : nil)
        case "Squeeze":
            op =
                opset < 13
                ? .squeeze(axes: a.has("axes") ? a.ints("axes") : nil, fromInput: false)
                : .squeeze(axes: nil, fromInput: true)
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
        /// An input of numbers: the operators that compute take no strings.
        func number(_ k: Int) throws(ONNXRunError) -> ONNXTensor {
            let t = try input(k)
            guard !t.isString else {
                throw ONNXRunError(reason: "the operator `\(opType)` takes numbers, not strings (input \(k + 1))")
            }
            return t
        }
        var results: [ONNXTensor]
        var raw: ONNXTensor? = nil
        switch op {
        case .identity, .zipMap: results = [try input(0)]
        case .cast(let to):
            guard to != 8 else { throw ONNXRunError(reason: "the operator `Cast` to strings is not supported") }
            var x = try number(0)
            switch to {
            case 2, 3, 4, 5, 6, 7, 12, 13: x.data = x.data.map { $0.isFinite ? $0.rounded(.towardZero) : $0 }
            case 9: x.data = x.data.map { $0 != 0 ? 1 : 0 }
            default: break
            }
            results = [x]
        case .sigmoid:
            var x = try number(0)
            x.data = x.data.map { sigmoid($0) }
            results = [x]
        case .scaler(let s): results = [try s.apply(try number(0))]
        case .normalizer(let n): results = [try n.apply(try number(0))]
        case .linear(let m, let labels):
            let (out, scores) = try rowwise(try number(0), opType, needs: m.features, width: m.width, m.evaluate)
            raw = scores
            results = m.isClassifier ? [labelTensor(out, labels), out] : [out]
        case .trees(let t, let labels):
            let (out, scores) = try rowwise(
                try number(0), opType, needs: t.requiredFeatures, width: t.outputs, t.evaluate)
            raw = scores
            results = t.isClassifier ? [labelTensor(out, labels), out] : [out]
        case .argMax(let axis, let keepDims, let selectLast):
            results = [try argMax(try number(0), axis: axis, keepDims: keepDims, selectLast: selectLast)]
        case .concat(let axis):
            var parts: [ONNXTensor] = []
            for k in inputs.indices { parts.append(try input(k)) }
            results = [try concat(parts, axis: axis)]
        case .reshape(let allowZero): results = [try reshape(try input(0), try input(1), allowZero: allowZero)]
        case .flatten(let axis): results = [try flatten(try input(0), axis: axis)]
        case .softmax(let axis, let legacy): results = [try softmax(try number(0), axis: axis, legacy: legacy)]
        case .matMul: results = [try matMul(try number(0), try number(1))]
        case .gemm(let alpha, let beta, let transA, let transB):
            let c: ONNXTensor? = inputs.count > 2 && !inputs[2].isEmpty ? try number(2) : nil
            results = [
                try gemm(try number(0), try number(1), c, alpha: alpha, beta: beta, transA: transA, transB: transB)
            ]
        case .elementwise(let kind): results = [try broadcast(try number(0), try number(1), kind)]
        case .variadic(let kind, let mean):
            // onnxruntime folds the inputs in order, each broadcast against the result so far.
            var total = try number(0)
            for k in inputs.indices.dropFirst() { total = try broadcast(total, try number(k), kind) }
            if mean { total.data = total.data.map { $0 / Float(inputs.count) } }
            results = [total]
        case .unary(let f):
            var x = try number(0)
            x.data = x.data.map(f.apply)
            results = [x]
        case .gather(let axis): results = [try gather(try input(0), try number(1), axis: axis)]
        case .arrayFeatureExtractor: results = [try arrayFeatureExtractor(try input(0), try number(1))]
        case .unsqueeze(let axes):
            let given: [Int]
            if let axes { given = axes } else { given = try Self.axes(try number(1), opType) }
            results = [try unsqueeze(try input(0), axes: given)]
        case .squeeze(let axes, let fromInput):
            let given =
                fromInput && inputs.count > 1 && !inputs[1].isEmpty ? try Self.axes(try number(1), opType) : axes
            results = [try squeeze(try input(0), axes: given)]
        case .imputer(let m): results = [try m.apply(try number(0))]
        case .oneHot(let m): results = [try m.apply(try input(0))]
        case .lookup(let m): results = [try m.apply(try input(0))]
        }
        for (name, value) in zip(outputs, results) where !name.isEmpty { values[name] = value }
        return raw
    }

    /// The integers of an axes input.
    private static func axes(_ x: ONNXTensor, _ op: String) throws(ONNXRunError) -> [Int] {
        guard x.data.allSatisfy({ $0 == $0.rounded() && abs($0) < 64 }) else {
            throw ONNXRunError(reason: "the operator `\(op)` has axes that are not small integers")
        }
        return x.data.map { Int($0) }
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
