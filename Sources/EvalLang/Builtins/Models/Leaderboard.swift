import EvalData
import EvalMetrics
import EvalModels

/// `leaderboard(models, t, y, metric:, payoff:)`: every model predicted on `t` and
/// scored against `y`, best first.
enum Leaderboard {
    /// The metrics suggested when `metric:` names something else: for classifiers, then regressors.
    static let suggested = "roc_auc, average_precision, log_loss, brier, rmse or mae"

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
        // A payoff ranks by the profit at each model's best threshold: more is better.
        let trait: MetricTrait
        if args.has("payoff") {
            metric = nil
            trait = .higherIsBetter
        } else {
            let found = try rankable(metricName, args)
            metric = found.builtin
            trait = found.trait
        }
        let payoff = args.value("payoff")
        // Each model's features are matched to columns once, here, so a by-position
        // mapping is noted in the session rather than in a worker's copy.
        var mappings: [[String]] = []
        for model in models {
            let mapping = try ModelBuiltins.featureColumns(model, t, args: args)
            if let note = mapping.note { interpreter.session.warn(note, at: args.callSpan) }
            mappings.append(mapping.columns)
        }
        // Models are scored on both cores, one model per job; each job works on its own
        // copy of the interpreter, and results land in model order.
        let base = interpreter
        let report = interpreter.session.progress
        let done = ProgressCounter()
        let scored = Parallel.map(models.count, threads: interpreter.session.threads) {
            [models, mappings] i -> Result<(Double?, Double?), RuntimeError> in
            defer { done.step { report?("leaderboard: \($0) of \(models.count) models") } }
            var worker = base
            do throws(RuntimeError) {
                let prediction = try ModelBuiltins.predict(
                    models[i], t, columns: mappings[i], margin: false, args: args)
                if let metric {
                    let value = try worker.call(.builtin(metric), [y, prediction], span: args.callSpan)
                    return .success((value.number, nil))
                }
                let best = try worker.call(
                    .builtin(BusinessBuiltins.bestThreshold), [y, prediction, payoff ?? .null], span: args.callSpan)
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
        rows.sort { a, b in
            switch (a.value, b.value) {
            case (let x?, let y?) where x != y: return trait.prefers(x, over: y)
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

    /// The builtin `metric:` names, if it is a metric leaderboard can call with y and a
    /// model's predictions alone, and how it ranks.
    static func rankable(_ name: String, _ args: Arguments) throws(RuntimeError) -> (
        builtin: Builtin, trait: MetricTrait
    ) {
        guard let builtin = BuiltinRegistry.shared[name] else {
            throw .invalidArgument(
                "`metric` must name a metric builtin, such as \"roc_auc\", not \"\(name)\"", args.span("metric"))
        }
        guard let trait = builtin.metric else {
            throw .invalidArgument(
                "`\(name)` is not a metric leaderboard can rank by", args.span("metric"),
                help: "rank by a metric of y and the predictions, such as \(suggested)")
        }
        if let needed = builtin.parameters.dropFirst(2).first(where: { $0.role == .required }) {
            throw .invalidArgument(
                "`\(name)` needs `\(needed.name)` besides y and the predictions, and leaderboard passes only those",
                args.span("metric"), help: "`payoff:` ranks by each model's profit at its best threshold")
        }
        return (builtin, trait)
    }
}
