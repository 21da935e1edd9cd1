/// Input checks shared by every metric, run before any arithmetic.
///
/// All checks happen up front so that the kernels can index freely afterwards: lengths
/// are known to agree and no NaN can reach a sum. The order is fixed so the same bad
/// input always reports the same error: lengths, emptiness, missing values (y, the
/// prediction, weights), then domain checks (labels, probabilities, weight signs).
enum Validation {
    /// The checks every metric shares: lengths agree, `y` is non-empty, nothing is missing,
    /// and weights are non-negative.
    ///
    /// `otherName` is how the prediction argument is named in messages (`yhat`, `p`, ...).
    /// One fused pass over all inputs decides whether anything is wrong; only then do the
    /// ordered checks run to name the first problem.
    static func check(
        y: [Double],
        other: [Double],
        otherName: MetricArgument,
        weights: [Double]?
    ) throws(MetricError) {
        try check(
            y: y, other: other, otherName: otherName, weights: weights,
            yValid: { $0 == $0 }, otherValid: { $0 == $0 }, domain: {})
    }

    /// The shared checks plus a domain rule for labels or probabilities.
    ///
    /// `yValid` and `otherValid` say in one comparison whether a value is acceptable,
    /// missing values included (NaN fails any comparison with `==`, `<` or `>=`), and must
    /// accept exactly what the ordered checks and `domain` accept: the fused pass skips
    /// them when every value is valid. `domain` runs between the missing-value and
    /// weight-sign checks, so the same bad input always reports the same error.
    @inline(__always)
    static func check(
        y: [Double],
        other: [Double],
        otherName: MetricArgument,
        weights: [Double]?,
        yValid: (Double) -> Bool,
        otherValid: (Double) -> Bool,
        domain: () throws(MetricError) -> Void
    ) throws(MetricError) {
        if other.count != y.count {
            throw .lengthMismatch(otherName, count: other.count, expected: y.count)
        }
        if let weights, weights.count != y.count {
            throw .lengthMismatch(.weights, count: weights.count, expected: y.count)
        }
        if y.isEmpty {
            throw .empty
        }
        let weightsFine = weights.map { Scan.none($0) { !(($0 >= 0) & ($0 < .infinity)) } } ?? true
        if weightsFine, allValid(y, other, yValid: yValid, otherValid: otherValid) {
            return
        }
        try noMissing(y, name: .truth)
        try noMissing(other, name: otherName)
        if let weights {
            try noMissing(weights, name: .weights)
        }
        try domain()
        try weightsValid(weights)
    }

    /// 0/1 labels and probabilities of class 1 (log loss, Brier, calibration).
    static func checkProbabilities(y: [Double], p: [Double], weights: [Double]?) throws(MetricError) {
        try check(
            y: y, other: p, otherName: .prediction, weights: weights,
            yValid: { ($0 == 0) | ($0 == 1) }, otherValid: { ($0 >= 0) & ($0 <= 1) }
        ) { () throws(MetricError) in
            try binaryLabels(y)
            try probabilities(p)
        }
    }

    /// 0/1 labels and 0/1 decisions (confusion counts, profit).
    static func checkDecisions(y: [Double], yhat: [Double], weights: [Double]?) throws(MetricError) {
        try check(
            y: y, other: yhat, otherName: .prediction, weights: weights,
            yValid: { ($0 == 0) | ($0 == 1) }, otherValid: { ($0 == 0) | ($0 == 1) }
        ) { () throws(MetricError) in
            try binaryLabels(y)
            try binaryValues(yhat, name: .prediction)
        }
    }

    /// 0/1 labels and any non-missing scores (AUC and the score sweep).
    static func checkScores(y: [Double], scores: [Double], weights: [Double]?) throws(MetricError) {
        try check(
            y: y, other: scores, otherName: .prediction, weights: weights,
            yValid: { ($0 == 0) | ($0 == 1) }, otherValid: { $0 == $0 }
        ) { () throws(MetricError) in
            try binaryLabels(y)
        }
    }

