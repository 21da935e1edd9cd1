/// ai.onnx.ml LinearClassifier, LinearRegressor, Scaler and Normalizer over [N, F] rows.
struct LinearModel: Sendable {
    var coefficients: [Float]
    var intercepts: [Float]
    var targets: Int
    var features: Int
    var post: PostTransform
    var isClassifier: Bool
    /// A one-row classifier with two labels: onnxruntime adds the negative class.
    var addSecondClass: Bool

    init(_ a: ONNXAttributes, classifier: Bool, labels: Int) throws(ONNXRunError) {
        isClassifier = classifier
        coefficients = a.floats("coefficients")
        intercepts = a.floats("intercepts")
        post = try PostTransform(a)
        if classifier {
            guard labels > 0 else { throw a.error("names no class labels") }
            guard !intercepts.isEmpty else { throw a.error("has no intercepts") }
            targets = intercepts.count
            addSecondClass = targets == 1 && labels == 2
            guard targets == labels || addSecondClass else {
                throw a.error("has \(targets) score rows for \(labels) classes")
            }
        } else {
            targets = a.int("targets", 1)
            addSecondClass = false
            guard targets > 0 else { throw a.error("has no targets") }
            guard intercepts.isEmpty || intercepts.count == targets else {
                throw a.error("has \(intercepts.count) intercepts for \(targets) targets")
            }
        }
        guard !coefficients.isEmpty, coefficients.count % targets == 0 else {
            throw a.error("has \(coefficients.count) coefficients for \(targets) outputs")
        }
        features = coefficients.count / targets
    }

    var width: Int { addSecondClass ? 2 : targets }

    func evaluate(_ row: ArraySlice<Float>) -> (out: [Float], raw: [Float]) {
        var scores = [Float](repeating: 0, count: targets)
        let base = row.startIndex
        for t in 0..<targets {
            // as onnxruntime's Gemm: the products summed (fused multiply-add), then the intercept
            var s: Float = 0
            for f in 0..<features { s = s.addingProduct(row[base + f], coefficients[t * features + f]) }
            scores[t] = intercepts.isEmpty ? s : s + intercepts[t]
        }
        if addSecondClass {
            let s = scores[0]
            switch post {
            case .none: return ([-s, s], [-s, s])
            case .logistic:
                let p = sigmoid(s)
                return ([1 - p, p], [-s, s])
            case .softmax, .softmaxZero:
                var pair: [Float] = [-s, s]
                post.apply(&pair)
                return (pair, [-s, s])
            }
        }
        var out = scores
        post.apply(&out)
        return (out, scores)
    }
}

struct Scaler: Sendable {
    var offset: [Float]
    var scale: [Float]

    init(_ a: ONNXAttributes) throws(ONNXRunError) {
        offset = a.floats("offset")
        scale = a.floats("scale")
        if offset.isEmpty { offset = [0] }
        if scale.isEmpty { scale = [1] }
    }

    func apply(_ x: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
        let (n, f) = try rows(x, "Scaler")
        guard offset.count == 1 || offset.count == f, scale.count == 1 || scale.count == f else {
            throw ONNXRunError(
                reason: "the operator `Scaler` has \(offset.count) offsets and \(scale.count) scales for \(f) columns")
        }
        var out = x.data
        for i in 0..<n {
            for j in 0..<f {
                let o = offset.count == 1 ? offset[0] : offset[j]
                let s = scale.count == 1 ? scale[0] : scale[j]
                out[i * f + j] = (x.data[i * f + j] - o) * s
            }
        }
        return ONNXTensor(shape: [n, f], data: out)
    }
}

enum Normalizer: Sendable {
    case max, l1, l2

    init(_ a: ONNXAttributes) throws(ONNXRunError) {
        switch a.string("norm", "MAX") {
        case "MAX": self = .max
        case "L1": self = .l1
        case "L2": self = .l2
        case let other: throw a.error("has the norm `\(other)`, which is not supported")
        }
    }

    func apply(_ x: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
        let (n, f) = try rows(x, "Normalizer")
        var out = x.data
        for i in 0..<n {
            let row = x.data[(i * f)..<(i * f + f)]
            let d: Float
            switch self {
            case .max: d = row.max() ?? 1
            case .l1: d = row.reduce(0) { $0 + abs($1) }
            case .l2: d = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            for j in 0..<f { out[i * f + j] = x.data[i * f + j] / d }
        }
        return ONNXTensor(shape: [n, f], data: out)
    }
}

/// A tensor read as rows: [N, F], or one row for a vector.
func rows(_ x: ONNXTensor, _ op: String) throws(ONNXRunError) -> (Int, Int) {
    switch x.shape.count {
    case 1: return (1, x.shape[0])
    case 2: return (x.shape[0], x.shape[1])
    default: throw ONNXRunError(reason: "the operator `\(op)` needs a matrix, not a tensor of shape \(x.shape)")
    }
}

/// Runs a row model over [N, F]: the outputs and the raw scores, both [N, width].
func rowwise(
    _ x: ONNXTensor, _ op: String, needs features: Int, width: Int,
    _ evaluate: (ArraySlice<Float>) -> (out: [Float], raw: [Float])
) throws(ONNXRunError) -> (ONNXTensor, ONNXTensor) {
    let (n, f) = try rows(x, op)
    guard f >= features else {
        throw ONNXRunError(reason: "the operator `\(op)` needs \(features) features but gets \(f)")
    }
    var out = [Float](), raw = [Float]()
    out.reserveCapacity(n * width); raw.reserveCapacity(n * width)
    for i in 0..<n {
        let (o, r) = evaluate(x.data[(i * f)..<(i * f + f)])
        guard o.count == width, r.count == width else {
            throw ONNXRunError(reason: "the operator `\(op)` produced \(o.count) scores for \(width) outputs")
        }
        out += o; raw += r
    }
    return (ONNXTensor(shape: [n, width], data: out), ONNXTensor(shape: [n, width], data: raw))
}
