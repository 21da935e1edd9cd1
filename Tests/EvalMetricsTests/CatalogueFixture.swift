import EvalMetrics
import Foundation
import Testing

/// An option value in a catalogue case: a number, a string or a flag.
enum CatalogueOption: Decodable, Sendable {
    case number(Double)
    case text(String)
    case flag(Bool)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}

/// One case of `Fixtures/metrics_reference_catalogue.json`, with its inputs resolved.
struct CatalogueCase: Sendable, CustomTestStringConvertible {
    var name: String
    var metric: String
    var y: [Double]
    var x: [Double]
    var table: [Double]
    var weights: [Double]?
    var group: [Int]?
    var options: [String: CatalogueOption]
    /// Present for scalar cases; nil inside means "undefined".
    var expected: Double??
    var arrays: [String: [Double?]]?

    var testDescription: String { name }

    var codes: [Int] { y.map { Int($0) } }
    var predictedCodes: [Int] { x.map { Int($0) } }

    func number(_ key: String) -> Double? {
        if case .number(let value)? = options[key] { return value }
        return nil
    }

    func text(_ key: String) -> String? {
        if case .text(let value)? = options[key] { return value }
        return nil
    }

    func flag(_ key: String) -> Bool? {
        if case .flag(let value)? = options[key] { return value }
        return nil
    }

    var classes: Int { Int(number("classes") ?? 2) }

    /// `k`, where 0 in the fixture means "no cutoff".
    var cutoff: Int? { number("k").flatMap { $0 == 0 ? nil : Int($0) } }
}

/// The decoded catalogue fixture, written by `scripts/reference/metrics_catalogue_fixtures.py`.
struct CatalogueFixture: Decodable, Sendable {
    struct RawCase: Decodable, Sendable {
        var name: String
        var metric: String
        var y: String
        var x: String?
        var P: String?
        var weights: String?
        var group: String?
        var options: [String: CatalogueOption]
        var expected: Double?
        var arrays: [String: [Double?]]?
    }

    var generator: String
    var versions: [String: String]
    var inputs: [String: [Double?]]
    var cases: [RawCase]

    static func load() throws -> CatalogueFixture {
        guard
            let url = Bundle.module.url(
                forResource: "metrics_reference_catalogue", withExtension: "json", subdirectory: "Fixtures"
            )
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(CatalogueFixture.self, from: Data(contentsOf: url))
    }

    /// Cases with their named inputs filled in.
    var resolved: [CatalogueCase] {
        func input(_ id: String?) -> [Double]? {
            id.flatMap { inputs[$0] }.map { $0.map { $0 ?? .nan } }
        }
        return cases.map { raw in
            CatalogueCase(
                name: raw.name, metric: raw.metric, y: input(raw.y) ?? [], x: input(raw.x) ?? [],
                table: input(raw.P) ?? [], weights: input(raw.weights),
                group: input(raw.group).map { $0.map { Int($0) } }, options: raw.options,
                expected: raw.arrays == nil ? .some(raw.expected) : nil, arrays: raw.arrays
            )
        }
    }

    static let cases: [CatalogueCase] = (try? load().resolved) ?? []
}

/// What a catalogue case computes: a scalar result, or named arrays (nil when undefined).
struct CatalogueOutput {
    var scalar: MetricResult<Double>?
    var arrays: [String: [Double?]]?
    var warning: MetricWarning?
}

extension MetricResult {
    /// Named arrays of a structured result, or nil with the warning.
    func named(_ body: (Value) -> [String: [Double?]]) -> CatalogueOutput {
        CatalogueOutput(scalar: nil, arrays: value.map(body), warning: warning)
    }
}

