/// What every model format (XGBoost JSON, LightGBM text, ONNX) provides once loaded:
/// a description and a batch prediction over feature columns.
///
/// Formats are value types; loading parses the whole file up front, so a bad file fails
/// at `load_model` with its path, never half-way through a prediction.
package protocol ModelFormat: Sendable {
    var info: ModelInfo { get }
    /// Predicts every row. `features` holds one column per entry of `info.features`, in
    /// that order, all of the same length; NaN is a missing value. With `margin` the raw
    /// scores before the link function (log-odds, softmax inputs) are returned.
    func predict(_ features: [[Double]], margin: Bool) -> ModelPrediction
    /// Predicts every row from columns of the kinds `info.featureTypes` names (numbers, or
    /// strings for an ONNX pipeline's categorical inputs); an input the model cannot take
    /// (a category it refuses) is an error naming the model's reason.
    func predict(columns: [FeatureColumn], margin: Bool) throws(ModelError) -> ModelPrediction
}

extension ModelFormat {
    /// Formats of numeric features only: string columns never reach them (the caller
    /// checks `featureTypes`), so they predict from the numbers.
    package func predict(columns: [FeatureColumn], margin: Bool) throws(ModelError) -> ModelPrediction {
        predict(
            columns.map {
                switch $0 {
                case .numbers(let v): v
                case .strings(let v): [Double](repeating: .nan, count: v.count)
                }
            }, margin: margin)
    }
}

/// What a model's feature takes.
package enum FeatureType: Sendable, Equatable {
    /// A number; NaN is missing.
    case number
    /// A whole number (an ONNX int64 input): no missing values, no fractions.
    case integer
    /// A string (an ONNX string input, such as a category for a OneHotEncoder).
    case string
}

/// One feature's values for a batch.
package enum FeatureColumn: Sendable, Equatable {
    case numbers([Double])
    case strings([String])

    package var count: Int {
        switch self {
        case .numbers(let v): v.count
        case .strings(let v): v.count
        }
    }
}

/// What a model predicts for, which decides the shape of its output.
package enum ModelTask: Sendable, Equatable {
    /// One column: the probability of the positive class (or its margin).
    case binary
    /// One column: the predicted value.
    case regression
    /// One column per class: probabilities (or margins), rows summing to one.
    case multiclass(classes: Int)

    package var width: Int {
        switch self {
        case .binary, .regression: 1
        case .multiclass(let k): k
        }
    }
}

/// A model's description, for `describe(model)` and for matching features to columns.
package struct ModelInfo: Sendable, Equatable {
    /// "xgboost", "lightgbm" or "onnx".
    package var format: String
    /// The training objective as the library names it (`binary:logistic`, `multiclass`,
    /// `TreeEnsembleClassifier`…).
    package var objective: String
    package var task: ModelTask
    /// Feature names in the order `predict` takes the columns.
    package var features: [String]
    /// Whether `features` are names the model was trained with, rather than ones made up
    /// for a model trained on an unnamed array (XGBoost's `f0`…, LightGBM's `Column_0`…,
    /// an ONNX model with one matrix input): only named features can be matched to
    /// columns by name with any confidence.
    package var namedFeatures: Bool
    /// What each feature takes, in `features` order.
    package var featureTypes: [FeatureType]
    /// Trees in the ensemble (0 for linear models).
    package var trees: Int
    /// Class labels in output-column order, when the file names them (ONNX classifiers).
    package var classLabels: [String]?

    package init(
        format: String, objective: String, task: ModelTask, features: [String], namedFeatures: Bool = true,
        featureTypes: [FeatureType]? = nil, trees: Int, classLabels: [String]? = nil
    ) {
        self.format = format
        self.objective = objective
        self.task = task
        self.features = features
        self.namedFeatures = namedFeatures
        self.featureTypes = featureTypes ?? [FeatureType](repeating: .number, count: features.count)
        self.trees = trees
        self.classLabels = classLabels
    }
}

/// Predictions for a batch: `rows × width` values, row-major.
package struct ModelPrediction: Sendable, Equatable {
    package var rows: Int
    package var width: Int
    package var values: [Double]

    package init(rows: Int, width: Int, values: [Double]) {
        self.rows = rows
        self.width = width
        self.values = values
    }

    /// Column `j` of the predictions.
    package func column(_ j: Int) -> [Double] {
        (0..<rows).map { values[$0 * width + j] }
    }
}

/// Why a model file could not be used, always naming the file.
package struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    /// What was not understood, as a clause: "the objective `rank:pairwise` is not supported".
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "cannot use model \(path): \(reason)" }
}
