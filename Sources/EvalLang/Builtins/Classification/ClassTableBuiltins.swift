import EvalData
import EvalMetrics
import OrderedCollections

/// Classification results that are more than one number: kappa with its weighting,
/// the confusion matrix, the per-class report, and metrics of probability tables.
enum ClassTableBuiltins {
    static let family = Family.classification

    static let all: [Builtin] = [
        Builtin(
            "cohen_kappa", family: family, metric: .higherIsBetter,
            [
                .required("y"), .required("yhat"), .option("threshold"), .option("pos_label"), .option("average"),
                .option("weights"), .option("by"),
            ],
            doc:
                "Cohen's kappa: agreement beyond chance; weights: \"linear\" or \"quadratic\" for ordinal labels (a column is sample weights).",
            example: "cohen_kappa(t.grade, t.predicted_grade, weights: \"quadratic\")"
        ) { interpreter, args throws(RuntimeError) in
            var sampleArgs = args
            var weighting = KappaWeighting.none
            // `weights:` names the kappa weighting when it is a string, sample weights otherwise.
            if case .string? = args.value("weights") {
                let name = try args.choice("weights", ["linear", "quadratic"], default: "linear")
                weighting = KappaWeighting(rawValue: name) ?? .none
                sampleArgs.byName["weights"] = nil
            }
            let labels = try LabelInputs.read(sampleArgs, symmetric: true)
            let k = labels.classCount
            let kappaWeighting = weighting
            let kernel: MetricBuiltin.Kernel = { y, yhat, w throws(MetricError) in
                try Metrics.cohenKappa(
                    y.map { Int($0) }, yhat.map { Int($0) }, classes: k, weighting: kappaWeighting, weights: w)
            }
            return try MetricBuiltin.apply(
                kernel, labels.truth, labels.predicted, args: sampleArgs, interpreter: &interpreter)
        },
        Builtin(
            "confusion", family: family,
            [
                .required("y"), .required("yhat"), .option("threshold"), .option("pos_label"), .option("average"),
                .option("weights"), .option("by"),
            ],
            doc:
                "The confusion matrix as a record: tp fp fn tn for binary labels, and always labels and matrix (rows true); by: gives a table of counts per group.",
            example: "confusion(t.churned, t.p_churn, threshold: 0.5)", body: confusion),
        Builtin(
            "classification_report", family: family,
            [
                .required("y"), .required("yhat"), .option("threshold"), .option("pos_label"), .option("zero_division"),
                .option("weights"), .option("by"),
            ],
            doc:
                "Per-class precision, recall, f1 and support, with accuracy, macro and weighted averages (as scikit-learn's report); by: stacks one report per group.",
            example: "classification_report(t.queue, t.predicted_queue)", body: report),
        Builtin(
            "top_k_accuracy", family: family, metric: .higherIsBetter,
            [.required("y"), .required("P"), .option("k"), .option("classes"), .option("weights"), .option("by")],
            doc: "Share of rows whose true class is among the k highest-scored columns of P (default k 5).",
            example: "top_k_accuracy(t.queue, P, k: 2)"
        ) { interpreter, args throws(RuntimeError) in
            let k = try args.integer("k", default: 5, in: 1...1_000_000)
            return try ProbabilityInputs.evaluate(&interpreter, args) { y, table, weights throws(MetricError) in
                try Metrics.topKAccuracy(y, table, k: k, weights: weights)
            }
        },
        Builtin(
            "cross_entropy", family: family, metric: .lowerIsBetter,
            [.required("y"), .required("P"), .option("classes"), .option("weights"), .option("by")],
            doc:
                "Multiclass log loss of a probability table P (rows renormalised and clipped as scikit-learn's log_loss).",
            example: "cross_entropy(t.queue, P)"
        ) { interpreter, args throws(RuntimeError) in
            try ProbabilityInputs.evaluate(&interpreter, args) { y, table, weights throws(MetricError) in
                try Metrics.crossEntropy(y, table, weights: weights)
            }
        },
    ]

