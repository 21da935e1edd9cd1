/// Decodes Thrift's compact protocol, the encoding of Parquet's footer and page headers.
///
/// Hand-written rather than generated, with a bound on everything a file controls:
/// every read checks the bytes left, a string or list can claim no more than the
/// bytes that remain (each list element takes at least one byte), variable-length
/// integers stop at ten bytes, and structures and lists nest at most `maxDepth` deep.
/// Every loop consumes at least one byte per turn, so decoding is O(bytes) however
/// the bytes lie. Fields of an unexpected type are skipped, as generated Thrift code
/// does, and a missing required field is reported by the caller.
struct ThriftCompactReader {
    /// The compact protocol's type codes.
    enum FieldType: UInt8 {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    /// A field's id and type, as its header gives them.
    struct Field {
        var id: Int16
        var type: FieldType
    }

    /// Deeper than any Parquet structure (a file's metadata nests about six levels).
    static let maxDepth = 32

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    // MARK: Scalars

    mutating func byte() throws(ThriftError) -> UInt8 {
        guard position < bytes.count else { throw .truncated(at: position) }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(ThriftError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw .varintTooLong(at: start) }
        }
    }

    mutating func i64() throws(ThriftError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func i32() throws(ThriftError) -> Int32 {
        let start = position
        guard let v = Int32(exactly: try i64()) else { throw .valueOutOfRange(at: start) }
        return v
    }

    mutating func i16() throws(ThriftError) -> Int16 {
        let start = position
        guard let v = Int16(exactly: try i64()) else { throw .valueOutOfRange(at: start) }
        return v
    }

    mutating func i8() throws(ThriftError) -> Int8 {
        Int8(bitPattern: try byte())
    }

    /// A bool field's value, which the compact protocol keeps in the field's type.
    func bool(_ field: Field) -> Bool { field.type == .boolTrue }

    /// A binary value's bytes, a view into the input.
    mutating func binary() throws(ThriftError) -> UnsafeRawBufferPointer {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else { throw .lengthPastEnd(at: start, length: length) }
        let n = Int(truncatingIfNeeded: length)
        defer { position += n }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + n)])
    }

    mutating func string() throws(ThriftError) -> String {
        let start = position
        let raw = try binary()
        guard let text = String(validating: raw, as: UTF8.self) else { throw .invalidUTF8(at: start) }
        return text
    }

    // MARK: Structures

    /// Reads a structure's fields up to its stop byte, handing each to `body`, which
    /// returns false for a field it does not read (the reader then skips it).
    mutating func structure(_ body: (inout ThriftCompactReader, Field) throws(ThriftError) -> Bool)
        throws(ThriftError)
    {
        try enter()
        defer { depth -= 1 }
        var lastID: Int16 = 0
        while true {
            let at = position
            let header = try byte()
            if header == 0 { return }
            guard let type = FieldType(rawValue: header & 0x0F) else { throw .unknownType(code: header & 0x0F, at: at) }
            let delta = Int16(header >> 4)
            let id = delta == 0 ? try i16() : lastID &+ delta
            lastID = id
            let field = Field(id: id, type: type)
            if try !body(&self, field) { try skip(type, inList: false) }
        }
    }

    /// A list's element type and count, checked against the bytes left.
    mutating func listHeader() throws(ThriftError) -> (type: FieldType, count: Int) {
        let at = position
        let header = try byte()
        guard let type = FieldType(rawValue: header & 0x0F) else { throw .unknownType(code: header & 0x0F, at: at) }
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        // Each element takes at least one byte (a double eight).
        let least: UInt64 = type == .double ? 8 : 1
        guard count <= UInt64(remaining) / least else { throw .listTooLong(at: at, count: count) }
        return (type, Int(truncatingIfNeeded: count))
    }

    /// Reads a list, calling `element` once per element after checking the count.
    mutating func list(_ element: (inout ThriftCompactReader, FieldType) throws(ThriftError) -> Void)
        throws(ThriftError)
    {
        try enter()
        defer { depth -= 1 }
        let (type, count) = try listHeader()
        for _ in 0..<count { try element(&self, type) }
    }

    /// A list of 32-bit integers; other element types are skipped, giving an empty list.
    mutating func i32List() throws(ThriftError) -> [Int32] {
        var values: [Int32] = []
        try list { (r, type) throws(ThriftError) in
            if type == .i32 { values.append(try r.i32()) } else { try r.skip(type, inList: true) }
        }
        return values
    }

    /// A list of strings; other element types are skipped.
    mutating func stringList() throws(ThriftError) -> [String] {
        var values: [String] = []
        try list { (r, type) throws(ThriftError) in
            if type == .binary { values.append(try r.string()) } else { try r.skip(type, inList: true) }
        }
        return values
    }

    /// Skips a value of `type`; bools take a byte inside lists and none as fields.
    mutating func skip(_ type: FieldType, inList: Bool) throws(ThriftError) {
        switch type {
        case .boolTrue, .boolFalse: if inList { _ = try byte() }
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard remaining >= 8 else { throw .truncated(at: position) }
            position += 8
        case .binary: _ = try binary()
        case .list, .set: try list { (r, element) throws(ThriftError) in try r.skip(element, inList: true) }
        case .map: try skipMap()
        case .structure: try structure { _, _ in false }
        }
    }

    private mutating func skipMap() throws(ThriftError) {
        try enter()
        defer { depth -= 1 }
        let at = position
        let count = try varint()
        guard count > 0 else { return }
        let types = try byte()
        guard let key = FieldType(rawValue: types >> 4), let value = FieldType(rawValue: types & 0x0F) else {
            throw .unknownType(code: types, at: at)
        }
        // Each entry takes at least two bytes.
        guard count <= UInt64(remaining) / 2 else { throw .listTooLong(at: at, count: count) }
        for _ in 0..<count {
            try skip(key, inList: true)
            try skip(value, inList: true)
        }
    }

    private mutating func enter() throws(ThriftError) {
        guard depth < Self.maxDepth else { throw .tooDeep(at: position) }
        depth += 1
    }
}
