import EvalData
import Foundation

/// Helpers shared by the CSV tests: parse text or bytes, find fixtures, read columns.
enum CSVTest {
    /// Parses bytes in memory, returning the table or the error.
    static func parse(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) -> Result<Table, CSVError> {
        bytes.withUnsafeBytes { raw in
            do throws(CSVError) {
                return .success(try CSVReader.parse(bytes: raw, name: "test.csv", options: options))
            } catch {
                return .failure(error)
            }
        }
    }

    static func parse(_ text: String, options: CSVOptions = CSVOptions()) -> Result<Table, CSVError> {
        parse(Array(text.utf8), options: options)
    }

    /// Parses text that is expected to be valid; a failure is reported as a thrown error.
    static func table(_ text: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try parse(text, options: options).get()
    }

    /// The error a text is expected to produce, or `nil` if it parsed.
    static func error(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) -> CSVError? {
        if case .failure(let e) = parse(bytes, options: options) { return e }
        return nil
    }

    /// Path of a file in the test bundle's `Fixtures` folder.
    static func fixture(_ name: String) -> String? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Options with a thread count and an explicit chunk count.
    static func options(threads: Int, chunks: Int?, base: CSVOptions = CSVOptions()) -> CSVOptions {
        var o = base
        o.threads = threads
        o.chunkCount = chunks
        return o
    }
}

extension Table {
    /// The named column's numbers (NaN where missing), or `nil`.
    func csvNumbers(_ name: String) -> [Double]? { column(named: name)?.numbers }

    /// The named column's strings (`nil` where missing), or `nil`.
    func csvStrings(_ name: String) -> [String?]? { column(named: name)?.strings }

    /// The named column's bools, or `nil`.
    func csvBools(_ name: String) -> [Bool]? { column(named: name)?.bools }

    /// Which rows of the named column are missing.
    func csvMissing(_ name: String) -> [Bool] {
        guard let c = column(named: name) else { return [] }
        return (0..<c.count).map { c.isMissing($0) }
    }
}

extension CSVTest {
    /// Whether two tables are the same bit for bit: `==` would call two missing numbers
    /// unequal, because their slots hold NaN.
    static func identical(_ a: Table, _ b: Table) -> Bool {
        guard a.names == b.names, a.rowCount == b.rowCount else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.missing == y.missing else { return false }
            switch (x.storage, y.storage) {
            case (.number(let u), .number(let v)):
                guard u.map(\.bitPattern) == v.map(\.bitPattern) else { return false }
            case (.bool(let u), .bool(let v)):
                guard u == v else { return false }
            case (.string(let c1, let d1), .string(let c2, let d2)):
                guard c1 == c2, d1 == d2 else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// `identical` for parse outcomes: equal errors, or identical tables.
    static func identical(_ a: Result<Table, CSVError>, _ b: Result<Table, CSVError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): identical(x, y)
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }
}
