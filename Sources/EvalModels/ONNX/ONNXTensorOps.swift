import Foundation

/// The standard ONNX operators skl2onnx emits around the ai.onnx.ml ones, over float32
/// (the ones that only move elements work on string tensors too).

private func product(_ dims: ArraySlice<Int>) -> Int { dims.reduce(1, *) }

private func normalize(_ axis: Int, rank: Int, _ op: String) throws(ONNXRunError) -> Int {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0, a < Swift.max(rank, 1) else {
        throw ONNXRunError(reason: "the operator `\(op)` has the axis \(axis) for a tensor of rank \(rank)")
    }
    return a
}

func argMax(_ x: ONNXTensor, axis: Int, keepDims: Bool, selectLast: Bool) throws(ONNXRunError) -> ONNXTensor {
    let a = try normalize(axis, rank: x.shape.count, "ArgMax")
    guard !x.shape.isEmpty, x.shape[a] > 0 else {
        throw ONNXRunError(reason: "the operator `ArgMax` has an empty axis")
    }
    let outer = product(x.shape[..<a]), n = x.shape[a], inner = product(x.shape[(a + 1)...])
    var out = [Float](repeating: 0, count: outer * inner)
    for o in 0..<outer {
        for i in 0..<inner {
            var best = 0
            for k in 1..<n {
                let v = x.data[(o * n + k) * inner + i], b = x.data[(o * n + best) * inner + i]
                if v > b || (selectLast && v == b) { best = k }
            }
            out[o * inner + i] = Float(best)
        }
    }
    var shape = x.shape
    if keepDims { shape[a] = 1 } else { shape.remove(at: a) }
    return ONNXTensor(shape: shape, data: out)
}

func concat(_ parts: [ONNXTensor], axis: Int) throws(ONNXRunError) -> ONNXTensor {
    guard let first = parts.first else { throw ONNXRunError(reason: "the operator `Concat` has no inputs") }
    guard !first.shape.isEmpty else { throw ONNXRunError(reason: "the operator `Concat` cannot join scalars") }
    let a = try normalize(axis, rank: first.shape.count, "Concat")
    for p in parts {
        guard p.shape.count == first.shape.count,
            p.shape.indices.allSatisfy({ $0 == a || p.shape[$0] == first.shape[$0] })
        else {
            throw ONNXRunError(reason: "the operator `Concat` joins tensors of shapes \(first.shape) and \(p.shape)")
        }
        guard p.isString == first.isString else {
            throw ONNXRunError(reason: "the operator `Concat` joins strings with numbers")
        }
    }
    let outer = product(first.shape[..<a])
    var shape = first.shape
    shape[a] = parts.reduce(0) { $0 + $1.shape[a] }
    func join<T>(_ elements: (ONNXTensor) -> [T]) -> [T] {
        var out: [T] = []
        for o in 0..<outer {
            for p in parts {
                let chunk = product(p.shape[a...])
                out += elements(p)[(o * chunk)..<(o * chunk + chunk)]
            }
        }
        return out
    }
    if first.isString { return ONNXTensor(shape: shape, strings: join { $0.strings ?? [] }) }
    return ONNXTensor(shape: shape, data: join { $0.data })
}

/// The integer elements of an index tensor, checked to be whole and not huge.
private func indexList(_ x: ONNXTensor, _ op: String) throws(ONNXRunError) -> [Int] {
    guard !x.isString, x.data.allSatisfy({ (v: Float) -> Bool in v == v.rounded() && abs(v) < 1_000_000_000 }) else {
        throw ONNXRunError(reason: "the operator `\(op)` has indices that are not integers")
    }
    return x.data.map { Int($0) }
}

