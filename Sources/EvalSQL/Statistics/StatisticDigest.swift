import EvalData

/// The SHA-256 of a statistic an engine returned, over a canonical text of its columns
/// (names, types, every value with numbers as their exact bit patterns), so replay can
/// tell whether the data behind a relation changed.
package enum StatisticDigest {
    package static func sha256(_ table: Table) -> String {
        var text = ""
        for (name, column) in zip(table.names, table.columns) {
            text += "\(name.utf8.count):\(name):\(column.type.rawValue)\n"
            for i in 0..<column.count {
                switch column[i] {
                case .number(let x): text += String(x.bitPattern, radix: 16)
                case .bool(let b): text += b ? "t" : "f"
                case .string(let s): text += "\(s.utf8.count):" + s
                case .missing: text += "-"
                }
                text += "\n"
            }
        }
        return FileDigest.sha256(Array(text.utf8))
    }
}
