/// The parts of `onnx.proto` (ModelProto and what it holds) that Evalbook reads. Field
/// numbers follow onnx.proto; fields not listed are skipped by wire type.

/// A dense tensor: numbers held as float32 (int64, int32, bool and double tensors are
/// converted; integers are exact up to 2^24), or strings.
struct ONNXTensor: Sendable {
    var shape: [Int]
    /// The elements of a numeric tensor, row-major; empty for a string tensor.
    var data: [Float]
    /// The elements of a string tensor, row-major; nil for a numeric one.
    var strings: [String]?

    init(shape: [Int], data: [Float]) {
        self.shape = shape
        self.data = data
        self.strings = nil
    }

    init(shape: [Int], strings: [String]) {
        self.shape = shape
        self.data = []
        self.strings = strings
    }

    var count: Int { strings?.count ?? data.count }

    var isString: Bool { strings != nil }

    /// The elements at `indices` (flat, row-major) as a tensor of `shape`, of either kind.
    func picking(_ indices: [Int], shape: [Int]) -> ONNXTensor {
        if let strings { return ONNXTensor(shape: shape, strings: indices.map { strings[$0] }) }
        return ONNXTensor(shape: shape, data: indices.map { data[$0] })
    }
}

struct ONNXValueInfo: Sendable {
    var name: String = ""
    var elementType: Int = 0
    /// Dimensions; nil for a symbolic or unknown dimension.
    var dims: [Int?]? = nil
}

struct ONNXAttribute: Sendable {
    var name: String = ""
    var type: Int = 0
    var f: Float = 0
    var i: Int64 = 0
    var s: [UInt8] = []
    var t: ONNXTensor? = nil
    var floats: [Float] = []
    var ints: [Int64] = []
    var strings: [[UInt8]] = []
}

struct ONNXNode: Sendable {
    var inputs: [String] = []
    var outputs: [String] = []
    var name: String = ""
    var opType: String = ""
    var domain: String = ""
    var attributes: [ONNXAttribute] = []
}

struct ONNXGraphProto: Sendable {
    var name: String = ""
    var nodes: [ONNXNode] = []
    var initializers: [String: ONNXTensor] = [:]
    var inputs: [ONNXValueInfo] = []
    var outputs: [ONNXValueInfo] = []
}

struct ONNXModelProto: Sendable {
    var irVersion: Int64 = 0
    var opsets: [String: Int64] = [:]
    var graph: ONNXGraphProto? = nil
}

extension ONNXModelProto {
    static func decode(_ bytes: [UInt8]) throws(ProtobufError) -> ONNXModelProto {
        var r = ProtobufReader(bytes)
        var model = ONNXModelProto()
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch field {
            case 1:
                try ProtobufReader.expect(wire, .varint, "ir_version")
                model.irVersion = try r.readInt64()
            case 7:
                try ProtobufReader.expect(wire, .lengthDelimited, "graph")
                var sub = try r.readSubmessage()
                model.graph = try ONNXGraphProto.decode(&sub)
            case 8:
                try ProtobufReader.expect(wire, .lengthDelimited, "opset_import")
                var sub = try r.readSubmessage()
                var domain = ""
                var version: Int64 = 0
                while !sub.isAtEnd {
                    let (f, w) = try sub.readTag()
                    if f == 1 && w == .lengthDelimited {
                        domain = try sub.readString()
                    } else if f == 2 && w == .varint {
                        version = try sub.readInt64()
                    } else {
                        try sub.skip(w)
                    }
                }
                model.opsets[domain] = max(model.opsets[domain] ?? 0, version)
            default:
                try r.skip(wire)
            }
        }
        return model
    }
}

extension ONNXGraphProto {
    static func decode(_ r: inout ProtobufReader) throws(ProtobufError) -> ONNXGraphProto {
        var graph = ONNXGraphProto()
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch (field, wire) {
            case (1, .lengthDelimited):
                var sub = try r.readSubmessage()
                graph.nodes.append(try ONNXNode.decode(&sub))
            case (2, .lengthDelimited):
                graph.name = try r.readString()
            case (5, .lengthDelimited):
                var sub = try r.readSubmessage()
                let (name, tensor) = try ONNXTensor.decode(&sub)
                graph.initializers[name] = tensor
            case (11, .lengthDelimited):
                var sub = try r.readSubmessage()
                graph.inputs.append(try ONNXValueInfo.decode(&sub))
            case (12, .lengthDelimited):
                var sub = try r.readSubmessage()
                graph.outputs.append(try ONNXValueInfo.decode(&sub))
            case (1, _), (2, _), (5, _), (11, _), (12, _):
                throw ProtobufError(reason: "a graph field has the wrong wire type")
            default:
                try r.skip(wire)
            }
        }
        return graph
    }
}

