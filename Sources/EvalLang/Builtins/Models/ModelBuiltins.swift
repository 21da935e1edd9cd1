import EvalData
import EvalMetrics
import EvalModels
import Foundation

/// Models (SPEC §5 "Models"): XGBoost, LightGBM and ONNX files loaded and predicted
/// natively, one at a time or many at once.
enum ModelBuiltins {
    static let family = Family.models

    static let all: [Builtin] = [
        Builtin(
            "load_model", family: family, [.required("path")],
            doc: "Load an XGBoost JSON, LightGBM text or ONNX model; the format is read from the file's content.",
            example: "m = load_model(\"models/churn_xgb.json\")"
        ) { interpreter, args throws(RuntimeError) in
            .model(try load(&interpreter, path: try args.string("path"), span: args.span("path")))
        },
        Builtin(
            "load_models", family: family, [.required("pattern")],
            doc: "Load every model whose path matches a pattern (* and ? in the file name), as a list sorted by name.",
            example: "candidates = load_models(\"models/*.json\")"
        ) { interpreter, args throws(RuntimeError) in
            let pattern = try args.string("pattern")
            let paths = matching(pattern, root: interpreter.session.files.root)
            guard !paths.isEmpty else {
                throw .invalidArgument(
                    "no file matches \(pattern)", args.span("pattern"),
                    help:
                        "patterns are relative to the project root \(interpreter.session.files.root); * and ? match within the file name"
                )
            }
            var models: [Value] = []
            for path in paths { models.append(.model(try load(&interpreter, path: path, span: args.span("pattern")))) }
            return .list(models)
        },
        Builtin(
            "predict", family: family, [.required("model"), .required("t"), .option("output"), .option("features")],
            doc:
                "Predictions for every row of t, features matched to columns by name (or by features: [columns in feature order], or a record feature: column): P(positive) for binary, values for regression, a probability table for multiclass.",
            example: "p = predict(m, test)"
        ) { interpreter, args throws(RuntimeError) in
            let model = try argument(args, "model")
            let margin = try args.choice("output", ["probability", "margin"], default: "probability") == "margin"
            let t = try args.table("t")
            let mapping = try featureColumns(model, t, args: args)
            if let note = mapping.note { interpreter.session.warn(note, at: args.callSpan) }
            return try predict(model, t, columns: mapping.columns, margin: margin, args: args)
        },
        Builtin(
            "leaderboard", family: family,
            [.required("models"), .required("t"), .required("y"), .option("metric"), .option("payoff")],
            doc:
                "Every model scored on t against y by a metric (default roc_auc; a payoff ranks by best-threshold profit), best first.",
            example: "leaderboard(candidates, test, test.churned, metric: \"roc_auc\")", body: Leaderboard.evaluate),
    ]

    /// The model argument `name`.
    static func argument(_ args: Arguments, _ name: String) throws(RuntimeError) -> Model {
        guard case .model(let m)? = args.value(name) else {
            throw .wrongType(
                what: "`\(name)` of `\(args.function)`", expected: "a model (from load_model)",
                found: args.value(name)?.typeName ?? "nothing", args.span(name))
        }
        return m
    }

    static func load(_ interpreter: inout Interpreter, path: String, span: SourceSpan) throws(RuntimeError) -> Model {
        let resolved = try interpreter.resolveReadable(path, span: span)
        let model: Model
        do { model = try Model.load(path: resolved, displayPath: path, loaders: ModelLoaders.all) } catch {
            throw .model(error, span)
        }
        interpreter.session.recordInput(path: path, resolvedPath: resolved)
        return model
    }

