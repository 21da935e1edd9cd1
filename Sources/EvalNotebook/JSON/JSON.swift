import EvalLang

/// A JSON value with ordered keys: written deterministically, read back in the same order.
///
/// The one JSON type of the report files (`metrics.json`, `manifest.json`) and of `evalbook eval --json` and
/// `evalbook diff --json`. Objects are key–value pairs in order, because the files are compared byte for byte;
/// `JSON.parse` reads text back without losing that order (JSONDecoder would).
package indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Any number; written in its shortest round-trip form, and as `null` when it is not finite.
    case number(Double)
    /// A whole number kept exactly (a seed, a byte count), which a `Double` holds only up to 2^53.
    ///
    /// Reading gives this case for every integer literal from Int64.min to UInt64.max, so every seed is exact.
    case integer(Int128)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// Equal when written the same, so `.integer(2)` equals `.number(2)`: both are `2`.
    package static func == (a: JSON, b: JSON) -> Bool { a.text() == b.text() }

    /// Pretty-printed with two-space indents and a final newline; numbers in
    /// their shortest round-trip form (non-finite numbers are `null`).
    package func text(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return NumberFormat.json(x)
        case .integer(let n): return String(n)
        case .string(let s): return JSON.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            // Columns of numbers stay on one line; missing values are null.
            if items.allSatisfy({
                switch $0 {
                case .number, .integer, .null: true
                default: false
                }
            }) {
                return "[" + items.map { $0.text() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closePad)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n"
                + fields.map { pad + JSON.quote($0.0) + ": " + $0.1.text(indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(closePad)}"
        }
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The number this is, whole or not; nil for anything else (a bool is not a number).
    package var number: Double? {
        switch self {
        case .number(let x): x
        case .integer(let n): Double(n)
        default: nil
        }
    }

    /// The value of the first field named `key` when this is an object.
    package subscript(key: String) -> JSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }
}

extension JSON {
    /// A language value as JSON, at full precision: columns become arrays, tables
    /// objects of column arrays, records objects.
    package init(_ value: Value) {
        switch value {
        case .number(let x): self = .number(x)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        case .column(let c): self = .array((0..<c.count).map { JSON(Coerce.value(c[$0])) })
        case .table(let t):
            self = .object(zip(t.names, t.columns).map { ($0, JSON(.column($1))) })
        case .list(let items): self = .array(items.map(JSON.init))
        case .record(let r): self = .object(r.fields.map { ($0.key, JSON($0.value)) })
        case .function(let f): self = .string("<function \(f.name)>")
        case .figure(let f): self = .string("<\(f.summary)>")
        case .model(let m): self = .string("<model \(m.path)>")
        case .remote(let r): self = .string("<\(r.inlineText)>")
        }
    }

    /// As a cell-language value (a recorded param): arrays become lists, objects records in their written order.
    package var value: Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let x): return .number(x)
        case .integer(let n): return .number(Double(n))
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(\.value))
        case .object(let fields):
            var record = Record()
            // Assigning, not `uniqueKeysWithValues`, so a repeated key cannot trap; the reader refuses them anyway.
            for (key, item) in fields where record[key] == nil { record[key] = item.value }
            return .record(record)
        }
    }
}