extension ONNXNode {
    static func decode(_ r: inout ProtobufReader) throws(ProtobufError) -> ONNXNode {
        var node = ONNXNode()
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch (field, wire) {
            case (1, .lengthDelimited): node.inputs.append(try r.readString())
            case (2, .lengthDelimited): node.outputs.append(try r.readString())
            case (3, .lengthDelimited): node.name = try r.readString()
            case (4, .lengthDelimited): node.opType = try r.readString()
            case (7, .lengthDelimited): node.domain = try r.readString()
            case (5, .lengthDelimited):
                var sub = try r.readSubmessage()
                node.attributes.append(try ONNXAttribute.decode(&sub))
            case (1...5, _), (7, _):
                throw ProtobufError(reason: "a node field has the wrong wire type")
            default:
                try r.skip(wire)
            }
        }
        return node
    }
}

extension ONNXAttribute {
    static func decode(_ r: inout ProtobufReader) throws(ProtobufError) -> ONNXAttribute {
        var a = ONNXAttribute()
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch (field, wire) {
            case (1, .lengthDelimited): a.name = try r.readString()
            case (20, .varint): a.type = Int(truncatingIfNeeded: try r.readInt64())
            case (2, .fixed32): a.f = try r.readFloat()
            case (3, .varint): a.i = try r.readInt64()
            case (4, .lengthDelimited): a.s = try r.readBytes()
            case (5, .lengthDelimited):
                var sub = try r.readSubmessage()
                a.t = try ONNXTensor.decode(&sub).1
            case (7, _): try r.readRepeatedFloat(wire, into: &a.floats)
            case (8, _): try r.readRepeatedInt64(wire, into: &a.ints)
            case (9, .lengthDelimited): a.strings.append(try r.readBytes())
            case (1...5, _), (9, _), (20, _):
                throw ProtobufError(reason: "an attribute field has the wrong wire type")
            default:
                try r.skip(wire)
            }
        }
        return a
    }
}

