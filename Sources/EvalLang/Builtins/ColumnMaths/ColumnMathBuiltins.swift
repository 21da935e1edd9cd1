import EvalData
import EvalMetrics
import Foundation

/// Aggregates and elementwise maths over columns (SPEC §5 "Column maths").
///
/// Aggregates skip missing values, as pandas does, and count bools as 0 and 1;
/// an aggregate of no values is null with a warning, never a made-up 0.
enum ColumnMathBuiltins {
    static let family = Family.columnMaths

    static func aggregate(
        _ name: String, doc: String, example: String,
        _ kernel: @escaping @Sendable ([Double]) -> Double?
    ) -> Builtin {
        Builtin(name, family: family, [.required("x")], doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let values = try present(args, "x")
            guard let result = kernel(values) else {
                interpreter.session.warn(
                    "`\(name)` of \(values.count) value\(values.count == 1 ? "" : "s") is undefined", at: args.callSpan)
                return .null
            }
            return .number(result)
        }
    }

    static func elementwise(
        _ name: String, doc: String, example: String,
        _ f: @escaping @Sendable (Double) -> Double
    ) -> Builtin {
        Builtin(name, family: family, [.required("x")], doc: doc, example: example) { _, args throws(RuntimeError) in
            try map(args, "x", f)
        }
    }

