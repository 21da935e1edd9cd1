import Foundation

/// Student's t distribution for real degrees of freedom df > 0.
///
/// P(T > |t|) = ½·I_x(df/2, ½) with x = df / (df + t²); x and 1 − x are both formed from
/// t² and df without subtraction, and the incomplete beta returns each tail directly,
/// so p-values far in the tail (1e-200) stay accurate. Non-positive or NaN df gives NaN;
/// infinite df is the standard normal.
package enum StudentT {
    /// P(T ≤ t) (scipy's `t.cdf`).
    package static func cdf(_ t: Double, df: Double) -> Double {
        let tail = tailProbability(t, df: df)
        return t < 0 ? tail : 1 - tail
    }

    /// P(T > t) (scipy's `t.sf`).
    package static func sf(_ t: Double, df: Double) -> Double {
        let tail = tailProbability(t, df: df)
        return t > 0 ? tail : 1 - tail
    }

    /// The t with P(T ≤ t) = p (scipy's `t.ppf`); ±∞ at 0 and 1, NaN outside [0, 1].
    package static func quantile(_ p: Double, df: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p < 0.5 {
            return -magnitude(forTail: p, df: df)
        }
        return magnitude(forTail: 1 - p, df: df)
    }

    /// The t with P(T > t) = q (scipy's `t.isf`), exact for tiny q.
    package static func upperQuantile(_ q: Double, df: Double) -> Double {
        -quantile(q, df: df)
    }

    /// P(T > |t|), one tail.
    static func tailProbability(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if df == .infinity {
            return Normal.sf(abs(t))
        }
        let z = t * t
        if z == 0 {
            return 0.5
        }
        // Divide the larger of t², df by the other, so neither x nor y underflows to a
        // rounding of 1 and an infinite t gives x = 0 instead of inf / inf.
        let x: Double
        let y: Double
        if z > df {
            let r = df / z
            x = r / (1 + r)
            y = 1 / (1 + r)
        } else {
            let s = z / df
            x = 1 / (1 + s)
            y = s / (1 + s)
        }
        return 0.5 * SpecialFunctions.incompleteBeta(a: 0.5 * df, b: 0.5, x: x, y: y).lower
    }

    /// The |t| with P(T > |t|) = tail, for tail in [0, ½].
    static func magnitude(forTail tail: Double, df: Double) -> Double {
        guard df > 0, tail >= 0, tail <= 0.5 else { return .nan }
        if df == .infinity {
            return Normal.upperQuantile(tail)
        }
        if tail == 0.5 {
            return 0
        }
        // Closed forms for df = 1 (Cauchy) and 2, as Boost (scipy) uses; they also reach
        // tails where x = df/(df + t²) would underflow (t.ppf(1e-300, 1) = −3.2e299).
        // For the Cauchy, tan(π(½ − tail)) near the centre keeps ½ − tail exact.
        if df == 1 {
            return tail < 0.25 ? 1 / tan(Double.pi * tail) : tan(Double.pi * (0.5 - tail))
        }
        if df == 2 {
            return (1 - 2 * tail) / (2 * tail * (1 - tail)).squareRoot()
        }
        // 1 − 2·tail is exact for tail ≥ ¼ (Sterbenz), so both tails reach the inverse intact.
        let point = SpecialFunctions.inverseIncompleteBeta(a: 0.5 * df, b: 0.5, lower: 2 * tail, upper: 1 - 2 * tail)
        if point.x == 0 {
            return .infinity
        }
        return (df * point.y / point.x).squareRoot()
    }
}
