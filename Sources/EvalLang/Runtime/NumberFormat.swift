import Foundation

/// Number formatting: rounded for people, exact for machines.
package enum NumberFormat {
    /// At most 6 significant digits, integers without a decimal point, stable
    /// across platforms (SPEC §4).
    package static func human(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e15 {
            return String(Int64(x))
        }
        if abs(x) >= 999_999.5, abs(x) < 1e15 {
            // Money-sized values read better as -1017970 than as -1.01797e+06: round to
            // 6 significant digits, then print the digits out.
            let scale = pow(10, floor(log10(abs(x))) - 5)
            return String(format: "%.0f", (x / scale).rounded() * scale)
        }
        var text = String(format: "%.6g", x)
        if text.contains("e") {
            // 1.5e-07 rather than C's 1.5e-07 with padded exponent digits kept as is.
            return text
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The shortest text that reads back as exactly `x`; JSON has no NaN or
    /// infinity, so those become `null`.
    package static func json(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return "\(x)"
    }

    /// The value exactly, as an input value is quoted in an error: integral values
    /// without `.0` (a label shows as `2`), others as Swift's shortest round-trip text.
    package static func exact(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
            return String(Int64(x))
        }
        return String(x)
    }

    /// Thousands separators for counts in summaries: `10,000`.
    package static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
