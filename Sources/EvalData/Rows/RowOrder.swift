/// Stable row orderings over key columns.
package enum RowOrder {
    /// Row indices ordered by `keys` (first key first), each ascending unless its
    /// `descending` flag is set; missing values go last either way; ties keep their
    /// original order, so the result is the same on every run.
    package static func stableOrder(keys: [Column], descending: [Bool]) -> [Int] {
        guard let n = keys.first?.count else { return [] }
        let ranks = keys.map(rankKeys)
        var order = Array(0..<n)
        order.sort { a, b in
            for (k, rank) in ranks.enumerated() {
                let x = rank[a], y = rank[b]
                if x == y { continue }
                // NaN ranks mark missing values: always after present ones.
                if x.isNaN { return false }
                if y.isNaN { return true }
                let desc = k < descending.count ? descending[k] : false
                return desc ? x > y : x < y
            }
            return a < b
        }
        return order
    }

    /// A number per row that orders like the column's values (NaN when missing):
    /// strings by their rank in the sorted dictionary, bools as 0 and 1.
    package static func rankKeys(_ column: Column) -> [Double] {
        switch column.storage {
        case .number(let v):
            guard let missing = column.missing else { return v }
            return v.indices.map { missing[$0] ? .nan : v[$0] }
        case .bool(let v):
            return v.indices.map { column.isMissing($0) ? .nan : (v[$0] ? 1 : 0) }
        case .string(let codes, let dictionary):
            let sorted = dictionary.indices.sorted { dictionary[$0] < dictionary[$1] }
            var rank = [Double](repeating: 0, count: dictionary.count)
            for (r, code) in sorted.enumerated() { rank[code] = Double(r) }
            return codes.map { $0 < 0 ? .nan : rank[Int($0)] }
        }
    }
}