/// Runs the metric a catalogue case names.
func evaluate(_ c: CatalogueCase) throws -> CatalogueOutput {
    let w = c.weights
    let zd = c.number("zero_division")
    let beta = c.number("beta") ?? 1
    let average = c.text("average").flatMap(Average.init(rawValue:)) ?? .macro
    let weighting = c.text("weighting").flatMap(KappaWeighting.init(rawValue:)) ?? .none
    func scalar(_ result: MetricResult<Double>) -> CatalogueOutput {
        CatalogueOutput(scalar: result, arrays: nil, warning: result.warning)
    }
    func optional(_ values: [MetricResult<Double>]) -> [Double?] { values.map(\.value) }
    switch c.metric {
    case "mape": return scalar(try Metrics.mape(c.y, c.x, weights: w))
    case "median_ae": return scalar(try Metrics.medianAe(c.y, c.x, weights: w))
    case "max_error": return scalar(try Metrics.maxError(c.y, c.x, weights: w))
    case "explained_variance": return scalar(try Metrics.explainedVariance(c.y, c.x, weights: w))
    case "msle": return scalar(try Metrics.msle(c.y, c.x, weights: w))
    case "rmsle": return scalar(try Metrics.rmsle(c.y, c.x, weights: w))
    case "pinball": return scalar(try Metrics.pinball(c.y, c.x, alpha: c.number("alpha") ?? 0.5, weights: w))
    case "huber": return scalar(try Metrics.huber(c.y, c.x, delta: c.number("delta") ?? 1, weights: w))
    case "precision": return scalar(try Metrics.precision(c.y, c.x, zeroDivision: zd, weights: w))
    case "recall": return scalar(try Metrics.recall(c.y, c.x, zeroDivision: zd, weights: w))
    case "f1": return scalar(try Metrics.f1(c.y, c.x, zeroDivision: zd, weights: w))
    case "fbeta": return scalar(try Metrics.fbeta(c.y, c.x, beta: beta, zeroDivision: zd, weights: w))
    case "specificity": return scalar(try Metrics.specificity(c.y, c.x, zeroDivision: zd, weights: w))
    case "balanced_accuracy": return scalar(try Metrics.balancedAccuracy(c.y, c.x, weights: w))
    case "mcc": return scalar(try Metrics.mcc(c.y, c.x, weights: w))
    case "cohen_kappa": return scalar(try Metrics.cohenKappa(c.y, c.x, weighting: weighting, weights: w))
    case "confusion":
        let m = try Metrics.confusion(c.y, c.x, weights: w)
        return CatalogueOutput(scalar: nil, arrays: ["counts": [m.tp, m.fp, m.fn, m.tn]], warning: nil)
    case "per_class":
        let rows = try Metrics.perClass(
            c.codes, c.predictedCodes, classes: c.classes, beta: beta, zeroDivision: zd, weights: w)
        return CatalogueOutput(
            scalar: nil,
            arrays: [
                "label": rows.map { Double($0.label) }, "precision": optional(rows.map(\.precision)),
                "recall": optional(rows.map(\.recall)), "fscore": optional(rows.map(\.fscore)),
                "support": rows.map(\.support),
            ], warning: nil)
    case "mc_precision":
        return scalar(
            try Metrics.precision(
                c.codes, c.predictedCodes, classes: c.classes, average: average, zeroDivision: zd, weights: w))
    case "mc_recall":
        return scalar(
            try Metrics.recall(
                c.codes, c.predictedCodes, classes: c.classes, average: average, zeroDivision: zd, weights: w))
    case "mc_fbeta":
        return scalar(
            try Metrics.fbeta(
                c.codes, c.predictedCodes, classes: c.classes, beta: beta, average: average, zeroDivision: zd,
                weights: w))
    case "mc_accuracy": return scalar(try Metrics.accuracy(c.codes, c.predictedCodes, classes: c.classes, weights: w))
    case "mc_mcc": return scalar(try Metrics.mcc(c.codes, c.predictedCodes, classes: c.classes, weights: w))
    case "mc_cohen_kappa":
        return scalar(
            try Metrics.cohenKappa(c.codes, c.predictedCodes, classes: c.classes, weighting: weighting, weights: w))
    case "confusion_matrix":
        let m = try Metrics.confusionMatrix(c.codes, c.predictedCodes, classes: c.classes, weights: w)
        return CatalogueOutput(scalar: nil, arrays: ["matrix": m.counts], warning: nil)
    case "classification_report":
        let r = try Metrics.classificationReport(
            c.codes, c.predictedCodes, classes: c.classes, zeroDivision: zd, weights: w)
        func row(_ a: AveragedScores) -> [Double?] { [a.precision.value, a.recall.value, a.fscore.value, a.support] }
        return CatalogueOutput(
            scalar: nil,
            arrays: [
                "precision": optional(r.classes.map(\.precision)), "recall": optional(r.classes.map(\.recall)),
                "fscore": optional(r.classes.map(\.fscore)), "support": r.classes.map(\.support),
                "accuracy": [r.accuracy.value], "macro": row(r.macro), "weighted": row(r.weighted),
            ], warning: nil)
    case "top_k":
        let table = try ProbabilityTable(rowMajor: c.table, classes: c.classes)
        return scalar(try Metrics.topKAccuracy(c.codes, table, k: Int(c.number("k") ?? 1), weights: w))
    case "cross_entropy":
        let table = try ProbabilityTable(rowMajor: c.table, classes: c.classes)
        return scalar(try Metrics.crossEntropy(c.codes, table, weights: w))
    case "brier": return scalar(try Metrics.brier(c.y, c.x, weights: w))
    case "sweep_roc_auc": return scalar(try Metrics.scoreSweep(c.y, c.x, weights: w).rocAuc())
    case "average_precision": return scalar(try Metrics.averagePrecision(c.y, c.x, weights: w))
    case "pr_auc": return scalar(try Metrics.prAuc(c.y, c.x, weights: w))
    case "ks": return scalar(try Metrics.ks(c.y, c.x, weights: w))
    case "lift": return scalar(try Metrics.lift(c.y, c.x, at: c.number("at") ?? 0.1, weights: w))
    case "roc_curve":
        return try Metrics.rocCurve(c.y, c.x, dropIntermediate: c.flag("drop_intermediate") ?? true, weights: w)
            .named { ["fpr": $0.fpr, "tpr": $0.tpr, "thresholds": $0.thresholds] }
    case "pr_curve":
        return try Metrics.prCurve(c.y, c.x, dropIntermediate: c.flag("drop_intermediate") ?? false, weights: w)
            .named { ["precision": $0.precision, "recall": $0.recall, "thresholds": $0.thresholds] }
    case "gain_curve":
        return try Metrics.gainCurve(c.y, c.x, weights: w)
            .named { ["thresholds": $0.thresholds, "fraction": $0.fraction, "gain": $0.gain] }
    case "calibration":
        let strategy = c.text("strategy").flatMap(CalibrationStrategy.init(rawValue:)) ?? .uniform
        return try Metrics.calibration(c.y, c.x, bins: Int(c.number("bins") ?? 5), strategy: strategy, weights: w)
            .named {
                ["bin": $0.bin.map(Double.init), "count": $0.count, "prob_pred": $0.probPred, "prob_true": $0.probTrue]
            }
    case "ece": return scalar(try Metrics.ece(c.y, c.x, bins: Int(c.number("bins") ?? 10), weights: w))
    case "mce": return scalar(try Metrics.mce(c.y, c.x, bins: Int(c.number("bins") ?? 10), weights: w))
    case "hamming_loss", "subset_accuracy", "ml_per_class", "ml_precision", "ml_recall", "ml_fscore":
        return try evaluateMultilabel(c)
    case "dcg":
        let gain = c.text("gain").flatMap(RankingGain.init(rawValue:)) ?? .linear
        return scalar(try Metrics.dcg(c.y, c.x, group: c.group, k: c.cutoff, gain: gain))
    case "ndcg":
        let gain = c.text("gain").flatMap(RankingGain.init(rawValue:)) ?? .linear
        return scalar(try Metrics.ndcg(c.y, c.x, group: c.group, k: c.cutoff, gain: gain))
    case "lrap": return scalar(try Metrics.lrap(c.y, c.x, group: c.group))
    case "coverage_error": return scalar(try Metrics.coverageError(c.y, c.x, group: c.group))
    case "ranking_loss": return scalar(try Metrics.rankingLoss(c.y, c.x, group: c.group))
    default: throw CocoaError(.featureUnsupported)
    }
}

