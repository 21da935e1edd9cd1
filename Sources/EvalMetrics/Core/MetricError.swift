/// Why a metric could not be computed from its input (wrong input, not undefined results).
///
/// SPEC §5 separates two failure modes: input that is wrong (this type, raised as an
/// error) and input that is valid but leaves the metric undefined (a `MetricResult` with
/// a nil value and a `MetricWarning`). Kernels validate their input once, here; each case
/// names the argument by its role and the row (0-based, as the cell language's `c[i]`),
/// and EvalLang words it with the names of the builtin that called.
package enum MetricError: Error, Equatable, Sendable {
    /// An argument's length differs from the truth's (`y`'s).
    case lengthMismatch(MetricArgument, count: Int, expected: Int)
    /// The truth has no values, so there is nothing to average.
    case empty
    /// A NaN (the column representation of a missing value) in an argument.
    case missingValue(MetricArgument, row: Int)
    /// A probability below 0 or above 1 (infinities included) in the prediction.
    case probabilityOutOfRange(row: Int, value: Double)
    /// A binary label in the truth that is neither 0 nor 1.
    case notBinary(row: Int, value: Double)
    /// A sample weight below zero.
    case negativeWeight(row: Int, value: Double)
    /// A value outside what the argument allows (a prediction that is not 0 or 1, a class
    /// code outside `0..<k`, a target at or below −1 for msle).
    case invalidValue(MetricArgument, row: Int, value: Double, MetricRequirement)
    /// An option or scalar argument outside its range (`alpha` above 1, `k` below 1).
    case invalidParameter(MetricArgument, value: Double, MetricRequirement)
    /// A sample with fewer values than the statistic needs.
    case tooFewValues(MetricArgument, count: Int, needed: Int)
    /// Two arguments that must have the same length but do not (a sample and its weights).
    case unequalLengths(MetricArgument, count: Int, other: MetricArgument, otherCount: Int)

    /// The argument the error is about, where it names one.
    package var argument: MetricArgument {
        switch self {
        case .lengthMismatch(let a, _, _), .missingValue(let a, _), .invalidValue(let a, _, _, _),
            .invalidParameter(let a, _, _), .tooFewValues(let a, _, _), .unequalLengths(let a, _, _, _):
            a
        case .empty, .notBinary: .truth
        case .probabilityOutOfRange: .prediction
        case .negativeWeight: .weights
        }
    }
}

/// Which argument of a kernel a problem is in, by role; EvalLang maps each to the name
/// the calling builtin gives it (`y`, `p`, `scores`, `conv_a`, `alpha:` …).
package enum MetricArgument: Equatable, Sendable {
    /// The truth: labels or targets (`y`).
    case truth
    /// The prediction: labels, scores, probabilities or a probability table.
    case prediction
    /// Sample weights.
    case weights
    /// One sample of a two-sample statistic (0 = first: `a`, `u`, `x`, `expected`; 1 = second).
    case sample(Int)
    /// The weights of one sample of a two-sample statistic.
    case sampleWeights(Int)
    /// Conversions (0 = group A, 1 = group B, nil = the one group of an interval).
    case successes(Int?)
    /// Trials, in the same numbering as `successes`.
    case trials(Int?)
    /// Graded relevance of ranked items.
    case relevance
    /// The query (group) of each ranked item.
    case groups
    /// A payoff matrix.
    case payoffMatrix
    /// One amount of a payoff.
    case payoff(PayoffCell)
    /// A named option.
    case option(MetricOption)

    /// The four cells a payoff gives an amount to.
    package enum PayoffCell: Equatable, Sendable {
        case truePositive, falsePositive, falseNegative, trueNegative
    }
}

/// The options kernels check; EvalLang knows their names.
package enum MetricOption: Equatable, Sendable {
    case alpha, at, baseline, beta, bins, classes, delta, effectSize, k, level, mde, n, power, ratio
    case zeroDivision
}

/// What an argument must be, for messages and help.
package enum MetricRequirement: Equatable, Sendable {
    /// 0 or 1.
    case binary
    /// A finite number (no infinity).
    case finite
    /// A finite amount of money or payoff.
    case finiteAmount
    /// At least the bound.
    case atLeast(Double)
    /// At most the bound.
    case atMost(Double)
    /// Strictly greater than the bound.
    case greaterThan(Double)
    /// Greater than the test's alpha (a power target).
    case greaterThanAlpha(Double)
    /// Zero or positive.
    case nonNegative
    /// Positive and finite.
    case positiveFinite
    /// In [0, 1].
    case closedUnit
    /// In (0, 1).
    case openUnit
    /// In (0, 1].
    case leftOpenUnit
    /// A proportion in [0, 1].
    case proportion
    /// Greater than −1 (msle's targets).
    case aboveMinusOne
    /// A class code in `0..<classes`.
    case classCode(classes: Int)
    /// A probability table as wide as the number of labels.
    case tableWidth(labels: Int)
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// A whole number of at least 1.
    case wholeAtLeastOne
    /// A whole number from 0 up to the trials it belongs with.
    case wholeUpTo(Double, of: MetricArgument)
    /// A length that is a multiple of the number of classes.
    case multipleOfClasses(Int)
    /// A square payoff matrix of classes × classes values.
    case squareMatrix(classes: Int)
    /// A detectable effect that keeps baseline + effect in [0, 1].
    case effectWithinUnit
    /// A non-zero change (no sample size detects a zero change).
    case nonZero
    /// Finite relevance of 0 or more.
    case relevance
    /// Positive, as the alternative "larger" tests for an increase.
    case positiveForLarger
    /// Negative, as the alternative "smaller" tests for a decrease.
    case negativeForSmaller
    /// A t-test size above the bound, so that n_a + n_b > 2 leaves degrees of freedom.
    case positiveDegreesOfFreedom(minimum: Double)
    /// Large enough that some sample size below 1e15 (or some effect) reaches the power.
    case detectable
}
