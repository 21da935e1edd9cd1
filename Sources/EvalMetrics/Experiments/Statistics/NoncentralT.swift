import Foundation

/// The noncentral t distribution with real df > 0 and noncentrality δ: the distribution of
/// (Z + δ) / √(χ²_df / df), the t statistic when the true standardized difference is not
/// zero (scipy's `nct`, which statsmodels' `TTestIndPower` uses for power).
///
/// The algorithm is Boost's (`non_central_t.hpp`, which scipy calls): for t ≥ 0, with
/// x = t² / (df + t²),
///
///     P(T ≤ t) = Φ(−δ) + ½ Σ_j [p_j I_x(j + ½, df/2) + q_j I_x(j + 1, df/2)],
///
/// p_j = e^(−δ²/2) (δ²/2)^j / j! and q_j = δ e^(−δ²/2) (δ²/2)^j / (√2 Γ(j + 3/2)); a
/// negative t reflects (P(T ≤ t; δ) = 1 − P(T ≤ −t; −δ)). Each series starts at the
/// largest Poisson weight and runs outward both ways, the incomplete beta functions
/// stepped by their recurrences; past Boost's crossover point the complement's series
/// is summed instead, so the smaller tail never comes from 1 − (larger one).
package enum NoncentralT {
    /// P(T ≤ t) (scipy's `nct.cdf`, `special.nctdtr`).
    package static func cdf(_ t: Double, df: Double, nc: Double) -> Double {
        distribution(t, df: df, nc: nc, upper: false)
    }

    /// P(T > t) (scipy's `nct.sf`).
    package static func sf(_ t: Double, df: Double, nc: Double) -> Double {
        distribution(t, df: df, nc: nc, upper: true)
    }

    /// Boost's `non_central_t_cdf(df, δ, t, invert: upper)`.
    static func distribution(_ t: Double, df: Double, nc: Double, upper: Bool) -> Double {
        guard df > 0, !t.isNaN, nc.isFinite else { return .nan }
        if df == .infinity {
            return upper ? Normal.sf(t - nc) : Normal.cdf(t - nc)
        }
        if nc == 0 {
            return upper ? StudentT.sf(t, df: df) : StudentT.cdf(t, df: df)
        }
        var t = t, delta = nc, invert = upper
        if t < 0 {
            t = -t
            delta = -delta
            invert.toggle()
        }
        if abs(delta / (4 * df)) < Double.ulpOfOne {
            // Boost's shortcut for a vanishing noncentrality relative to df.
            let result = StudentT.cdf(t - delta, df: df)
            return invert ? 1 - result : result
        }
        // x = t²/(df + t²) and y = df/(df + t²), each formed without cancellation.
        let z = t * t
        let x: Double, y: Double
        if z > df {
            let r = df / z
            (x, y) = (1 / (1 + r), r / (1 + r))
        } else {
            let s = z / df
            (x, y) = (s / (1 + s), 1 / (1 + s))
        }
        let d2 = delta * delta
        if d2 > 2e9 {
            // Beyond any effect a power calculation meets (|δ| > 44,721) the series would
            // need millions of terms; there the distribution is normal to far below double
            // precision at the t a test uses (Abramowitz & Stegun 26.7.10).
            let normal = (t * (1 - 1 / (4 * df)) - delta) / (1 + t * t / (2 * df)).squareRoot()
            return invert ? Normal.sf(normal) : Normal.cdf(normal)
        }
        let a = 0.5, b = df / 2
        let c = a + b + d2 / 2
        let cross = 1 - (b / c) * (1 + d2 / (2 * c * c))
        var result: Double
        if x < cross {
            if x != 0 {
                let even = betaP(a: a, b: b, lambda: d2, x: x, y: y)
                result = oddP(df: df, delta: delta, x: x, y: y, initial: even) / 2
            } else {
                result = 0
            }
            result += Normal.cdf(-delta)
        } else {
            invert.toggle()
            if x != 0 {
                let even = betaQ(a: a, b: b, lambda: d2, x: x, y: y)
                result = oddQ(df: df, delta: delta, x: x, y: y, initial: even) / 2
            } else {
                result = Normal.sf(-delta)
            }
        }
        return invert ? 1 - result : result
    }

    /// Series terms below this fraction of the sum end a series (Boost's epsilon).
    static let tolerance = Double.ulpOfOne
    /// More terms than any convergent series here needs; Boost's default cap.
    static let maxTerms = 1_000_000

    /// e^(−x) x^k / k!, the Poisson weight of k (Boost's `gamma_p_derivative(k + 1, x)`).
    static func poisson(_ k: Int, _ x: Double) -> Double {
        exp(Double(k) * log(x) - x - SpecialFunctions.logGamma(Double(k) + 1))
    }

    /// I_x(a, b) with x = 1 − y, and its recurrence step x^(a−1) y^b / ((a + b − 1) B(a, b)).
    static func start(a: Double, b: Double, x: Double, y: Double, complement: Bool) -> (Double, Double) {
        let tails = SpecialFunctions.incompleteBeta(a: a, b: b, x: x, y: y)
        let step = SpecialFunctions.betaPowerTerms(a: a, b: b, x: x, y: y) / (x * (a + b - 1))
        return (complement ? tails.upper : tails.lower, step)
    }

    /// Σ_j Poisson(j; λ/2) I_x(a + j, b): the noncentral beta's lower tail (Boost's
    /// `non_central_beta_p`), backwards from the largest weight first, then forwards.
    static func betaP(a: Double, b: Double, lambda: Double, x: Double, y: Double) -> Double {
        let l2 = lambda / 2
        let k = max(1, Int(l2.rounded(.towardZero)))
        var pois = poisson(k, l2)
        if pois == 0 { return 0 }
        var (beta, xterm) = start(a: a + Double(k), b: b, x: x, y: y, complement: false)
        var (poisF, betaF, xtermF) = (pois, beta, xterm)
        if beta == 0, xterm == 0 { return 0 }
        var sum = 0.0
        var last = 0.0
        for i in stride(from: k, through: 0, by: -1) {
            let term = beta * pois
            sum += term
            if (abs(term / sum) < tolerance && last >= term) || term == 0 { break }
            pois *= Double(i) / l2
            beta += xterm
            let d = Double(i)
            if a + b + d != 2 { xterm *= (a + d - 1) / (x * (a + b + d - 2)) }
            last = term
        }
        for i in (k + 1)...(k + maxTerms) {
            let d = Double(i)
            poisF *= l2 / d
            xtermF *= (x * (a + b + d - 2)) / (a + d - 1)
            betaF -= xtermF
            let term = poisF * betaF
            sum += term
            if abs(term / sum) < tolerance || term == 0 { break }
        }
        return sum
    }

    /// Σ_j Poisson(j; λ/2) (1 − I_x(a + j, b)): the noncentral beta's upper tail (Boost's
    /// `non_central_beta_q`), forwards from the largest weight first, then backwards.
    static func betaQ(a: Double, b: Double, lambda: Double, x: Double, y: Double) -> Double {
        let l2 = lambda / 2
        var k = Int(l2.rounded(.towardZero))
        if k <= 30 {
            // With this few terms before the peak, start at 0 (as Boost does).
            if a + b > 1 { k = 0 } else if k == 0 { k = 1 }
        }
        var pois = k == 0 ? exp(-l2) : poisson(k, l2)
        if pois == 0 { return 0 }
        var (beta, xterm) = start(a: a + Double(k), b: b, x: x, y: y, complement: true)
        var (poisF, betaF, xtermF) = (pois, beta, xterm)
        if beta == 0, xterm == 0 { return 0 }
        var sum = 0.0
        var last = 0.0
        for i in (k + 1)...(k + maxTerms) {
            let d = Double(i)
            poisF *= l2 / d
            xtermF *= (x * (a + b + d - 2)) / (a + d - 1)
            betaF += xtermF
            let term = poisF * betaF
            sum += term
            if abs(term / sum) < tolerance && last >= term { break }
            last = term
        }
        for i in stride(from: k, through: 0, by: -1) {
            let term = beta * pois
            sum += term
            if abs(term / sum) < tolerance { break }
            let d = Double(i)
            pois *= d / l2
            beta -= xterm
            if a + b + d - 2 != 0 { xterm *= (a + d - 1) / (x * (a + b + d - 2)) }
        }
        return sum
    }

    /// The odd weights' first term δ e^(−δ²/2) (δ²/2)^k / (√2 Γ(k + 3/2)).
    static func oddWeight(_ k: Int, delta: Double) -> Double {
        let d2 = delta * delta / 2
        let magnitude = exp(Double(k) * log(d2) - d2 - SpecialFunctions.logGamma(Double(k) + 1.5))
        return magnitude * delta / 2.0.squareRoot()
    }

    /// `initial` + Σ_j q_j I_x(j + 1, df/2) (Boost's `non_central_t2_p`).
    static func oddP(df: Double, delta: Double, x: Double, y: Double, initial: Double) -> Double {
        let d2 = delta * delta / 2
        let half = df / 2
        let k = max(1, Int(d2.rounded(.towardZero)))
        var pois = oddWeight(k, delta: delta)
        if pois == 0 { return initial }
        var (beta, xterm) = start(a: Double(k + 1), b: half, x: x, y: y, complement: false)
        var (poisF, betaF, xtermF) = (pois, beta, xterm)
        var sum = initial
        if xterm == 0, beta == 0 { return initial }
        var last = 0.0
        for i in stride(from: k, through: 0, by: -1) {
            let term = beta * pois
            sum += term
            if (abs(last) > abs(term) && abs(term / sum) < tolerance) || (df == 2 && i == 0) { break }
            last = term
            let d = Double(i)
            pois *= (d + 0.5) / d2
            beta += xterm
            xterm *= d / (x * (half + d - 1))
        }
        last = 0
        for i in (k + 1)...(k + maxTerms) {
            let d = Double(i)
            poisF *= d2 / (d + 0.5)
            xtermF *= (x * (half + d - 1)) / d
            betaF -= xtermF
            let term = poisF * betaF
            sum += term
            if abs(last) >= abs(term) && abs(term / sum) < tolerance { break }
            last = term
        }
        return sum
    }

    /// `initial` + Σ_j q_j (1 − I_x(j + 1, df/2)) (Boost's `non_central_t2_q`), both
    /// directions fused.
    static func oddQ(df: Double, delta: Double, x: Double, y: Double, initial: Double) -> Double {
        let d2 = delta * delta / 2
        let half = df / 2
        let k = max(1, Int(d2.rounded(.towardZero)))
        var pois = oddWeight(k, delta: delta)
        if pois == 0 { return initial }
        var (beta, xterm) = start(a: Double(k + 1), b: half, x: x, y: y, complement: true)
        var (poisF, betaF, xtermF) = (pois, beta, xterm)
        var sum = initial
        if xterm == 0, beta == 0 { return initial }
        var last = 0.0
        var j = k
        for i in (k + 1)...(k + maxTerms) {
            let d = Double(i)
            poisF *= d2 / (d + 0.5)
            xtermF *= (x * (half + d - 1)) / d
            betaF += xtermF
            var term = poisF * betaF
            if j >= 0 {
                term += beta * pois
                let e = Double(j)
                pois *= (e + 0.5) / d2
                beta -= xterm
                if !(df == 2 && j == 0) { xterm *= e / (x * (half + e - 1)) }
            }
            sum += term
            if abs(last) > abs(term) && abs(term / sum) < tolerance { break }
            last = term
            j -= 1
        }
        return sum
    }
}
