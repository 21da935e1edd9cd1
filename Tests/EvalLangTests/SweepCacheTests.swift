import EvalLang
import Testing

/// SPEC §8: curve metrics over the same (y, p) share one sort.
@Suite("Score sweep cache")
struct SweepCacheTests {
    func run(_ code: String) throws -> Interpreter {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        _ = try interpreter.run(SourceText(name: "<test>", text: code))
        return interpreter
    }

    @Test("several metrics of the same columns sort once")
    func sharedSort() throws {
        let interpreter = try run(
            """
            t = table(y: [0, 1, 1, 0, 1], p: [0.2, 0.9, 0.4, 0.5, 0.7])
            a = roc_auc(t.y, t.p); b = average_precision(t.y, t.p); c = pr_auc(t.y, t.p); d = ks(t.y, t.p)
            e = roc_curve(t.y, t.p); f = lift(t.y, t.p, at: 0.4)
            """)
        #expect(interpreter.session.sweepsBuilt == 1)
    }

    @Test("other scores or weights sort again")
    func newInputs() throws {
        let interpreter = try run(
            """
            y = [0, 1, 1, 0]
            a = roc_auc(y, [0.1, 0.9, 0.4, 0.5]); b = roc_auc(y, [0.3, 0.2, 0.4, 0.5])
            c = roc_auc(y, [0.3, 0.2, 0.4, 0.5], weights: [1, 2, 1, 1])
            """)
        #expect(interpreter.session.sweepsBuilt == 3)
    }
}
