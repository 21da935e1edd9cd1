import Foundation
import OrderedCollections

/// Typed reading of one JSON object of a report file, naming the field (`checks.failures[2].line`) in every error.
struct SchemaFields {
    /// Where this object is in the document, empty at the top.
    let path: String
    let fields: [(String, JSON)]

    init(_ value: JSON, at path: String) throws(SchemaError) {
        guard case .object(let fields) = value else { throw .wrongType(field: path, expected: "an object") }
        self.path = path
        self.fields = fields
    }

    /// Reads the JSON text of the file at `path`, at most `JSON.sizeLimit` bytes of it.
    static func document(at path: String) throws(SchemaError) -> JSON {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable : .notFound
        }
        defer { try? handle.close() }
        let data: Data?
        // One byte past the limit is enough to know the file is too large, without reading all of it.
        do { data = try handle.read(upToCount: JSON.sizeLimit + 1) } catch { throw .unreadable }
        do { return try JSON.parse(Array(data ?? Data())) } catch { throw .syntax(error) }
    }

    /// The name of `key` in this object, for messages.
    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Every field, in order (the reader has already refused repeated keys).
    var all: OrderedDictionary<String, JSON> {
        var out: OrderedDictionary<String, JSON> = [:]
        for (key, value) in fields where out[key] == nil { out[key] = value }
        return out
    }

    func optional(_ key: String) -> JSON? {
        fields.first { $0.0 == key }?.1
    }

    func required(_ key: String) throws(SchemaError) -> JSON {
        guard let value = optional(key) else { throw .missingField(name(key)) }
        return value
    }

    func string(_ key: String) throws(SchemaError) -> String {
        guard case .string(let text) = try required(key) else { throw .wrongType(field: name(key), expected: "text") }
        return text
    }

    /// Text or `null`; the field itself must be there.
    func nullableString(_ key: String) throws(SchemaError) -> String? {
        switch try required(key) {
        case .null: return nil
        case .string(let text): return text
        default: throw .wrongType(field: name(key), expected: "text or null")
        }
    }

    func count(_ key: String) throws(SchemaError) -> Int {
        try Self.count(try required(key), field: name(key))
    }

    /// A count or `null`; the field itself must be there.
    func nullableCount(_ key: String) throws(SchemaError) -> Int? {
        let value = try required(key)
        if case .null = value { return nil }
        return try Self.count(value, field: name(key))
    }

    /// A whole number ≥ 0 that fits an `Int`; converted with `exactly:`, so `1e300` or `2.5` is an error, not a
    /// trap or a rounding.
    static func count(_ value: JSON, field: String) throws(SchemaError) -> Int {
        let count: Int? =
            switch value {
            case .integer(let n): n >= 0 ? Int(exactly: n) : nil
            case .number(let x): x >= 0 ? Int(exactly: x) : nil
            default: nil
            }
        guard let count else { throw .wrongType(field: field, expected: "a whole number ≥ 0") }
        return count
    }

    /// A seed: a whole number from 0 to 2^64 − 1 (schema 1 wrote seeds beyond 2^53 as rounded doubles).
    func seed(_ key: String) throws(SchemaError) -> UInt64 {
        let seed: UInt64? =
            switch try required(key) {
            case .integer(let n): UInt64(exactly: n)
            case .number(let x): UInt64(exactly: x)
            default: nil
            }
        guard let seed else { throw .wrongType(field: name(key), expected: "a whole number ≥ 0") }
        return seed
    }

    func object(_ key: String) throws(SchemaError) -> SchemaFields {
        try SchemaFields(try required(key), at: name(key))
    }

    /// An array whose items are all objects.
    func objects(_ key: String) throws(SchemaError) -> [SchemaFields] {
        guard case .array(let items) = try required(key) else {
            throw .wrongType(field: name(key), expected: "an array")
        }
        var out: [SchemaFields] = []
        for (i, item) in items.enumerated() { out.append(try SchemaFields(item, at: name(key) + "[\(i)]")) }
        return out
    }
}
