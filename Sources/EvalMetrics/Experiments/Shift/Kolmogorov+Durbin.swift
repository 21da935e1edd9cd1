import Foundation

// The two exact recursions of `scipy.stats._ksstats` for `P(D_n ≤ d)`.
//
// Durbin's matrix method (as Marsaglia, Tsang & Wang evaluate it) raises a (2k − 1)-square
// matrix to the n-th power; Pomeranz's recursion convolves rows of Poisson-like weights.
// Both rescale by 2^128 and keep the exponent apart, as scipy does, because the
// intermediate values span far more than a double's range. Ported from
// `_kolmogn_DMTW` and `_kolmogn_Pomeranz`.

extension Kolmogorov {
    /// `P(D_n ≤ d)` by Durbin's matrix, suited to small k = ⌈n·d⌉.
    static func durbinCDF(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1

        // v[j] = (1 − h^(j+1)) / (j+1)!, w[j] = 1 / j!: the first column and the bands.
        var v = (1...m).map { 1.0 - pow(h, Double($0)) }
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] *= factorial
        }
        let tt = pow(max(2 * h - 1.0, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1.0 + tt) * factorial

        var matrix = DurbinMatrix(size: m)
        for i in 1..<max(m, 1) {
            for row in (i - 1)..<m {
                matrix[row, i] = w[row - (i - 1)]
            }
        }
        for row in 0..<m {
            matrix[row, 0] = v[row]
        }
        for column in 0..<m {
            matrix[m - 1, column] = v[m - 1 - column]
        }

        // Square-and-multiply, rescaling whenever the watched entry passes 2^128.
        var power = DurbinMatrix.identity(size: m)
        var remaining = n
        var exponent = 0
        var matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power * matrix
                exponent += matrixExponent
            }
            matrix = matrix * matrix
            matrixExponent *= 2
            if abs(matrix[k - 1, k - 1]) > scaleUp {
                matrix.scale(by: 1 / scaleUp)
                matrixExponent += 128
            }
            remaining /= 2
        }

        // Multiply by n!/n^n, one factor at a time, rescaling before an underflow.
        var p = power[k - 1, k - 1]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= 128
            }
        }
        if exponent != 0 {
            p = DoubleDouble.ldexp(p, exponent)
        }
        return clip(p)
    }

    /// `P(D_n ≤ x)` by Pomeranz's recursion, for moderate n·x².
    static func pomeranzCDF(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1.0 - f)
        let ceilF = f > 0 ? 1 : 0
        let roundF = f > 0.5 ? 1 : 0
        let powerCount = 2 * (ll + 1)
        // (g/n)^m/m!, (2g/n)^m/m!, ((1−2g)/n)^m/m!: Poisson weights without normalisation.
        var gPower = [Double](repeating: 1, count: powerCount)
        var twoGPower = gPower
        var oneMinusTwoGPower = gPower
        let gOverN = g / Double(n)
        let twoGOverN = 2 * g / Double(n)
        let oneMinusTwoGOverN = (1 - 2 * g) / Double(n)
        for m in stride(from: 1, to: powerCount, by: 1) {
            gPower[m] = gPower[m - 1] * gOverN / Double(m)
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / Double(m)
        }

        // Two rows suffice; each keeps the offset of its first stored entry.
        var previous = [Double](repeating: 0, count: powerCount)
        var current = previous
        current[0] = 1
        var previousStart = 0
        var currentStart = 0
        var exponent = 0
        var (j1, j2) = pomeranzBounds(row: 0, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for index in current.indices { current[index] = 0 }
            (j1, j2) = pomeranzBounds(row: i, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
            let weights = (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            // The slice of the previous row and of the weights, clipped as numpy slices are.
            let lower = min(max(k1 - previousStart, 0), previous.count)
            let upper = min(max(k1 - previousStart + length, lower), previous.count)
            let row = Array(previous[lower..<upper])
            let kernel = Array(weights[0..<min(length, weights.count)])
            let convolution = fullConvolution(row, kernel)
            let convolutionStart = j1 - k1
            let convolutionLength = j2 - j1 + 1
            for offset in 0..<max(convolutionLength, 0) where offset < current.count {
                let source = convolutionStart + offset
                current[offset] = convolution.indices.contains(source) ? convolution[source] : 0
            }
            // Rescale a row that is heading for underflow.
            if let largest = current.max(), largest > 0, largest < scaleDown {
                for index in current.indices { current[index] *= scaleUp }
                exponent -= 128
            }
            currentStart = previousStart + j1 - k1
        }

        let index = n - currentStart
        var answer = current.indices.contains(index) ? current[index] : 0
        // Multiply by n!, rescaling before an overflow.
        for m in 1...max(n, 1) {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 {
            answer = DoubleDouble.ldexp(answer, exponent)
        }
        return clip(answer)
    }

    /// The first and last non-zero column of row `row` in Pomeranz's recursion.
    private static func pomeranzBounds(row i: Int, n: Int, ll: Int, ceilF: Int, roundF: Int) -> (Int, Int) {
        var j1: Int
        var j2: Int
        if i == 0 {
            j1 = -ll - ceilF - 1
            j2 = ll + ceilF - 1
        } else {
            let (half, odd) = (i + 1).quotientAndRemainder(dividingBy: 2)
            if odd == 0 {
                if half == n + 1 {
                    j1 = n - ll - ceilF - 1
                    j2 = n + ll + ceilF - 1
                } else {
                    j1 = half - 1 - ll - roundF - 1
                    j2 = half + ll - 1 + ceilF - 1
                }
            } else {
                j1 = half - 1 - ll - 1
                j2 = half + ll + roundF - 1
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }

    /// numpy's `convolve(a, b)` in 'full' mode: `c[k] = Σ a[i]·b[k − i]`.
    private static func fullConvolution(_ a: [Double], _ b: [Double]) -> [Double] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var result = [Double](repeating: 0, count: a.count + b.count - 1)
        for i in a.indices {
            for j in b.indices {
                result[i + j] += a[i] * b[j]
            }
        }
        return result
    }
}

/// A dense row-major square matrix, just enough for Durbin's matrix power.
private struct DurbinMatrix {
    let size: Int
    private(set) var entries: [Double]

    init(size: Int) {
        self.size = size
        self.entries = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> DurbinMatrix {
        var matrix = DurbinMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * size + column] }
        set { entries[row * size + column] = newValue }
    }

    mutating func scale(by factor: Double) {
        for index in entries.indices { entries[index] *= factor }
    }

    static func * (lhs: DurbinMatrix, rhs: DurbinMatrix) -> DurbinMatrix {
        let n = lhs.size
        var product = DurbinMatrix(size: n)
        lhs.entries.withUnsafeBufferPointer { a in
            rhs.entries.withUnsafeBufferPointer { b in
                product.entries.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        for k in 0..<n {
                            let aik = a[i * n + k]
                            if aik == 0 { continue }
                            for j in 0..<n {
                                c[i * n + j] += aik * b[k * n + j]
                            }
                        }
                    }
                }
            }
        }
        return product
    }
}
