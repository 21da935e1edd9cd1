import EvalMetrics

/// What a builtin calls the arguments its kernel knows by role, so kernel errors and
/// warnings read in the user's words: `p`, not `scores`; `a`, not `u`.
package struct MetricNames: Sendable, Equatable {
    /// The builtin's name.
    package var function: String
    /// The builtin's positional inputs in order: truth then prediction, or first then
    /// second sample.
    package var inputs: [String]
    /// The `by:` group the kernel ran for, if any.
    package var group: String?

    package init(function: String, inputs: [String], group: String? = nil) {
        self.function = function
        self.inputs = inputs
        self.group = group
    }

    /// The names of the builtin that `args` calls.
    init(_ args: Arguments, group: String? = nil) {
        self.init(function: args.function, inputs: args.inputs, group: group)
    }

    /// The name the user wrote for `argument` (without backticks).
    package func name(of argument: MetricArgument) -> String {
        switch argument {
        case .truth: input(0, or: "y")
        case .prediction: input(1, or: "yhat")
        case .weights: "weights"
        case .sample(let i): input(i, or: i == 0 ? "a" : "b")
        case .sampleWeights(let i): input(i, or: i == 0 ? "a" : "b") + "_weights"
        case .successes(let group): group.map { $0 == 0 ? "conv_a" : "conv_b" } ?? "k"
        case .trials(let group): group.map { $0 == 0 ? "n_a" : "n_b" } ?? "n"
        case .relevance: input(0, or: "relevance")
        case .groups: "group"
        case .payoffMatrix: "matrix"
        case .payoff(let cell): Self.payoffName(cell)
        case .option(let option): Self.optionName(option)
        }
    }

    private func input(_ i: Int, or fallback: String) -> String {
        i < inputs.count ? inputs[i] : fallback
    }

    private static func payoffName(_ cell: MetricArgument.PayoffCell) -> String {
        switch cell {
        case .truePositive: "tp"
        case .falsePositive: "fp"
        case .falseNegative: "fn"
        case .trueNegative: "tn"
        }
    }

    /// The option names of the cell language: one table, so a kernel never spells one.
    static func optionName(_ option: MetricOption) -> String {
        switch option {
        case .alpha: "alpha"
        case .at: "at"
        case .baseline: "baseline"
        case .beta: "beta"
        case .bins: "bins"
        case .classes: "classes"
        case .delta: "delta"
        case .effectSize: "effect_size"
        case .k: "k"
        case .level: "level"
        case .mde: "mde"
        case .n: "n"
        case .power: "power"
        case .ratio: "ratio"
        case .zeroDivision: "zero_division"
        }
    }

    /// Where a message about this call's group goes: ` (group EU)` or nothing.
    var groupSuffix: String { group.map { " (group \($0))" } ?? "" }
}

extension MetricError {
    /// The message and help a user reads, in the calling builtin's names; rows count
    /// from 0, as `y[0]` does.
    package func words(_ names: MetricNames) -> (message: String, help: String?) {
        let n = { (a: MetricArgument) in "`\(names.name(of: a))`" }
        let message: String
        var help: String?
        switch self {
        case .lengthMismatch(let a, let count, let expected):
            message = "\(n(a)) has \(count) \(Self.values(count)) but \(n(.truth)) has \(expected)"
        case .empty:
            message = "\(n(.truth)) is empty, so there is nothing to compute the metric over"
        case .missingValue(let a, let row):
            (message, help) = Self.missing(names.name(of: a), of: names.function, row: row)
        case .probabilityOutOfRange(let row, let value):
            message =
                "\(n(.prediction)) must hold probabilities in [0, 1], but row \(row) is \(NumberFormat.exact(value))"
        case .notBinary(let row, let value):
            message = "\(n(.truth)) must hold binary labels 0 or 1, but row \(row) is \(NumberFormat.exact(value))"
            help = "for other labels, say which is positive with `pos_label:`"
        case .negativeWeight(let row, let value):
            message = "\(n(.weights)) must not be negative, but row \(row) is \(NumberFormat.exact(value))"
        case .invalidValue(let a, let row, let value, let requirement):
            message =
                "\(n(a)) must hold \(requirement.values(names)), but row \(row) is \(NumberFormat.exact(value))"
        case .invalidParameter(let a, let value, let requirement):
            message = "\(n(a)) must be \(requirement.value(names)), but is \(NumberFormat.exact(value))"
        case .tooFewValues(let a, let count, let needed):
            message = "\(n(a)) needs at least \(needed) \(Self.values(needed)), but has \(count)"
        case .unequalLengths(let a, let count, let other, let otherCount):
            message = "\(n(a)) has \(count) \(Self.values(count)) but \(n(other)) has \(otherCount)"
        }
        return (message + names.groupSuffix, help)
    }

