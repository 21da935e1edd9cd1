import EvalData

/// Conversions between values that the language does implicitly.
package enum Coerce {
    /// A column from a column, or from a list of numbers, bools or strings
    /// (`null` items are missing).
    package static func column(_ value: Value, what: String, span: SourceSpan) throws(RuntimeError) -> Column {
        switch value {
        case .column(let c): return c
        case .list(let items): return try column(fromList: items, what: what, span: span)
        default:
            throw .wrongType(what: what, expected: "a column or a list", found: value.typeName, span)
        }
    }

    package static func column(fromList items: [Value], what: String, span: SourceSpan) throws(RuntimeError) -> Column {
        var kind: ColumnType?
        for item in items {
            let k: ColumnType
            switch item {
            case .number: k = .number
            case .bool: k = .bool
            case .string: k = .string
            case .null: continue
            default:
                throw .wrongType(
                    what: "each item of \(what)", expected: "a number, bool or string", found: item.typeName, span)
            }
            if let kind, kind != k {
                throw .invalidArgument("\(what) mixes \(kind.rawValue)s and \(k.rawValue)s", span)
            }
            kind = k
        }
        switch kind ?? .number {
        case .number:
            return Column(optionalNumbers: items.map { if case .number(let x) = $0 { x } else { nil } })
        case .bool:
            return Column(optionalBools: items.map { if case .bool(let b) = $0 { b } else { nil } })
        case .string:
            return Column(strings: items.map { if case .string(let s) = $0 { s } else { nil } })
        }
    }

    /// A scalar value for one element of a column.
    package static func value(_ scalar: Scalar) -> Value {
        switch scalar {
        case .number(let x): .number(x)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .missing: .null
        }
    }

    /// The elements of a column as values (for `map` and lists).
    package static func values(_ column: Column) -> [Value] {
        (0..<column.count).map { value(column[$0]) }
    }
}