    static let all: [Builtin] = [
        aggregate("sum", doc: "The sum of the present values.", example: "sum(t.late)") { Descriptive.sum($0) },
        aggregate(
            "mean", doc: "The arithmetic mean of the present values.", example: "mean([1, 2, 3])", Descriptive.mean),
        aggregate(
            "median", doc: "The median of the present values.", example: "median(t.actual_minutes)", Descriptive.median),
        aggregate("min", doc: "The smallest present value.", example: "min(t.distance_km)", Descriptive.min),
        aggregate("max", doc: "The largest present value.", example: "max(t.distance_km)", Descriptive.max),
        aggregate(
            "std", doc: "The sample standard deviation (ddof 1) of the present values.",
            example: "std(t.actual_minutes)"
        ) {
            Descriptive.std($0)
        },
        aggregate("var", doc: "The sample variance (ddof 1) of the present values.", example: "var(t.actual_minutes)") {
            Descriptive.variance($0)
        },
        Builtin(
            "count", family: family, [.required("x")],
            doc: "The number of present (non-missing) values; for a bool column, the number of true values.",
            example: "count(t.actual_minutes > 30)"
        ) { _, args throws(RuntimeError) in
            let c = try args.column("x")
            if let bools = c.bools {
                return .number(Double((0..<c.count).filter { bools[$0] && !c.isMissing($0) }.count))
            }
            return .number(Double(c.count - c.missingCount))
        },
        Builtin(
            "quantile", family: family, [.required("x"), .required("q")],
            doc: "The q-quantile (linear interpolation, as numpy); q may be a list.",
            example: "quantile(t.actual_minutes, [0.5, 0.9])"
        ) { interpreter, args throws(RuntimeError) in
            let values = try present(args, "x")
            let qs: [Double]
            if case .number(let q)? = args.value("q") {
                qs = [q]
            } else {
                let col = try args.numberColumn("q")
                qs = col.numbers ?? []
            }
            for q in qs where !(q >= 0 && q <= 1) {
                throw .invalidArgument(
                    "quantile `q` must be between 0 and 1, not \(NumberFormat.human(q))", args.span("q"))
            }
            if values.isEmpty { interpreter.session.warn("`quantile` of no values is undefined", at: args.callSpan) }
            let results = Descriptive.quantiles(values, qs)
            if case .number? = args.value("q") { return results[0].map(Value.number) ?? .null }
            return .column(Column(optionalNumbers: results))
        },
        elementwise("log", doc: "The natural logarithm, elementwise.", example: "log(t.amount)") { Foundation.log($0) },
        elementwise("exp", doc: "e to the power x, elementwise.", example: "exp(-t.distance_km)") {
            Foundation.exp($0)
        },
        elementwise("sqrt", doc: "The square root, elementwise.", example: "sqrt(mse(y, yhat))") { $0.squareRoot() },
        elementwise(
            "abs", doc: "The absolute value, elementwise.", example: "abs(t.actual_minutes - t.predicted_minutes)"
        ) { Swift.abs($0) },
        Builtin(
            "round", family: family, [.required("x"), .optional("digits")],
            doc: "Round half to even to `digits` decimals (default 0), elementwise.",
            example: "round(t.actual_minutes, 1)"
        ) { _, args throws(RuntimeError) in
            let digits = try args.integer("digits", default: 0, in: -15...15)
            let scale = pow(10.0, Double(digits))
            // From 2^52 on every double is a whole number, so it has no decimals to round (and x · scale could
            // overflow to infinity).
            return try map(args, "x") { x in
                digits >= 0 && Swift.abs(x) >= 0x1p52 ? x : (x * scale).rounded(.toNearestOrEven) / scale
            }
        },
        Builtin(
            "clip", family: family, [.required("x"), .required("lo"), .required("hi")],
            doc: "Values limited to the interval [lo, hi], elementwise.",
            example: "clip(p, 1e-6, 1 - 1e-6)"
        ) { _, args throws(RuntimeError) in
            let lo = try args.number("lo"), hi = try args.number("hi")
            guard lo <= hi else { throw .invalidArgument("`clip` needs lo ≤ hi", args.callSpan) }
            return try map(args, "x") { Swift.min(Swift.max($0, lo), hi) }
        },
        Builtin(
            "where", family: family, [.required("cond"), .required("a"), .required("b")],
            doc: "Elementwise choice: a where cond is true, else b (scalars are broadcast).",
            example: "where(t.late, 1, 0)", body: ColumnChoice.whereBody),
        Builtin(
            "is_missing", family: family, [.required("x")],
            doc: "A bool column: true where the value is missing.",
            example: "count(is_missing(t.actual_minutes))"
        ) { _, args throws(RuntimeError) in
            if case .null? = args.value("x") { return .bool(true) }
            if let v = args.value("x"), case .column = v {
            } else if let v = args.value("x"), case .list = v {
            } else {
                return .bool(false)
            }
            let c = try args.column("x")
            return .column(Column(bools: (0..<c.count).map { c.isMissing($0) }))
        },
        Builtin(
            "fill_missing", family: family, [.required("x"), .required("value")],
            doc: "The column with missing values replaced by `value`.",
            example: "fill_missing(t.tip, 0)", body: ColumnChoice.fillMissing),
        Builtin(
            "bucket", family: family, [.required("x"), .required("edges")],
            doc: "Class index of each value: how many of the ascending edges are ≤ it (0..k).",
            example: "bucket(t.actual_minutes, [20, 40, 60])", body: ColumnChoice.bucket),
        Builtin(
            "argmax", family: family, [.required("P"), .option("classes")],
            doc:
                "Per row of a probability table, the class of its largest column (classes: names them in column order, as top_k_accuracy); for a column, the index of its largest value.",
            example: "yhat = argmax(P, classes: [\"billing\", \"tech\", \"sales\"])", body: ColumnChoice.argmax),
    ]

    /// The present values of argument `name` as numbers (bools as 0/1).
    static func present(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        if case .number(let x)? = args.value(name) { return [x] }
        let c = try args.column(name)
        guard let values = TableGroup.presentNumbers(c) else {
            throw .wrongType(
                what: "`\(name)` of `\(args.function)`", expected: "a number or bool column", found: "a string column",
                args.span(name))
        }
        return values
    }

    /// Applies `f` to a number or to each value of a number column (missing stays missing).
    static func map(_ args: Arguments, _ name: String, _ f: (Double) -> Double) throws(RuntimeError) -> Value {
        switch args.value(name) {
        case .number(let x)?: return .number(f(x))
        case .null?: return .null
        default:
            let c = try args.numberColumn(name)
            return .column(Column(numbers: (c.numbers ?? []).map(f), missing: c.missing))
        }
    }
}
