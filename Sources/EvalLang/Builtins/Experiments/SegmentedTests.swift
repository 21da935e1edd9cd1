import EvalData
import EvalMetrics

/// `by:` and `correction:` of `ab_test` and `t_test`: one test per segment, the
/// family's p-values adjusted as statsmodels' `multipletests` does, and a verdict per
/// segment that says whether it survives the correction (SPEC §5 "Experiments").
///
/// A readout per segment tests one hypothesis per segment at once; read alone, one of
/// them comes out below 0.05 by chance far more often than 5% of the time. The table
/// has one row per segment (ascending key order) and an `all` row, the test on every
/// row; the family that is corrected is the segments', so `all` keeps its own p-value
/// and has no adjusted one. Intervals are left out: a segment's own, uncorrected
/// interval is one `ab_test` or `t_test` on that segment away.
enum SegmentedTests {
    /// The segments of two samples: labels in ascending key order, each sample's rows.
    struct Segments {
        var labels: [String]
        var rows: [[Int]]
        var otherRows: [[Int]]
    }

    /// One segment's test, as the table's columns need it.
    struct Row {
        var label: String
        var sizes: (Double, Double)
        /// Rates (ab_test) or means (t_test) of the two samples.
        var centres: (Double, Double)
        var estimate: Double?
        var pValue: Double?
    }

    /// The name of a correction as a sentence says it, such as "Holm".
    static func title(_ method: PValueCorrection) -> String {
        switch method {
        case .bonferroni: "Bonferroni"
        case .holm: "Holm"
        case .fdrBH: "Benjamini–Hochberg"
        case .fdrBY: "Benjamini–Yekutieli"
        }
    }

    /// One test per segment (in the segments' order), then the overall one on all rows, labelled `all`.
    static func rows(
        _ segments: Segments, _ test: ([Int]?, [Int]?, String) throws(RuntimeError) -> Row
    ) throws(RuntimeError) -> (rows: [Row], overall: Row) {
        var rows: [Row] = []
        for (k, label) in segments.labels.enumerated() {
            rows.append(try test(segments.rows[k], segments.otherRows[k], label))
        }
        return (rows, try test(nil, nil, "all"))
    }

    /// `correction:`, which needs `by:`; nil for none.
    static func correction(_ args: Arguments) throws(RuntimeError) -> PValueCorrection? {
        let names = PValueCorrection.allCases.map(\.rawValue)
        let name = try args.choice("correction", ["none"] + names, default: "none")
        guard let method = PValueCorrection(rawValue: name) else { return nil }
        guard args.has("by") else {
            throw .invalidArgument(
                "`correction` of `\(args.function)` adjusts the p-values of the segments of `by:`, and there is no `by:`",
                args.span("correction"),
                help: "test each segment and correct the family: \(args.function)(a, b, by: [a.platform, b.platform], "
                    + "correction: \"\(name)\"), or adjust p-values yourself with adjust_p(p, method: \"\(name)\")")
        }
        return method
    }

    /// `by: [key_a, key_b]`: one key column per sample, of each sample's length.
    static func segments(_ args: Arguments, counts: (Int, Int)) throws(RuntimeError) -> Segments {
        guard case .list(let keys)? = args.value("by"), keys.count == 2 else {
            throw .invalidArgument(
                "`by` of `\(args.function)` takes one key column per sample: [key of the first, key of the second]",
                args.span("by"),
                help: "the samples hold different rows, so each needs its own keys: by: [a.platform, b.platform]")
        }
        let first = try Coerce.column(keys[0], what: "the first key of `by`", span: args.span("by"))
        let second = try Coerce.column(keys[1], what: "the second key of `by`", span: args.span("by"))
        for (key, count, which) in [(first, counts.0, "first"), (second, counts.1, "second")] where key.count != count {
            throw .invalidArgument(
                "the \(which) key of `by` has \(key.count) value\(key.count == 1 ? "" : "s") but the \(which) sample has \(count)",
                args.span("by"))
        }
        guard let both = Column.concatenating([first, second]) else {
            throw .invalidArgument(
                "the two keys of `by` must be of one type, not a \(first.type.rawValue) and a \(second.type.rawValue) column",
                args.span("by"))
        }
        let groups = Groups(by: both)
        var segments = Segments(labels: [], rows: [], otherRows: [])
        for (key, rows) in zip(groups.keys, groups.rows) {
            segments.labels.append(Value.cellText(key))
            segments.rows.append(rows.filter { $0 < counts.0 })
            segments.otherRows.append(rows.filter { $0 >= counts.0 }.map { $0 - counts.0 })
        }
        return segments
    }

    /// The table of segment rows and the overall row, with `p_adjusted` when corrected
    /// and a `significant` flag and `verdict` at alpha = 1 − level.
    static func table(
        _ rows: [Row], overall: Row, names: [String], method: PValueCorrection?, level: Double,
        describe: (_ estimate: Double) -> String
    ) -> Value {
        let alpha = 1 - level
        let defined = rows.indices.filter { rows[$0].pValue != nil }
        var adjusted = [Double?](repeating: nil, count: rows.count)
        if let method, !defined.isEmpty {
            let family = defined.compactMap { rows[$0].pValue }
            let values = (try? Experiments.adjustP(family, method: method)) ?? family
            for (k, row) in defined.enumerated() { adjusted[row] = values[k] }
        }
        func verdict(_ row: Row, corrected: Double?, isSegment: Bool) -> (Bool?, String) {
            guard let p = row.pValue, let estimate = row.estimate else { return (nil, "undefined") }
            let raw = p <= alpha
            guard let method, isSegment else {
                return (raw, raw ? describe(estimate) : "no clear difference")
            }
            let after = (corrected ?? p) <= alpha
            if after { return (true, describe(estimate) + ", also after \(title(method)) correction") }
            if raw {
                return (false, "no clear difference after \(title(method)) correction (\(Verdict.pValue(p)) alone)")
            }
            return (false, "no clear difference")
        }
        let all = rows + [overall]
        let verdicts = all.enumerated().map { k, row in
            verdict(row, corrected: k < rows.count ? adjusted[k] : nil, isSegment: k < rows.count)
        }
        var columns: [(String, Column)] = [
            ("group", Column(strings: all.map(\.label))),
            (names[0], Column(numbers: all.map(\.sizes.0))),
            (names[1], Column(numbers: all.map(\.sizes.1))),
            (names[2], Column(numbers: all.map(\.centres.0))),
            (names[3], Column(numbers: all.map(\.centres.1))),
            ("estimate", Column(optionalNumbers: all.map(\.estimate))),
            ("p_value", Column(optionalNumbers: all.map(\.pValue))),
        ]
        if method != nil { columns.append(("p_adjusted", Column(optionalNumbers: adjusted + [nil]))) }
        columns.append(("significant", Column(optionalBools: verdicts.map(\.0))))
        columns.append(("verdict", Column(strings: verdicts.map(\.1))))
        let table = try? Table(names: columns.map(\.0), columns: columns.map(\.1))
        return table.map(Value.table) ?? .null
    }
}
