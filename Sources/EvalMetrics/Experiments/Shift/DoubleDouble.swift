// Double-double arithmetic for the one-sided Smirnov sum.
//
// scipy evaluates `smirnov(n, x)` with the qd package's double-double type (about 106
// significant bits), so the binomial-weighted terms keep their precision when the
// p-value is far in the tail. These are the operations that computation uses, ported
// operation for operation from xsf's `cephes/dd_real.h` so the rounding matches.

/// An unevaluated sum `hi + lo` with `|lo| ≤ ulp(hi) / 2`.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    init(_ value: Double) {
        self.hi = value
        self.lo = 0
    }

    /// The high word, as the C++ `static_cast<double>` returns it.
    var value: Double { hi }

    var isFinite: Bool { hi.isFinite }

    // MARK: Error-free transformations

    /// `a + b` and its rounding error, assuming `|a| ≥ |b|`.
    @inline(__always)
    static func quickTwoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let c = s - a
        return (s, b - c)
    }

    /// `a + b` and its rounding error for any magnitudes.
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let c = s - a
        let d = b - c
        let e = s - c
        return (s, (a - e) + d)
    }

    /// `a · b` and its rounding error, the error from one fused multiply-add.
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    // MARK: Arithmetic

    static prefix func - (x: DoubleDouble) -> DoubleDouble {
        DoubleDouble(-x.hi, -x.lo)
    }

    static func + (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
        // The Briggs–Kahan sum, which has an IEEE-style error bound.
        var (s1, s2) = twoSum(lhs.hi, rhs.hi)
        let (t1, t2) = twoSum(lhs.lo, rhs.lo)
        s2 += t1
        (s1, s2) = quickTwoSum(s1, s2)
        s2 += t2
        (s1, s2) = quickTwoSum(s1, s2)
        return DoubleDouble(s1, s2)
    }

    static func + (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
        var (s1, s2) = twoSum(lhs.hi, rhs)
        s2 += lhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DoubleDouble(s1, s2)
    }

    static func + (lhs: Double, rhs: DoubleDouble) -> DoubleDouble {
        var (s1, s2) = twoSum(lhs, rhs.hi)
        s2 += rhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DoubleDouble(s1, s2)
    }

    static func - (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
        lhs + (-rhs)
    }

    static func - (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
        var (s1, s2) = twoSum(lhs.hi, -rhs)
        s2 += lhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DoubleDouble(s1, s2)
    }

    static func - (lhs: Double, rhs: DoubleDouble) -> DoubleDouble {
        var (s1, s2) = twoSum(lhs, -rhs.hi)
        s2 -= rhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DoubleDouble(s1, s2)
    }

    static func * (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
        var (p1, p2) = twoProduct(lhs.hi, rhs.hi)
        p2 += lhs.hi * rhs.lo + lhs.lo * rhs.hi
        (p1, p2) = quickTwoSum(p1, p2)
        return DoubleDouble(p1, p2)
    }

    static func * (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
        let (p1, e1) = twoProduct(lhs.hi, rhs)
        let (p2, e2) = twoProduct(lhs.lo, rhs)
        let (s, e) = quickTwoSum(p1, e2 + p2 + e1)
        return DoubleDouble(s, e)
    }

    static func * (lhs: Double, rhs: DoubleDouble) -> DoubleDouble {
        let (p1, e1) = twoProduct(lhs, rhs.hi)
        let (p2, e2) = twoProduct(lhs, rhs.lo)
        let (s, e) = quickTwoSum(p1, e2 + p2 + e1)
        return DoubleDouble(s, e)
    }

    static func / (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
        // Three correction steps of long division on the high words.
        var q1 = lhs.hi / rhs.hi
        var r = lhs - rhs * q1
        var q2 = r.hi / rhs.hi
        r = r - rhs * q2
        let q3 = r.hi / rhs.hi
        (q1, q2) = quickTwoSum(q1, q2)
        return DoubleDouble(q1, q2) + q3
    }

    static func / (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
        lhs / DoubleDouble(rhs)
    }

    static func / (lhs: Double, rhs: DoubleDouble) -> DoubleDouble {
        DoubleDouble(lhs) / rhs
    }

    /// Whether both words are zero (xsf's `== 0.0` on a double-double).
    var isZero: Bool { hi == 0 && lo == 0 }

    // MARK: Functions

    /// The largest integer not above this value.
    var floor: DoubleDouble {
        let high = hi.rounded(.down)
        guard high == hi else { return DoubleDouble(high, 0) }
        // The high word is already an integer, so the low word decides.
        let (s, e) = Self.quickTwoSum(high, lo.rounded(.down))
        return DoubleDouble(s, e)
    }

    /// This value times `2^exponent`.
    func scaled(by exponent: Int) -> DoubleDouble {
        DoubleDouble(Self.ldexp(hi, exponent), Self.ldexp(lo, exponent))
    }

    /// `(m, e)` with `self = m · 2^e` and `0.5 ≤ |m.hi| < 1` (or `|m.hi| = 1` when the
    /// low word has the opposite sign), as xsf's `frexp` for double-doubles.
    var fractionAndExponent: (DoubleDouble, Int) {
        var (man, exponent) = Self.frexp(hi)
        var low = Self.ldexp(lo, -exponent)
        if abs(man) == 0.5 && man * low < 0 {
            man *= 2
            low *= 2
            exponent -= 1
        }
        return (DoubleDouble(man, low), exponent)
    }

    /// C's `frexp`: `x = m · 2^e` with `0.5 ≤ |m| < 1`, or `(x, 0)` for zero and non-finite x.
    static func frexp(_ x: Double) -> (Double, Int) {
        guard x != 0, x.isFinite else { return (x, 0) }
        let exponent = Int(x.exponent) + 1
        return (Double(sign: x.sign, exponent: -1, significand: x.significand), exponent)
    }

    /// C's `ldexp`: `x · 2^e`, rounded once.
    static func ldexp(_ x: Double, _ exponent: Int) -> Double {
        Double(sign: .plus, exponent: exponent, significand: x)
    }
}
