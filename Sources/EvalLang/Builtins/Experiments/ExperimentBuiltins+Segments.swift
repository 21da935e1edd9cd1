import EvalData
import EvalMetrics
import Foundation
import OrderedCollections

/// A/B and t-test readouts per segment (`by:`), with the family's correction.
extension ExperimentBuiltins {
    /// `ab_test(a, b, by: [key_a, key_b], correction:)`: one test per segment, a table.
    static func abTestBySegment(
        _ interpreter: inout Interpreter, _ args: Arguments, level: Double, correction: PValueCorrection?
    ) throws(RuntimeError) -> Value {
        guard Self.isSample(args.value("conv_a")), !args.has("conv_b"), !args.has("n_b") else {
            throw .invalidArgument(
                "`by` of `ab_test` needs the two 0/1 columns form, ab_test(a, b, by: [key_a, key_b])", args.span("by"))
        }
        let a = try MetricInputs.zeroOne(args, "conv_a"), b = try MetricInputs.zeroOne(args, "n_a")
        let segments = try SegmentedTests.segments(args, counts: (a.count, b.count))
        func test(_ ra: [Int]?, _ rb: [Int]?, _ label: String) throws(RuntimeError) -> SegmentedTests.Row {
            let xa = ByGroups.pick(a, ra), xb = ByGroups.pick(b, rb)
            let (na, nb) = (Double(xa.count), Double(xb.count))
            var row = SegmentedTests.Row(label: label, sizes: (na, nb), centres: (.nan, .nan))
            guard !xa.isEmpty, !xb.isEmpty else {
                interpreter.session.warn(
                    "`ab_test` is undefined for group \(label): \(xa.isEmpty ? "A" : "B") has no rows there",
                    at: args.callSpan)
                row.centres = (xa.isEmpty ? .nan : Summation.sum(xa) / na, xb.isEmpty ? .nan : Summation.sum(xb) / nb)
                return row
            }
            let r: ABTestResult
            do {
                r = try Experiments.abTest(
                    conversionsA: Summation.sum(xa), nA: na, conversionsB: Summation.sum(xb), nB: nb, level: level)
            } catch {
                throw args.metricError(error, group: ra == nil ? nil : label)
            }
            for w in r.warnings { interpreter.warn(w, args, group: ra == nil ? nil : label) }
            row.centres = (r.rateA, r.rateB)
            (row.estimate, row.pValue) = (r.difference, r.pValue)
            return row
        }
        let (rows, overall) = try SegmentedTests.rows(segments, test)
        return SegmentedTests.table(
            rows, overall: overall, names: ["n_a", "n_b", "rate_a", "rate_b"], method: correction, level: level
        ) { $0 >= 0 ? "B converts better" : "B converts worse" }
    }

    /// `t_test(x, y, by: [key_x, key_y], correction:)`: one test per segment, a table.
    static func tTestBySegment(
        _ interpreter: inout Interpreter, _ args: Arguments, _ x: [Double], _ y: [Double], equal: Bool, level: Double,
        correction: PValueCorrection?
    ) throws(RuntimeError) -> Value {
        let segments = try SegmentedTests.segments(args, counts: (x.count, y.count))
        func test(_ rx: [Int]?, _ ry: [Int]?, _ label: String) throws(RuntimeError) -> SegmentedTests.Row {
            let xs = ByGroups.pick(x, rx), ys = ByGroups.pick(y, ry)
            let mean = { (v: [Double]) in v.isEmpty ? Double.nan : Summation.sum(v) / Double(v.count) }
            var row = SegmentedTests.Row(
                label: label, sizes: (Double(xs.count), Double(ys.count)), centres: (mean(xs), mean(ys)))
            guard xs.count >= 2, ys.count >= 2 else {
                let few = xs.count < 2 ? "x" : "y"
                interpreter.session.warn(
                    "`t_test` is undefined for group \(label): `\(few)` has fewer than 2 values there",
                    at: args.callSpan)
                return row
            }
            let r: TTestResult
            do {
                r = try Experiments.tTest(x: xs, y: ys, equalVariance: equal, level: level)
            } catch {
                throw args.metricError(error, group: rx == nil ? nil : label)
            }
            for w in r.warnings { interpreter.warn(w, args, group: rx == nil ? nil : label) }
            row.centres = (r.meanX, r.meanY)
            (row.estimate, row.pValue) = (r.estimate, r.pValue)
            return row
        }
        let (rows, overall) = try SegmentedTests.rows(segments, test)
        return SegmentedTests.table(
            rows, overall: overall, names: ["n_x", "n_y", "mean_x", "mean_y"], method: correction, level: level
        ) { $0 >= 0 ? "x higher" : "x lower" }
    }
}
