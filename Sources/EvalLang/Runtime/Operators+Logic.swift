import EvalData

extension Operators {
    private static func holds(_ op: BinaryOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessEqual: order <= 0
        case .greater: order > 0
        case .greaterEqual: order >= 0
        default: false
        }
    }

    /// -1, 0 or 1; nil when either side is missing or a NaN is involved.
    private static func order(_ x: Scalar, _ y: Scalar) -> Int? {
        switch (x, y) {
        case (.number(let a), .number(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        default: return nil
        }
    }

    static func compare(_ op: BinaryOperator, _ a: Operand, _ b: Operand, span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        if let ta = a.type(0), let tb = b.type(0), ta != tb {
            throw .invalidArgument(
                "cannot compare \(a.typeName) with \(b.typeName)", span,
                help: ta == .number || tb == .number ? "numbers compare with numbers: write 1, not \"1\"" : nil)
        }
        if a.type(0) == .bool || b.type(0) == .bool, op != .equal, op != .notEqual {
            throw .invalidArgument("bools compare only with `==` and `!=`", span)
        }
        guard let n = try length(a, b, span: span) else {
            guard let o = order(a.element(0), b.element(0)) else { return .null }
            return .bool(holds(op, o))
        }
        if case .column(let c) = a, let xs = c.numbers, case .scalar(.number(let s)) = b {
            var out = [Bool](repeating: false, count: n)
            for i in 0..<n { out[i] = holds(op, xs[i] < s ? -1 : (xs[i] == s ? 0 : 1)) }
            return .column(Column(bools: out, missing: nanMask(xs, c.missing)))
        }
        var out = [Bool](repeating: false, count: n)
        var missing = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if let o = order(a.element(i), b.element(i)) { out[i] = holds(op, o) } else { missing[i] = true }
        }
        return .column(Column(bools: out, missing: missing))
    }

    private static func nanMask(_ xs: [Double], _ missing: [Bool]?) -> [Bool]? {
        var mask = missing
        for i in xs.indices where xs[i].isNaN {
            if mask == nil { mask = [Bool](repeating: false, count: xs.count) }
            mask?[i] = true
        }
        return mask
    }

    private static func truth(_ s: Scalar) -> Bool? {
        if case .bool(let b) = s { return b }
        return nil
    }

    /// `and`/`or` elementwise; a missing side gives a missing result unless the
    /// other side decides it (false and ?, true or ?), as in SQL.
    static func logical(and isAnd: Bool, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        if RemoteExpressions.involved(lhs, rhs) {
            return try RemoteExpressions.logical(and: isAnd, lhs, rhs, span: span)
        }
        let a = try operand(lhs, side: "left", span: span)
        let b = try operand(rhs, side: "right", span: span)
        for side in [a, b] {
            if let t = side.type(0), t != .bool {
                throw .wrongType(
                    what: "each side of `\(isAnd ? "and" : "or")`", expected: "a bool or bool column",
                    found: side.typeName, span)
            }
        }
        func combine(_ x: Bool?, _ y: Bool?) -> Bool? {
            if isAnd {
                if x == false || y == false { return false }
                if let x, let y { return x && y }
                return nil
            }
            if x == true || y == true { return true }
            if let x, let y { return x || y }
            return nil
        }
        guard let n = try length(a, b, span: span) else {
            return combine(truth(a.element(0)), truth(b.element(0))).map(Value.bool) ?? .null
        }
        var out = [Bool?](repeating: nil, count: n)
        for i in 0..<n { out[i] = combine(truth(a.element(i)), truth(b.element(i))) }
        return .column(Column(optionalBools: out))
    }

    static func not(_ value: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        if case .remote(.column(let c)) = value { return RemoteExpressions.not(c) }
        let a = try operand(value, side: "operand", span: span)
        if let t = a.type(0), t != .bool {
            throw .wrongType(what: "the operand of `not`", expected: "a bool or bool column", found: a.typeName, span)
        }
        switch a {
        case .scalar(let s): return truth(s).map { .bool(!$0) } ?? .null
        case .column(let c): return .column(Column(bools: (c.bools ?? []).map { !$0 }, missing: c.missing))
        }
    }
}
