import Dispatch
import Foundation
import Synchronization

extension XGBoostModel {
    /// Rows per block: the unit of parallel work.
    ///
    /// Blocks are fixed, so results do not depend on how many threads run them.
    static let blockRows = 4096

    /// Predicts every row: the base margin plus each tree's leaf (times its DART weight),
    /// summed in float32 in tree order per output column, then the link unless `margin`.
    package func predict(_ features: [[Double]], margin: Bool) -> ModelPrediction {
        let rows = features.first?.count ?? 0
        let width = groups
        guard rows > 0 else { return ModelPrediction(rows: 0, width: width, values: []) }
        let blocks = (rows + Self.blockRows - 1) / Self.blockRows
        if blocks == 1 {
            let values = predictBlock(features, start: 0, end: rows, margin: margin)
            return ModelPrediction(rows: rows, width: width, values: values)
        }
        // Each block returns its own values, which are joined in block order afterwards:
        // no job writes memory another can see.
        let parts = Mutex([[Double]](repeating: [], count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let start = b * Self.blockRows
            let part = predictBlock(features, start: start, end: min(rows, start + Self.blockRows), margin: margin)
            parts.withLock { $0[b] = part }
        }
        var values: [Double] = []
        values.reserveCapacity(rows * width)
        parts.withLock { parts in for part in parts { values.append(contentsOf: part) } }
        return ModelPrediction(rows: rows, width: width, values: values)
    }

    /// Predicts rows `start..<end`: `(end - start) × groups` values, row-major.
    private func predictBlock(_ features: [[Double]], start: Int, end: Int, margin: Bool) -> [Double] {
        let count = end - start
        let nf = featureCount
        let width = groups
        // The block's rows, row-major in float32 (the precision XGBoost compares in).
        var local = [Float](repeating: .nan, count: max(1, count * nf))
        for f in 0..<min(nf, features.count) {
            features[f].withUnsafeBufferPointer { column in
                for r in 0..<count where start + r < column.count {
                    local[r * nf + f] = Float(column[start + r])
                }
            }
        }
        var acc = [Float](repeating: 0, count: count * width)
        for r in 0..<count {
            for g in 0..<width { acc[r * width + g] = baseMargin[g] }
        }
        nodes.withUnsafeBufferPointer { nodes in
            local.withUnsafeBufferPointer { x in
                acc.withUnsafeMutableBufferPointer { acc in
                    guard let rows = x.baseAddress else { return }
                    // Sub-blocks of 64 rows keep their features in L1 while every tree
                    // visits them; each row still adds its trees in file order.
                    for sub in stride(from: 0, to: count, by: 64) {
                        let subEnd = min(count, sub + 64)
                        for t in 0..<treeRoots.count {
                            let root = Int(treeRoots[t])
                            let g = Int(treeGroup[t])
                            if let weights = treeWeight {
                                let w = weights[t]
                                for r in sub..<subEnd {
                                    acc[r * width + g] += Self.leaf(nodes, root: root, row: rows + r * nf) * w
                                }
                            } else {
                                for r in sub..<subEnd {
                                    acc[r * width + g] += Self.leaf(nodes, root: root, row: rows + r * nf)
                                }
                            }
                        }
                    }
                }
            }
        }
        for r in 0..<count {
            let row = r * width
            if !margin {
                switch link {
                case .identity:
                    break
                case .sigmoid:
                    acc[row] = 1 / (1 + expf(-acc[row]))
                case .softmax:
                    var top = acc[row]
                    for g in 1..<width { top = max(top, acc[row + g]) }
                    var sum: Float = 0
                    for g in 0..<width {
                        let e = expf(acc[row + g] - top)
                        acc[row + g] = e
                        sum += e
                    }
                    for g in 0..<width { acc[row + g] /= sum }
                }
            }
        }
        return acc.map { Double($0) }
    }

    /// The leaf a row reaches in the tree rooted at `root`: left when `x < threshold`,
    /// right otherwise, the default direction when `x` is missing (NaN).
    @inline(__always)
    private static func leaf(_ nodes: UnsafeBufferPointer<Node>, root: Int, row: UnsafePointer<Float>) -> Float {
        var i = root
        while true {
            let node = nodes[i]
            if node.feature < 0 { return node.value }
            let x = row[Int(node.feature)]
            i = Int(x.isNaN ? node.missing : (x < node.value ? node.left : node.right))
        }
    }
}
