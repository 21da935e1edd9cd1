import EvalData
import EvalMetrics

/// Turns metric arguments into the plain buffers EvalMetrics works on: numbers, 0/1
/// labels, or shared label codes.
///
/// This layer converts types only. Values are checked once, by the kernel that uses
/// them (missing values, labels that are not 0/1, negative weights, lengths), and its
/// typed error is worded in the builtin's names; a missing value travels as NaN. Only
/// conversions that cannot carry a missing value (class codes, string labels, inputs of
/// figures) check completeness here, through the same wording.
enum MetricInputs {
    /// A column argument with no missing values.
    static func complete(_ args: Arguments, _ name: String) throws(RuntimeError) -> Column {
        let c = try args.column(name)
        if let missing = c.missing, let i = Scan.firstTrue(missing) {
            throw .missingValue(argument: name, function: args.function, row: i, args.span(name))
        }
        return c
    }

    /// Numbers (bools as 0/1) of a column argument; a missing row is NaN.
    static func numbers(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        let c = try args.column(name)
        switch c.storage {
        case .number(let v): return v
        case .bool(let v): return withMissing(v.map { $0 ? 1 : 0 }, c.missing)
        case .string:
            throw .wrongType(
                what: "`\(name)` of `\(args.function)`", expected: "numbers", found: "a string column", args.span(name))
        }
    }

    /// Numbers of a column argument that must be complete: for inputs no kernel checks
    /// (figures, counts summed before a test).
    static func completeNumbers(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        _ = try complete(args, name)
        return try numbers(args, name)
    }

    /// A complete 0/1 column (bools, or numbers 0 and 1) for a builtin that counts it
    /// itself rather than handing it to a kernel.
    static func zeroOne(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        let values = try completeNumbers(args, name)
        if let row = Scan.firstNotBinary(values) {
            let position = args.inputs.firstIndex(of: name) ?? 0
            let argument: MetricArgument = position == 0 ? .truth : position == 1 ? .prediction : .sample(position)
            throw args.metricError(.invalidValue(argument, row: row, value: values[row], .binary))
        }
        return values
    }

    /// Sample weights, if given, as numbers; the kernel checks their values.
    ///
    /// The length is checked here because `by:` picks rows of the weights before any
    /// kernel sees them.
    static func weights(_ args: Arguments, count: Int) throws(RuntimeError) -> [Double]? {
        guard args.has("weights") else { return nil }
        let w = try numbers(args, "weights")
        try sameLength(args, "weights", w.count, count)
        return w
    }

    static func sameLength(
        _ args: Arguments, _ name: String, _ count: Int, _ expected: Int, against first: String = "y"
    ) throws(RuntimeError) {
        guard count == expected else {
            throw .lengthMismatch("`\(first)`", expected, "`\(name)`", count, args.span(name))
        }
    }

    /// `values` with NaN at the rows `missing` marks.
    private static func withMissing(_ values: [Double], _ missing: [Bool]?) -> [Double] {
        guard let missing else { return values }
        var out = values
        for i in out.indices where missing[i] { out[i] = .nan }
        return out
    }

    /// Binary labels as 0/1: bools, numbers 0/1, or any labels with `pos_label:`.
    static func binary(_ args: Arguments, _ name: String = "y") throws(RuntimeError) -> [Double] {
        let c = try args.column(name)
        if args.has("pos_label") {
            let pos = args.value("pos_label") ?? .null
            let values = Coerce.values(c)
            let matches = values.map { v -> Double in
                switch (v, pos) {
                case (.number(let a), .number(let b)): a == b ? 1 : 0
                case (.string(let a), .string(let b)): a == b ? 1 : 0
                case (.bool(let a), .bool(let b)): a == b ? 1 : 0
                // A missing label stays missing: the kernel reports it.
                case (.null, _): .nan
                default: -1
                }
            }
            if matches.contains(-1) {
                throw .invalidArgument(
                    "`pos_label` must have the type of the labels (\(c.type.rawValue))", args.span("pos_label"))
            }
            return matches
        }
        switch c.storage {
        case .bool(let v): return withMissing(v.map { $0 ? 1 : 0 }, c.missing)
        case .number(let v): return v
        case .string(_, let dictionary):
            throw .invalidArgument(
                "`\(name)` holds string labels", args.span(name),
                help: "say which label is positive, e.g. pos_label: \"\(dictionary.first ?? "yes")\"")
        }
    }

    /// True and predicted labels as shared codes, for label-agreement metrics.
    ///
    /// With `threshold:`, predictions are scores made 0/1 (positive when ≥ threshold).
    static func labelCodes(_ args: Arguments, truth: String = "y", predicted: String = "yhat") throws(RuntimeError) -> (
        [Double], [Double]
    ) {
        if args.has("threshold") {
            let threshold = try args.number("threshold")
            let y = try binary(args, truth)
            let scores = try numbers(args, predicted)
            try sameLength(args, predicted, scores.count, y.count)
            // A NaN score stays NaN, so the kernel reports it as a missing value.
            return (y, scores.map { $0 >= threshold ? 1 : ($0 < threshold ? 0 : .nan) })
        }
        let a = try complete(args, truth), b = try complete(args, predicted)
        try sameLength(args, predicted, b.count, a.count)
        switch (a.storage, b.storage) {
        case (.number(let x), .number(let y)):
            if let i = Scan.firstNotWhole(y) {
                throw .invalidArgument(
                    "`\(predicted)` looks like scores (row \(i) is \(NumberFormat.human(y[i]))), not labels",
                    args.span(predicted), help: "turn scores into labels with `threshold:`, e.g. threshold: 0.5")
            }
            return (x, y)
        case (.bool(let x), .bool(let y)): return (x.map { $0 ? 1 : 0 }, y.map { $0 ? 1 : 0 })
        case (.bool(let x), .number(let y)) where Scan.allBinary(y): return (x.map { $0 ? 1 : 0 }, y)
        case (.number(let x), .bool(let y)) where Scan.allBinary(x): return (x, y.map { $0 ? 1 : 0 })
        case (.string, .string):
            var lookup: [String: Double] = [:]
            func code(_ s: String?) -> Double {
                let key = s ?? ""
                if let c = lookup[key] { return c }
                let c = Double(lookup.count)
                lookup[key] = c
                return c
            }
            return ((a.strings ?? []).map(code), (b.strings ?? []).map(code))
        default:
            throw .invalidArgument(
                "`\(truth)` is a \(a.type.rawValue) column but `\(predicted)` is a \(b.type.rawValue) column",
                args.callSpan)
        }
    }
}