    /// The confusion matrix of all rows; with `by:`, one block of counts per group
    /// (ascending key order) and the overall block, stacked under a `group` column:
    /// `tp fp fn tn n` for binary labels, `true predicted count` cells otherwise.
    static func confusion(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let labels = try LabelInputs.read(args)
        let weights = try MetricInputs.weights(args, count: labels.truth.count)
        func matrix(_ rows: [Int]?) throws(RuntimeError) -> ConfusionMatrix {
            let truth = ByGroups.pick(labels.truth, rows), predicted = ByGroups.pick(labels.predicted, rows)
            let w = weights.map { ByGroups.pick($0, rows) }
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.confusionMatrix(
                    truth.map { Int($0) }, predicted.map { Int($0) }, classes: labels.classCount, weights: w)
            }
        }
        let all = Array(0..<labels.classCount)
        guard args.has("by") else {
            let counts = try matrix(nil)
            var record = Record()
            if labels.binary {
                record["tp"] = .number(counts[truth: 1, predicted: 1])
                record["fp"] = .number(counts[truth: 0, predicted: 1])
                record["fn"] = .number(counts[truth: 1, predicted: 0])
                record["tn"] = .number(counts[truth: 0, predicted: 0])
            }
            record["labels"] = .list(all.map { .string(labels.classNames[$0]) })
            record["matrix"] = .list(all.map { t in .list(all.map { p in .number(counts[truth: t, predicted: p]) }) })
            return .record(record)
        }
        let parts = try ByGroups.parts(args, count: labels.truth.count) { rows, _ throws(RuntimeError) -> Table? in
            let counts = try matrix(rows)
            if labels.binary {
                let cells = [(1, 1), (0, 1), (1, 0), (0, 0)].map { counts[truth: $0.0, predicted: $0.1] }
                return CurveBuiltins.table(
                    ["tp", "fp", "fn", "tn", "n"], cells.map { [$0] } + [[Double(rows?.count ?? labels.truth.count)]])
            }
            var truth: [String?] = [], predicted: [String?] = [], count: [Double] = []
            for t in all {
                for p in all {
                    truth.append(labels.classNames[t]); predicted.append(labels.classNames[p]);
                    count.append(counts[truth: t, predicted: p])
                }
            }
            return try? Table(
                names: ["true", "predicted", "count"],
                columns: [Column(strings: truth), Column(strings: predicted), Column(numbers: count)])
        }
        return CurveBuiltins.stacked(parts).map(Value.table) ?? .null
    }

    /// scikit-learn's classification report as a table; with `by:`, one report per group
    /// (ascending key order) and the overall report, stacked under a `group` column.
    static func report(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let labels = try LabelInputs.read(args)
        let weights = try MetricInputs.weights(args, count: labels.truth.count)
        let zero = try LabelInputs.zeroDivision(args)
        func build(_ rows: [Int]?, group: String?) throws(RuntimeError) -> Table? {
            let truth = ByGroups.pick(labels.truth, rows), predicted = ByGroups.pick(labels.predicted, rows)
            let w = weights.map { ByGroups.pick($0, rows) }
            let report = try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.classificationReport(
                    truth.map { Int($0) }, predicted.map { Int($0) },
                    classes: labels.classCount, zeroDivision: zero, weights: w)
            }
            var names: [String] = [], precision: [Double?] = [], recall: [Double?] = [], f1: [Double?] = [],
                support: [Double] = []
            for row in report.classes {
                names.append(row.label < labels.classNames.count ? labels.classNames[row.label] : String(row.label))
                precision.append(row.precision.value)
                recall.append(row.recall.value)
                f1.append(row.fscore.value)
                support.append(row.support)
                let parts = [("precision", row.precision), ("recall", row.recall), ("the F-score", row.fscore)]
                for (part, result) in parts {
                    guard let warning = result.warning else { continue }
                    interpreter.warn(warning, args, group: group, part: part, classes: labels.classNames)
                }
            }
            let total = support.reduce(0, +)
            names.append("accuracy"); precision.append(nil); recall.append(nil); f1.append(report.accuracy.value);
            support.append(total)
            for (name, avg) in [("macro avg", report.macro), ("weighted avg", report.weighted)] {
                names.append(name)
                precision.append(avg.precision.value)
                recall.append(avg.recall.value)
                f1.append(avg.fscore.value)
                support.append(avg.support)
            }
            return try? Table(
                names: ["class", "precision", "recall", "f1", "support"],
                columns: [
                    Column(strings: names), Column(optionalNumbers: precision), Column(optionalNumbers: recall),
                    Column(optionalNumbers: f1), Column(numbers: support),
                ])
        }
        guard args.has("by") else { return try build(nil, group: nil).map(Value.table) ?? .null }
        let parts = try ByGroups.parts(args, count: labels.truth.count) { rows, label throws(RuntimeError) in
            try build(rows, group: rows == nil ? nil : label)
        }
        return CurveBuiltins.stacked(parts).map(Value.table) ?? .null
    }
}

extension ProbabilityInputs {
    typealias Kernel = ([Int], ProbabilityTable, [Double]?) throws(MetricError) -> MetricResult<Double>

