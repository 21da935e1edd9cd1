import EvalData
import EvalMetrics
import OrderedCollections

/// Multilabel evaluation (SPEC §5 "Multilabel"): label and probability tables with
/// the same column names, one column per label.
enum MultilabelBuiltins {
    static let family = Family.multilabel

    /// A 0/1 indicator table from a table of bools or 0/1 numbers.
    static func indicators(_ args: Arguments, _ name: String, names expected: [String]? = nil) throws(RuntimeError) -> (
        ProbabilityTable, [String]
    ) {
        let t = try args.table(name)
        var table = t
        if let expected {
            for n in expected where t.index(of: n) == nil {
                throw .unknownColumn(n, table: name, candidates: t.names, args.span(name))
            }
            table = t.selecting(expected)
            if t.columnCount != expected.count {
                throw .invalidArgument(
                    "`\(name)` has \(t.columnCount) label columns but `y` has \(expected.count)", args.span(name))
            }
        }
        var columns: [[Double]] = []
        for (label, c) in zip(table.names, table.columns) {
            if c.hasMissing {
                throw .invalidArgument("label column `\(label)` of `\(name)` has missing values", args.span(name))
            }
            switch c.storage {
            case .bool(let v): columns.append(v.map { $0 ? 1 : 0 })
            case .number(let v): columns.append(v)
            case .string:
                throw .wrongType(
                    what: "label column `\(label)` of `\(name)`", expected: "bools or 0/1", found: "strings",
                    args.span(name))
            }
        }
        let p = try CurveBuiltins.run(args) { () throws(MetricError) in try ProbabilityTable(columns: columns) }
        return (p, table.names)
    }

    /// Both tables of a multilabel metric, columns matched by name.
    static func pair(_ args: Arguments) throws(RuntimeError) -> (ProbabilityTable, ProbabilityTable, [String]) {
        let (y, names) = try indicators(args, "y")
        let (yhat, _) = try indicators(args, "yhat", names: names)
        return (y, yhat, names)
    }

    static func number(_ interpreter: inout Interpreter, _ args: Arguments, _ result: MetricResult<Double>) -> Value {
        if let warning = result.warning { interpreter.warn(warning, args) }
        return result.value.map(Value.number) ?? .null
    }

    typealias Kernel = (ProbabilityTable, ProbabilityTable, [Double]?) throws(MetricError) -> MetricResult<Double>

