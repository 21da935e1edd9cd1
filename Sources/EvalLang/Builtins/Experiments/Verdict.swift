import EvalMetrics
import Foundation

/// One-sentence readouts of tests, for the people who decide.
///
/// For example: "B converts 0.38 points better than A (3.82% vs 3.44%), 95% CI
/// [0.01, 0.75] points, p = 0.043."
/// The numbers stay in the record beneath; the sentence only rounds them for reading.
/// A difference whose interval includes zero is said to be "no clear difference",
/// whatever its sign, so a sentence never claims more than the test shows.
enum Verdict {
    static func abTest(_ r: ABTestResult) -> String {
        let points = r.difference * 100
        let direction = points >= 0 ? "better" : "worse"
        let rates = "(\(percent(r.rateB)) vs \(percent(r.rateA)))"
        let interval = "\(level(r.level)) CI [\(fixed(r.ciLow * 100)), \(fixed(r.ciHigh * 100))] points"
        let p = r.pValue.map { ", \(pValue($0))" } ?? ""
        let claim = "B converts \(fixed(abs(points))) points \(direction) than A \(rates), \(interval)\(p)"
        return (significant(r.ciLow, r.ciHigh) ? claim : "No clear difference: " + claim) + "."
    }

    static func tTest(_ r: TTestResult, welch: Bool) -> String {
        let direction = r.estimate >= 0 ? "higher" : "lower"
        let means = "(\(short(r.meanX)) vs \(short(r.meanY)))"
        var claim = "The mean of x is \(short(abs(r.estimate))) \(direction) than that of y \(means)"
        if let low = r.ciLow, let high = r.ciHigh {
            claim += ", \(level(r.level)) CI [\(short(low)), \(short(high))]"
        }
        if let p = r.pValue { claim += ", \(pValue(p))" }
        claim += welch ? " (Welch's t-test)" : " (Student's t-test)"
        let clear = r.ciLow.flatMap { low in r.ciHigh.map { high in significant(low, high) } } ?? false
        return (clear ? claim : "No clear difference: " + claim) + "."
    }

    /// An interval that excludes zero.
    static func significant(_ low: Double, _ high: Double) -> Bool {
        low > 0 || high < 0
    }

    static func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    static func fixed(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        return text == "-0.00" ? "0.00" : text
    }

    /// Three significant digits, no exponent for ordinary magnitudes.
    static func short(_ x: Double) -> String {
        let text = String(format: "%.3g", x)
        return text.contains("e") ? NumberFormat.human(x) : text
    }

    static func level(_ x: Double) -> String {
        let percent = x * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : String(format: "%g%%", percent)
    }

    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : "p = " + String(format: "%.2g", p)
    }
}
