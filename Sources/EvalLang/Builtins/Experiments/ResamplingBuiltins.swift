import EvalData
import EvalMetrics

/// `bootstrap`: a percentile interval for any statistic a cell can compute, by
/// resampling rows jointly across the column and table arguments (within strata with
/// `strata:`), and `permutation_test`: the p-value of any two-sample statistic (SPEC §5
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
                .option("independent"), .option("strata"),
            ],
            doc:
                "Percentile interval and standard error of f(args…) over n resamples of the rows (columns, tables and lists resampled jointly, within each stratum of strata:, or each on its own with independent: true; seeded).",
            example: "bootstrap((y, p) => roc_auc(y, p), t.churned, t.p_churn, n: 1000, seed: 7)", body: bootstrap),
        Builtin(
            "permutation_test", family: family,
            [
                .required("f"), .required("a"), .required("b"), .option("n"), .option("seed"),
                .option("alternative"),
            ],
            doc:
                "P-value of the statistic f(a, b) of two samples (columns, lists or tables) against its values over splits of the pooled rows: every split when there are at most n (exact, as scipy), else n random ones (seeded); alternative: \"two-sided\", \"less\" or \"greater\".",
            example: "permutation_test((x, y) => mean(x) - mean(y), b.revenue, a.revenue, n: 9999)",
            body: permutationTest),
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
        let strata = try self.strata(args, rows: rows, independent: independent)
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
                let joint =
                    if independent {
                        [Int]()
                    } else if let strata {
                        Bootstrap.sample(
                            stratum: strata.stratum, members: strata.members, replicate: replicate, seed: seed)
                    } else {
                        Bootstrap.sample(rows: rows, replicate: replicate, seed: seed)
                    }
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

    /// `strata:`, a key per row of the jointly resampled arguments: each stratum's rows
    /// (in row order) and each row's stratum; nil without it.
    static func strata(
        _ args: Arguments, rows: Int, independent: Bool
    ) throws(RuntimeError) -> (stratum: [Int], members: [[Int]])? {
        guard args.has("strata") else { return nil }
        if independent {
            throw .invalidArgument(
                "`strata` resamples the rows of one table within its strata, and `independent: true` resamples each argument on its own",
                args.span("strata"),
                help: "for two arms of an experiment, pass one table and stratify by the arm: strata: t.variant")
        }
        let key = try args.column("strata")
        guard key.count == rows else {
            throw .invalidArgument(
                "`strata` has \(key.count) values but the resampled rows are \(rows)", args.span("strata"))
        }
        let groups = Groups(by: key)
        var stratum = [Int](repeating: 0, count: rows)
        for (s, members) in groups.rows.enumerated() { for row in members { stratum[row] = s } }
        return (stratum, groups.rows)
    }

    static func permutationTest(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let f = try args.function("f")
        let limit = try args.integer("n", default: 9999, in: 1...10_000_000)
        let seed: UInt64 =
            args.has("seed") ? UInt64(try args.integer("seed", in: 0...Int.max)) : interpreter.session.seed
        let alternative = try ExperimentBuiltins.alternative(args, scipy: true)
        let alternativeName = args.has("alternative") ? try args.string("alternative") : "two-sided"
        let (first, second) = (try sample(args, "a"), try sample(args, "b"))
        let pooled = try pool(first, second, args)
        let (na, nb) = (first.rows, second.rows)
        let observed = try number(try interpreter.call(f, [first.value, second.value], span: args.callSpan), args)
        guard let observed else {
            throw .invalidArgument(
                "the function given to `permutation_test` gave no value (null) for the samples as they are",
                args.span("f"))
        }
        let splits = Permutation.splits(na, nb, limit: limit)
        let exact = splits != nil
        let resamples = splits ?? limit
        // Resamples run in fixed chunks and land in resample order, so the p-value does
        // not depend on the number of threads (as bootstrap's replicates).
        let base = interpreter
        let jobs = (resamples + chunk - 1) / chunk
        let parts = Parallel.map(jobs, threads: interpreter.session.threads) { job -> Result<[Double?], RuntimeError> in
            var worker = base
            var values: [Double?] = []
            for resample in (job * chunk)..<min((job + 1) * chunk, resamples) {
                if Interruption.isRequested { return .failure(.interrupted(args.callSpan)) }
                let chosen =
                    exact
                    ? Permutation.exactSplit(rank: resample, first: na, second: nb)
                    : Permutation.randomSplit(resample: resample, first: na, second: nb, seed: seed)
                let left = chosen.indices.filter { chosen[$0] }, right = chosen.indices.filter { !chosen[$0] }
                do throws(RuntimeError) {
                    let value = try worker.call(
                        f, [gather(pooled, left), gather(pooled, right)], span: args.callSpan)
                    values.append(try number(value, args))
                } catch {
                    return .failure(error)
                }
            }
            return .success(values)
        }
        var null: [Double] = []
        var undefined = 0
        for part in parts {
            switch part {
            case .failure(let error): throw error
            case .success(let values):
                for value in values {
                    if let value { null.append(value) } else { undefined += 1 }
                }
            }
        }
        if undefined > 0 {
            interpreter.session.warn(
                "`permutation_test`: \(undefined) of \(resamples) splits gave no value (the statistic was undefined for them) and were left out",
                at: args.callSpan)
        }
        var record = Record()
        record["statistic"] = .number(observed)
        record["p_value"] =
            null.isEmpty
            ? .null
            : .number(Permutation.pValue(observed: observed, null: null, exact: exact, alternative: alternative))
        record["n"] = .number(Double(null.count))
        record["exact"] = .bool(exact)
        record["alternative"] = .string(alternativeName)
        record["seed"] = exact ? .null : .number(Double(seed))
        return .record(record)
    }

    /// A sample of `permutation_test`: a column (a list is one), or a table of rows.
    static func sample(_ args: Arguments, _ name: String) throws(RuntimeError) -> (value: Value, rows: Int) {
        let value = args.value(name) ?? .null
        let sample: Value
        if case .table(let t) = value {
            sample = .table(t)
        } else {
            sample = .column(try args.column(name))
        }
        guard let rows = rows(of: sample), rows > 0 else {
            throw .invalidArgument("`permutation_test` has nothing to split: `\(name)` is empty", args.span(name))
        }
        return (sample, rows)
    }

    /// The two samples' rows one after the other: columns of one type, or tables with the
    /// same columns.
    static func pool(
        _ a: (value: Value, rows: Int), _ b: (value: Value, rows: Int), _ args: Arguments
    ) throws(RuntimeError) -> Value {
        switch (a.value, b.value) {
        case (.column(let x), .column(let y)):
            guard let both = Column.concatenating([x, y]) else {
                throw .invalidArgument(
                    "`a` and `b` of `permutation_test` must be of one type, not a \(x.type.rawValue) and a \(y.type.rawValue) column",
                    args.span("b"))
            }
            return .column(both)
        case (.table(let x), .table(let y)) where x.names == y.names:
            var columns: [Column] = []
            for (cx, cy) in zip(x.columns, y.columns) {
                guard let both = Column.concatenating([cx, cy]) else {
                    throw .invalidArgument(
                        "the tables `a` and `b` of `permutation_test` hold columns of different types", args.span("b"))
                }
                columns.append(both)
            }
            guard let table = try? Table(names: x.names, columns: columns) else {
                throw .invalidArgument("the tables `a` and `b` of `permutation_test` cannot be pooled", args.span("b"))
            }
            return .table(table)
        default:
            throw .invalidArgument(
                "`a` and `b` of `permutation_test` must both be columns (or lists), or tables with the same columns",
                args.span("b"))
        }
    }

    /// Rows of a pooled sample.
    static func gather(_ pooled: Value, _ rows: [Int]) -> Value {
        switch pooled {
        case .column(let c): .column(c.gathering(rows))
        case .table(let t): .table(t.gathering(rows))
        default: pooled
        }
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
                "the function given to `\(args.function)` must return a number, but it returned \(value.typeName)",
                args.span("f"))
        }
    }
}
