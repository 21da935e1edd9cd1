import EvalData

/// Stacking, membership and text conversion: the small tools notebooks reach for
/// when they add rows, pick out a set of keys, or label a number.
enum ShapeBuiltins {
    static let family = Family.data

    static let all: [Builtin] = [
        Builtin(
            "concat", family: family, [.variadic("parts")],
            doc: "Stack tables with the same columns by rows (or columns and lists end to end), in order.",
            example: "weeks = concat(week1, week2)", body: concat),
        Builtin(
            "is_in", family: family, [.required("x"), .required("values")],
            doc: "Elementwise: true where x is one of values (missing is never in).",
            example: "t[is_in(t.app, [\"podcasts\", \"music\"])]"
        ) { _, args throws(RuntimeError) in
            let set = Set(Coerce.values(try args.column("values")).map(KeyPart.init(value:)))
            if let x = args.value("x"), case .column = x {
            } else if let x = args.value("x"), case .list = x {
            } else {
                let v = args.value("x") ?? .null
                if case .null = v { return .bool(false) }
                return .bool(set.contains(KeyPart(value: v)))
            }
            let c = try args.column("x")
            return .column(Column(bools: (0..<c.count).map { !c.isMissing($0) && set.contains(KeyPart(c[$0])) }))
        },
        Builtin(
            "str", family: family, [.required("x")],
            doc:
                "Numbers and bools as text, as they display (6 significant digits); strings unchanged; missing stays missing.",
            example: "\"threshold \" + str(0.3)"
        ) { _, args throws(RuntimeError) in
            switch args.value("x") ?? .null {
            case .null: return .null
            case .string(let s): return .string(s)
            case .number, .bool:
                return .string(Value.cellText(scalar(args.value("x") ?? .null)))
            default:
                let c = try args.column("x")
                return .column(Column(strings: (0..<c.count).map { c.isMissing($0) ? nil : Value.cellText(c[$0]) }))
            }
        },
    ]

    static func scalar(_ v: Value) -> Scalar {
        switch v {
        case .number(let x): .number(x)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        default: .missing
        }
    }

    static func concat(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        guard let first = args.rest.first else {
            throw .missingArgument("parts", function: "concat", signature: "concat(parts…)", args.callSpan)
        }
        if case .table(let head) = first.value {
            var columns = head.columns.map { [$0] }
            for item in args.rest.dropFirst() {
                guard case .table(let t) = item.value else {
                    throw .wrongType(
                        what: "each part of `concat`", expected: "a table like the first", found: item.value.typeName,
                        item.span)
                }
                guard t.names == head.names else {
                    throw .invalidArgument(
                        "tables to stack need the same columns in the same order: ["
                            + head.names.joined(separator: ", ")
                            + "] and [" + t.names.joined(separator: ", ") + "]", item.span)
                }
                for (i, c) in t.columns.enumerated() {
                    guard c.type == head.columns[i].type else {
                        throw .invalidArgument(
                            "column `\(head.names[i])` is \(head.columns[i].type.rawValue) in the first table but \(c.type.rawValue) here",
                            item.span)
                    }
                    columns[i].append(c)
                }
            }
            let stacked = columns.compactMap { Column.concatenating($0) }
            return (try? Table(names: head.names, columns: stacked)).map(Value.table) ?? .null
        }
        var parts: [Column] = []
        for item in args.rest {
            parts.append(try Coerce.column(item.value, what: "each part of `concat`", span: item.span))
        }
        let nonEmpty = parts.filter { $0.count > 0 }
        guard let joined = nonEmpty.isEmpty ? parts.first : Column.concatenating(nonEmpty) else {
            throw .invalidArgument("columns to join must have one type", args.callSpan)
        }
        return .column(joined)
    }
}

extension KeyPart {
    /// The key of a scalar value, for membership tests.
    init(value: Value) {
        switch value {
        case .number(let x): self.init(.number(x))
        case .bool(let b): self.init(.bool(b))
        case .string(let s): self.init(.string(s))
        default: self.init(.missing)
        }
    }
}
