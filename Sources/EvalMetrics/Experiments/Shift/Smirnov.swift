import Foundation

// The one-sided Smirnov distribution, which the two-sided Kolmogorov tail reduces to.
//
// For large statistics `P(D_n ≥ x) = 2 · P(D_n⁺ ≥ x)` exactly (x ≥ 1/2) or to within
// double precision (n·x² ≥ 2.2 for n > 140), so scipy's `kstwo.sf` calls
// `scipy.special.smirnov` there, and that is where small two-sample p-values come from.
// This is a port of xsf's `cephes/kolmogorov.h` (`_smirnov`, survival side only): the
// Birnbaum–Tingey sum in double-double arithmetic with the binomial coefficient carried
// as a separate mantissa and exponent, so terms near 1e-300 keep full precision.

extension Kolmogorov {
    /// Below this, `exp` underflows to zero (cephes `MINLOG`, the log of 2^-1075).
    private static let minLog = -7.451332191019412076235E2
    /// Beyond this n scipy uses an approximation instead of the sum.
    private static let smirnovMaxComputeN = 1_000_000
    /// The upper sum is used only for at most this many terms, from n this large.
    private static let upperMaxTerms = 3
    private static let upperSumMinN = 10
    /// Largest binary exponent a partial power may reach before it is split.
    private static let maxExponent = 960

    /// `smirnov(n, x)`: the probability that the one-sided statistic `D_n⁺` is at least `x`.
    package static func smirnovSurvival(n: Int, x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }

