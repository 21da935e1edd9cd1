import EvalData

/// Tolerant comparisons for `expect` lines in CI: a metric that moves in the fourth
/// decimal between library versions should not fail a release gate written as `==`.
enum CheckBuiltins {
    static let family = Family.checks

    static let all: [Builtin] = [
        Builtin(
            "approx", family: family, explainsFailedCheck: true,
            [.required("x"), .required("target"), .option("tol"), .option("rel")],
            doc:
                "Whether x is within tol (absolute, default 1e-9) or rel (relative to target) of target; null is never close.",
            example: "expect approx(roc_auc(y, p), 0.87, tol: 0.01)"
        ) { _, args throws(RuntimeError) in
            let tol = try args.number("tol", default: 1e-9), rel = try args.number("rel", default: 0)
            guard tol >= 0, rel >= 0 else {
                throw .invalidArgument(
                    "`tol` and `rel` of `approx` must not be negative", args.span(tol < 0 ? "tol" : "rel"))
            }
            let target = try args.number("target")
            return try elementwise(args, "x") { x in abs(x - target) <= max(tol, rel * abs(target)) }
        },
        Builtin(
            "between", family: family, explainsFailedCheck: true, [.required("x"), .required("lo"), .required("hi")],
            doc: "Whether lo ≤ x ≤ hi (inclusive); null is never between.",
            example: "expect between(best.threshold, 0.2, 0.4)"
        ) { _, args throws(RuntimeError) in
            let lo = try args.number("lo"), hi = try args.number("hi")
            guard lo <= hi else {
                throw .invalidArgument(
                    "`lo` (\(NumberFormat.human(lo))) is above `hi` (\(NumberFormat.human(hi)))", args.span("lo"))
            }
            return try elementwise(args, "x") { x in lo <= x && x <= hi }
        },
    ]

    /// A bool for a number (false for null), or a bool column for a numeric column.
    static func elementwise(_ args: Arguments, _ name: String, _ test: (Double) -> Bool) throws(RuntimeError) -> Value {
        switch args.value(name) {
        case .number(let x)?: return .bool(x.isFinite && test(x))
        case .null?: return .bool(false)
        case .column?, .list?:
            let c = try args.column(name)
            guard let values = c.numbers else {
                throw .wrongType(
                    what: "`\(name)` of `\(args.function)`", expected: "numbers", found: "a \(c.type.rawValue) column",
                    args.span(name))
            }
            return .column(
                Column(bools: values.indices.map { !c.isMissing($0) && values[$0].isFinite && test(values[$0]) }))
        case let other:
            throw .wrongType(
                what: "`\(name)` of `\(args.function)`", expected: "a number or a numeric column",
                found: other?.typeName ?? "nothing", args.span(name))
        }
    }
}
