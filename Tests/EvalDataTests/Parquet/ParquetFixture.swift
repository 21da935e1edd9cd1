import EvalData
import Foundation
import Testing

/// One fixture of `Fixtures/parquet/` (written by scripts/reference/parquet_fixtures.py):
/// the file and, per top-level column, the values pyarrow reads from it.
struct ParquetFixture: CustomTestStringConvertible, Sendable {
    /// One column's expectation, as the fixture's JSON gives it.
    struct Expected: Sendable {
        var name: String
        var kind: String
        var nested: Bool
        /// The JSON object, for the kind-specific fields (`values`, `seconds`, `floats`, `bits`…).
        var json: [String: FixtureJSON]
    }

    var name: String
    var path: String
    var rows: Int
    var columns: [Expected]

    var testDescription: String { name }

    /// The folder of the Parquet fixtures in the test bundle.
    static var folder: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent("parquet")
    }

    /// Path of one file of the folder.
    static func path(_ file: String) -> String {
        folder?.appendingPathComponent(file).path ?? file
    }

    /// Every fixture that index.json lists.
    static func all() -> [ParquetFixture] {
        guard let folder, let index = FixtureJSON.load(folder.appendingPathComponent("index.json")),
            let files = index["files"]?.array
        else { return [] }
        return files.compactMap { entry in
            guard let name = entry["name"]?.string, let json = entry["json"]?.string,
                let parquet = entry["parquet"]?.string
            else { return nil }
            return load(name: name, json: folder.appendingPathComponent(json), parquet: path(parquet))
        }
    }

    static func load(name: String, json: URL, parquet: String) -> ParquetFixture? {
        guard let object = FixtureJSON.load(json), let rows = object["num_rows"]?.number,
            let columns = object["columns"]?.array
        else { return nil }
        let expected = columns.compactMap { c -> Expected? in
            guard let name = c["name"]?.string, let kind = c["kind"]?.string, case .object(let fields) = c else {
                return nil
            }
            return Expected(name: name, kind: kind, nested: c["nested"]?.bool ?? false, json: fields)
        }
        return ParquetFixture(name: name, path: parquet, rows: Int(rows), columns: expected)
    }

    /// The flat columns' names, in file order.
    var flatNames: [String] { columns.filter { !$0.nested }.map(\.name) }
}

/// What one expected value is, decoded from the fixture's JSON.
enum ParquetExpectedValue: Equatable, CustomStringConvertible {
    case missing
    case number(Double)
    /// A number that may differ from the reader's by up to `ulps` units in the last place.
    case approximately(Double, ulps: Int)
    case bool(Bool)
    case string(String)

    var description: String {
        switch self {
        case .missing: "missing"
        case .number(let d): "\(d) (bits \(String(d.bitPattern, radix: 16)))"
        case .approximately(let d, let ulps): "\(d) ±\(ulps) ulp"
        case .bool(let b): "\(b)"
        case .string(let s): "\"\(s)\""
        }
    }

    /// Whether the reader's scalar matches, numbers bit for bit (NaN equal to NaN, -0 to -0).
    func matches(_ scalar: Scalar) -> Bool {
        switch (self, scalar) {
        case (.missing, .missing): return true
        case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
        case (.approximately(let a, let ulps), .number(let b)):
            if a == b { return true }
            let tolerance = Double(ulps) * max(a.ulp, b.ulp)
            return abs(a - b) <= tolerance
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }

    /// A JSON number or the strings Python writes for non-finite floats and big integers.
    static func double(_ value: FixtureJSON) -> Double? {
        if let n = value.number { return n }
        guard let s = value.string else { return nil }
        switch s {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            if let i = Int64(s) { return Double(i) }
            if let u = UInt64(s) { return Double(u) }
            return Double(s)
        }
    }
}

extension ParquetFixture.Expected {
    /// The values Evalbook must read, row by row: timestamps in seconds, dates in seconds
    /// (days × 86,400), decimals as the correctly rounded double, binary as hex.
    func expectedValues() -> [ParquetExpectedValue]? {
        guard let values = json["values"]?.array else { return nil }
        switch kind {
        case "bool":
            return values.map { v in v.bool.map(ParquetExpectedValue.bool) ?? .missing }
        case "int":
            return values.map { v in ParquetExpectedValue.double(v).map(ParquetExpectedValue.number) ?? .missing }
        case "float", "double":
            if let bits = json["bits"]?.array {
                let isFloat = kind == "float"
                return bits.map { b -> ParquetExpectedValue in
                    guard let hex = b.string, let pattern = UInt64(hex, radix: 16) else { return .missing }
                    if isFloat { return .number(Double(Float(bitPattern: UInt32(truncatingIfNeeded: pattern)))) }
                    return .number(Double(bitPattern: pattern))
                }
            }
            return values.map { v in ParquetExpectedValue.double(v).map(ParquetExpectedValue.number) ?? .missing }
        case "string", "binary", "fixed_binary":
            return values.map { v in v.string.map(ParquetExpectedValue.string) ?? .missing }
        case "date":
            return values.map { v in ParquetExpectedValue.double(v).map { .number($0 * 86_400) } ?? .missing }
        case "timestamp":
            guard let seconds = json["seconds"]?.array else { return nil }
            return seconds.map { v in ParquetExpectedValue.double(v).map(ParquetExpectedValue.number) ?? .missing }
        case "decimal":
            guard let floats = json["floats"]?.array, let unscaled = json["unscaled"]?.array else { return nil }
            let scale = Int(json["scale"]?.number ?? 0)
            return zip(floats, unscaled).map { f, u -> ParquetExpectedValue in
                guard let d = ParquetExpectedValue.double(f) else { return .missing }
                // Correctly rounded when the unscaled value fits 64 bits; within two ulps beyond.
                let fits = u.number != nil || u.string.flatMap { Int64($0) } != nil
                return fits && scale <= 18 ? .number(d) : .approximately(d, ulps: 2)
            }
        case "null":
            return values.map { _ in .missing }
        default:
            return nil
        }
    }
}

/// A JSON value decoded with `JSONDecoder`, whose numbers are correctly rounded
/// (`JSONSerialization` on Linux is off by an ulp on some doubles).
enum FixtureJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([FixtureJSON])
    case object([String: FixtureJSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([FixtureJSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: FixtureJSON].self))
        }
    }

    static func load(_ url: URL) -> FixtureJSON? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(FixtureJSON.self, from: data)
    }

    subscript(key: String) -> FixtureJSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var array: [FixtureJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var number: Double? {
        if case .number(let d) = self { return d }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
