/// What each outcome of a yes/no decision is worth, per example, in any unit.
///
/// A model flags rows (predicts 1); acting on a flagged row that is truly positive earns
/// `tp`, on a negative one `fp`; an unflagged positive costs `fn`, an unflagged negative
/// `tn`. Costs are negative values. Each amount is one number for every row, or one
/// value per row when the worth depends on the example (an order amount, a customer's
/// lifetime value), so a profit is a sum over rows rather than counts times prices.
package struct Payoff: Equatable, Sendable {
    /// One outcome's worth: the same for every row, or one value per row.
    package enum Amount: Equatable, Sendable {
        case constant(Double)
        case perRow([Double])

        /// The amount for `row`; `perRow` lengths are checked by `validate`.
        @inline(__always)
        func at(_ row: Int) -> Double {
            switch self {
            case .constant(let value): value
            case .perRow(let values): values[row]
            }
        }

        var isConstant: Bool {
            if case .constant = self { return true }
            return false
        }
    }

    package var tp: Amount
    package var fp: Amount
    package var fn: Amount
    package var tn: Amount

    package init(tp: Amount, fp: Amount, fn: Amount, tn: Amount) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.tn = tn
    }

    /// The four amounts with their roles, in the order messages list them.
    var named: [(MetricArgument, Amount)] {
        [
            (.payoff(.truePositive), tp), (.payoff(.falsePositive), fp), (.payoff(.falseNegative), fn),
            (.payoff(.trueNegative), tn),
        ]
    }

    /// Every amount constant: a profit is then counts times prices.
    var isConstant: Bool {
        tp.isConstant && fp.isConstant && fn.isConstant && tn.isConstant
    }

    /// Per-row amounts have one finite value per row; constants are finite.
    ///
    /// An infinite payoff would make every profit infinite or NaN, so it is refused up
    /// front rather than turned into an undefined result at the end.
    func validate(rows: Int) throws(MetricError) {
        for (name, amount) in named {
            switch amount {
            case .constant(let value):
                if !value.isFinite {
                    throw .invalidParameter(name, value: value, .finite)
                }
            case .perRow(let values):
                if values.count != rows {
                    throw .lengthMismatch(name, count: values.count, expected: rows)
                }
                if let index = Scan.firstIndex(values, where: { !$0.isFinite }) {
                    if values[index].isNaN {
                        throw .missingValue(name, row: index)
                    }
                    throw .invalidValue(name, row: index, value: values[index], .finiteAmount)
                }
            }
        }
    }

    /// What row `row` is worth when flagged (`act`) or not, given its label.
    @inline(__always)
    func value(row: Int, positive: Bool, act: Bool) -> Double {
        switch (positive, act) {
        case (true, true): tp.at(row)
        case (false, true): fp.at(row)
        case (true, false): fn.at(row)
        case (false, false): tn.at(row)
        }
    }
}