/// The multilabel cases: `y` and `x` are row-major indicator tables `classes` wide.
func evaluateMultilabel(_ c: CatalogueCase) throws -> CatalogueOutput {
    let y = try ProbabilityTable(rowMajor: c.y, classes: c.classes)
    let yhat = try ProbabilityTable(rowMajor: c.x, classes: c.classes)
    let w = c.weights
    let zd = c.number("zero_division")
    let average = c.text("average").flatMap(MultilabelAverage.init(rawValue:)) ?? .macro
    func scalar(_ result: MetricResult<Double>) -> CatalogueOutput {
        CatalogueOutput(scalar: result, arrays: nil, warning: result.warning)
    }
    switch c.metric {
    case "hamming_loss": return scalar(try Metrics.hammingLoss(y, yhat, weights: w))
    case "subset_accuracy": return scalar(try Metrics.subsetAccuracy(y, yhat, weights: w))
    case "ml_per_class":
        let rows = try Metrics.multilabelPerClass(y, yhat, zeroDivision: zd, weights: w)
        return CatalogueOutput(
            scalar: nil,
            arrays: [
                "precision": rows.map(\.precision.value), "recall": rows.map(\.recall.value),
                "fscore": rows.map(\.fscore.value), "support": rows.map(\.support),
            ], warning: nil)
    default:
        let scores = try Metrics.multilabelScores(y, yhat, average: average, zeroDivision: zd, weights: w)
        switch c.metric {
        case "ml_precision": return scalar(scores.precision)
        case "ml_recall": return scalar(scores.recall)
        default: return scalar(scores.fscore)
        }
    }
}
