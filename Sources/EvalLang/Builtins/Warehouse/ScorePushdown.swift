import EvalData
import EvalSQL

/// Metrics of binary labels and scores on a relation, finished by the local kernels.
///
/// The engine computes the distinct-score histogram (`ScoreCells`: rows and weight sums per group, score and
/// label), and the builtin's own local body runs on the cells as weighted rows. The
/// kernels, the `by:` groups, the warnings and the null rule are the local ones, so a
/// pushed-down result is the local result on the same rows.
enum ScorePushdown {
    /// Builtins whose first two inputs are labels and scores (or predictions with
    /// `threshold:`) and whose result depends on the rows only through the histogram.
    static let builtins: Set<String> = [
        "roc_auc", "average_precision", "pr_auc", "ks", "log_loss", "brier", "ece", "mce", "calibration",
        "roc_curve", "pr_curve", "gain_curve", "lift", "best_threshold", "profit_curve", "profit", "accuracy",
        "precision", "recall", "f1", "fbeta", "specificity", "balanced_accuracy", "mcc", "confusion",
    ]

    /// Metrics that need probabilities, checked on the histogram before the kernel runs.
    static let probabilities: Set<String> = ["log_loss", "brier", "ece", "mce", "calibration"]

    /// The most cells brought back; past it the statistic is as large as the rows.
    static let maxCells = 5_000_000

    static func call(_ name: String, _ args: Arguments, interpreter: inout Interpreter) throws(RuntimeError) -> Value {
        guard let builtin = BuiltinRegistry.shared[name], builtin.parameters.count >= 2 else {
            throw .relation(.notSupported(function: name), args.callSpan)
        }
        let labelName = builtin.parameters[0].name
        let scoreName = builtin.parameters[1].name
        let label = try column(args, labelName)
        let score = try column(args, scoreName)
        let weights = args.has("weights") ? try column(args, "weights") : nil
        let group = args.has("by") ? try column(args, "by") : nil
        for other in [score] + [weights, group].compactMap({ $0 }) where !other.relation.hasSameRows(as: label.relation)
        {
            throw .relation(.differentRelations(function: name), args.callSpan)
        }
        for (key, item) in args.byName where ![labelName, scoreName, "weights", "by"].contains(key) {
            if case .remote = item.value { throw .relation(.notSupported(function: name), item.span) }
        }
        if name == "calibration" || name == "plot_calibration", args.has("strategy"),
            try args.string("strategy") == "quantile"
        {
            throw .relation(
                .unsupportedOption(
                    "strategy", function: name, reason: "quantile bins are not pushed down yet; use \"uniform\""),
                args.span("strategy"))
        }
        guard score.type == .number else {
            throw .relation(
                .notScore(argument: scoreName, function: name, type: score.type.rawValue), args.span(scoreName))
        }
        var labelExpr = label.expr
        if args.has("pos_label") {
            let pos: SQLExpr
            switch args.value("pos_label") {
            case .number(let x)?: pos = .number(x)
            case .string(let s)?: pos = .text(s)
            case .bool(let b)?: pos = .bool(b)
            default: throw .invalidArgument("`pos_label` must be a number, string or bool", args.span("pos_label"))
            }
            labelExpr = .binary(.equal, label.expr, pos)
        } else if label.type == .string {
            throw .relation(.notLabel(argument: labelName, function: name, type: "string"), args.span(labelName))
        }
        let relation = label.relation
        let statement = ScoreCells.statement(
            relation, label: labelExpr, score: score.expr, weight: weights?.expr, group: group?.expr,
            dialect: label.connection.engine.dialect)
        let reply = try Warehouse.run(
            statement, on: label.connection, for: relation, span: args.callSpan, interpreter: &interpreter)
        guard reply.rowCount <= maxCells else {
            throw .relation(.tooManyRows(reply.rowCount, limit: maxCells), args.callSpan)
        }
        let cells: ScoreCells
        do { cells = try ScoreCells(reply, grouped: group != nil, weighted: weights != nil) } catch {
            throw .sql(error, args.callSpan)
        }
        if let problem = cells.problem(probabilities: probabilities.contains(name)) {
            throw .relation(
                .badInput(problem, label: labelName, score: scoreName, function: name, relation: relation.label),
                args.callSpan)
        }
        let input = cells.kernelInput()
        var local = args
        local.byName[labelName] = Arguments.Item(
            value: .column(Column(numbers: input.truth)), span: args.span(labelName))
        local.byName[scoreName] = Arguments.Item(
            value: .column(Column(numbers: input.scores)), span: args.span(scoreName))
        local.byName["weights"] = Arguments.Item(
            value: .column(Column(numbers: input.weights)), span: args.span("weights"))
        local.byName["pos_label"] = nil
        if let key = cells.group { local.byName["by"] = Arguments.Item(value: .column(key), span: args.span("by")) }
        let result = try builtin.body(&interpreter, local)
        return rowCounts(result, cells: cells, function: name)
    }

    /// A relation column argument.
    private static func column(_ args: Arguments, _ name: String) throws(RuntimeError) -> RemoteColumn {
        guard case .remote(.column(let c))? = args.value(name) else {
            throw .relation(.differentRelations(function: args.function), args.span(name))
        }
        return c
    }

    /// A `by:` table counts rows of the relation in its `n` column, not cells.
    private static func rowCounts(_ value: Value, cells: ScoreCells, function: String) -> Value {
        guard case .table(let t) = value, let key = cells.group, t.names == ["group", function, "n"] else {
            return value
        }
        let groups = Groups(by: key)
        var counts = groups.rows.map { rows in rows.reduce(0.0) { $0 + cells.rows[$1] } }
        counts.append(cells.rows.reduce(0, +))
        guard counts.count == t.rowCount,
            let fixed = try? Table(names: t.names, columns: [t.columns[0], t.columns[1], Column(numbers: counts)])
        else {
            return value
        }
        return .table(fixed)
    }
}