    /// Runs a probability-table metric on all rows, or with `by:` once per group
    /// (ascending key order) plus an overall row.
    static func evaluate(_ interpreter: inout Interpreter, _ args: Arguments, _ kernel: Kernel) throws(RuntimeError)
        -> Value
    {
        let (y, table) = try read(args)
        let weights = try MetricInputs.weights(args, count: y.count)
        func run(_ y: [Int], _ table: ProbabilityTable, _ weights: [Double]?, group: String?) throws(RuntimeError)
            -> Double?
        {
            let result = try CurveBuiltins.run(args) { () throws(MetricError) in try kernel(y, table, weights) }
            if let w = result.warning { interpreter.warn(w, args, group: group) }
            return result.value
        }
        guard args.has("by") else { return try run(y, table, weights, group: nil).map(Value.number) ?? .null }
        return try ByGroups.table(args, count: y.count) { rows, label throws(RuntimeError) in
            guard let rows else { return try run(y, table, weights, group: label) }
            var subset: [Double] = []
            subset.reserveCapacity(rows.count * table.classes)
            for r in rows { subset += table.values[(r * table.classes)..<((r + 1) * table.classes)] }
            let part = try CurveBuiltins.run(args) { () throws(MetricError) in
                try ProbabilityTable(rowMajor: subset, classes: table.classes)
            }
            return try run(ByGroups.pick(y, rows), part, weights.map { ByGroups.pick($0, rows) }, group: label)
        }
    }
}

/// A probability table `P` with one column per class, and `y` as class positions:
/// for numeric labels column i is class i; for string labels the column names are the
/// classes; `classes:` lists them explicitly in column order (SPEC §5).
enum ProbabilityInputs {
    static func read(_ args: Arguments) throws(RuntimeError) -> ([Int], ProbabilityTable) {
        let p = try args.table("P")
        var columns: [[Double]] = []
        for (name, column) in zip(p.names, p.columns) {
            guard let values = column.numbers, !column.hasMissing else {
                throw .invalidArgument(
                    "column `\(name)` of `P` must hold probabilities with no missing values", args.span("P"))
            }
            columns.append(values)
        }
        let y = try MetricInputs.complete(args, "y")
        try MetricInputs.sameLength(args, "P", p.rowCount, y.count)
        var classNames: [String]
        if args.has("classes") {
            classNames = try args.strings("classes")
        } else if y.type != .string {
            classNames = (0..<p.columnCount).map(String.init)
        } else {
            classNames = p.names
        }
        guard classNames.count == p.columnCount else {
            throw .invalidArgument(
                "`P` has \(p.columnCount) columns but \(classNames.count) classes are named", args.span("P"))
        }
        if y.type == .string || args.has("classes") {
            // Classes in sorted order, as scikit-learn orders labels: it decides which of
            // two tied columns ranks higher in top_k_accuracy.
            let order = classNames.indices.sorted { classNames[$0] < classNames[$1] }
            classNames = order.map { classNames[$0] }
            columns = order.map { columns[$0] }
        }
        var position: [String: Int] = [:]
        for (i, name) in classNames.enumerated() { position[name] = i }
        var codes: [Int] = []
        codes.reserveCapacity(y.count)
        // Numeric labels are column positions already: no text round trip per row.
        if let numbers = y.numbers, !args.has("classes") {
            for (i, x) in numbers.enumerated() {
                guard x == x.rounded(), x >= 0, x < Double(classNames.count) else {
                    throw .invalidArgument(
                        "row \(i) of `y` is \(NumberFormat.human(x)), which is not a column of `P` (0 to \(classNames.count - 1))",
                        args.span("y"), help: "name the columns' classes with `classes:`")
                }
                codes.append(Int(x))
            }
            let table = try CurveBuiltins.run(args) { () throws(MetricError) in try ProbabilityTable(columns: columns) }
            return (codes, table)
        }
        for i in 0..<y.count {
            let label: String
            switch y[i] {
            case .number(let x) where x == x.rounded() && abs(x) < 1e15: label = String(Int(x))
            case .string(let s): label = s
            case .bool(let b): label = b ? "1" : "0"
            default: label = Value.cellText(y[i])
            }
            guard let code = position[label] else {
                throw .invalidArgument(
                    "row \(i) of `y` is \(label), which is not a class of `P` ("
                        + classNames.prefix(8).joined(separator: ", ") + ")",
                    args.span("y"), help: "name the columns' classes with `classes:`")
            }
            codes.append(code)
        }
        let table = try CurveBuiltins.run(args) { () throws(MetricError) in try ProbabilityTable(columns: columns) }
        return (codes, table)
    }
}
