import EvalMetrics

/// The last score sweep (one sort of the scores with cumulative counts), kept so that
/// several curve metrics of the same (y, p, weights) in a cell sort only once (SPEC §8).
///
/// Arrays compare equal in O(1) when they share storage, which is the usual case:
/// `roc_auc(t.y, t.p)` then `average_precision(t.y, t.p)` read the same column buffers.
package struct SweepCache: Sendable {
    var y: [Double]
    var p: [Double]
    var weights: [Double]?
    var sweep: ScoreSweep
}

extension Interpreter {
    /// The sweep of (y, p, weights), from the cache when the inputs are the same.
    mutating func scoreSweep(_ y: [Double], _ p: [Double], _ weights: [Double]?, args: Arguments) throws(RuntimeError)
        -> ScoreSweep
    {
        if let cached = session.sweepCache, cached.y == y, cached.p == p, cached.weights == weights {
            return cached.sweep
        }
        let sweep: ScoreSweep
        do { sweep = try ScoreSweep(y, p, weights: weights) } catch {
            throw args.metricError(error)
        }
        session.sweepCache = SweepCache(y: y, p: p, weights: weights, sweep: sweep)
        session.sweepsBuilt += 1
        return sweep
    }
}

extension MetricBuiltin {
    /// A metric read off the score sweep: `by:` groups get their own sweep; otherwise
    /// the sweep comes from the interpreter's cache.
    static func sweep(
        _ name: String, family: Family, metric: MetricTrait, options: [String] = [], doc: String, example: String,
        read:
            @escaping @Sendable (Arguments) throws(RuntimeError) ->
            @Sendable (ScoreSweep) throws(MetricError) -> MetricResult<Double>
    ) -> Builtin {
        let parameters =
            [Parameter.required("y"), .required("p")]
            + (options + ["pos_label", "weights", "by"]).map(Parameter.option)
        return Builtin(name, family: family, metric: metric, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let reader = try read(args)
            let (y, p) = try ClassificationBuiltins.binaryScores(args)
            if args.has("by") {
                let kernel: Kernel = { y, p, w throws(MetricError) in try reader(try ScoreSweep(y, p, weights: w)) }
                return try apply(kernel, y, p, args: args, interpreter: &interpreter)
            }
            let weights = try MetricInputs.weights(args, count: y.count)
            let sweep = try interpreter.scoreSweep(y, p, weights, args: args)
            let kernel: Kernel = { _, _, _ throws(MetricError) in try reader(sweep) }
            return try evaluate(kernel, y, p, weights, args: args, group: nil, interpreter: &interpreter)
        }
    }
}
