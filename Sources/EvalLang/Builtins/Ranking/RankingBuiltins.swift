import EvalData
import EvalMetrics

/// Ranking metrics (SPEC §5 "Ranking"): the mean over queries given by `group:`,
/// with tied scores averaged as scikit-learn does.
enum RankingBuiltins {
    static let family = Family.ranking

    typealias Kernel = @Sendable ([Double], [Double], [Int]?, Arguments) throws(RuntimeError) -> MetricResult<Double>

    /// A ranking metric; `leavesOutEmpty` marks the means that leave out queries with no
    /// relevant item (they take `empty:` and warn when the default leaves some out).
    static func ranking(
        _ name: String, _ metric: MetricTrait, options: [String], leavesOutEmpty: Bool = false, doc: String,
        example: String, _ kernel: @escaping Kernel
    ) -> Builtin {
        let parameters =
            [Parameter.required("relevance"), .required("scores")]
            + (options + (leavesOutEmpty ? ["empty"] : []) + ["group", "weights", "by"]).map(Parameter.option)
        return Builtin(name, family: family, metric: metric, parameters, doc: doc, example: example) {
            interpreter, args throws(RuntimeError) in
            let relevance = try MetricInputs.numbers(args, "relevance")
            let scores = try MetricInputs.numbers(args, "scores")
            try MetricInputs.sameLength(args, "scores", scores.count, relevance.count, against: "relevance")
            var group: [Int]?
            if args.has("group") {
                let key = try args.column("group")
                try MetricInputs.sameLength(args, "group", key.count, relevance.count, against: "relevance")
                var codes = [Int](repeating: 0, count: key.count)
                for (code, rows) in Groups(by: key).rows.enumerated() { for r in rows { codes[r] = code } }
                group = codes
            }
            let weights = try MetricInputs.weights(args, count: relevance.count)
            if leavesOutEmpty { _ = try empty(args) }
            guard args.has("by") else {
                let result = try weighted(kernel, weights)(relevance, scores, group, args)
                if let warning = result.warning { interpreter.warn(warning, args) }
                if leavesOutEmpty, result.value != nil {
                    noteLeftOut(relevance, group, args: args, group: nil, interpreter: &interpreter)
                }
                return result.value.map(Value.number) ?? .null
            }
            return try segmented(
                name, relevance, scores, group, weights, leavesOutEmpty: leavesOutEmpty, args: args,
                interpreter: &interpreter, kernel)
        }
    }

    /// Notes how many queries the default `empty: "skip"` left out of a defined mean;
    /// an explicit `empty:` is the user's choice and needs no note.
    static func noteLeftOut(
        _ relevance: [Double], _ group: [Int]?, args: Arguments, group label: String?,
        interpreter: inout Interpreter
    ) {
        guard !args.has("empty") else { return }
        let (count, queries) = Metrics.queriesWithoutRelevantItem(relevance, group: group)
        if count > 0 {
            interpreter.warn(.queriesLeftOut(count: count, of: queries), args, group: label)
        }
    }

    /// `by:` a segment key (a user's country, a query's market): the metric over the
    /// queries of each segment, in ascending key order, plus an overall row.
    static func segmented(
        _ name: String, _ relevance: [Double], _ scores: [Double], _ group: [Int]?, _ weights: [Double]?,
        leavesOutEmpty: Bool, args: Arguments,
        interpreter: inout Interpreter, _ kernel: @escaping Kernel
    ) throws(RuntimeError) -> Value {
        try ByGroups.table(args, count: relevance.count, against: "relevance") { rows, label throws(RuntimeError) in
            let part = ByGroups.pick(relevance, rows), partGroup = group.map { ByGroups.pick($0, rows) }
            let result = try weighted(kernel, weights.map { ByGroups.pick($0, rows) })(
                part, ByGroups.pick(scores, rows), partGroup, args)
            let place = rows == nil ? nil : label
            if let warning = result.warning { interpreter.warn(warning, args, group: place) }
            if leavesOutEmpty, result.value != nil {
                noteLeftOut(part, partGroup, args: args, group: place, interpreter: &interpreter)
            }
            return result.value
        }
    }

    /// With `weights:` (one weight per row, constant within a query), the weighted
    /// mean over queries of the metric of each query alone; queries where it is
    /// undefined are left out, as in the unweighted mean.
    static func weighted(_ kernel: @escaping Kernel, _ weights: [Double]?) -> Kernel {
        guard let weights else { return kernel }
        return { relevance, scores, group, args throws(RuntimeError) in
            var queries: [Int: [Int]] = [:]
            var order: [Int] = []
            for i in relevance.indices {
                let q = group?[i] ?? 0
                if queries[q] == nil { order.append(q) }
                queries[q, default: []].append(i)
            }
            var total = 0.0, weightSum = 0.0
            for q in order {
                guard let rows = queries[q], let first = rows.first else { continue }
                let w = weights[first]
                if rows.contains(where: { weights[$0] != w }) {
                    throw .invalidArgument(
                        "`weights` must be the same on every row of a query", args.span("weights"),
                        help: "give each query one weight, e.g. from a per-user table with join")
                }
                let result = try kernel(rows.map { relevance[$0] }, rows.map { scores[$0] }, nil, args)
                guard let value = result.value else { continue }
                total += w * value
                weightSum += w
            }
            guard weightSum > 0 else {
                return MetricResult<Double>.undefined(.noWeightedQuery)
            }
            return MetricResult<Double>(value: total / weightSum, warning: nil)
        }
    }

