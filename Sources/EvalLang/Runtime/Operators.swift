import EvalData
import Foundation

/// Elementwise arithmetic, comparison and logic with scalar broadcasting and
/// missing-value propagation (SPEC §4).
enum Operators {
    /// One side of an operation: a scalar broadcast to any length, or a column.
    enum Operand {
        case scalar(Scalar)
        case column(Column)

        var count: Int? {
            if case .column(let c) = self { return c.count }
            return nil
        }

        func type(_ i: Int) -> ColumnType? {
            switch self {
            // A column of only missing values (`[null, null]`) fits any type.
            case .column(let c): return c.missingCount == c.count && c.count > 0 ? nil : c.type
            case .scalar(.number): return .number
            case .scalar(.bool): return .bool
            case .scalar(.string): return .string
            case .scalar(.missing): return nil
            }
        }

        func element(_ i: Int) -> Scalar {
            switch self {
            case .scalar(let s): return s
            case .column(let c): return c[i]
            }
        }

        var typeName: String {
            switch self {
            case .column(let c): return "a \(c.type.rawValue) column"
            case .scalar(.number): return "a number"
            case .scalar(.bool): return "a bool"
            case .scalar(.string): return "a string"
            case .scalar(.missing): return "null"
            }
        }
    }

    static func operand(_ value: Value, side: String, span: SourceSpan) throws(RuntimeError) -> Operand {
        switch value {
        case .number(let x): return .scalar(.number(x))
        case .bool(let b): return .scalar(.bool(b))
        case .string(let s): return .scalar(.string(s))
        case .null: return .scalar(.missing)
        case .column(let c): return .column(c)
        case .list(let items): return .column(try Coerce.column(fromList: items, what: "the \(side) side", span: span))
        default:
            throw .wrongType(
                what: "the \(side) side", expected: "a number, bool, string or column", found: value.typeName, span)
        }
    }

    /// The common length of two operands, or nil when both are scalars.
    static func length(_ a: Operand, _ b: Operand, span: SourceSpan) throws(RuntimeError) -> Int? {
        switch (a.count, b.count) {
        case (nil, nil): return nil
        case (let n?, nil), (nil, let n?): return n
        case (let n?, let m?):
            guard n == m else { throw .lengthMismatch("the left column", n, "the right column", m, span) }
            return n
        }
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws(RuntimeError) -> Value
    {
        if RemoteExpressions.involved(lhs, rhs) { return try RemoteExpressions.binary(op, lhs, rhs, span: span) }
        let a = try operand(lhs, side: "left", span: span)
        let b = try operand(rhs, side: "right", span: span)
        if op.isComparison { return try compare(op, a, b, span: span) }
        return try arithmetic(op, a, b, span: span)
    }

    static func negate(_ value: Value, span: SourceSpan) throws(RuntimeError) -> Value {
        if case .remote(.column(let c)) = value { return RemoteExpressions.negate(c) }
        return try arithmetic(
            .subtract, .scalar(.number(0)), try operand(value, side: "operand", span: span), span: span)
    }

    // MARK: Arithmetic

    static func apply(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .remainder: y == 0 ? .nan : x - y * (x / y).rounded(.down)
        case .power: pow(x, y)
        default: .nan
        }
    }

    /// Numbers (bools count as 0/1), or `+` on strings.
    private static func number(_ s: Scalar) -> Double? {
        switch s {
        case .number(let x): x
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Operand, _ b: Operand, span: SourceSpan)
        throws(RuntimeError) -> Value
    {
        let isString = a.type(0) == .string || b.type(0) == .string
        if isString {
            guard op == .add, a.type(0) != .number, b.type(0) != .number, a.type(0) != .bool, b.type(0) != .bool else {
                throw .invalidArgument("cannot apply `\(op.rawValue)` to \(a.typeName) and \(b.typeName)", span)
            }
        }
        guard let n = try length(a, b, span: span) else {
            if isString {
                guard case .string(let x) = a.element(0), case .string(let y) = b.element(0) else { return .null }
                return .string(x + y)
            }
            guard let x = number(a.element(0)), let y = number(b.element(0)) else { return .null }
            return .number(apply(op, x, y))
        }
        if isString {
            var out = [String?](repeating: nil, count: n)
            for i in 0..<n {
                if case .string(let x) = a.element(i), case .string(let y) = b.element(i) { out[i] = x + y }
            }
            return .column(Column(strings: out))
        }
        if let fast = numericFast(op, a, b, n) { return .column(fast) }
        var out = [Double](repeating: .nan, count: n)
        var missing = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if let x = number(a.element(i)), let y = number(b.element(i)) {
                out[i] = apply(op, x, y)
            } else {
                missing[i] = true
            }
        }
        return .column(Column(numbers: out, missing: missing))
    }

    /// Number columns and number scalars straight over the buffers.
    private static func numericFast(_ op: BinaryOperator, _ a: Operand, _ b: Operand, _ n: Int) -> Column? {
        func buffer(_ o: Operand) -> (values: [Double]?, scalar: Double?, missing: [Bool]?)? {
            switch o {
            case .column(let c): return c.numbers.map { ($0, nil, c.missing) }
            case .scalar(.number(let x)): return (nil, x, nil)
            default: return nil
            }
        }
        guard let x = buffer(a), let y = buffer(b) else { return nil }
        var out = [Double](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { o in
            switch (x.values, y.values) {
            case (let xs?, let ys?): for i in 0..<n { o[i] = apply(op, xs[i], ys[i]) }
            case (let xs?, nil): let s = y.scalar ?? .nan; for i in 0..<n { o[i] = apply(op, xs[i], s) }
            case (nil, let ys?): let s = x.scalar ?? .nan; for i in 0..<n { o[i] = apply(op, s, ys[i]) }
            case (nil, nil): break
            }
        }
        let missing: [Bool]? =
            switch (x.missing, y.missing) {
            case (nil, nil): nil
            case (let m?, nil), (nil, let m?): m
            case (let m?, let k?): zip(m, k).map { $0 || $1 }
            }
        return Column(numbers: out, missing: missing)
    }
}