/// Gather: the slices of `x` along `axis` at `indices` (negative ones count from the end);
/// the output's shape is x's before the axis, the indices' shape, then x's after it.
func gather(_ x: ONNXTensor, _ indices: ONNXTensor, axis: Int) throws(ONNXRunError) -> ONNXTensor {
    let a = try normalize(axis, rank: x.shape.count, "Gather")
    guard !x.shape.isEmpty else { throw ONNXRunError(reason: "the operator `Gather` cannot index a scalar") }
    let n = x.shape[a]
    var picks: [Int] = []
    for i in try indexList(indices, "Gather") {
        let k = i < 0 ? i + n : i
        guard k >= 0, k < n else {
            throw ONNXRunError(reason: "the operator `Gather` has the index \(i) for an axis of \(n)")
        }
        picks.append(k)
    }
    let outer = product(x.shape[..<a]), inner = product(x.shape[(a + 1)...])
    var flat: [Int] = []
    flat.reserveCapacity(outer * picks.count * inner)
    for o in 0..<outer {
        for k in picks {
            for i in 0..<inner { flat.append((o * n + k) * inner + i) }
        }
    }
    return x.picking(flat, shape: Array(x.shape[..<a]) + indices.shape + Array(x.shape[(a + 1)...]))
}

/// ai.onnx.ml ArrayFeatureExtractor: the columns of the last axis at `indices`; a vector
/// gives one row, as onnxruntime.
func arrayFeatureExtractor(_ x: ONNXTensor, _ indices: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
    let x = x.shape.count == 1 ? ONNXTensor.reshaped(x, to: [1] + x.shape) : x
    guard let width = x.shape.last else {
        throw ONNXRunError(reason: "the operator `ArrayFeatureExtractor` cannot index a scalar")
    }
    let picks = try indexList(indices, "ArrayFeatureExtractor")
    for k in picks where k < 0 || k >= width {
        throw ONNXRunError(reason: "the operator `ArrayFeatureExtractor` has the index \(k) for \(width) columns")
    }
    let rows = width == 0 ? 0 : x.count / width
    var flat: [Int] = []
    flat.reserveCapacity(rows * picks.count)
    for r in 0..<rows { for k in picks { flat.append(r * width + k) } }
    return x.picking(flat, shape: Array(x.shape.dropLast()) + [picks.count])
}

/// Unsqueeze: size-1 axes inserted at `axes` of the output.
func unsqueeze(_ x: ONNXTensor, axes: [Int]) throws(ONNXRunError) -> ONNXTensor {
    let rank = x.shape.count + axes.count
    var inserted = Set<Int>()
    for axis in axes { inserted.insert(try normalize(axis, rank: rank, "Unsqueeze")) }
    guard inserted.count == axes.count else { throw ONNXRunError(reason: "the operator `Unsqueeze` repeats an axis") }
    var shape: [Int] = [], next = 0
    for d in 0..<rank {
        if inserted.contains(d) {
            shape.append(1)
        } else {
            shape.append(x.shape[next])
            next += 1
        }
    }
    return ONNXTensor.reshaped(x, to: shape)
}

/// Squeeze: the size-1 axes at `axes` removed (all of them when nil).
func squeeze(_ x: ONNXTensor, axes: [Int]?) throws(ONNXRunError) -> ONNXTensor {
    var removed = Set<Int>()
    if let axes {
        for axis in axes {
            let a = try normalize(axis, rank: x.shape.count, "Squeeze")
            guard x.shape[a] == 1 else {
                throw ONNXRunError(reason: "the operator `Squeeze` removes the axis \(axis), which is not of size 1")
            }
            removed.insert(a)
        }
    } else {
        removed = Set(x.shape.indices.filter { x.shape[$0] == 1 })
    }
    return ONNXTensor.reshaped(x, to: x.shape.indices.filter { !removed.contains($0) }.map { x.shape[$0] })
}

extension ONNXTensor {
    /// The same elements with another shape of the same size.
    static func reshaped(_ x: ONNXTensor, to shape: [Int]) -> ONNXTensor {
        var out = x
        out.shape = shape
        return out
    }
}

/// The element-wise functions of one tensor.
enum ONNXUnary: Sendable {
    case neg, abs, sqrt, exp, log, reciprocal, floor, ceil

