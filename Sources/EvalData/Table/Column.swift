/// A typed, contiguous vector with an optional missing-value mask.
///
/// Numbers live in `[Double]`, bools in `[Bool]` (one byte each), strings are
/// dictionary-encoded (`Int32` codes into a dictionary in first-appearance order).
/// Missing rows are marked by `missing`; a missing number also holds NaN in its
/// slot so numeric kernels can read the buffer directly.
///
/// The initialisers take a `missing` mask of one entry per value; the rules every column
/// keeps are listed, and checked, by `invariantViolations` (asserted in debug builds).
package struct Column: Sendable, Equatable {
    package enum Storage: Sendable, Equatable {
        case number([Double])
        case bool([Bool])
        case string(codes: [Int32], dictionary: [String])
    }

    package private(set) var storage: Storage
    /// `nil` when no row is missing; otherwise `true` marks a missing row.
    package private(set) var missing: [Bool]?

    package init(numbers: [Double], missing: [Bool]? = nil) {
        var values = numbers
        // Write only where needed: readers already put NaN there, and an untouched
        // buffer is not copied.
        if let missing {
            for i in values.indices where i < missing.count && missing[i] && !values[i].isNaN { values[i] = .nan }
        }
        self.storage = .number(values)
        self.missing = Column.normalised(missing)
        assertInvariants()
    }

    package init(bools: [Bool], missing: [Bool]? = nil) {
        var values = bools
        if let missing {
            for i in values.indices where i < missing.count && missing[i] && values[i] { values[i] = false }
        }
        self.storage = .bool(values)
        self.missing = Column.normalised(missing)
        assertInvariants()
    }

    /// A string column from codes into `dictionary` (distinct strings); a missing row's code is -1.
    package init(codes: [Int32], dictionary: [String], missing: [Bool]? = nil) {
        self.storage = .string(codes: codes, dictionary: dictionary)
        self.missing = Column.normalised(missing)
        assertInvariants()
    }

    /// Dictionary-encodes strings in first-appearance order; `nil` is missing.
    package init(strings: [String?]) {
        var lookup: [String: Int32] = [:]
        var dictionary: [String] = []
        var codes = [Int32](repeating: -1, count: strings.count)
        var missing = [Bool](repeating: false, count: strings.count)
        for (i, s) in strings.enumerated() {
            guard let s else { missing[i] = true; continue }
            if let code = lookup[s] {
                codes[i] = code
            } else {
                let code = Int32(dictionary.count)
                lookup[s] = code
                dictionary.append(s)
                codes[i] = code
            }
        }
        self.init(codes: codes, dictionary: dictionary, missing: missing)
    }

    private static func normalised(_ missing: [Bool]?) -> [Bool]? {
        guard let missing, missing.contains(true) else { return nil }
        return missing
    }

    package var type: ColumnType {
        switch storage {
        case .number: .number
        case .bool: .bool
        case .string: .string
        }
    }

    package var count: Int {
        switch storage {
        case .number(let v): v.count
        case .bool(let v): v.count
        case .string(let codes, _): codes.count
        }
    }

    package var hasMissing: Bool { missing != nil }

    package var missingCount: Int {
        guard let missing else { return 0 }
        return missing.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    package func isMissing(_ i: Int) -> Bool { missing?[i] ?? false }

    /// The numbers of a number column (missing rows hold NaN); `nil` for other types.
    package var numbers: [Double]? {
        if case .number(let v) = storage { return v }
        return nil
    }

    /// The values of a bool column (missing rows hold false); `nil` for other types.
    package var bools: [Bool]? {
        if case .bool(let v) = storage { return v }
        return nil
    }

    /// The strings of a string column, `nil` where missing; `nil` for other types.
    package var strings: [String?]? {
        guard case .string(let codes, let dictionary) = storage else { return nil }
        return codes.map { $0 < 0 ? nil : dictionary[Int($0)] }
    }

    /// Element `i` (0-based, in range) as a scalar.
    package subscript(i: Int) -> Scalar {
        if isMissing(i) { return .missing }
        switch storage {
        case .number(let v): return .number(v[i])
        case .bool(let v): return .bool(v[i])
        case .string(let codes, let dictionary):
            let code = Int(codes[i])
            return code < 0 ? .missing : .string(dictionary[code])
        }
    }

    /// The rows at `indices` (each in range), in that order.
    package func gathering(_ indices: [Int]) -> Column {
        let newMissing = missing.map { m in indices.map { m[$0] } }
        switch storage {
        case .number(let v): return Column(numbers: indices.map { v[$0] }, missing: newMissing)
        case .bool(let v): return Column(bools: indices.map { v[$0] }, missing: newMissing)
        case .string(let codes, let dictionary):
            return Column(codes: indices.map { codes[$0] }, dictionary: dictionary, missing: newMissing)
        }
    }

    /// The rows where `mask` is true; `mask.count` must equal `count`.
    package func filtering(_ mask: [Bool]) -> Column {
        var indices: [Int] = []
        indices.reserveCapacity(count)
        for i in mask.indices where mask[i] { indices.append(i) }
        return gathering(indices)
    }

    /// A contiguous range of rows (clamped to the column).
    package func slice(_ range: Range<Int>) -> Column {
        let r = range.clamped(to: 0..<count)
        return gathering(Array(r))
    }
}
