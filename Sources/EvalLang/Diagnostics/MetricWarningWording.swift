import EvalMetrics

extension MetricWarning {
    /// Whether this is a note about how a result was computed (or which fields of a
    /// readout are undefined), rather than the reason a whole result is undefined.
    var isNote: Bool {
        switch self {
        case .pooledRateZero, .pooledRateOne, .zeroBaselineRate, .constantSamples, .twoObservations, .twoPointFit,
            .constantResponseFit, .constantPredictorFit, .overflow, .constantInput, .mergedBins, .flooredBins,
            .noScores, .actingOnNoOneIsBest, .queriesLeftOut, .sampleSizeAtMinimum, .noRateForEffect:
            true
        default: false
        }
    }

    /// The reason (or note) in the calling builtin's words; `classes` names class and
    /// label codes as the user's data spells them.
    package func words(_ names: MetricNames, classes: [String] = []) -> String {
        let y = names.name(of: .truth)
        let yhat = names.name(of: .prediction)
        let zeroDivision = " (`zero_division:` sets a value)"
        func named(_ code: Int) -> String { code >= 0 && code < classes.count ? classes[code] : String(code) }
        switch self {
        case .noRows: return "the group is empty"
        case .zeroWeights: return "sample weights sum to zero"
        case .oneClass: return "only one class present in \(y)"
        case .positivesWithoutWeight: return "all positive samples have zero weight"
        case .negativesWithoutWeight: return "all negative samples have zero weight"
        case .classWithoutWeight: return "one class of \(y) carries no weight"
        case .noPositives: return "\(y) has no positive samples"
        case .constantTruthR2, .constantTruthExplainedVariance: return "\(y) is constant (zero total variance)"
        case .constantPredictionOrTruth: return "\(y) or \(yhat) is constant"
        case .oneSharedLabel: return "\(y) and \(yhat) have only one label in common"
        case .notFinite: return "the result is not a finite number because the input holds infinite values"
        case .sampleWeightsZero(let sample): return "`\(names.name(of: .sampleWeights(sample)))` sum to zero"
        case .noPredictedPositive(let subject):
            switch subject {
            case .all: return "nothing is predicted positive" + zeroDivision
            case .classCode(let c): return "class `\(named(c))` is never predicted" + zeroDivision
            case .label(let c): return "label `\(named(c))` is never predicted" + zeroDivision
            case .row(let r): return "row \(r) has no predicted labels" + zeroDivision
            }
        case .noTruePositive(let subject):
            switch subject {
            case .all: return "\(y) has no positive samples" + zeroDivision
            case .classCode(let c): return "class `\(named(c))` does not occur in \(y)" + zeroDivision
            case .label(let c): return "label `\(named(c))` is never true" + zeroDivision
            case .row(let r): return "row \(r) has no true labels" + zeroDivision
            }
        case .noTrueNegative: return "\(y) has no negative samples" + zeroDivision
        case .noPositiveAtAll(let subject):
            switch subject {
            case .all: return "there are no true and no predicted positives" + zeroDivision
            case .classCode(let c): return "class `\(named(c))` is neither in \(y) nor predicted" + zeroDivision
            case .label(let c): return "label `\(named(c))` is neither true nor predicted" + zeroDivision
            case .row(let r): return "row \(r) has no true and no predicted labels" + zeroDivision
            }
        case .noRelevantItems: return "no group has a relevant item"
        case .noWeightedQuery: return "no query with a defined value carries weight"
        case .queriesLeftOut(let count, let of):
            let one = count == 1
            let them = one ? "it" : "them"
            let like = names.function == "ndcg" ? ", as scikit-learn's ndcg_score does" : ""
            return "\(count) of \(of) \(of == 1 ? "query" : "queries") \(one ? "has" : "have") no relevant item and "
                + "\(one ? "is" : "are") left out of the mean; `empty: \"zero\"` scores \(them) 0\(like), "
                + "`empty: \"skip\"` leaves \(them) out without this note"
        case .noScores: return "there are no scores to choose a threshold from"
        case .actingOnNoOneIsBest: return "acting on no one earns more than any threshold, so no threshold is best"
        case .pooledRateZero:
            return "conv_a and conv_b are both 0 (pooled rate 0), so the z statistic and p_value are undefined"
        case .pooledRateOne:
            return "every trial converted in both groups (pooled rate 1), so the z statistic and p_value are undefined"
        case .zeroBaselineRate: return "conv_a is 0, so the relative lift over group A is undefined"
        case .constantSamples:
            return "\(names.name(of: .sample(0))) and \(names.name(of: .sample(1))) are both constant (zero variance), "
                + "so the t statistic, p_value and interval are undefined"
        case .twoObservations:
            return "with 2 observations there are no residual degrees of freedom, so p_value is undefined"
        case .twoPointFit:
            return "a line through 2 points leaves no residual degrees of freedom, "
                + "so p_value and the standard errors are undefined"
        case .constantResponseFit:
            return
                "\(names.name(of: .sample(1))) is constant (zero variance), so r, r_squared and p_value are undefined"
        case .constantPredictorFit:
            return
                "\(names.name(of: .sample(0))) is constant (zero variance), so the slope of a linear fit is undefined"
        case .overflow:
            return "the input values are too large (or too close together) for the result to be a finite number"
        case .constantInput(let first, let second):
            let both = first && second
            let which =
                both
                ? "\(names.name(of: .sample(0))) and \(names.name(of: .sample(1)))"
                : names.name(of: .sample(first ? 0 : 1))
            return "\(which) \(both ? "are" : "is") constant, so the correlation is undefined"
        case .sampleSizeAtMinimum(let minimum):
            return "\(NumberFormat.human(minimum)) per group, the smallest t-test searched, already has the power"
        case .noRateForEffect:
            return "no conversion rate in [0, 1] is that far from the baseline, so mde is undefined"
        case .mergedBins(let requested, let kept):
            return "\(names.name(of: .sample(0))) has tied values at its quantiles, "
                + "so the \(requested) requested bins merge into \(kept)"
        case .flooredBins(let floored, let of, let floor):
            return "\(floored) of \(of) bins are empty in \(names.name(of: .sample(0))) or "
                + "\(names.name(of: .sample(1))); their empty shares were floored at \(floor) so PSI stays finite"
        }
    }
}

extension Interpreter {
    /// Warns, in the one wording every builtin shares, that its result is undefined
    /// (`` `roc_auc` is undefined for group EU: only one class present in y ``), that a
    /// part of it is (`part`: "precision"), or notes how it was computed.
    mutating func warn(
        _ warning: MetricWarning, _ args: Arguments, group: String? = nil, part: String? = nil,
        classes: [String] = []
    ) {
        let names = MetricNames(args, group: group)
        let words = warning.words(names, classes: classes)
        let place = group.map { " for group \($0)" } ?? ""
        let text: String
        if warning.isNote {
            text = "`\(args.function)`\(place): \(words)"
        } else if let part {
            text = "`\(args.function)`\(place): \(part) is undefined: \(words)"
        } else {
            text = "`\(args.function)` is undefined\(place): \(words)"
        }
        session.warn(text, at: args.callSpan)
    }
}

extension Arguments {
    /// A kernel's error as this call's runtime error, at the span of the argument it is
    /// about (the call when the argument was not written).
    func metricError(_ error: MetricError, group: String? = nil) -> RuntimeError {
        let names = MetricNames(self, group: group)
        // A payoff's amounts are fields of the one `payoff` argument.
        let written = if case .payoff = error.argument { "payoff" } else { names.name(of: error.argument) }
        let span = item(written)?.span ?? callSpan
        return .metric(error, names, span)
    }
}
