import EvalData
import EvalMetrics

/// `bootstrap`: a percentile interval for any statistic a cell can compute, by
/// resampling rows jointly across the column and table arguments (SPEC §5
/// "Experiments and uncertainty").
enum ResamplingBuiltins {
    static let family = Family.experiments
    /// Replicates per parallel job: fixed, so the split never depends on the machine.
    static let chunk = 16

    static let all: [Builtin] = [
        Builtin(
            "bootstrap", family: family,
            [
                .required("f"), .variadic("args"), .option("n"), .option("level"), .option("seed"),
                .option("independent"),
            ],
            doc:
                "Percentile interval and standard error of f(args…) over n resamples of the rows (columns, tables and lists resampled jointly, or each on its own with independent: true; seeded).",
            example: "bootstrap((y, p) => roc_auc(y, p), t.churned, t.p_churn, n: 1000, seed: 7)", body: bootstrap)
    ]

    static func bootstrap(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let f = try args.function("f")
        let replicates = try args.integer("n", default: 1000, in: 2...1_000_000)
        let level = try args.number("level", default: 0.95)
        guard level > 0, level < 1 else {
            throw .invalidArgument(
                "`level` of `bootstrap` must be between 0 and 1, such as 0.95, not \(NumberFormat.human(level))",
                args.span("level"))
        }
        let seed: UInt64
        if args.has("seed") {
            seed = UInt64(try args.integer("seed", in: 0...Int.max))
        } else {
            seed = interpreter.session.seed
        }
        let independent = try args.bool("independent", default: false)
        // Jointly resampled arguments share one row count; independent ones (two arms
        // of an experiment) each keep their own.
        let rows = independent ? 0 : try rowCount(args)
        if independent { _ = try samples(args) }
        let inputs = args.rest
        let estimate = try number(try interpreter.call(f, inputs.map(\.value), span: args.callSpan), args)

        // Each replicate draws from its own stream of (seed, index), and results land in
        // replicate order, so the values do not depend on the number of threads.
        let base = interpreter
        let jobs = (replicates + chunk - 1) / chunk
        let parts = Parallel.map(jobs, threads: interpreter.session.threads) { job -> Result<[Double?], RuntimeError> in
            var worker = base
            var values: [Double?] = []
            for replicate in (job * chunk)..<min((job + 1) * chunk, replicates) {
                if Interruption.isRequested { return .failure(.interrupted(args.callSpan)) }
                let joint = independent ? [] : Bootstrap.sample(rows: rows, replicate: replicate, seed: seed)
                // Argument k of an independent resample draws from its own seed, so the
                // arms never share a stream.
                func draw(_ k: Int, _ count: Int) -> [Int] {
                    independent
                        ? Bootstrap.sample(rows: count, replicate: replicate, seed: SplitMix64.mix(seed &+ UInt64(k)))
                        : joint
                }
                let resampled = inputs.enumerated().map { k, item -> Value in
                    switch item.value {
                    case .column(let c): .column(c.gathering(draw(k, c.count)))
                    case .table(let t): .table(t.gathering(draw(k, t.rowCount)))
                    case .list(let l): .list(draw(k, l.count).map { l[$0] })
                    default: item.value
                    }
                }
                do throws(RuntimeError) {
                    values.append(try number(try worker.call(f, resampled, span: args.callSpan), args))
                } catch {
                    return .failure(error)
                }
            }
            return .success(values)
        }
        var values: [Double] = []
        var undefined = 0
        for part in parts {
            switch part {
            case .failure(let error): throw error
            case .success(let chunkValues):
                for value in chunkValues {
                    if let value { values.append(value) } else { undefined += 1 }
                }
            }
        }
        if undefined > 0 {
            interpreter.session.warn(
                "`bootstrap`: \(undefined) of \(replicates) resamples gave no value (the statistic was undefined for them) and were left out",
                at: args.callSpan)
        }
        var record = Record()
        record["estimate"] = estimate.map(Value.number) ?? .null
        let summary = Bootstrap.summary(values, level: level)
        record["low"] = summary.map { .number($0.low) } ?? .null
        record["high"] = summary.map { .number($0.high) } ?? .null
        record["se"] = summary?.standardError.map(Value.number) ?? .null
        record["level"] = .number(level)
        record["n"] = .number(Double(values.count))
        record["seed"] = .number(Double(seed))
        if summary == nil {
            interpreter.session.warn("`bootstrap` is undefined: no resample gave a value", at: args.callSpan)
        }
        return .record(record)
    }

    /// The row count of a resampled argument, or nil for one passed through unchanged.
    static func rows(of value: Value) -> Int? {
        switch value {
        case .column(let c): c.count
        case .table(let t): t.rowCount
        case .list(let l): l.count
        default: nil
        }
    }

    /// The resampled arguments with their row counts; none may be empty, and there must
    /// be at least one.
    static func samples(_ args: Arguments) throws(RuntimeError) -> [(count: Int, span: SourceSpan)] {
        let found = args.rest.compactMap { item in rows(of: item.value).map { (count: $0, span: item.span) } }
        guard !found.isEmpty else {
            throw .invalidArgument(
                "`bootstrap` needs at least one column, table or list argument to resample", args.callSpan,
                help: "pass the columns after the function: bootstrap((y, p) => roc_auc(y, p), t.y, t.p)")
        }
        if let empty = found.first(where: { $0.count == 0 }) {
            throw .invalidArgument("`bootstrap` has nothing to resample: this argument is empty", empty.span)
        }
        return found
    }

    /// The common row count of the arguments resampled jointly.
    static func rowCount(_ args: Arguments) throws(RuntimeError) -> Int {
        let found = try samples(args)
        let count = found[0].count
        if let other = found.first(where: { $0.count != count }) {
            throw .invalidArgument(
                "`bootstrap` resamples rows jointly, but this argument has \(other.count) rows and an earlier one has \(count)",
                other.span)
        }
        return count
    }

    /// The statistic's value: a number, or nil for null (an undefined statistic).
    static func number(_ value: Value, _ args: Arguments) throws(RuntimeError) -> Double? {
        switch value {
        case .number(let x): return x.isFinite ? x : nil
        case .null: return nil
        default:
            throw .invalidArgument(
                "the function given to `bootstrap` must return a number, but it returned \(value.typeName)",
                args.span("f"))
        }
    }
}
