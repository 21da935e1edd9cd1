import EvalData
import EvalMetrics

/// Binds an EvalMetrics kernel as a builtin, adding what every metric takes:
/// `weights:`, `by:` (one row per group plus an overall row), and the
/// undefined-result rule (null plus a warning naming the reason).
enum MetricBuiltin {
    typealias Prepare = @Sendable (Arguments) throws(RuntimeError) -> (truth: [Double], predicted: [Double])
    typealias Kernel = @Sendable ([Double], [Double], [Double]?) throws(MetricError) -> MetricResult<Double>

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
    ///
    /// `classes` names the class codes of label metrics in warnings.
    static func apply(
        _ kernel: Kernel, _ truth: [Double], _ predicted: [Double], args: Arguments, classes: [String] = [],
        interpreter: inout Interpreter
    ) throws(RuntimeError) -> Value {
        let weights = try MetricInputs.weights(args, count: truth.count)
        guard args.has("by") else {
            return try evaluate(
                kernel, truth, predicted, weights, args: args, group: nil, classes: classes, interpreter: &interpreter)
        }
        return try ByGroups.table(args, count: truth.count) { rows, label throws(RuntimeError) in
            try evaluate(
                kernel, ByGroups.pick(truth, rows), ByGroups.pick(predicted, rows),
                weights.map { ByGroups.pick($0, rows) },
                args: args, group: label, classes: classes, interpreter: &interpreter
            ).number
        }
    }

    static func evaluate(
        _ kernel: Kernel, _ truth: [Double], _ predicted: [Double], _ weights: [Double]?,
        args: Arguments, group: String?, classes: [String] = [], interpreter: inout Interpreter
    ) throws(RuntimeError) -> Value {
        let result: MetricResult<Double>
        do {
            result = try kernel(truth, predicted, weights)
        } catch {
            // An empty group is a group the data happens not to have, not wrong input.
            guard case .empty = error, group != nil else { throw args.metricError(error, group: group) }
            result = .undefined(.noRows)
        }
        if let warning = result.warning {
            interpreter.warn(warning, args, group: group, classes: classes)
        }
        return result.value.map(Value.number) ?? .null
    }
}
