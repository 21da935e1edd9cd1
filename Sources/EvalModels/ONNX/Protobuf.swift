/// A minimal reader for the protocol buffers wire format, enough to decode the parts of `onnx.proto` Evalbook uses.
///
/// Every read is bounds-checked; malformed input is a `ProtobufError`, never a crash.
struct ProtobufError: Error, Sendable {
    var reason: String
}

/// The wire types of the protocol buffers encoding.
enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}

/// Reads fields from `bytes[start..<end]`.
///
/// Sub-messages share the buffer.
struct ProtobufReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
    }

    private init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
    }

    var isAtEnd: Bool { position >= end }

    mutating func readVarint() throws(ProtobufError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ProtobufError(reason: "the file ends inside a number") }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 { throw ProtobufError(reason: "a number is too large") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ProtobufError(reason: "a number is too long") }
        }
    }

    mutating func readInt64() throws(ProtobufError) -> Int64 {
        Int64(bitPattern: try readVarint())
    }

    /// A tag: the field number and its wire type.
    mutating func readTag() throws(ProtobufError) -> (field: UInt64, wire: WireType) {
        let key = try readVarint()
        guard let wire = WireType(rawValue: UInt8(key & 7)) else {
            throw ProtobufError(reason: "the wire type \(key & 7) is not valid")
        }
        let field = key >> 3
        guard field > 0 else { throw ProtobufError(reason: "a field number is zero") }
        return (field, wire)
    }

    mutating func readFixed32() throws(ProtobufError) -> UInt32 {
        guard end - position >= 4 else { throw ProtobufError(reason: "the file ends inside a 32-bit value") }
        var value: UInt32 = 0
        for k in 0..<4 { value |= UInt32(bytes[position + k]) << (8 * UInt32(k)) }
        position += 4
        return value
    }

    mutating func readFixed64() throws(ProtobufError) -> UInt64 {
        guard end - position >= 8 else { throw ProtobufError(reason: "the file ends inside a 64-bit value") }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return value
    }

    mutating func readFloat() throws(ProtobufError) -> Float {
        Float(bitPattern: try readFixed32())
    }

    mutating func readDouble() throws(ProtobufError) -> Double {
        Double(bitPattern: try readFixed64())
    }

    /// The length-prefixed range that follows, as a reader of its own.
    mutating func readSubmessage() throws(ProtobufError) -> ProtobufReader {
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw ProtobufError(reason: "a field runs past the end of the data; the file is truncated")
        }
        let start = position
        position += Int(length)
        return ProtobufReader(bytes: bytes, start: start, end: position)
    }

    mutating func readBytes() throws(ProtobufError) -> [UInt8] {
        let sub = try readSubmessage()
        return Array(bytes[sub.position..<sub.end])
    }

    mutating func readString() throws(ProtobufError) -> String {
        String(decoding: try readBytes(), as: UTF8.self)
    }

    /// Skips a field of an unknown number.
    mutating func skip(_ wire: WireType) throws(ProtobufError) {
        switch wire {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readSubmessage()
        case .startGroup, .endGroup: throw ProtobufError(reason: "groups are not supported")
        }
    }

    /// One element or a packed run of a repeated varint field.
    mutating func readRepeatedInt64(_ wire: WireType, into values: inout [Int64]) throws(ProtobufError) {
        switch wire {
        case .varint: values.append(try readInt64())
        case .lengthDelimited:
            var sub = try readSubmessage()
            while !sub.isAtEnd { values.append(try sub.readInt64()) }
        default: throw ProtobufError(reason: "an integer list has the wrong wire type")
        }
    }

    /// One element or a packed run of a repeated float field.
    mutating func readRepeatedFloat(_ wire: WireType, into values: inout [Float]) throws(ProtobufError) {
        switch wire {
        case .fixed32: values.append(try readFloat())
        case .lengthDelimited:
            var sub = try readSubmessage()
            guard (sub.end - sub.position) % 4 == 0 else {
                throw ProtobufError(reason: "a float list has a partial value")
            }
            while !sub.isAtEnd { values.append(try sub.readFloat()) }
        default: throw ProtobufError(reason: "a float list has the wrong wire type")
        }
    }

    /// One element or a packed run of a repeated double field.
    mutating func readRepeatedDouble(_ wire: WireType, into values: inout [Double]) throws(ProtobufError) {
        switch wire {
        case .fixed64: values.append(try readDouble())
        case .lengthDelimited:
            var sub = try readSubmessage()
            guard (sub.end - sub.position) % 8 == 0 else {
                throw ProtobufError(reason: "a double list has a partial value")
            }
            while !sub.isAtEnd { values.append(try sub.readDouble()) }
        default: throw ProtobufError(reason: "a double list has the wrong wire type")
        }
    }

    /// Checks that a length-delimited field really is length-delimited.
    static func expect(_ wire: WireType, _ expected: WireType, _ what: String) throws(ProtobufError) {
        guard wire == expected else { throw ProtobufError(reason: "the field `\(what)` has the wrong wire type") }
    }
}
