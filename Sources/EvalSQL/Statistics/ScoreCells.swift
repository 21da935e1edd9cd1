import EvalData

/// The distinct-score histogram: rows and weight sums per (group, score, label).
///
/// For every (group, score, label) present it holds the number of rows and the sum of
/// their weights. It is the sufficient statistic of every metric of
/// binary labels and scores (ROC AUC, average precision, PR AUC, KS, curves, profit and
/// best threshold, log loss, Brier, calibration, confusion at a threshold): a kernel fed
/// the cells as weighted rows computes what it computes on the rows themselves.
package struct ScoreCells: Sendable {
    /// The group key of each cell (absent without `by:`).
    package var group: Column?
    /// The score of each cell; missing when rows have no score.
    package var score: Column
    /// The label of each cell (bool or number, missing when rows have none).
    package var label: Column
    /// Rows in each cell.
    package var rows: [Double]
    /// The weight sum of each cell (absent without `weights:`).
    package var weight: [Double]?
    /// Rows of each cell whose weight is missing, and whose weight is negative.
    package var missingWeights: [Double]?
    package var negativeWeights: [Double]?
    /// The cells as the engine returned them, canonically ordered: what is hashed.
    package var table: Table

    package var count: Int { rows.count }

    /// The statement computing the cells of `relation`, one scan, grouped in the engine.
    package static func statement(
        _ relation: Relation, label: SQLExpr, score: SQLExpr, weight: SQLExpr?, group: SQLExpr?,
        dialect: any SQLDialect
    ) -> SQLStatement {
        var b = SQLBuilder(dialect: dialect, relation: relation)
        var items: [String] = []
        if let group { items.append(b.render(group) + " AS " + dialect.quote("g")) }
        items.append(b.render(score) + " AS " + dialect.quote("s"))
        items.append(b.render(label) + " AS " + dialect.quote("y"))
        items.append("COUNT(*) AS " + dialect.quote("n"))
        if let weight {
            let w = dialect.castDouble(b.render(weight))
            items.append("SUM(\(w)) AS " + dialect.quote("w"))
            items.append("COUNT(*) - COUNT(\(w)) AS " + dialect.quote("w_missing"))
            // The weight expression is rendered again (and its constants bound again) so
            // the placeholders stay in text order for engines with positional `?`.
            let again = dialect.castDouble(b.render(weight))
            items.append(dialect.filteredCount(where: "\(again) < 0") + " AS " + dialect.quote("w_negative"))
        }
        let keys = (1...(group == nil ? 2 : 3)).map(String.init).joined(separator: ", ")
        let text = "SELECT " + items.joined(separator: ", ") + " " + b.from(relation) + " GROUP BY " + keys
        return b.statement(text)
    }

    /// Decodes the engine's reply, ordering the cells canonically (group, score, label) so
    /// the digest and every sum over them are the same whatever order the engine used.
    package init(_ reply: Table, grouped: Bool, weighted: Bool) throws(SQLError) {
        func column(_ name: String) throws(SQLError) -> Column {
            guard let c = reply.column(named: name) else {
                throw .badReply(reason: "the histogram has no column `\(name)`", underlying: nil)
            }
            return c
        }
        var keys: [Column] = []
        if grouped { keys.append(try column("g")) }
        keys.append(try column("s"))
        keys.append(try column("y"))
        let order = RowOrder.stableOrder(keys: keys, descending: keys.map { _ in false })
        let sorted = reply.gathering(order)
        table = sorted
        func numbers(_ name: String) throws(SQLError) -> [Double] {
            let c = try column(name)
            guard let values = sorted.column(named: name)?.numbers, c.missing == nil else {
                throw .badReply(reason: "the histogram's `\(name)` is not a complete number column", underlying: nil)
            }
            return values
        }
        group = grouped ? sorted.column(named: "g") : nil
        score = sorted.column(named: "s") ?? Column(numbers: [])
        label = sorted.column(named: "y") ?? Column(numbers: [])
        rows = try numbers("n")
        if weighted {
            // SUM of no non-missing weights is NULL: such a cell carries no weight.
            _ = try column("w")
            let w = sorted.column(named: "w") ?? Column(numbers: [])
            let values = w.numbers ?? []
            weight = values.indices.map { w.isMissing($0) ? 0 : values[$0] }
            missingWeights = try numbers("w_missing")
            negativeWeights = try numbers("w_negative")
        }
    }

    /// What makes the cells unusable as labels and scores, checked before any kernel runs.
    package enum Problem: Sendable, Equatable {
        case missingLabels(rows: Int)
        case missingScores(rows: Int)
        case labelNotBinary(Scalar)
        case missingWeights(rows: Int)
        case negativeWeights(rows: Int)
        case scoreOutsideUnit(Double)
    }

    /// The first problem, in the order a local kernel checks: labels, scores, weights.
    package func problem(probabilities: Bool) -> Problem? {
        var missingLabels = 0.0
        var missingScores = 0.0
        for i in 0..<count {
            if label.isMissing(i) { missingLabels += rows[i] }
            if score.isMissing(i) { missingScores += rows[i] }
        }
        if missingLabels > 0 { return .missingLabels(rows: Int(missingLabels)) }
        for i in 0..<count {
            switch label[i] {
            case .number(let x) where x != 0 && x != 1: return .labelNotBinary(label[i])
            case .string: return .labelNotBinary(label[i])
            default: continue
            }
        }
        if missingScores > 0 { return .missingScores(rows: Int(missingScores)) }
        if let missingWeights, case let n = missingWeights.reduce(0, +), n > 0 {
            return .missingWeights(rows: Int(n))
        }
        if let negativeWeights, case let n = negativeWeights.reduce(0, +), n > 0 {
            return .negativeWeights(rows: Int(n))
        }
        if probabilities, let values = score.numbers {
            for x in values where !(x >= 0 && x <= 1) { return .scoreOutsideUnit(x) }
        }
        return nil
    }

    /// The cells as weighted rows for a kernel.
    ///
    /// Labels are 0/1, scores as they are, and the weights are the weight sums (with `weights:`) or the row counts. `cells` picks some (one group).
    package func kernelInput(_ cells: [Int]? = nil) -> (truth: [Double], scores: [Double], weights: [Double]) {
        let picked = cells ?? Array(0..<count)
        let scores = score.numbers ?? []
        var truth: [Double] = []
        var s: [Double] = []
        var w: [Double] = []
        truth.reserveCapacity(picked.count)
        for i in picked {
            switch label[i] {
            case .bool(let b): truth.append(b ? 1 : 0)
            case .number(let x): truth.append(x)
            default: truth.append(.nan)
            }
            s.append(i < scores.count ? scores[i] : .nan)
            w.append(weight?[i] ?? rows[i])
        }
        return (truth, s, w)
    }
}
