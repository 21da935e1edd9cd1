import EvalData
import EvalLang
import Testing

extension PostgreSQLTests {
    /// For every pushed-down metric family, the result on a relation equals the result on the
    /// same rows pulled locally: counts exactly, floats to 1e-12 relative, the same warnings
    /// (one-class segments give null with the same words) and the same refusals.
    @Suite struct PushdownEqualityTests {
        static let prelude = """
            db = connect("db")
            t = db.table("edge")
            l = collect(t)
            gain = payoff(tp: 40, fp: -7, fn: -2)
            """

        /// Each expression is run with `T` the relation and with `T` the local table.
        static let expressions: [String] = [
            "roc_auc(T.label, T.score)",
            "roc_auc(T.label, T.score, weights: T.weight)",
            "roc_auc(T.label, T.score, by: T.segment)",
            "roc_auc(T.label, T.score, weights: T.weight, by: T.segment)",
            "roc_auc(T[T.segment != \"US\"].label, T[T.segment != \"US\"].score)",
            "roc_auc(T.label_bool, T.score)",
            "roc_auc(T.segment, T.score, pos_label: \"EU\")",
            "average_precision(T.label, T.score, weights: T.weight, by: T.segment)",
            "pr_auc(T.label, T.score, by: T.segment)",
            "ks(T.label, T.score, weights: T.weight)",
            "log_loss(T.label, T.score, by: T.segment)",
            "log_loss(T.label, T.score, weights: T.weight)",
            "brier(T.label, T.score, weights: T.weight, by: T.segment)",
            "ece(T.label, T.score, by: T.segment)",
            "calibration(T.label, T.score, bins: 5)",
            "calibration(T.label, T.score, bins: 4, weights: T.weight, by: T.segment)",
            "roc_curve(T.label, T.score)",
            "pr_curve(T.label, T.score, by: T.segment)",
            "best_threshold(T.label, T.score, gain)",
            "best_threshold(T.label, T.score, gain, by: T.segment)",
            "best_threshold(T.label, T.score, gain, weights: T.weight)",
            "profit_curve(T.label, T.score, gain)",
            "profit(T.label, T.score, gain, threshold: 0.4)",
            "accuracy(T.label, T.score, threshold: 0.5, by: T.segment)",
            "precision(T.label, T.score, threshold: 0.5, weights: T.weight)",
            "recall(T.label, T.score, threshold: 0.3)",
            "f1(T.label, T.score, threshold: 0.5, by: T.segment)",
            "confusion(T.label, T.score, threshold: 0.5)",
            "roc_auc(T.label * 1, T.score * 0.5 + 0.1)",
            "roc_auc(T.label, T.score_gaps)",
            "log_loss(T.label, T.score * 3)",
            "roc_auc(T.label, T.score, weights: T.weight * -1)",
        ]

        @Test(.enabled(if: TestServer.available), arguments: expressions)
        func pushedDownEqualsLocal(_ expression: String) {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let remote = interpreter.evaluated(expression.replacingOccurrences(of: "T", with: "t"))
            let local = interpreter.evaluated(expression.replacingOccurrences(of: "T", with: "l"))
            if let error = local.error {
                // The same input is refused on both paths (the words differ: a relation has no row numbers).
                #expect(
                    remote.error != nil,
                    "local refused (\(error)) but the relation gave \(String(describing: remote.value))")
                return
            }
            #expect(remote.error == nil, "\(remote.error ?? "")")
            guard let a = remote.value, let b = local.value else {
                Issue.record("no value: \(remote) \(local)")
                return
            }
            #expect(agree(a, b), "relation: \(a.inlineText)\nlocal:    \(b.inlineText)")
            #expect(remote.warnings == local.warnings)
        }

        @Test(.enabled(if: TestServer.available))
        func oneClassSegmentIsNullWithTheLocalWarning() {
            var interpreter = TestServer.interpreter(prelude: Self.prelude)
            let remote = interpreter.evaluated("roc_auc(t.label, t.score, by: t.segment)")
            guard case .table(let table)? = remote.value, let auc = table.column(named: "roc_auc") else {
                Issue.record("no table: \(remote)")
                return
            }
            let groups = table.column(named: "group")?.strings ?? []
            let solo = groups.firstIndex(of: "solo") ?? -1
            #expect(solo >= 0 && auc.isMissing(solo))
            #expect(remote.warnings.contains { $0.contains("solo") && $0.contains("one class") })
            #expect(table.column(named: "n")?.numbers?[solo] == 10)
        }

        @Test func skippedWithoutAServerSaysSo() {
            if !TestServer.available { print(TestServer.skipMessage) }
        }
    }
}
