import EvalMetrics
import Testing

@Suite("one sort shared by scores and curves")
struct ScoreSweepTests {
    /// A fixed pseudo-random sample with ties, both classes and some zero weights.
    static func sample(_ n: Int) -> (y: [Double], scores: [Double], weights: [Double]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var y = [Double](), scores = [Double](), weights = [Double]()
        for _ in 0..<n {
            let label: Double = next() < 0.3 ? 1 : 0
            y.append(label)
            scores.append(((next() + 0.4 * label) * 20).rounded() / 20)
            weights.append(next() < 0.05 ? 0 : (next() * 3).rounded() / 2)
        }
        return (y, scores, weights)
    }

    @Test(arguments: [10, 300, 5000])
    func sweepAucMatchesRocAuc(_ n: Int) throws {
        let (y, scores, weights) = Self.sample(n)
        for w in [nil, weights] {
            let sweep = try Metrics.scoreSweep(y, scores, weights: w)
            let shared = try #require(sweep.rocAuc().value)
            let direct = try #require(try Metrics.rocAuc(y, scores, weights: w).value)
            #expect(isClose(shared, direct))
            // Dropping collinear ROC points keeps the curve's ends and area.
            let full = try #require(sweep.rocCurve(dropIntermediate: false).value)
            let dropped = try #require(sweep.rocCurve().value)
            #expect(dropped.fpr.count <= full.fpr.count)
            #expect(dropped.fpr.last == 1 && dropped.tpr.last == 1 && dropped.thresholds.first == .infinity)
            // Zero-weight rows add no thresholds, as in scikit-learn.
            let kept = Set(scores.indices.filter { (w?[$0] ?? 1) != 0 }.map { scores[$0] })
            #expect(sweep.thresholds.count == kept.count)
        }
    }

    @Test func liftInterpolatesTies() throws {
        // Groups: 0.9 → one positive; 0.8 → one positive and one negative; 0.1 → negative.
        let y = [1.0, 0, 1, 0]
        let scores = [0.9, 0.8, 0.8, 0.1]
        // Top half = the 0.9 row plus half of the 0.8 run at its rate 1/2: 1.5 of 2 positives.
        #expect(try Metrics.lift(y, scores, at: 0.5) == .defined(0.75 / 0.5))
        #expect(try Metrics.lift(y, scores, at: 0.25) == .defined(0.5 / 0.25))
        #expect(try Metrics.lift(y, scores, at: 1) == .defined(1))
        let gain = try #require(try Metrics.gainCurve(y, scores).value)
        #expect(gain.fraction == [0, 0.25, 0.75, 1])
        #expect(gain.gain == [0, 0.5, 1, 1])
        #expect(gain.lift == [nil, 2, 1 / 0.75, 1])
    }

    @Test func topKBreaksTiesLikeScikitLearn() throws {
        // Equal scores: the higher class code ranks first (reversed stable argsort).
        let table = try ProbabilityTable(rowMajor: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], classes: 3)
        #expect(try Metrics.topKAccuracy([0, 2], table, k: 1) == .defined(0.5))
        #expect(try Metrics.topKAccuracy([0, 1], table, k: 2) == .defined(0.5))
        #expect(try Metrics.topKAccuracy([0, 1], table, k: 3) == .defined(1))
    }

    @Test func tableFromColumnsMatchesRowMajor() throws {
        let columns: [[Double]] = [[0.1, 0.7], [0.3, 0.2], [0.6, 0.1]]
        let table = try ProbabilityTable(columns: columns)
        #expect(table == (try ProbabilityTable(rowMajor: [0.1, 0.3, 0.6, 0.7, 0.2, 0.1], classes: 3)))
        #expect(table.rows == 2)
    }

    @Test func averagePrecisionStepSumByHand() throws {
        // Descending: 0.9 (1), 0.8 (0), 0.7 (1). Recall steps 1/2 at precision 1 and 1/2 at 2/3.
        let ap = try #require(try Metrics.averagePrecision([1, 0, 1], [0.9, 0.8, 0.7]).value)
        #expect(isClose(ap, 0.5 + 0.5 * 2 / 3))
        // Trapezoids from (0, 1): (0,1)→(.5,1)→(.5,.5)→(1,2/3).
        let area = try #require(try Metrics.prAuc([1, 0, 1], [0.9, 0.8, 0.7]).value)
        #expect(isClose(area, 0.5 + 0.5 * (0.5 + 2.0 / 3) / 2))
    }

    @Test func calibrationEdgesAndEmptyBins() throws {
        // 0.2 sits on the first inner edge of 5 uniform bins and belongs to the lower bin.
        let curve = try #require(try Metrics.calibration([0, 1, 1, 0], [0.2, 0.2, 0.9, 0.95]).value)
        #expect(curve.bin == [0, 4])
        #expect(curve.count == [2, 2])
        #expect(curve.probPred == [0.2, 0.925])
        #expect(curve.probTrue == [0.5, 0.5])
        let ece = try #require(try Metrics.ece([0, 1, 1, 0], [0.2, 0.2, 0.9, 0.95], bins: 5).value)
        #expect(isClose(ece, (2 * 0.3 + 2 * 0.425) / 4))
        let mce = try #require(try Metrics.mce([0, 1, 1, 0], [0.2, 0.2, 0.9, 0.95], bins: 5).value)
        #expect(isClose(mce, 0.425))
    }
}
