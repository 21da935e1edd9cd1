import EvalData
import EvalMetrics
import EvalModels
import Synchronization

/// `leaderboard(models, t, y, metric:, payoff:)`: every model predicted on `t` and
/// scored against `y`, best first.
enum Leaderboard {
    /// Metrics where smaller is better; every other metric ranks larger first.
    static let losses: Set<String> = [
        "log_loss", "brier", "mae", "mse", "rmse", "mape", "median_ae", "max_error", "msle",
        "rmsle", "pinball", "huber", "cross_entropy", "hamming_loss", "ece", "mce",
        "coverage_error", "ranking_loss",
    ]

    static func evaluate(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        guard case .list(let items)? = args.value("models") else {
            throw .wrongType(
                what: "`models` of `leaderboard`", expected: "a list of models (from load_models)",
                found: args.value("models")?.typeName ?? "nothing", args.span("models"))
        }
        var models: [Model] = []
        for item in items {
            guard case .model(let m) = item else {
                throw .wrongType(
                    what: "each of `models`", expected: "a model", found: item.typeName, args.span("models"))
            }
            models.append(m)
        }
        guard !models.isEmpty else { throw .invalidArgument("`models` is empty", args.span("models")) }
        let t = try args.table("t")
        guard case let y? = args.value("y") else { throw .invalidArgument("`leaderboard` needs `y`", args.callSpan) }
        let metricName = args.has("payoff") ? "profit" : (args.has("metric") ? try args.string("metric") : "roc_auc")
        let metric: Builtin?
        if args.has("payoff") {
            metric = nil
        } else {
            guard let found = BuiltinRegistry.shared[metricName], found.family != "Data" else {
                throw .invalidArgument(
                    "`metric` must name a metric builtin, such as \"roc_auc\", not \"\(metricName)\"",
                    args.span("metric"))
            }
            metric = found
        }
        let payoff = args.value("payoff")
        // Models are scored on both cores, one model per job; each job works on its own
        // copy of the interpreter, and results land in model order.
        let base = interpreter
        let report = interpreter.session.progress
        let done = ProgressCounter()
        let scored = Parallel.map(models.count, threads: interpreter.session.threads) {
            [models] i -> Result<(Double?, Double?), RuntimeError> in
            defer { done.step { report?("leaderboard: \($0) of \(models.count) models") } }
            var worker = base
            do throws(RuntimeError) {
                let prediction = try ModelBuiltins.predict(models[i], t, margin: false, args: args)
                if let metric {
                    let value = try worker.call(.builtin(metric), [y, prediction], span: args.callSpan)
                    return .success((value.number, nil))
                }
                let best = try worker.call(
                    .builtin(BuiltinRegistry.shared["best_threshold"] ?? metricFallback),
                    [y, prediction, payoff ?? .null], span: args.callSpan)
                guard case .record(let r) = best else { return .success((nil, nil)) }
                return .success((r["profit"]?.number, r["threshold"]?.number))
            } catch {
                return .failure(error)
            }
        }
        report?("")
        var rows: [(name: String, value: Double?, threshold: Double?, model: Model)] = []
        for (i, result) in scored.enumerated() {
            switch result {
            case .failure(let error): throw error
            case .success(let (value, threshold)): rows.append((models[i].name, value, threshold, models[i]))
            }
        }
        let ascending = losses.contains(metricName)
        rows.sort { a, b in
            switch (a.value, b.value) {
            case (let x?, let y?) where x != y: return ascending ? x < y : x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.name < b.name
            }
        }
        var names = ["rank", "model", metricName]
        var columns = [
            Column(numbers: rows.indices.map { Double($0 + 1) }), Column(strings: rows.map(\.name)),
            Column(optionalNumbers: rows.map(\.value)),
        ]
        if !args.has("metric"), args.has("payoff") {
            names.append("threshold")
            columns.append(Column(optionalNumbers: rows.map(\.threshold)))
        }
        names += ["format", "trees"]
        columns += [
            Column(strings: rows.map { $0.model.info.format }),
            Column(numbers: rows.map { Double($0.model.info.trees) }),
        ]
        return (try? Table(names: names, columns: columns)).map(Value.table) ?? .null
    }

    /// Never used: `best_threshold` is always registered; a placeholder keeps the
    /// lookup free of force unwraps.
    static let metricFallback = Builtin("best_threshold", family: "Business", [], doc: "", example: "") {
        _, args throws(RuntimeError) in
        throw .invalidArgument("best_threshold is unavailable", args.callSpan)
    }
}

/// Models finished so far, counted from the worker threads.
final class ProgressCounter: Sendable {
    private let count = Mutex(0)

    /// Counts one more and reports the new count while holding the lock, so reports
    /// arrive in counting order even when workers finish at the same time.
    func step(_ report: (Int) -> Void) {
        count.withLock { value in
            value += 1
            report(value)
        }
    }
}