    /// The column of `t` each of the model's features reads, in feature order, and the
    /// note to warn with when they were taken by position.
    ///
    /// `features:` says it explicitly: a list of columns in feature order, or a record
    /// `{feature: "column"}` for the features whose column has another name. Otherwise
    /// features match columns by name; a model without feature names (trained on an
    /// array) whose names the table does not have takes a table of exactly as many
    /// columns by position, with a warning that lists the mapping.
    static func featureColumns(
        _ model: Model, _ t: Table, args: Arguments
    ) throws(RuntimeError) -> (columns: [String], note: String?) {
        let info = model.info
        if args.has("features") { return (try explicitColumns(model, t, args: args), nil) }
        let missing = info.features.filter { t.index(of: $0) == nil }
        if missing.isEmpty { return (info.features, nil) }
        let count = info.features.count
        if !info.namedFeatures, missing.count == count {
            guard t.columnCount == count else {
                throw .invalidArgument(
                    "model \(model.name) has no feature names (its \(count) features are \(listed(info.features))), "
                        + "and the table has \(t.columnCount) columns, so which column is which feature is not clear",
                    args.span("t"), help: "name the columns in feature order: features: [\"a\", \"b\", …]")
            }
            let pairs = zip(info.features, t.names).prefix(20).map { "\($0) ← \($1)" }
            let note =
                "`predict`: model \(model.name) has no feature names, so its \(count) feature\(count == 1 ? "" : "s") "
                + "take the table's columns by position: " + pairs.joined(separator: ", ") + (count > 20 ? ", …" : "")
                + "; features: [...] names them explicitly"
            return (t.names, note)
        }
        let shown = missing.prefix(8).map { "`\($0)`" }.joined(separator: ", ")
        throw .invalidArgument(
            "the table lacks \(missing.count) feature\(missing.count == 1 ? "" : "s") of model \(model.name): \(shown)\(missing.count > 8 ? ", …" : "")",
            args.span("t"), help: "the model's features are " + info.features.prefix(12).joined(separator: ", "))
    }

    /// `features:` as columns in feature order, each checked against the table.
    static func explicitColumns(_ model: Model, _ t: Table, args: Arguments) throws(RuntimeError) -> [String] {
        let features = model.info.features
        var columns: [String]
        if case .record(let r)? = args.value("features") {
            for key in r.fields.keys where !features.contains(key) {
                throw .invalidArgument(
                    "model \(model.name) has no feature `\(key)`", args.span("features"),
                    help: Suggestion.help(for: key, in: features) ?? "its features are \(listed(features))")
            }
            columns = []
            for feature in features {
                switch r[feature] {
                case nil: columns.append(feature)
                case .string(let column)?: columns.append(column)
                case let other?:
                    throw .wrongType(
                        what: "the column of feature `\(feature)` in `features`", expected: "a column name",
                        found: other.typeName, args.span("features"))
                }
            }
        } else {
            columns = try args.strings("features")
            guard columns.count == features.count else {
                throw .invalidArgument(
                    "`features` lists \(columns.count) column\(columns.count == 1 ? "" : "s"), but model \(model.name) has "
                        + "\(features.count) feature\(features.count == 1 ? "" : "s") (\(listed(features)))",
                    args.span("features"), help: "list one column per feature, in the model's feature order")
            }
        }
        for column in columns where t.index(of: column) == nil {
            throw .unknownColumn(column, table: nil, candidates: t.names, args.span("features"))
        }
        return columns
    }

    /// Names for a message: the first eight, then "…".
    static func listed(_ names: [String]) -> String {
        names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }

    /// The model's predictions on `t`, feature i read from `columns[i]`: a column, or a
    /// table for multiclass.
    static func predict(
        _ model: Model, _ t: Table, columns names: [String], margin: Bool, args: Arguments
    ) throws(RuntimeError) -> Value {
        let info = model.info
        var columns: [FeatureColumn] = []
        for (k, (feature, name)) in zip(info.features, names).enumerated() {
            guard let column = t.column(named: name) else { continue }
            let type = k < info.featureTypes.count ? info.featureTypes[k] : .number
            columns.append(try featureColumn(column, type, feature: feature, name: name, model: model, args: args))
        }
        let prediction: ModelPrediction
        do {
            prediction = try model.format.predict(columns: columns, margin: margin)
        } catch {
            throw .model(error, args.span("t"))
        }
        if case .multiclass(let k) = info.task {
            let names = info.classLabels ?? (0..<k).map(String.init)
            let table = try? Table(names: names, columns: (0..<k).map { Column(numbers: prediction.column($0)) })
            return table.map(Value.table) ?? .null
        }
        return .column(Column(numbers: prediction.column(0)))
    }