extension ONNXTensor {
    /// The tensor and its name.
    static func decode(_ r: inout ProtobufReader) throws(ProtobufError) -> (String, ONNXTensor) {
        var dims: [Int64] = []
        var dataType: Int64 = 0
        var name = ""
        var floats: [Float] = []
        var int64s: [Int64] = []
        var int32s: [Int64] = []
        var doubles: [Double] = []
        var strings: [String] = []
        var raw: [UInt8]? = nil
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch (field, wire) {
            case (1, _): try r.readRepeatedInt64(wire, into: &dims)
            case (2, .varint): dataType = try r.readInt64()
            case (4, _): try r.readRepeatedFloat(wire, into: &floats)
            case (5, _): try r.readRepeatedInt64(wire, into: &int32s)
            case (6, .lengthDelimited): strings.append(String(decoding: try r.readBytes(), as: UTF8.self))
            case (7, _): try r.readRepeatedInt64(wire, into: &int64s)
            case (8, .lengthDelimited): name = try r.readString()
            case (9, .lengthDelimited): raw = try r.readBytes()
            case (10, _): try r.readRepeatedDouble(wire, into: &doubles)
            case (2, _), (8, _), (9, _):
                throw ProtobufError(reason: "a tensor field has the wrong wire type")
            default:
                try r.skip(wire)
            }
        }
        guard dims.allSatisfy({ $0 >= 0 && $0 < 1 << 31 }) else {
            throw ProtobufError(reason: "the tensor `\(name)` has a negative or huge dimension")
        }
        let shape = dims.map { Int($0) }
        var count = 1
        for d in shape {
            let (m, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, m < 1 << 31 else { throw ProtobufError(reason: "the tensor `\(name)` is too large") }
            count = m
        }
        var data: [Float]
        switch dataType {
        case 8:  // STRING
            guard strings.count == count else {
                throw ProtobufError(reason: "the tensor `\(name)` has \(strings.count) strings for the shape \(shape)")
            }
            return (name, ONNXTensor(shape: shape, strings: strings))
        case 9:  // BOOL, as int32_data or one byte each
            if let raw {
                guard raw.count == count else {
                    throw ProtobufError(reason: "the tensor `\(name)` has \(raw.count) bytes for \(count) bools")
                }
                data = raw.map { $0 != 0 ? 1 : 0 }
            } else {
                data = int32s.map { $0 != 0 ? 1 : 0 }
            }
        case 1:  // FLOAT
            if let raw {
                guard raw.count == count * 4 else {
                    throw ProtobufError(reason: "the tensor `\(name)` has \(raw.count) bytes for \(count) floats")
                }
                data = (0..<count).map { k in
                    var bits: UInt32 = 0
                    for b in 0..<4 { bits |= UInt32(raw[4 * k + b]) << (8 * UInt32(b)) }
                    return Float(bitPattern: bits)
                }
            } else {
                data = floats
            }
        case 11:  // DOUBLE
            if let raw {
                guard raw.count == count * 8 else {
                    throw ProtobufError(reason: "the tensor `\(name)` has \(raw.count) bytes for \(count) doubles")
                }
                data = (0..<count).map { k in
                    var bits: UInt64 = 0
                    for b in 0..<8 { bits |= UInt64(raw[8 * k + b]) << (8 * UInt64(b)) }
                    return Float(Double(bitPattern: bits))
                }
            } else {
                data = doubles.map { Float($0) }
            }
        case 7:  // INT64
            if let raw {
                guard raw.count == count * 8 else {
                    throw ProtobufError(reason: "the tensor `\(name)` has \(raw.count) bytes for \(count) integers")
                }
                data = (0..<count).map { k in
                    var bits: UInt64 = 0
                    for b in 0..<8 { bits |= UInt64(raw[8 * k + b]) << (8 * UInt64(b)) }
                    return Float(Int64(bitPattern: bits))
                }
            } else {
                data = int64s.map { Float($0) }
            }
        case 6:  // INT32
            if let raw {
                guard raw.count == count * 4 else {
                    throw ProtobufError(reason: "the tensor `\(name)` has \(raw.count) bytes for \(count) integers")
                }
                data = (0..<count).map { k in
                    var bits: UInt32 = 0
                    for b in 0..<4 { bits |= UInt32(raw[4 * k + b]) << (8 * UInt32(b)) }
                    return Float(Int32(bitPattern: bits))
                }
            } else {
                data = int32s.map { Float(Int32(truncatingIfNeeded: $0)) }
            }
        default:
            throw ProtobufError(reason: "the tensor `\(name)` has the data type \(dataType), which is not supported")
        }
        guard data.count == count else {
            throw ProtobufError(reason: "the tensor `\(name)` has \(data.count) values for the shape \(shape)")
        }
        return (name, ONNXTensor(shape: shape, data: data))
    }
}

extension ONNXValueInfo {
    static func decode(_ r: inout ProtobufReader) throws(ProtobufError) -> ONNXValueInfo {
        var info = ONNXValueInfo()
        while !r.isAtEnd {
            let (field, wire) = try r.readTag()
            switch (field, wire) {
            case (1, .lengthDelimited): info.name = try r.readString()
            case (2, .lengthDelimited):
                var type = try r.readSubmessage()
                while !type.isAtEnd {
                    let (f, w) = try type.readTag()
                    guard f == 1, w == .lengthDelimited else { try type.skip(w); continue }
                    var tensor = try type.readSubmessage()
                    while !tensor.isAtEnd {
                        let (tf, tw) = try tensor.readTag()
                        if tf == 1 && tw == .varint {
                            info.elementType = Int(truncatingIfNeeded: try tensor.readInt64())
                        } else if tf == 2 && tw == .lengthDelimited {
                            var shape = try tensor.readSubmessage()
                            var dims: [Int?] = []
                            while !shape.isAtEnd {
                                let (sf, sw) = try shape.readTag()
                                guard sf == 1, sw == .lengthDelimited else { try shape.skip(sw); continue }
                                var dim = try shape.readSubmessage()
                                var value: Int? = nil
                                while !dim.isAtEnd {
                                    let (df, dw) = try dim.readTag()
                                    if df == 1 && dw == .varint {
                                        let v = try dim.readInt64()
                                        value = v >= 0 && v < 1 << 31 ? Int(v) : nil
                                    } else {
                                        try dim.skip(dw)
                                    }
                                }
                                dims.append(value)
                            }
                            info.dims = dims
                        } else {
                            try tensor.skip(tw)
                        }
                    }
                }
            default:
                try r.skip(wire)
            }
        }
        return info
    }
}