        let (alpha, nxFloor) = fractionalPart(n: n, x: x)
        var lowerLast = n - nxFloor - (alpha == 0 ? 0 : 1)
        var upperFirst = n - nxFloor
        // With n·x an integer the boundary term belongs to neither sum.
        if alpha == 0 {
            lowerLast -= 1
            upperFirst += 1
        }
        // x ≤ 1/n: a closed form.
        if nxFloor == 0 || (nxFloor == 1 && alpha == 0) {
            let t = power(DoubleDouble(1) + x, n - 1).value
            return 1 - x * t
        }
        // So far in the tail that the survival underflows.
        if Double(-2 * n) * x * x < minLog { return 0 }
        // x ≥ 1 − 1/n: a closed form.
        if nxFloor >= n - 1 { return power(DoubleDouble(1) + -x, n).value }
        if n > smirnovMaxComputeN {
            // p ≈ exp(−(6nx + 1)² / 18n), with expm1 near 1 for precision.
            let logp = -pow(6.0 * Double(n) * x + 1, 2) / 18.0 / Double(n)
            return logp < -M_LN2 ? exp(logp) : 1 - -expm1(logp)
        }
        let upperTerms = n - upperFirst + 1
        // The upper sum alternates in sign, so it is used only when it is very short.
        let useUpper =
            (upperTerms <= 1 && x < 0.5)
            || (n >= upperSumMinN && upperTerms <= upperMaxTerms && x <= 0.5 / Double(n).squareRoot())
        let start = useUpper ? n : 0
        let step = useUpper ? -1 : 1
        let termCount = useUpper ? upperTerms : lowerLast + 1
        // xsf's pow4_D forms (1 ± x) / (1 + 0) before the power; dividing by one is exact.
        let one = DoubleDouble(1) + 0.0
        var term =
            useUpper
            ? power((DoubleDouble(1) + x) / one, n - 1)
            : power((DoubleDouble(1) + -x) / one, n) / x
        var sum = DoubleDouble(0) + term
        var binomial = (mantissa: DoubleDouble(1), exponent: 0)
        updateBinomial(&binomial, n: n, j: 0)
        var j = 1
        while j < termCount {
            let v = start + j * step
            term = birnbaumTingeyTerm(n: n, x: x, v: v, binomial: binomial)
            if term.isFinite && !term.isZero {
                sum = sum + term
            }
            if !term.isZero {
                // Stop once the remaining terms cannot move the sum.
                if Double(4 * (termCount - j)) * abs(term.hi) < Double.ulpOfOne * sum.hi && j != termCount - 1 {
                    break
                }
            } else if j > n / 2 {
                break
            }
            updateBinomial(&binomial, n: n, j: j)
            j += 1
        }
        let probability = (x * sum).value
        return min(max(step < 0 ? 1 - probability : probability, 0), 1)
    }

    /// `(frac(n·x), floor(n·x))` computed exactly in double-double; a fraction that rounds
    /// to 1 carries into the integer part.
    private static func fractionalPart(n: Int, x: Double) -> (alpha: Double, floor: Int) {
        let product = Double(n) * DoubleDouble(x)
        let whole = product.floor
        var alpha = (product - whole).hi
        var floor = Int(whole.hi)
        if alpha == 1 {
            floor += 1
            alpha = 0
        }
        return (alpha, floor)
    }

    /// Advances `C(n, j)` to `C(n, j + 1)`, renormalising the mantissa into [0.5, 1).
    private static func updateBinomial(_ c: inout (mantissa: DoubleDouble, exponent: Int), n: Int, j: Int) {
        let ratio = DoubleDouble(Double(n - j)) / (Double(j) + 1.0)
        let (mantissa, exponent) = (c.mantissa * ratio).fractionAndExponent
        c.exponent += exponent
        c.mantissa = mantissa
    }

    /// `C(n, v) · (1 − x − v/n)^(n−v) · (x + v/n)^(v−1)`, one term of the sum.
    private static func birnbaumTingeyTerm(
        n: Int, x: Double, v: Int, binomial: (mantissa: DoubleDouble, exponent: Int)
    ) -> DoubleDouble {
        let (t2, t2Exponent) = scaledPower(DoubleDouble(Double(n - v)) / Double(n) - x, n - v)
        let (t1, t1Exponent) = scaledPower(DoubleDouble(Double(v)) / Double(n) + x, v - 1)
        let product = t1 * t2 * binomial.mantissa
        return product.scaled(by: binomial.exponent + t1Exponent + t2Exponent)
    }

    /// `a^m` in double-double, trading a little accuracy for speed as xsf's `pow_D` does:
    /// the high word's power corrected to first order for the low word.
    static func power(_ a: DoubleDouble, _ m: Int) -> DoubleDouble {
        if m <= 0 {
            return m == 0 ? DoubleDouble(1) : 1.0 / power(a, -m)
        }
        if a.isZero { return DoubleDouble(0) }
        let answer = pow(a.hi, Double(m))
        let r = a.lo / a.hi
        var adjustment = Double(m) * r
        if abs(adjustment) > 1e-8 {
            if abs(adjustment) < 1e-4 {
                // The first two terms of the binomial series of (1 + r)^m.
                adjustment += (Double(m) * r) * (Double(m - 1) / 2.0 * r)
            } else {
                adjustment = expm1(Double(m) * log1p(r))
            }
        }
        return DoubleDouble(answer) + answer * adjustment
    }

    /// `a^m = significand · 2^exponent`, split into partial powers so that nothing
    /// underflows on the way (xsf's `pow2Scaled_D`).
    private static func scaledPower(_ a: DoubleDouble, _ m: Int) -> (DoubleDouble, Int) {
        if m <= 0 {
            if m == 0 { return (DoubleDouble(1), 0) }
            let (inverse, e1) = scaledPower(a, -m)
            let (answer, e2) = (1.0 / inverse).fractionAndExponent
            return (answer, -e1 + e2)
        }
        // 0^m is 0; xsf would split the power forever here (log2(0) sets the split at 1),
        // though its callers never pass a zero base.
        if a.isZero { return (DoubleDouble(0), 0) }
        let (y, yExponent) = a.fractionAndExponent
        if m == 1 { return (y, yExponent) }
        var limit = maxExponent
        // A quick test whether y^m might fall below 2^-960, then the careful one.
        if Double(m) * (y.hi - 1) / y.hi < Double(-maxExponent) * M_LN2 {
            let log2y = log(y.hi) / M_LN2
            if Double(m) * log2y <= Double(-maxExponent) {
                limit = max(Int(roughPowerOfTwo(Double(-maxExponent) / log2y + 1) / 2), 1)
            }
        }
        if m <= limit {
            let (answer, e) = power(y, m).fractionAndExponent
            return (answer, e + m * yExponent)
        }
        let (q, r) = m.quotientAndRemainder(dividingBy: limit)
        // y^m = (y^limit)^q · y^r
        let (yr, yrExponent) = scaledPower(y, r)
        let (ylimit, ylimitExponent) = scaledPower(y, limit)
        let (ylimitq, ylimitqExponent) = scaledPower(ylimit, q)
        let (answer, e) = (yr * ylimitq).fractionAndExponent
        return (answer, e + ylimitqExponent + ylimitExponent * q + yrExponent + m * yExponent)
    }

    /// xsf's `nextPowerOf2`, which (despite its name) returns `|x · (1 + 2^-52)|`; kept
    /// as is because it sets the split point and so the rounding of the result.
    private static func roughPowerOfTwo(_ x: Double) -> Double {
        let bumped = abs(DoubleDouble.ldexp(x, 1 - Double.significandBitCount - 1) + x)
        return bumped == 0 ? abs(x) : bumped
    }
}
