import EvalData
import EvalMetrics

/// The labels of a hard-prediction metric, decided once per call: 0/1 for a binary
/// problem, or dense class codes (in ascending label order) for a multiclass one.
struct LabelInputs {
    var truth: [Double]
    var predicted: [Double]
    var binary: Bool
    /// The class labels in code order, for multiclass results keyed by class.
    var classNames: [String]

    var classCount: Int { binary ? 2 : classNames.count }

    /// Binary when `threshold:` or `pos_label:` is given, or when both columns are
    /// bool or 0/1 and no `average:` asks for a multiclass average; multiclass otherwise.
    ///
    /// `symmetric` metrics (kappa, mcc, balanced accuracy) need no positive class, so
    /// two string labels are simply two classes for them.
    ///
    /// Labels become integer codes, which cannot carry a missing value, so a missing
    /// label (or a NaN score under `threshold:`) is an error here.
    static func read(_ args: Arguments, symmetric: Bool = false) throws(RuntimeError) -> LabelInputs {
        let labels = try codes(args, symmetric: symmetric)
        for (name, values) in [
            (args.inputs.first ?? "y", labels.truth), (args.inputs.dropFirst().first ?? "yhat", labels.predicted),
        ] {
            if let row = Scan.firstMissing(values) {
                throw .missingValue(argument: name, function: args.function, row: row, args.span(name))
            }
        }
        return labels
    }

    private static func codes(_ args: Arguments, symmetric: Bool) throws(RuntimeError) -> LabelInputs {
        if args.has("threshold") {
            let (y, yhat) = try MetricInputs.labelCodes(args)
            return LabelInputs(truth: y, predicted: yhat, binary: true, classNames: ["0", "1"])
        }
        if args.has("pos_label") {
            let y = try MetricInputs.binary(args, "y"), yhat = try MetricInputs.binary(args, "yhat")
            try MetricInputs.sameLength(args, "yhat", yhat.count, y.count)
            return LabelInputs(truth: y, predicted: yhat, binary: true, classNames: ["0", "1"])
        }
        let a = try MetricInputs.complete(args, "y"), b = try MetricInputs.complete(args, "yhat")
        try MetricInputs.sameLength(args, "yhat", b.count, a.count)
        let averaged = args.has("average")
        switch (a.storage, b.storage) {
        case (.bool(let x), .bool(let y)):
            return LabelInputs(
                truth: x.map { $0 ? 1 : 0 }, predicted: y.map { $0 ? 1 : 0 }, binary: !averaged,
                classNames: ["false", "true"])
        case (.number(let x), .number(let y)):
            if let i = Scan.firstNotWhole(y) {
                throw .invalidArgument(
                    "`yhat` looks like scores (row \(i) is \(NumberFormat.human(y[i]))), not labels",
                    args.span("yhat"), help: "turn scores into labels with `threshold:`, e.g. threshold: 0.5")
            }
            if let i = Scan.firstNotWhole(x) {
                throw .invalidArgument(
                    "`y` must hold class labels, but row \(i) is \(NumberFormat.human(x[i]))", args.span("y"))
            }
            let isBinary = !averaged && Scan.allBinary(x) && Scan.allBinary(y)
            if isBinary { return LabelInputs(truth: x, predicted: y, binary: true, classNames: ["0", "1"]) }
            let classes = Array(Set(x + y)).sorted()
            return dense(x, y, classes: classes, names: classes.map(NumberFormat.human))
        case (.string, .string):
            let x = a.strings ?? [], y = b.strings ?? []
            let classes = Array(Set((x + y).compactMap { $0 })).sorted()
            if !averaged, !symmetric, classes.count <= 2 {
                throw .invalidArgument(
                    "`y` holds string labels", args.span("y"),
                    help:
                        "say which label is positive with pos_label: \"\(classes.last ?? "yes")\", or ask for average: \"macro\""
                )
            }
            var code: [String: Double] = [:]
            for (i, c) in classes.enumerated() { code[c] = Double(i) }
            return LabelInputs(
                truth: x.map { code[$0 ?? ""] ?? 0 }, predicted: y.map { code[$0 ?? ""] ?? 0 },
                binary: false, classNames: classes)
        case (.bool(let x), .number(let y)) where Scan.allBinary(y):
            return LabelInputs(truth: x.map { $0 ? 1 : 0 }, predicted: y, binary: !averaged, classNames: ["0", "1"])
        case (.number(let x), .bool(let y)) where Scan.allBinary(x):
            return LabelInputs(truth: x, predicted: y.map { $0 ? 1 : 0 }, binary: !averaged, classNames: ["0", "1"])
        default:
            throw .invalidArgument(
                "`y` is a \(a.type.rawValue) column but `yhat` is a \(b.type.rawValue) column", args.callSpan)
        }
    }

    private static func dense(_ x: [Double], _ y: [Double], classes: [Double], names: [String]) -> LabelInputs {
        var code: [Double: Double] = [:]
        for (i, c) in classes.enumerated() { code[c] = Double(i) }
        return LabelInputs(
            truth: x.map { code[$0] ?? 0 }, predicted: y.map { code[$0] ?? 0 }, binary: false, classNames: names)
    }

    /// The `average:` option for multiclass results.
    static func average(_ args: Arguments) throws(RuntimeError) -> String {
        try args.choice("average", ["macro", "micro", "weighted", "none"], default: "macro")
    }

    /// `zero_division:`: a number in [0, 1] to use where a score would be undefined.
    static func zeroDivision(_ args: Arguments) throws(RuntimeError) -> Double? {
        guard args.has("zero_division") else { return nil }
        return try args.number("zero_division")
    }
}