    /// Whether every pair of equal-length `a` and `b` passes its predicate: one pass over
    /// both, with no branch per element, so it runs at memory speed.
    @inline(__always)
    static func allValid(
        _ a: [Double], _ b: [Double], yValid: (Double) -> Bool, otherValid: (Double) -> Bool
    ) -> Bool {
        a.withUnsafeBufferPointer { ab in
            b.withUnsafeBufferPointer { bb in
                var bad: UInt8 = 0
                var i = 0
                let n = min(ab.count, bb.count)
                while i < n {
                    bad |= (yValid(ab[i]) ? 0 : 1) | (otherValid(bb[i]) ? 0 : 1)
                    i &+= 1
                }
                return bad == 0
            }
        }
    }

    /// Throws for the first NaN, which is how a column stores a missing value.
    static func noMissing(_ values: [Double], name: MetricArgument) throws(MetricError) {
        if let index = Scan.firstIndex(values, where: { $0 != $0 }) {
            throw .missingValue(name, row: index)
        }
    }

    /// Throws for the first label that is not exactly 0 or 1.
    static func binaryLabels(_ y: [Double]) throws(MetricError) {
        if let index = Scan.firstIndex(y, where: { ($0 != 0) & ($0 != 1) }) {
            throw .notBinary(row: index, value: y[index])
        }
    }

    /// Throws for the first probability outside [0, 1]; infinities are outside too.
    static func probabilities(_ p: [Double]) throws(MetricError) {
        if let index = Scan.firstIndex(p, where: { !(($0 >= 0) & ($0 <= 1)) }) {
            throw .probabilityOutOfRange(row: index, value: p[index])
        }
    }

    /// Throws for the first value of `name` that is not exactly 0 or 1 (a hard prediction).
    static func binaryValues(_ values: [Double], name: MetricArgument) throws(MetricError) {
        if let index = Scan.firstIndex(values, where: { ($0 != 0) & ($0 != 1) }) {
            throw .invalidValue(name, row: index, value: values[index], .binary)
        }
    }

    /// The largest class count a confusion matrix accepts.
    static let maxClasses = 4096

    /// The checks for class-code input: `classes` at least 1, lengths agree, `y` non-empty,
    /// codes in `0..<classes`, weights present and non-negative.
    static func classCodes(
        y: [Int], other: [Int], otherName: MetricArgument, classes: Int, weights: [Double]?
    ) throws(MetricError) {
        if classes < 1 {
            throw .invalidParameter(.option(.classes), value: Double(classes), .atLeast(1))
        }
        // A confusion matrix is dense, k × k cells; a bound keeps a mistyped k from
        // allocating gigabytes (or overflowing k·k) instead of failing with a message.
        if classes > maxClasses {
            throw .invalidParameter(.option(.classes), value: Double(classes), .atMost(Double(maxClasses)))
        }
        if other.count != y.count {
            throw .lengthMismatch(otherName, count: other.count, expected: y.count)
        }
        try codes(y, name: .truth, classes: classes, weights: weights)
        try codes(other, name: otherName, classes: classes, weights: nil)
    }

    /// Checks one code column and, when given, the weights that go with it.
    static func codes(
        _ values: [Int], name: MetricArgument, classes: Int, weights: [Double]?
    ) throws(MetricError) {
        if let weights, weights.count != values.count {
            throw .lengthMismatch(.weights, count: weights.count, expected: values.count)
        }
        if values.isEmpty {
            throw .empty
        }
        if let index = values.firstIndex(where: { $0 < 0 || $0 >= classes }) {
            throw .invalidValue(name, row: index, value: Double(values[index]), .classCode(classes: classes))
        }
        try weightsValid(weights)
    }

    /// Weights hold no missing value and nothing negative.
    static func weightsValid(_ weights: [Double]?) throws(MetricError) {
        guard let weights else { return }
        try noMissing(weights, name: .weights)
        if let index = Scan.firstIndex(weights, where: { !(($0 >= 0) & ($0 < .infinity)) }) {
            if weights[index] < 0 { throw .negativeWeight(row: index, value: weights[index]) }
            throw .invalidValue(.weights, row: index, value: weights[index], .finite)
        }
    }

    /// Throws unless `value` lies in the closed range; NaN is outside every range.
    static func parameter(
        _ value: Double, name: MetricArgument, in range: ClosedRange<Double>, requirement: MetricRequirement
    ) throws(MetricError) {
        if !range.contains(value) {
            throw .invalidParameter(name, value: value, requirement)
        }
    }
}
