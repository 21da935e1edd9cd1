import Foundation

/// Why a graph could not be compiled or run; the loader turns it into a `ModelError`.
struct ONNXRunError: Error, Sendable {
    var reason: String
    /// Whether the error comes from the values fed in (a category the model does not
    /// know) rather than the graph: the load-time dry run on made-up values ignores it.
    var dataDependent = false
}

/// A node's attributes by name, with typed, checked accessors.
struct ONNXAttributes {
    let op: String
    private let byName: [String: ONNXAttribute]

    init(_ node: ONNXNode) {
        op = node.opType
        var d: [String: ONNXAttribute] = [:]
        for a in node.attributes { d[a.name] = a }
        byName = d
    }

    func has(_ name: String) -> Bool { byName[name] != nil }

    func int(_ name: String, _ fallback: Int) -> Int {
        guard let a = byName[name] else { return fallback }
        return Int(truncatingIfNeeded: a.i)
    }

    func float(_ name: String, _ fallback: Float) -> Float {
        byName[name]?.f ?? fallback
    }

    func string(_ name: String, _ fallback: String) -> String {
        guard let a = byName[name] else { return fallback }
        return String(decoding: a.s, as: UTF8.self)
    }

    func floats(_ name: String) -> [Float] {
        guard let a = byName[name] else { return [] }
        if a.floats.isEmpty, let t = a.t { return t.data }
        return a.floats
    }

    func ints(_ name: String) -> [Int] {
        byName[name]?.ints.map { Int(truncatingIfNeeded: $0) } ?? []
    }

    func int64s(_ name: String) -> [Int64] {
        byName[name]?.ints ?? []
    }

    func strings(_ name: String) -> [String] {
        byName[name]?.strings.map { String(decoding: $0, as: UTF8.self) } ?? []
    }

    func error(_ what: String) -> ONNXRunError {
        ONNXRunError(reason: "the operator `\(op)` \(what)")
    }
}

/// The transforms ai.onnx.ml operators apply to their scores.
enum PostTransform: Sendable {
    case none, logistic, softmax, softmaxZero

    init(_ a: ONNXAttributes) throws(ONNXRunError) {
        switch a.string("post_transform", "NONE") {
        case "NONE": self = .none
        case "LOGISTIC": self = .logistic
        case "SOFTMAX": self = .softmax
        case "SOFTMAX_ZERO": self = .softmaxZero
        case let other: throw a.error("has the post_transform `\(other)`, which is not supported")
        }
    }

    /// Applies the transform to one row of scores in place.
    func apply(_ row: inout [Float]) {
        switch self {
        case .none: break
        case .logistic:
            for k in row.indices { row[k] = sigmoid(row[k]) }
        case .softmax:
            softmaxRow(&row, skipZeros: false)
        case .softmaxZero:
            softmaxRow(&row, skipZeros: true)
        }
    }
}

func sigmoid(_ x: Float) -> Float {
    let v = 1 / (1 + Foundation.exp(-Double(abs(x))))
    return Float(x < 0 ? 1 - v : v)
}

func softmaxRow(_ row: inout [Float], skipZeros: Bool) {
    guard let m = row.max() else { return }
    var sum = 0.0
    var e = [Double](repeating: 0, count: row.count)
    for k in row.indices where !(skipZeros && row[k] == 0) {
        e[k] = Foundation.exp(Double(row[k] - m))
        sum += e[k]
    }
    for k in row.indices { row[k] = skipZeros && row[k] == 0 ? 0 : Float(e[k] / sum) }
}