    /// A multilabel metric on all rows, or with `by:` once per group (ascending key
    /// order) plus an overall row.
    static func evaluate(_ interpreter: inout Interpreter, _ args: Arguments, _ kernel: Kernel) throws(RuntimeError)
        -> Value
    {
        let (y, yhat, names) = try pair(args)
        let w = try MetricInputs.weights(args, count: y.rows)
        func run(_ y: ProbabilityTable, _ yhat: ProbabilityTable, _ w: [Double]?, group: String?) throws(RuntimeError)
            -> Double?
        {
            let result = try CurveBuiltins.run(args) { () throws(MetricError) in try kernel(y, yhat, w) }
            if let warning = result.warning { interpreter.warn(warning, args, group: group, classes: names) }
            return result.value
        }
        guard args.has("by") else { return try run(y, yhat, w, group: nil).map(Value.number) ?? .null }
        func rows(_ t: ProbabilityTable, _ rows: [Int]) throws(RuntimeError) -> ProbabilityTable {
            var values: [Double] = []
            values.reserveCapacity(rows.count * t.classes)
            for r in rows { values += t.values[(r * t.classes)..<((r + 1) * t.classes)] }
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try ProbabilityTable(rowMajor: values, classes: t.classes)
            }
        }
        return try ByGroups.table(args, count: y.rows) { members, label throws(RuntimeError) in
            guard let members else { return try run(y, yhat, w, group: label) }
            return try run(
                try rows(y, members), try rows(yhat, members), w.map { ByGroups.pick($0, members) }, group: label)
        }
    }

    static let all: [Builtin] = [
        Builtin(
            "decode", family: family, [.required("P"), .option("threshold"), .option("top_k")],
            doc:
                "Turn a probability table into labels: each column ≥ threshold, or the top_k columns of each row (ties: the later column).",
            example: "tags = decode(P, threshold: 0.3)", body: decode),
        Builtin(
            "hamming_loss", family: family, metric: .lowerIsBetter,
            [.required("y"), .required("yhat"), .option("weights"), .option("by")],
            doc: "Share of (row, label) cells predicted wrong.",
            example: "hamming_loss(Y, decode(P, threshold: 0.5))"
        ) { interpreter, args throws(RuntimeError) in
            try evaluate(&interpreter, args) { y, yhat, w throws(MetricError) in
                try Metrics.hammingLoss(y, yhat, weights: w)
            }
        },
        Builtin(
            "subset_accuracy", family: family, metric: .higherIsBetter,
            [.required("y"), .required("yhat"), .option("weights"), .option("by")],
            doc: "Share of rows whose whole label set is predicted exactly.",
            example: "subset_accuracy(Y, decode(P, top_k: 2))"
        ) { interpreter, args throws(RuntimeError) in
            try evaluate(&interpreter, args) { y, yhat, w throws(MetricError) in
                try Metrics.subsetAccuracy(y, yhat, weights: w)
            }
        },
    ]

    /// precision, recall and F-scores of label tables: `average:` micro, macro,
    /// weighted, samples (default macro) or none (a record keyed by label).
    static func score(
        _ interpreter: inout Interpreter, _ args: Arguments, _ score: LabelMetricBuiltins.Score, beta: Double
    ) throws(RuntimeError) -> Value {
        let zero = try LabelInputs.zeroDivision(args)
        let averageName = try args.choice(
            "average", ["macro", "micro", "weighted", "samples", "none"], default: "macro")
        guard let average = MultilabelAverage(rawValue: averageName) else {
            let (y, yhat, names) = try pair(args)
            let w = try MetricInputs.weights(args, count: y.rows)
            let rows = try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.multilabelPerClass(y, yhat, beta: beta, zeroDivision: zero, weights: w)
            }
            var record = Record()
            for row in rows {
                let r = score.of(row)
                if let warning = r.warning { interpreter.warn(warning, args, part: score.name, classes: names) }
                record[row.label < names.count ? names[row.label] : String(row.label)] =
                    r.value.map(Value.number) ?? .null
            }
            return .record(record)
        }
        return try evaluate(&interpreter, args) { y, yhat, w throws(MetricError) in
            let scores = try Metrics.multilabelScores(
                y, yhat, average: average, beta: beta, zeroDivision: zero, weights: w)
            return score.of(scores)
        }
    }

    static func decode(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let p = try args.table("P")
        guard args.has("threshold") != args.has("top_k") else {
            throw .invalidArgument("`decode` needs exactly one of `threshold:` and `top_k:`", args.callSpan)
        }
        var columns: [[Double]] = []
        for (name, c) in zip(p.names, p.columns) {
            guard let v = c.numbers, !c.hasMissing else {
                throw .invalidArgument(
                    "column `\(name)` of `P` must hold scores with no missing values", args.span("P"))
            }
            columns.append(v)
        }
        var out = [[Bool]](repeating: [Bool](repeating: false, count: p.rowCount), count: p.columnCount)
        if args.has("threshold") {
            let threshold = try args.number("threshold")
            for c in columns.indices { for r in 0..<p.rowCount { out[c][r] = columns[c][r] >= threshold } }
        } else {
            let k = try args.integer("top_k", in: 1...max(1, p.columnCount))
            for r in 0..<p.rowCount {
                // Among equal scores the later column wins, as in top_k_accuracy and
                // scikit-learn's top_k_accuracy_score, so both choose the same k.
                let ranked = columns.indices.sorted { a, b in
                    columns[a][r] != columns[b][r] ? columns[a][r] > columns[b][r] : a > b
                }
                for c in ranked.prefix(k) { out[c][r] = true }
            }
        }
        let table = try? Table(names: p.names, columns: out.map { Column(bools: $0) })
        return table.map(Value.table) ?? .null
    }
}
