/// An ONNX model as skl2onnx exports scikit-learn estimators, run by a small float32
/// interpreter over the graph's nodes in file order (ONNX requires topological order).
///
/// - Features: one float input `[N, F]` gives the features `f0`…`f{F−1}` (unnamed);
///   several inputs of one column each (`[N, 1]`), as skl2onnx makes for a pipeline over a
///   data frame, give the features their input names, in input order: float ones take
///   numbers, int64 and int32 ones whole numbers, string ones strings (the categories a
///   OneHotEncoder or OrdinalEncoder reads).
/// - Task: the last ai.onnx.ml predictor in the graph decides it (`objective` is its
///   operator name): a classifier with two labels is binary (the output is the
///   probability of the second label), more labels are multiclass, a regressor is
///   regression. The prediction is the graph's second output for a classifier (skl2onnx
///   writes label, probabilities) and its first for a regressor.
/// - Margin: the predictor's scores before its post_transform (log-odds for a logistic
///   binary model, softmax inputs for multiclass), ignoring the nodes after it (Normalizer,
///   ZipMap). A regressor's margin is its value.
/// - A graph is checked at load by running it on one row of zeros (and empty strings),
///   so a bad graph fails there; what only the data can break (a category a OneHotEncoder
///   refuses) fails `predict(columns:)` with the reason, and gives NaN from the numeric
///   `predict`.
package struct ONNXModel: ModelFormat {
    package let info: ModelInfo
    let steps: [ONNXStep]
    let initializers: [String: ONNXTensor]
    /// The graph inputs fed with features: one `[N, F]` input, or one `[N, 1]` per feature.
    let inputNames: [String]
    /// The path the file was loaded from, for errors at prediction.
    let path: String
    let outputName: String
    let predictorStep: Int

    /// Whether `bytes` look like an ONNX ModelProto: it starts with field 1 (ir_version).
    package static func recognises(_ bytes: [UInt8]) -> Bool {
        bytes.count > 2 && bytes[0] == 0x08 && bytes[1] > 0 && bytes[1] < 0x40
    }

    package static func load(_ bytes: [UInt8], path: String) throws(ModelError) -> ONNXModel {
        let proto: ONNXModelProto
        do {
            proto = try ONNXModelProto.decode(bytes)
        } catch {
            throw ModelError(path: path, reason: "the file is not a valid ONNX model (\(error.reason))")
        }
        guard let graph = proto.graph, !graph.nodes.isEmpty else {
            throw ModelError(path: path, reason: "the file is not an ONNX model (it has no graph)")
        }
        do {
            return try ONNXModel(proto: proto, graph: graph, path: path)
        } catch {
            throw ModelError(path: path, reason: error.reason)
        }
    }

    /// The feature type of an input's element type: float, int64/int32 or string.
    private static func featureType(_ input: ONNXValueInfo) throws(ONNXRunError) -> FeatureType {
        switch input.elementType {
        case 1: return .number
        case 6, 7: return .integer
        case 8: return .string
        default:
            throw ONNXRunError(
                reason: "the input `\(input.name)` has the element type \(input.elementType); "
                    + "inputs must be float, int64 or string tensors (export with FloatTensorType for numbers)")
        }
    }

    private init(proto: ONNXModelProto, graph: ONNXGraphProto, path: String) throws(ONNXRunError) {
        let opset = proto.opsets[""] ?? proto.opsets["ai.onnx"] ?? 1
        var steps: [ONNXStep] = []
        for node in graph.nodes { steps.append(try ONNXStep(node, opset: opset)) }
        guard let predictor = steps.lastIndex(where: { $0.isPredictor }) else {
            throw ONNXRunError(
                reason: "the graph has no classifier or regressor operator (LinearClassifier, "
                    + "LinearRegressor, TreeEnsembleClassifier or TreeEnsembleRegressor)")
        }
        let inputs = graph.inputs.filter { graph.initializers[$0.name] == nil }
        guard !inputs.isEmpty else { throw ONNXRunError(reason: "the graph has no input") }
        var features: [String]
        var types: [FeatureType] = []
        if inputs.count == 1, inputs[0].elementType == 1 {
            guard let dims = inputs[0].dims, dims.count == 2, let width = dims[1], width > 0 else {
                throw ONNXRunError(
                    reason: "the input `\(inputs[0].name)` is not a matrix with a fixed number of columns")
            }
            features = (0..<width).map { "f\($0)" }
            types = [FeatureType](repeating: .number, count: width)
        } else {
            for input in inputs {
                guard let dims = input.dims, dims.count == 2 && dims[1] == 1 else {
                    throw ONNXRunError(
                        reason: "the input `\(input.name)` is not one column (several inputs must each be [N, 1])")
                }
                types.append(try Self.featureType(input))
            }
            features = inputs.map(\.name)
        }

        let task: ModelTask
        var labels: [String]? = nil
        var trees = 0
        let node = graph.nodes[predictor]
        let a = ONNXAttributes(node)
        switch steps[predictor].op {
        case .linear(let m, _):
            guard m.isClassifier || m.targets == 1 else {
                throw a.error("has \(m.targets) targets; only one is supported")
            }
        case .trees(let t, _):
            guard t.isClassifier || t.outputs == 1 else {
                throw a.error("has \(t.outputs) targets; only one is supported")
            }
            trees = t.roots.count
        default: break
        }
        let isClassifier = node.opType.hasSuffix("Classifier")
        if isClassifier {
            let ints = a.ints("classlabels_int64s") + a.ints("classlabels_ints")
            labels = ints.isEmpty ? a.strings("classlabels_strings") : ints.map(String.init)
            let count = labels?.count ?? 0
            task = count == 2 ? .binary : .multiclass(classes: count)
        } else {
            task = .regression
        }
        let outputs = graph.outputs.map(\.name)
        guard let output = isClassifier && outputs.count >= 2 ? outputs[1] : outputs.first else {
            throw ONNXRunError(reason: "the graph has no output")
        }
        self.info = ModelInfo(
            format: "onnx", objective: node.opType, task: task, features: features,
            namedFeatures: features.count == inputs.count, featureTypes: types, trees: trees, classLabels: labels)
        self.steps = steps
        self.initializers = graph.initializers
        self.inputNames = inputs.map(\.name)
        self.outputName = output
        self.predictorStep = predictor
        self.path = path
        // A dry run on one row of zeros and empty strings checks shapes and wiring now
        // rather than mid-prediction; what only made-up values break is left to the data.
        let probe = types.map { $0 == .string ? FeatureColumn.strings([""]) : .numbers([0]) }
        for margin in [false, true] {
            do {
                _ = try run(probe, margin: margin)
            } catch {
                if !error.dataDependent { throw error }
            }
        }
    }

    package func predict(_ features: [[Double]], margin: Bool) -> ModelPrediction {
        let rows = features.first?.count ?? 0
        let width = info.task.width
        do {
            return try predict(columns: features.map(FeatureColumn.numbers), margin: margin)
        } catch {
            return ModelPrediction(rows: rows, width: width, values: [Double](repeating: .nan, count: rows * width))
        }
    }

    package func predict(columns: [FeatureColumn], margin: Bool) throws(ModelError) -> ModelPrediction {
        let rows = columns.first?.count ?? 0
        guard rows > 0 else { return ModelPrediction(rows: 0, width: info.task.width, values: []) }
        do {
            return try run(columns, margin: margin)
        } catch {
            throw ModelError(path: path, reason: error.reason)
        }
    }

    private func run(_ columns: [FeatureColumn], margin: Bool) throws(ONNXRunError) -> ModelPrediction {
        let n = columns.first?.count ?? 0
        guard columns.count == info.features.count, columns.allSatisfy({ $0.count == n }) else {
            throw ONNXRunError(reason: "the features do not match the model's \(info.features.count) columns")
        }
        var values = initializers
        if inputNames.count == 1, info.features.count > 1 || info.features.first != inputNames.first {
            let f = columns.count
            var data = [Float](repeating: 0, count: n * f)
            for (j, column) in columns.enumerated() {
                guard case .numbers(let v) = column else {
                    throw ONNXRunError(reason: "the input `\(inputNames[0])` takes numbers")
                }
                for i in 0..<n { data[i * f + j] = Float(v[i]) }
            }
            values[inputNames[0]] = ONNXTensor(shape: [n, f], data: data)
        } else {
            for (name, column) in zip(inputNames, columns) {
                switch column {
                case .numbers(let v): values[name] = ONNXTensor(shape: [n, 1], data: v.map { Float($0) })
                case .strings(let v): values[name] = ONNXTensor(shape: [n, 1], strings: v)
                }
            }
        }
        var raw: ONNXTensor? = nil
        for (k, step) in steps.enumerated() {
            let scores = try step.run(&values)
            if k == predictorStep {
                raw = scores
                if margin { break }
            }
        }
        guard let result = margin ? raw : values[outputName] else {
            throw ONNXRunError(reason: "the graph does not compute its output `\(outputName)`")
        }
        let columnsOut = n == 0 ? 0 : result.count / n
        guard n > 0, result.count == n * columnsOut else {
            throw ONNXRunError(reason: "the output has \(result.count) values for \(n) rows")
        }
        let width = info.task.width
        var out = [Double]()
        out.reserveCapacity(n * width)
        switch info.task {
        case .binary:
            guard columnsOut == 2 || columnsOut == 1 else {
                throw ONNXRunError(reason: "the output has \(columnsOut) columns for a binary classifier")
            }
            for i in 0..<n { out.append(Double(result.data[i * columnsOut + columnsOut - 1])) }
        case .regression, .multiclass:
            guard columnsOut == width else {
                throw ONNXRunError(reason: "the output has \(columnsOut) columns where \(width) are expected")
            }
            out = result.data.map(Double.init)
        }
        return ModelPrediction(rows: n, width: width, values: out)
    }
}
