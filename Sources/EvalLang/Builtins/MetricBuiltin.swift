import EvalData
import EvalMetrics

/// Binds an EvalMetrics kernel as a builtin, adding what every metric takes:
/// `weights:`, `by:` (one row per group plus an overall row), and the
/// undefined-result rule (null plus a warning naming the reason).
enum MetricBuiltin {
    typealias Prepare = @Sendable (Arguments) throws(RuntimeError) -> (truth: [Double], predicted: [Double])
    typealias Kernel = @Sendable ([Double], [Double], [Double]?) throws(MetricError) -> MetricResult

    /// Reads a metric's own options (`alpha:`, `delta:`…) and returns its kernel.
    typealias Configure = @Sendable (Arguments) throws(RuntimeError) -> Kernel

    static func make(
        _ name: String, family: Family, metric: MetricTrait, inputs: [String], options: [String] = [],
        doc: String, example: String, prepare: @escaping Prepare, kernel: @escaping Kernel
    ) -> Builtin {
        make(
            name, family: family, metric: metric, inputs: inputs, options: options, doc: doc, example: example,
            prepare: prepare,
            configure: { _ throws(RuntimeError) in kernel })
    }

    static func make(
        _ name: String, family: Family, metric: MetricTrait, inputs: [String], options: [String] = [],
        doc: String, example: String, prepare: @escaping Prepare, configure: @escaping Configure
    ) -> Builtin {
        let parameters = inputs.map(Parameter.required) + (options + ["weights", "by"]).map(Parameter.option)
        return Builtin(name, family: family, metric: metric, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let kernel = try configure(args)
            let (truth, predicted) = try prepare(args)
            return try apply(kernel, truth, predicted, args: args, interpreter: &interpreter)
        }
    }

    /// Runs `kernel` on the whole input, or with `by:` once per group (ascending key
    /// order) plus an overall row, as a table `group, <metric>, n`.
    static func apply(
        _ kernel: Kernel, _ truth: [Double], _ predicted: [Double], args: Arguments,
        interpreter: inout Interpreter
    ) throws(RuntimeError) -> Value {
        let weights = try MetricInputs.weights(args, count: truth.count)
        guard args.has("by") else {
            return try evaluate(kernel, truth, predicted, weights, args: args, group: nil, interpreter: &interpreter)
        }
        return try ByGroups.table(args, count: truth.count) { rows, label throws(RuntimeError) in
            try evaluate(
                kernel, ByGroups.pick(truth, rows), ByGroups.pick(predicted, rows),
                weights.map { ByGroups.pick($0, rows) },
                args: args, group: label, interpreter: &interpreter
            ).number
        }
    }

    static func evaluate(
        _ kernel: Kernel, _ truth: [Double], _ predicted: [Double], _ weights: [Double]?,
        args: Arguments, group: String?, interpreter: inout Interpreter
    ) throws(RuntimeError) -> Value {
        let result: MetricResult
        do {
            result = try kernel(truth, predicted, weights)
        } catch {
            if case .empty = error, group != nil {
                result = MetricResult(value: nil, warning: "the group is empty")
            } else {
                throw .invalidArgument(error.message + (group.map { " (group \($0))" } ?? ""), span(for: error, args))
            }
        }
        if let warning = result.warning {
            let place = group.map { " for group \($0)" } ?? ""
            // Kernel reasons often say "undefined" themselves; do not say it twice.
            let text =
                warning.contains("undefined")
                ? "`\(args.function)`\(place): \(warning)" : "`\(args.function)` is undefined\(place): \(warning)"
            interpreter.session.warn(text, at: args.callSpan)
        }
        return result.value.map(Value.number) ?? .null
    }

    /// The span of the argument an error is about, where it names one.
    static func span(for error: MetricError, _ args: Arguments) -> SourceSpan {
        switch error {
        case .lengthMismatch(let name, _, _), .missingValue(let name, _):
            return args.item(name)?.span ?? args.callSpan
        case .probabilityOutOfRange: return args.item("p")?.span ?? args.callSpan
        case .notBinary: return args.span("y")
        case .negativeWeight: return args.span("weights")
        case .empty: return args.span("y")
        case .invalidValue(let name, _, _, _): return args.item(name)?.span ?? args.callSpan
        case .invalidParameter(let name, _, _): return args.item(name)?.span ?? args.callSpan
        case .tooFewValues(let name, _, _), .unequalLengths(let name, _, _, _):
            return args.item(name)?.span ?? args.callSpan
        }
    }
}

extension Value {
    var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}