    static func k(_ args: Arguments) throws(RuntimeError) -> Int? {
        args.has("k") ? try args.integer("k", in: 1...Int(Int32.max)) : nil
    }

    /// `empty:`, what a mean does with a query that has no relevant item: "skip" (the
    /// default) leaves it out, "zero" scores it 0.
    static func empty(_ args: Arguments) throws(RuntimeError) -> RankingEmpty {
        let names = RankingEmpty.allCases.map(\.rawValue)
        return RankingEmpty(rawValue: try args.choice("empty", names, default: "skip")) ?? .skip
    }

    static func gain(_ args: Arguments) throws(RuntimeError) -> RankingGain {
        RankingGain(rawValue: try args.choice("gain", ["linear", "exponential"], default: "linear")) ?? .linear
    }

    static let all: [Builtin] = [
        ranking(
            "ndcg", .higherIsBetter, options: ["k", "gain"], leavesOutEmpty: true,
            doc:
                "Normalised discounted cumulative gain at k, averaged over queries (gain: \"linear\" or \"exponential\"; empty: \"zero\" scores queries with no relevant item 0, as scikit-learn).",
            example: "ndcg(t.relevance, t.score, k: 10, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            let k = try k(args), gain = try gain(args), empty = try empty(args)
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.ndcg(r, s, group: g, k: k, gain: gain, empty: empty)
            }
        },
        ranking(
            "dcg", .higherIsBetter, options: ["k", "gain"],
            doc: "Discounted cumulative gain at k, averaged over queries.",
            example: "dcg(t.relevance, t.score, k: 5, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            let k = try k(args), gain = try gain(args)
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.dcg(r, s, group: g, k: k, gain: gain)
            }
        },
        ranking(
            "lrap", .higherIsBetter, options: [],
            doc: "Label ranking average precision (scikit-learn's), averaged over queries.",
            example: "lrap(t.relevant, t.score, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            try CurveBuiltins.run(args) { () throws(MetricError) in try Metrics.lrap(r, s, group: g) }
        },
        ranking(
            "coverage_error", .lowerIsBetter, options: [],
            doc: "How far down the ranking one must go to cover every relevant item, averaged over queries.",
            example: "coverage_error(t.relevant, t.score, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            try CurveBuiltins.run(args) { () throws(MetricError) in try Metrics.coverageError(r, s, group: g) }
        },
        ranking(
            "ranking_loss", .lowerIsBetter, options: [],
            doc: "Share of (relevant, irrelevant) pairs ranked in the wrong order, averaged over queries.",
            example: "ranking_loss(t.relevant, t.score, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            try CurveBuiltins.run(args) { () throws(MetricError) in try Metrics.rankingLoss(r, s, group: g) }
        },
        ranking(
            "hit_rate", .higherIsBetter, options: ["k"], leavesOutEmpty: true,
            doc:
                "Share of queries with a relevant item (relevance above 0) in the top k; ties count as their chance of a hit (empty: \"zero\" counts queries with none as misses).",
            example: "hit_rate(t.relevance, t.score, k: 10, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            let k = try k(args), empty = try empty(args)
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.hitRate(r, s, group: g, k: k, empty: empty)
            }
        },
        ranking(
            "mrr", .higherIsBetter, options: ["k"], leavesOutEmpty: true,
            doc:
                "Mean reciprocal rank of the first relevant item (0 past k), averaged over queries with a relevant item (empty: \"zero\" scores the others 0).",
            example: "mrr(t.clicked, t.score, k: 10, group: t.query)"
        ) { r, s, g, args throws(RuntimeError) in
            let k = try k(args), empty = try empty(args)
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.mrr(r, s, group: g, k: k, empty: empty)
            }
        },
        ranking(
            "map_at_k", .higherIsBetter, options: ["k"], leavesOutEmpty: true,
            doc:
                "Mean average precision at k: precision at each relevant item in the top k over min(k, relevant items), averaged over queries (empty: \"zero\" scores queries with no relevant item 0).",
            example: "map_at_k(t.relevance, t.score, k: 10, group: t.user)"
        ) { r, s, g, args throws(RuntimeError) in
            let k = try k(args), empty = try empty(args)
            return try CurveBuiltins.run(args) { () throws(MetricError) in
                try Metrics.mapAtK(r, s, group: g, k: k, empty: empty)
            }
        },
    ]
}
