import EvalData
import Foundation

/// Helpers shared by the Parquet tests.
enum ParquetTest {
    /// Whether two tables hold the same names, types, masks and values, numbers compared
    /// bit for bit (so NaN equals NaN, which `==` on `[Double]` denies).
    static func identical(_ a: Table, _ b: Table) -> Bool {
        guard a.names == b.names, a.rowCount == b.rowCount else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.missing == y.missing else { return false }
            switch (x.storage, y.storage) {
            case (.number(let u), .number(let v)):
                guard u.count == v.count, zip(u, v).allSatisfy({ $0.bitPattern == $1.bitPattern }) else { return false }
            case (.bool(let u), .bool(let v)):
                guard u == v else { return false }
            case (.string(let c, let d), .string(let e, let f)):
                guard c == e, d == f else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Reads a file, giving the table or the error.
    static func read(_ path: String, columns: [String]? = nil, threads: Int = 2) -> Result<ParquetTable, ParquetError> {
        do throws(ParquetError) {
            return .success(
                try ParquetReader.read(path: path, options: ParquetOptions(columns: columns, threads: threads)))
        } catch {
            return .failure(error)
        }
    }
}