    private static func values(_ count: Int) -> String {
        count == 1 ? "value" : "values"
    }

    /// The one wording of a missing value, for kernels and for the conversions that
    /// check completeness themselves.
    static func missing(_ name: String, of function: String, row: Int) -> (message: String, help: String) {
        (
            "`\(name)` of `\(function)` has a missing value at row \(row)",
            "drop or fill missing rows first, e.g. with filter(t, not is_missing(t.col)) or fill_missing"
        )
    }
}

extension MetricRequirement {
    /// As the complement of "must be": "in [0, 1]", "a finite number".
    func value(_ names: MetricNames) -> String {
        switch self {
        case .binary: "0 or 1"
        case .finite: "a finite number"
        case .finiteAmount: "a finite amount"
        case .atLeast(let x): "at least \(NumberFormat.exact(x))"
        case .atMost(let x): "at most \(NumberFormat.exact(x))"
        case .greaterThan(let x): "greater than \(NumberFormat.exact(x))"
        case .greaterThanAlpha(let alpha): "greater than alpha (\(alpha))"
        case .nonNegative: "zero or positive"
        case .positiveFinite: "positive and finite"
        case .closedUnit: "in [0, 1]"
        case .openUnit: "in (0, 1)"
        case .leftOpenUnit: "in (0, 1]"
        case .proportion: "a proportion in [0, 1]"
        case .aboveMinusOne: "greater than -1"
        case .classCode(let classes): "a class code in 0...\(classes - 1)"
        case .tableWidth(let labels): "as wide as `\(names.name(of: .truth))` (\(labels) labels)"
        case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .wholeAtLeastOne: "a whole number of at least 1"
        case .wholeUpTo(let bound, let of):
            "a whole number in 0...\(NumberFormat.exact(bound)) (at most `\(names.name(of: of))`)"
        case .multipleOfClasses(let classes): "a multiple of the \(classes) classes in length"
        case .squareMatrix(let classes):
            "\(classes) × \(classes) = \(classes * classes) values (rows true class, columns predicted)"
        case .effectWithinUnit: "such that baseline + mde lies in [0, 1]"
        case .nonZero: "non-zero (no sample size detects a zero change)"
        case .relevance: "finite relevance of 0 or more"
        case .positiveForLarger: "positive with alternative: \"larger\", which tests for an increase"
        case .negativeForSmaller: "negative with alternative: \"smaller\", which tests for a decrease"
        case .positiveDegreesOfFreedom(let minimum):
            "greater than \(NumberFormat.human(minimum)) (a t-test needs n_a + n_b > 2)"
        case .detectable: "large enough to detect with fewer than 1e15 observations"
        }
    }

    /// As the complement of "must hold": "finite numbers", "class codes in 0...4".
    func values(_ names: MetricNames) -> String {
        switch self {
        case .binary: "0 or 1"
        case .finite: "finite numbers"
        case .finiteAmount: "finite amounts"
        case .aboveMinusOne: "values greater than -1"
        case .classCode(let classes): "class codes in 0...\(classes - 1)"
        case .relevance: "finite relevance of 0 or more"
        case .nonNegative: "values that are not negative"
        default: "values " + value(names)
        }
    }
}
