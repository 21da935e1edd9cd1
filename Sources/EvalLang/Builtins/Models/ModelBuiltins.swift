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
            "predict", family: family, [.required("model"), .required("t"), .option("output")],
            doc:
                "Predictions for every row of t, features matched to columns by name: P(positive) for binary, values for regression, a probability table for multiclass.",
            example: "p = predict(m, test)"
        ) { _, args throws(RuntimeError) in
            let model = try argument(args, "model")
            let margin = try args.choice("output", ["probability", "margin"], default: "probability") == "margin"
            return try predict(model, try args.table("t"), margin: margin, args: args)
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

    /// The model's predictions on `t`: a column, or a table for multiclass.
    static func predict(_ model: Model, _ t: Table, margin: Bool, args: Arguments) throws(RuntimeError) -> Value {
        let info = model.info
        let missing = info.features.filter { t.index(of: $0) == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(8).map { "`\($0)`" }.joined(separator: ", ")
            throw .invalidArgument(
                "the table lacks \(missing.count) feature\(missing.count == 1 ? "" : "s") of model \(model.name): \(shown)\(missing.count > 8 ? ", …" : "")",
                args.span("t"), help: "the model's features are " + info.features.prefix(12).joined(separator: ", "))
        }
        var columns: [[Double]] = []
        for name in info.features {
            guard let column = t.column(named: name) else { continue }
            switch column.storage {
            case .number(let v):
                // Missing cells become NaN, which every format treats as missing.
                columns.append(column.hasMissing ? v.indices.map { column.isMissing($0) ? .nan : v[$0] } : v)
            case .bool(let v):
                columns.append(v.indices.map { column.isMissing($0) ? .nan : (v[$0] ? 1 : 0) })
            case .string:
                throw .invalidArgument(
                    "feature `\(name)` of model \(model.name) is a string column; models take numbers", args.span("t"))
            }
        }
        let prediction = model.format.predict(columns, margin: margin)
        if case .multiclass(let k) = info.task {
            let names = info.classLabels ?? (0..<k).map(String.init)
            let table = try? Table(names: names, columns: (0..<k).map { Column(numbers: prediction.column($0)) })
            return table.map(Value.table) ?? .null
        }
        return .column(Column(numbers: prediction.column(0)))
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