    /// One feature's values as the model takes them: numbers (missing as NaN, bools as
    /// 0/1), whole numbers (none missing), or strings (none missing).
    static func featureColumn(
        _ column: Column, _ type: FeatureType, feature: String, name: String, model: Model, args: Arguments
    ) throws(RuntimeError) -> FeatureColumn {
        let shown = feature == name ? "`\(name)`" : "`\(feature)` (column `\(name)`)"
        if type != .number, let row = column.missing.flatMap({ Scan.firstTrue($0) }) {
            throw .invalidArgument(
                "feature \(shown) of model \(model.name) takes \(type == .string ? "strings" : "whole numbers"), "
                    + "and row \(row) is missing", args.span("t"),
                help: "drop or fill missing rows first, e.g. with filter(t, not is_missing(t.col)) or fill_missing")
        }
        switch (column.storage, type) {
        case (.number(let v), .number):
            // Missing cells become NaN, which every format treats as missing.
            return .numbers(column.hasMissing ? v.indices.map { column.isMissing($0) ? .nan : v[$0] } : v)
        case (.number(let v), .integer):
            if let row = v.firstIndex(where: { $0 != $0.rounded() || abs($0) > 16_777_216 }) {
                throw .invalidArgument(
                    "feature \(shown) of model \(model.name) takes whole numbers (up to 2^24), but row \(row) is "
                        + NumberFormat.human(v[row]), args.span("t"))
            }
            return .numbers(v)
        case (.bool(let v), .number), (.bool(let v), .integer):
            return .numbers(v.indices.map { column.isMissing($0) ? .nan : (v[$0] ? 1 : 0) })
        case (.string, .string):
            return .strings(
                (0..<column.count).map { i in
                    if case .string(let s) = column[i] { return s }
                    return ""
                })
        case (.string, _):
            throw .invalidArgument(
                "feature \(shown) of model \(model.name) is a string column; the model takes numbers there",
                args.span("t"))
        case (_, .string):
            throw .invalidArgument(
                "feature \(shown) of model \(model.name) takes strings (categories), but the column holds \(column.type.rawValue)s",
                args.span("t"), help: "give the categories as text, e.g. a string column read from the CSV")
        }
    }

    /// `model xgboost binary:logistic, 100 trees, 20 features`.
    static func summary(_ m: Model) -> String {
        let i = m.info
        return "model \(m.name): \(i.format) \(i.objective), \(i.trees) trees, \(i.features.count) features"
    }

    /// `describe(model)`: format, objective, task, trees, features.
    static func describe(_ m: Model) -> Value {
        let i = m.info
        var record = Record()
        record["name"] = .string(m.name)
        record["path"] = .string(m.path)
        record["format"] = .string(i.format)
        record["objective"] = .string(i.objective)
        switch i.task {
        case .binary: record["task"] = .string("binary")
        case .regression: record["task"] = .string("regression")
        case .multiclass(let k): record["task"] = .string("multiclass (\(k) classes)")
        }
        record["trees"] = .number(Double(i.trees))
        record["features"] = .list(i.features.map(Value.string))
        if let labels = i.classLabels { record["classes"] = .list(labels.map(Value.string)) }
        return .record(record)
    }

    /// Files under `root` matching `pattern` (wildcards in the last path component),
    /// relative to the root as the pattern was written, sorted.
    static func matching(_ pattern: String, root: String) -> [String] {
        // Split by hand: Foundation's path helpers trap on some one-character strings.
        let slash = pattern.lastIndex(of: "/")
        let directory = slash.map { String(pattern[..<$0]) } ?? ""
        let namePattern = slash.map { String(pattern[pattern.index(after: $0)...]) } ?? pattern
        let folder = directory.hasPrefix("/") ? directory : (directory.isEmpty ? root : root + "/" + directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { wildcard(namePattern, matches: $0) && !$0.hasPrefix(".") }.sorted()
            .map { directory.isEmpty ? $0 : directory + "/" + $0 }
    }

    /// `*` matches any run of characters, `?` one character; everything else itself.
    static func wildcard(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern), n = Array(name)
        var pi = 0, ni = 0, star = -1, mark = 0
        while ni < n.count {
            if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1; ni += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ni; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
