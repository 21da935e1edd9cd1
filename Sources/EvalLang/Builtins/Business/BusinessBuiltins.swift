import EvalData
import EvalMetrics
import OrderedCollections

/// Business values of decisions (SPEC §5 "Business"): a payoff per outcome, the profit
/// of hard predictions, the profit of every threshold, the best threshold, and the
/// expected value of multiclass decisions under a payoff matrix.
enum BusinessBuiltins {
    static let family = Family.business

    /// `best_threshold`, which `leaderboard` also calls to rank by profit.
    static let bestThreshold = Builtin(
        "best_threshold", family: family,
        [
            .required("y"), .required("p"), .required("payoff"), .option("pos_label"), .option("weights"),
            .option("by"),
        ],
        doc:
            "The most profitable threshold (the largest among ties), its profit, precision, recall, share flagged, and the everyone / no_one bounds.",
        example: "best_threshold(t.churned, t.p_churn, offer)", body: best)

    static let all: [Builtin] = [
        Builtin(
            "payoff", family: family, [.option("tp"), .option("fp"), .option("fn"), .option("tn")],
            doc:
                "What each outcome is worth per example (a number, or a column for example-dependent values); unset outcomes are 0.",
            example: "payoff(tp: 80, fp: -20, fn: -100, tn: 0)"
        ) { _, args throws(RuntimeError) in
            var record = Record()
            for name in ["tp", "fp", "fn", "tn"] {
                switch args.value(name) {
                case nil: record[name] = .number(0)
                case .number(let x)?:
                    guard x.isFinite else {
                        throw .invalidArgument(
                            "`\(name)` of `payoff` must be a finite number, not \(NumberFormat.human(x))",
                            args.span(name))
                    }
                    record[name] = .number(x)
                case .column?:
                    record[name] = .column(Column(numbers: try MetricInputs.numbers(args, name)))
                case .list(let items)?:
                    let numbers = items.compactMap(\.number)
                    guard numbers.count == items.count, numbers.allSatisfy(\.isFinite) else {
                        throw .invalidArgument(
                            "`\(name)` of `payoff` must be a number or a list of finite numbers", args.span(name))
                    }
                    record[name] = .column(Column(numbers: numbers))
                case let other?:
                    throw .wrongType(
                        what: "`\(name)` of `payoff`", expected: "a number or a numeric column", found: other.typeName,
                        args.span(name))
                }
            }
            return .record(record)
        },
        Builtin(
            "profit", family: family, metric: .higherIsBetter,
            [
                .required("y"), .required("yhat"), .required("payoff"), .option("threshold"), .option("pos_label"),
                .option("weights"), .option("by"),
            ],
            doc: "Total value of 0/1 decisions under a payoff: Σ weight · payoff of each row's outcome.",
            example: "profit(t.churned, t.p_churn, offer, threshold: 0.3)", body: profit),
        Builtin(
            "profit_curve", family: family,
            [
                .required("y"), .required("p"), .required("payoff"), .option("pos_label"), .option("weights"),
                .option("by"),
            ],
            doc:
                "Profit at every distinct score (flag rows with p ≥ threshold): threshold, profit, tp, fp, fn, tn, precision, recall, share_flagged.",
            example: "profit_curve(t.churned, t.p_churn, offer)", body: curve),
        bestThreshold,
        Builtin(
            "expected_value", family: family, metric: .higherIsBetter,
            [
                .required("y"), .required("yhat"), .required("matrix"), .option("classes"), .option("weights"),
                .option("by"),
            ],
            doc:
                "Mean value per example of class decisions under a payoff matrix (rows true class, columns predicted).",
            example: "expected_value(t.queue, t.routed, [[5, -2], [-4, 3]])", body: ExpectedValueInput.evaluate),
    ]

    /// The payoff record of argument `payoff`, as EvalMetrics amounts.
    static func payoff(_ args: Arguments) throws(RuntimeError) -> Payoff {
        guard case .record(let record)? = args.value("payoff") else {
            throw .invalidArgument(
                "`payoff` of `\(args.function)` must be a payoff record, not \(args.value("payoff")?.typeName ?? "nothing")",
                args.span("payoff"), help: "make one with payoff(tp: …, fp: …, fn: …, tn: …)")
        }
        func amount(_ name: String) throws(RuntimeError) -> Payoff.Amount {
            switch record[name] {
            case nil: return .constant(0)
            case .number(let x)?: return .constant(x)
            case .column(let c)?:
                guard let values = c.numbers, !c.hasMissing else {
                    throw .invalidArgument(
                        "`\(name)` of the payoff must be numbers with no missing values", args.span("payoff"))
                }
                return .perRow(values)
            case let other?:
                throw .wrongType(
                    what: "`\(name)` of the payoff", expected: "a number or a numeric column", found: other.typeName,
                    args.span("payoff"))
            }
        }
        return Payoff(tp: try amount("tp"), fp: try amount("fp"), fn: try amount("fn"), tn: try amount("tn"))
    }

    /// Runs a kernel; errors about a payoff amount point at the `payoff` argument.
    static func runPayoff<T>(_ args: Arguments, _ body: () throws(MetricError) -> T) throws(RuntimeError) -> T {
        do { return try body() } catch {
            throw args.metricError(error)
        }
    }