    func apply(_ v: Float) -> Float {
        switch self {
        case .neg: -v
        case .abs: Swift.abs(v)
        case .sqrt: v.squareRoot()
        case .exp: Foundation.exp(v)
        case .log: Foundation.log(v)
        case .reciprocal: 1 / v
        case .floor: v.rounded(.down)
        case .ceil: v.rounded(.up)
        }
    }
}

func reshape(_ x: ONNXTensor, _ target: ONNXTensor, allowZero: Bool) throws(ONNXRunError) -> ONNXTensor {
    guard !target.isString, target.data.allSatisfy({ (v: Float) -> Bool in v.isFinite && abs(v) < 1_000_000_000 })
    else {
        throw ONNXRunError(reason: "the operator `Reshape` has a shape that is not a list of integers")
    }
    var shape = target.data.map { Int($0) }
    var unknown: Int? = nil
    for k in shape.indices {
        if shape[k] == 0 && !allowZero {
            guard k < x.shape.count else {
                throw ONNXRunError(reason: "the operator `Reshape` copies a dimension that does not exist")
            }
            shape[k] = x.shape[k]
        } else if shape[k] == -1 {
            guard unknown == nil else { throw ONNXRunError(reason: "the operator `Reshape` has two -1 dimensions") }
            unknown = k
        } else if shape[k] < 0 {
            throw ONNXRunError(reason: "the operator `Reshape` has the dimension \(shape[k])")
        }
    }
    if let u = unknown {
        let known = shape.enumerated().reduce(1) { $1.offset == u ? $0 : $0 * $1.element }
        guard known > 0, x.count % known == 0 else {
            throw ONNXRunError(reason: "the operator `Reshape` cannot make \(shape) from \(x.shape)")
        }
        shape[u] = x.count / known
    }
    var size = 1
    for d in shape {
        let (m, overflow) = size.multipliedReportingOverflow(by: d)
        guard !overflow else { throw ONNXRunError(reason: "the operator `Reshape` makes a tensor that is too large") }
        size = m
    }
    guard size == x.count else {
        throw ONNXRunError(reason: "the operator `Reshape` cannot make \(shape) from \(x.shape)")
    }
    return ONNXTensor.reshaped(x, to: shape)
}

func flatten(_ x: ONNXTensor, axis: Int) throws(ONNXRunError) -> ONNXTensor {
    let a = axis < 0 ? axis + x.shape.count : axis
    guard a >= 0, a <= x.shape.count else { throw ONNXRunError(reason: "the operator `Flatten` has the axis \(axis)") }
    return ONNXTensor.reshaped(x, to: [product(x.shape[..<a]), product(x.shape[a...])])
}

func softmax(_ x: ONNXTensor, axis: Int, legacy: Bool) throws(ONNXRunError) -> ONNXTensor {
    let a = try normalize(axis, rank: x.shape.count, "Softmax")
    // opset < 13 coerces to 2-D at the axis; from 13 on the axis must be the last one here
    guard legacy || a == x.shape.count - 1 else {
        throw ONNXRunError(reason: "the operator `Softmax` over a non-last axis is not supported")
    }
    let width = product(x.shape[a...])
    guard width > 0 else { return x }
    var out = x.data
    for start in stride(from: 0, to: x.count, by: width) {
        var row = Array(x.data[start..<(start + width)])
        softmaxRow(&row, skipZeros: false)
        out.replaceSubrange(start..<(start + width), with: row)
    }
    return ONNXTensor(shape: x.shape, data: out)
}

private func matrix(_ x: ONNXTensor, _ op: String) throws(ONNXRunError) -> (Int, Int) {
    switch x.shape.count {
    case 1: return (1, x.shape[0])
    case 2: return (x.shape[0], x.shape[1])
    default: throw ONNXRunError(reason: "the operator `\(op)` on a tensor of rank \(x.shape.count) is not supported")
    }
}

