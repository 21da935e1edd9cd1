import Foundation

// The two-sided one-sample Kolmogorov–Smirnov distribution for finite n.
//
// `ks_2samp`'s asymptotic branch takes its p-value from `scipy.stats.kstwo.sf(d, n)`,
// with n the rounded effective sample size. That survival function is
// `scipy.stats._ksstats._kolmogn`, which follows Simard & L'Ecuyer (2011) and picks one
// of several algorithms by n and n·d²: closed forms near both ends of the support
// (Ruben–Gambino), twice the one-sided Smirnov tail for large d, Durbin's matrix
// (Marsaglia–Tsang–Wang), Pomeranz's recursion, or the Pelz–Good series. This file holds
// the dispatch and the short methods; `Kolmogorov+Durbin.swift` the two recursions and
// `Smirnov.swift` the one-sided tail. The thresholds and operation order are scipy's,
// so every branch lands where scipy's does.

/// The finite-n Kolmogorov distribution (`scipy.stats.kstwo`), survival side.
package enum Kolmogorov {
    static let piSquared = pow(Double.pi, 2)
    static let piFour = pow(Double.pi, 4)
    static let piSix = pow(Double.pi, 6)
    static let sqrtTwoPi = (2 * Double.pi).squareRoot()
    static let logTwoPi = log(2 * Double.pi)
    /// Rescaling step for the recursions, 2^128, as `_ksstats._EP128`.
    static let scaleUp = 0x1p128
    static let scaleDown = 0x1p-128

    /// `scipy.stats.kstwo.sf(x, n)`: `P(D_n ≥ x)` for the two-sided statistic of a sample of n.
    ///
    /// `n` is a float as scipy receives it (a rounded effective size); one that is below 1
    /// or not an integer gives NaN, as scipy's argument check does. Outside the open
    /// support (1/(2n), 1) the survival is 1 below and 0 above, without evaluation.
    package static func twoSidedSurvival(n: Double, x: Double) -> Double {
        guard n >= 1, n == n.rounded(), n.isFinite, !x.isNaN else { return .nan }
        if x <= 0.5 / n { return 1 }
        if !(x < 1) { return 0 }
        return survival(n: Int(n), x: x)
    }

    /// `_kolmogn(n, x, cdf=False)`.
    static func survival(n: Int, x: Double) -> Double {
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let t = Double(n) * x
        if t <= 1 {
            // Ruben–Gambino: for 1/(2n) ≤ x ≤ 1/n the CDF is n!/n^n · (2t − 1)^n.
            if t <= 0.5 { return 1 }
            let cdf: Double
            if n <= 140 {
                var product = 1.0
                for i in 1...n {
                    product *= Double(i) * (1.0 / Double(n)) * (2 * t - 1)
                }
                cdf = product
            } else {
                cdf = exp(logFactorialOverPower(n) + Double(n) * log(2 * t - 1))
            }
            return clip(1 - cdf)
        }
        if t >= Double(n - 1) {
            // Ruben–Gambino at the top: the survival is 2(1 − x)^n.
            return clip(2 * pow(1 - x, Double(n)))
        }
        if x >= 0.5 {
            // The one-sided tails cannot overlap, so the two-sided tail is twice one.
            return clip(2 * smirnovSurvival(n: n, x: x))
        }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 {
                return clip(1 - durbinCDF(n: n, d: x))
            }
            if nxSquared <= 4 {
                return clip(1 - pomeranzCDF(n: n, x: x))
            }
            return clip(2 * smirnovSurvival(n: n, x: x))
        }
        // Large n: the survival has its own cut-offs, tighter than the CDF's.
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 {
            return clip(2 * smirnovSurvival(n: n, x: x))
        }
        let cdf: Double
        if nxSquared >= 18 {
            cdf = 1
        } else if n <= 100_000 && Double(n) * pow(x, 1.5) <= 1.4 {
            cdf = durbinCDF(n: n, d: x)
        } else {
            cdf = pelzGoodCDF(n: n, x: x)
        }
        return clip(1 - cdf)
    }

    /// `log(n! / n^n)` by Stirling's series with `n·log(n)` removed up front, which
    /// would otherwise cancel.
    static func logFactorialOverPower(_ n: Int) -> Double {
        // B_2j / (2j(2j − 1)) for j = 8 … 1, highest power first.
        let coefficients = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3,
            -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let nn = Double(n)
        let rn = 1.0 / nn
        let z = rn / nn
        var series = 0.0
        for c in coefficients {
            series = series * z + c
        }
        return log(nn) / 2 - nn + logTwoPi / 2 + rn * series
    }

    /// The Pelz–Good approximation to `P(D_n ≤ x)`: the Li-Chien/Korolyuk expansion in
    /// 1/√n, with each term rewritten through Jacobi theta functions to suit small z.
    static func pelzGoodCDF(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let z = Double(n).squareRoot() * x
        let z2 = pow(z, 2), z3 = pow(z, 3), z4 = pow(z, 4), z6 = pow(z, 6)
        let qlog = -piSquared / 8 / z2
        if qlog < -708 { return 0 }
        var q = exp(qlog)

        let k1a = -z2
        let k1b = piSquared / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * piSquared / 4
        let k2c = piFour * (1 - 2 * z2) / 16
        let k3d = piSix * (5 - 30 * z2) / 64
        let k3c = piFour * (-60 * z2 + 212 * z4) / 16
        let k3b = piSquared * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)

        // Horner over the odd squares: Σ c_m q^(m²) for m = 2k − 1.
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        for k in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * k - 1)
            let m2 = m * m, m4 = m2 * m2, m6 = m4 * m2
            let qPower = pow(q, Double(8 * k))
            let coefficients = [
                1.0,
                k1a + k1b * m2,
                k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6,
            ]
            for i in 0..<4 {
                terms[i] = terms[i] * qPower + coefficients[i]
            }
        }
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for i in 0..<4 {
            terms[i] = terms[i] * q * sqrtTwoPi / divisors[i]
        }

        // The sums over all integers k that K₂ and K₃ also carry.
        q = exp(-piSquared / 2 / z2)
        let sqrt3z = 3.0.squareRoot() * z
        var k2Extra = 0.0
        var k3Extra = 0.0
        for k in stride(from: maxK, through: 1, by: -1) {
            let k2 = Double(k * k)
            let kPi = Double.pi * Double(k)
            let qPower = pow(q, k2)
            k2Extra += k2 * qPower
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower
        }
        terms[2] += k2Extra * (piSquared * sqrtTwoPi / (-36 * z3))
        terms[3] += k3Extra * (piSquared * sqrtTwoPi / (216 * z6))
        var total = 0.0
        for i in 0..<4 {
            total += terms[i] / pow(Double(n), Double(i) / 2.0)
        }
        return total
    }

    @inline(__always)
    static func clip(_ p: Double) -> Double {
        min(max(p, 0), 1)
    }
}