    /// The payoff restricted to `rows` (per-row amounts follow their rows).
    static func pick(_ payoff: Payoff, _ rows: [Int]?) -> Payoff {
        func part(_ a: Payoff.Amount) -> Payoff.Amount {
            if case .perRow(let values) = a { return .perRow(ByGroups.pick(values, rows)) }
            return a
        }
        return Payoff(tp: part(payoff.tp), fp: part(payoff.fp), fn: part(payoff.fn), tn: part(payoff.tn))
    }

    static func profit(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let labels = try LabelInputs.read(args)
        guard labels.binary else {
            throw .invalidArgument(
                "`profit` is defined for yes/no decisions, but `y` has \(labels.classCount) classes", args.span("y"),
                help: "for class decisions use expected_value(y, yhat, matrix)")
        }
        let payoff = try payoff(args)
        let weights = try MetricInputs.weights(args, count: labels.truth.count)
        func run(_ rows: [Int]?) throws(RuntimeError) -> Double? {
            let y = ByGroups.pick(labels.truth, rows), yhat = ByGroups.pick(labels.predicted, rows)
            let w = weights.map { ByGroups.pick($0, rows) }, part = pick(payoff, rows)
            return try runPayoff(args) { () throws(MetricError) in try Metrics.profit(y, yhat, payoff: part, weights: w)
            }.value
        }
        guard args.has("by") else { return try run(nil).map(Value.number) ?? .null }
        return try ByGroups.table(args, count: labels.truth.count) { rows, _ throws(RuntimeError) in try run(rows) }
    }

    /// The curve of (y, p) under the payoff for `rows`, from the cached sweep when all rows.
    static func profitCurve(
        _ interpreter: inout Interpreter, _ args: Arguments, _ y: [Double], _ p: [Double],
        _ weights: [Double]?, _ payoff: Payoff, rows: [Int]?
    ) throws(RuntimeError) -> ProfitCurve {
        let (ys, ps, ws) = (ByGroups.pick(y, rows), ByGroups.pick(p, rows), weights.map { ByGroups.pick($0, rows) })
        let sweep: ScoreSweep
        if rows == nil {
            sweep = try interpreter.scoreSweep(ys, ps, ws, args: args)
        } else {
            sweep = try CurveBuiltins.run(args) { () throws(MetricError) in try ScoreSweep(ys, ps, weights: ws) }
        }
        let part = pick(payoff, rows)
        return try runPayoff(args) { () throws(MetricError) in try ProfitCurve(sweep, y: ys, payoff: part, weights: ws)
        }
    }

    static func curve(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let (y, p) = try ClassificationBuiltins.binaryScores(args)
        let weights = try MetricInputs.weights(args, count: y.count)
        let payoff = try payoff(args)
        func table(_ rows: [Int]?) throws(RuntimeError) -> Table? {
            let c = try profitCurve(&interpreter, args, y, p, weights, payoff, rows: rows)
            let k = c.thresholds.indices
            return try? Table(
                names: ["threshold", "profit", "tp", "fp", "fn", "tn", "precision", "recall", "share_flagged"],
                columns: [
                    Column(numbers: c.thresholds), Column(numbers: c.profit),
                    Column(numbers: c.truePositives), Column(numbers: c.falsePositives),
                    Column(numbers: c.falseNegatives), Column(numbers: c.trueNegatives),
                    Column(numbers: k.map(c.precision)), Column(optionalNumbers: k.map(c.recall)),
                    Column(numbers: c.shareFlagged),
                ])
        }
        guard args.has("by") else { return try table(nil).map(Value.table) ?? .null }
        let parts = try ByGroups.parts(args, count: y.count) { rows, _ throws(RuntimeError) in try table(rows) }
        return CurveBuiltins.stacked(parts).map(Value.table) ?? .null
    }

    static let bestFields = [
        "threshold", "profit", "precision", "recall", "share_flagged", "tp", "fp", "fn", "tn", "everyone", "no_one",
    ]

    static func best(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let (y, p) = try ClassificationBuiltins.binaryScores(args)
        let weights = try MetricInputs.weights(args, count: y.count)
        let payoff = try payoff(args)
        func values(_ rows: [Int]?, group: String?) throws(RuntimeError) -> [Double?] {
            let b = BestThreshold(try profitCurve(&interpreter, args, y, p, weights, payoff, rows: rows))
            if let warning = b.warning { interpreter.warn(warning, args, group: group) }
            return [
                b.threshold, b.profit, b.precision, b.recall, b.shareFlagged, b.truePositives, b.falsePositives,
                b.falseNegatives, b.trueNegatives, b.everyone, b.noOne,
            ]
        }
        guard args.has("by") else {
            var record = Record()
            for (name, value) in zip(bestFields, try values(nil, group: nil)) {
                record[name] = value.map(Value.number) ?? .null
            }
            return .record(record)
        }
        let parts = try ByGroups.parts(args, count: y.count) { rows, label throws(RuntimeError) in
            let row = try values(rows, group: rows == nil ? nil : label)
            return try? Table(names: bestFields, columns: row.map { Column(optionalNumbers: [$0]) })
        }
        return CurveBuiltins.stacked(parts).map(Value.table) ?? .null
    }
}
