import Dispatch
import Foundation
import Synchronization

/// LightGBM's `kZeroThreshold` (`1e-35f`, a float constant used as a double).
private let zeroThreshold = Double(Float(1e-35))

/// Rows per block: each block is transposed into a row-major scratch buffer and scored
/// independently, so the result does not depend on how many threads run the blocks.
private let blockRows = 512

extension LightGBMModel {
    package func predict(_ features: [[Double]], margin: Bool) -> ModelPrediction {
        let rows = features.first?.count ?? 0
        let width = classes
        // A missing or short column reads as missing values rather than trapping.
        let columns: [[Double]] = (0..<featureCount).map { j in
            j < features.count && features[j].count >= rows ? features[j] : [Double](repeating: .nan, count: rows)
        }
        let blocks = (rows + blockRows - 1) / blockRows
        // Each block returns its own scores, which are joined in block order afterwards:
        // no job writes memory another can see.
        let parts = Mutex([[Double]](repeating: [], count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let lo = block * blockRows
            let part = scoreBlock(columns, rows: lo..<min(rows, lo + blockRows), margin: margin)
            parts.withLock { $0[block] = part }
        }
        var values: [Double] = []
        values.reserveCapacity(rows * width)
        parts.withLock { parts in for part in parts { values.append(contentsOf: part) } }
        return ModelPrediction(rows: rows, width: width, values: values)
    }

    /// Scores `rows`: `rows.count × classes` values, row-major.
    private func scoreBlock(_ columns: [[Double]], rows: Range<Int>, margin: Bool) -> [Double] {
        let n = rows.count
        let f = featureCount
        // Row-major copy of the block; LightGBM's dense-row reader drops |x| <= kZeroThreshold
        // (so it reads as 0) and keeps NaN.
        var scratch = [Double](repeating: 0, count: n * f)
        for j in 0..<f {
            let column = columns[j]
            for r in 0..<n {
                let x = column[rows.lowerBound + r]
                scratch[r * f + j] = abs(x) <= zeroThreshold ? 0 : x
            }
        }
        let k = classes
        var scores = [Double](repeating: 0, count: n * k)
        scores.withUnsafeMutableBufferPointer { out in
            scratch.withUnsafeBufferPointer { row in
                for r in 0..<n {
                    let x = UnsafeBufferPointer(rebasing: row[(r * f)..<(r * f + f)])
                    for (t, root) in treeRoots.enumerated() {
                        out[r * k + t % k] += leaf(root, x)
                    }
                    if !margin { applyLink(UnsafeMutableBufferPointer(rebasing: out[(r * k)..<(r * k + k)])) }
                }
            }
        }
        return scores
    }

    /// The leaf value one tree gives to the row `x`.
    @inline(__always)
    private func leaf(_ root: Int32, _ x: UnsafeBufferPointer<Double>) -> Double {
        var node = root
        while node >= 0 {
            let i = Int(node)
            node = next(i, x[Int(nodeFeature[i])])
        }
        return leafValue[Int(~node)]
    }

    /// LightGBM's `Tree::CategoricalDecision` / `Tree::NumericalDecision` for node `i`.
    @inline(__always)
    private func next(_ i: Int, _ value: Double) -> Int32 {
        let d = nodeDecision[i]
        if d & 1 != 0 {
            // NaN goes right; so does a negative category after `static_cast<int>`
            // (truncation; out-of-range values convert to INT_MIN on the platforms LightGBM ships).
            guard !value.isNaN, value > -2_147_483_649, value < 2_147_483_648 else { return nodeRight[i] }
            let category = Int(value)
            guard category >= 0 else { return nodeRight[i] }
            let word = category >> 5
            // Common::FindInBitset: beyond the bitset is "not in the set".
            if word < Int(catCount[i]), (catWords[Int(catStart[i]) + word] >> UInt32(category & 31)) & 1 != 0 {
                return nodeLeft[i]
            }
            return nodeRight[i]
        }
        let missing = (d >> 2) & 3
        var v = value
        if v.isNaN && missing != 2 { v = 0 }
        if (missing == 1 && v >= -zeroThreshold && v <= zeroThreshold) || (missing == 2 && v.isNaN) {
            return d & 2 != 0 ? nodeLeft[i] : nodeRight[i]
        }
        return v <= nodeThreshold[i] ? nodeLeft[i] : nodeRight[i]
    }

    /// The objective's output transform, as LightGBM's `ConvertOutput`.
    @inline(__always)
    private func applyLink(_ s: UnsafeMutableBufferPointer<Double>) {
        switch link {
        case .identity:
            break
        case .sigmoid(let sigmoid):
            s[0] = 1.0 / (1.0 + exp(-sigmoid * s[0]))
        case .softmax:
            var top = s[0]
            for c in 1..<s.count { top = max(s[c], top) }
            var sum = 0.0
            for c in 0..<s.count {
                s[c] = exp(s[c] - top)
                sum += s[c]
            }
            for c in 0..<s.count { s[c] /= sum }
        }
    }
}
