import EvalData

/// The arguments of one builtin call, bound to its parameters, with typed
/// accessors that fail with the argument's own span.
package struct Arguments: Sendable {
    package struct Item: Sendable {
        package var value: Value
        package var span: SourceSpan
    }

    package var function: String
    package var callSpan: SourceSpan
    /// The builtin's positional parameters in order: how a kernel's roles (truth then
    /// prediction, first then second sample) map to the names the user wrote.
    package var inputs: [String] = []
    var byName: [String: Item] = [:]
    /// Extra positional arguments of a variadic parameter, in order.
    package var rest: [Item] = []
    /// Arbitrary named arguments (`table(a: x)`), in order.
    package var extraNamed: [(name: String, item: Item)] = []

    package init(function: String, callSpan: SourceSpan) {
        self.function = function
        self.callSpan = callSpan
    }

    package func has(_ name: String) -> Bool {
        if let item = byName[name], case .null = item.value { return false }
        return byName[name] != nil
    }

    package func item(_ name: String) -> Item? { byName[name] }

    package func value(_ name: String) -> Value? { byName[name]?.value }

    package func span(_ name: String) -> SourceSpan { byName[name]?.span ?? callSpan }

    private func required(_ name: String) throws(RuntimeError) -> Item {
        guard let item = byName[name] else {
            throw .missingArgument(name, function: function, signature: function, callSpan)
        }
        return item
    }

    private func describe(_ name: String) -> String { "`\(name)` of `\(function)`" }

    package func number(_ name: String) throws(RuntimeError) -> Double {
        let item = try required(name)
        guard case .number(let x) = item.value else {
            throw .wrongType(what: describe(name), expected: "a number", found: item.value.typeName, item.span)
        }
        return x
    }

    package func number(_ name: String, default value: Double) throws(RuntimeError) -> Double {
        has(name) ? try number(name) : value
    }

    /// A whole number in `range`.
    package func integer(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(RuntimeError) -> Int {
        let x = try number(name)
        guard x == x.rounded(), abs(x) < 1e15 else {
            throw .invalidArgument("\(describe(name)) must be a whole number, not \(NumberFormat.human(x))", span(name))
        }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            let bounds =
                range.upperBound >= Int(Int32.max)
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw .invalidArgument("\(describe(name)) must be \(bounds), not \(NumberFormat.human(x))", span(name))
        }
        return Int(x)
    }

    package func integer(_ name: String, default value: Int, in range: ClosedRange<Int> = Int.min...Int.max)
        throws(RuntimeError) -> Int
    {
        has(name) ? try integer(name, in: range) : value
    }

    package func string(_ name: String) throws(RuntimeError) -> String {
        let item = try required(name)
        guard case .string(let s) = item.value else {
            throw .wrongType(what: describe(name), expected: "a string", found: item.value.typeName, item.span)
        }
        return s
    }

    /// A string that must be one of `choices`; a typo gets a suggestion.
    package func choice(_ name: String, _ choices: [String], default value: String) throws(RuntimeError) -> String {
        guard has(name) else { return value }
        let s = try string(name)
        guard choices.contains(s) else {
            throw .invalidArgument(
                "\(describe(name)) must be one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                    + ", not \"\(s)\"",
                span(name), help: Suggestion.help(for: s, in: choices))
        }
        return s
    }

    package func bool(_ name: String, default value: Bool) throws(RuntimeError) -> Bool {
        guard has(name) else { return value }
        let item = try required(name)
        guard case .bool(let b) = item.value else {
            throw .wrongType(what: describe(name), expected: "true or false", found: item.value.typeName, item.span)
        }
        return b
    }

    package func table(_ name: String) throws(RuntimeError) -> Table {
        let item = try required(name)
        guard case .table(let t) = item.value else {
            throw .wrongType(what: describe(name), expected: "a table", found: item.value.typeName, item.span)
        }
        return t
    }

    package func function(_ name: String) throws(RuntimeError) -> Function {
        let item = try required(name)
        guard case .function(let f) = item.value else {
            throw .wrongType(what: describe(name), expected: "a function", found: item.value.typeName, item.span)
        }
        return f
    }

    /// A column, or a list of scalars taken as one (SPEC §4).
    package func column(_ name: String) throws(RuntimeError) -> Column {
        let item = try required(name)
        return try Coerce.column(item.value, what: describe(name), span: item.span)
    }

    /// A number column (a list of numbers is one too).
    package func numberColumn(_ name: String) throws(RuntimeError) -> Column {
        let c = try column(name)
        guard c.type == .number else {
            throw .wrongType(
                what: describe(name), expected: "a number column", found: "a \(c.type.rawValue) column", span(name))
        }
        return c
    }

    /// A list of strings (a single string counts as a list of one).
    package func strings(_ name: String) throws(RuntimeError) -> [String] {
        let item = try required(name)
        switch item.value {
        case .string(let s): return [s]
        case .list(let items):
            var out: [String] = []
            for v in items {
                guard case .string(let s) = v else {
                    throw .wrongType(
                        what: "each name in \(describe(name))", expected: "a string", found: v.typeName, item.span)
                }
                out.append(s)
            }
            return out
        default:
            throw .wrongType(
                what: describe(name), expected: "a string or a list of strings", found: item.value.typeName, item.span)
        }
    }
}