func matMul(_ a: ONNXTensor, _ b: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
    let (m, k) = try matrix(a, "MatMul")
    let (k2, n) = b.shape.count == 1 ? (b.shape[0], 1) : try matrix(b, "MatMul")
    guard k == k2 else { throw ONNXRunError(reason: "the operator `MatMul` multiplies \(a.shape) by \(b.shape)") }
    var out = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s: Float = 0
            for p in 0..<k { s += a.data[i * k + p] * b.data[p * n + j] }
            out[i * n + j] = s
        }
    }
    var shape = [m, n]
    if a.shape.count == 1 { shape.removeFirst() }
    if b.shape.count == 1 { shape.removeLast() }
    return ONNXTensor(shape: shape, data: out)
}

func gemm(
    _ a: ONNXTensor, _ b: ONNXTensor, _ c: ONNXTensor?, alpha: Float, beta: Float,
    transA: Bool, transB: Bool
) throws(ONNXRunError) -> ONNXTensor {
    guard a.shape.count == 2, b.shape.count == 2 else {
        throw ONNXRunError(reason: "the operator `Gemm` needs matrices")
    }
    let (m, k) = transA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (k2, n) = transB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    guard k == k2 else { throw ONNXRunError(reason: "the operator `Gemm` multiplies \(a.shape) by \(b.shape)") }
    var out = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s: Float = 0
            for p in 0..<k {
                s += a.data[transA ? p * m + i : i * k + p] * b.data[transB ? j * k + p : p * n + j]
            }
            out[i * n + j] = alpha * s
        }
    }
    var result = ONNXTensor(shape: [m, n], data: out)
    if let c, beta != 0 {
        var scaled = c
        scaled.data = c.data.map { $0 * beta }
        result = try broadcast(result, scaled, .add)
        guard result.shape == [m, n] else {
            throw ONNXRunError(reason: "the operator `Gemm` cannot add C of shape \(c.shape)")
        }
    }
    return result
}

/// Numpy-style broadcasting of two tensors.
func broadcast(_ a: ONNXTensor, _ b: ONNXTensor, _ kind: ONNXStep.Arithmetic) throws(ONNXRunError) -> ONNXTensor {
    let rank = Swift.max(a.shape.count, b.shape.count)
    let sa = Array(repeating: 1, count: rank - a.shape.count) + a.shape
    let sb = Array(repeating: 1, count: rank - b.shape.count) + b.shape
    var shape = [Int](repeating: 1, count: rank)
    for d in 0..<rank {
        guard sa[d] == sb[d] || sa[d] == 1 || sb[d] == 1 else {
            throw ONNXRunError(reason: "cannot broadcast the shapes \(a.shape) and \(b.shape)")
        }
        shape[d] = sa[d] == 1 ? sb[d] : sa[d]
    }
    func strides(_ s: [Int]) -> [Int] {
        var st = [Int](repeating: 0, count: rank)
        var acc = 1
        for d in stride(from: rank - 1, through: 0, by: -1) {
            st[d] = s[d] == 1 ? 0 : acc
            acc *= s[d]
        }
        return st
    }
    let ta = strides(sa), tb = strides(sb)
    let total = product(shape[...])
    var out = [Float](repeating: 0, count: total)
    var index = [Int](repeating: 0, count: rank)
    for flat in 0..<total {
        var ia = 0, ib = 0
        for d in 0..<rank { ia += index[d] * ta[d]; ib += index[d] * tb[d] }
        let x = a.data[ia], y = b.data[ib]
        switch kind {
        case .add: out[flat] = x + y
        case .sub: out[flat] = x - y
        case .mul: out[flat] = x * y
        case .div: out[flat] = x / y
        case .pow: out[flat] = Foundation.pow(x, y)
        // onnxruntime's Max and Min propagate NaN.
        case .max: out[flat] = x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
        case .min: out[flat] = x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
        }
        var d = rank - 1
        while d >= 0 {
            index[d] += 1
            if index[d] < shape[d] { break }
            index[d] = 0
            d -= 1
        }
    }
    return ONNXTensor(shape: shape, data: out)
}
